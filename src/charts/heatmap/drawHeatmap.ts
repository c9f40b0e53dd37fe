// Imperative drawer for the CPU grid: (ctx, scene) => pixels. Small cells go through one ImageData
// pixel per cell, scaled up without smoothing; large cells are fillRects with a gutter.
import type { ColorLut } from '../shared/colorLut.ts';
import { cellRect, type GridLayout } from './heatmapLayout.ts';

export interface HeatmapScene {
  layout: GridLayout;
  /** LUT index of every cell, cell order. */
  colorIndex: Uint8Array;
  lut: ColorLut;
  /** Label candidates per group index, longest first; the first that fits is drawn. */
  groupLabels: readonly (readonly string[])[];
  labelColor: string;
  /**
   * Optional marks over the cells: per cell an index into `overlayLut`, 0 = no mark. Drawn as a square
   * inset in the cell; cells under MIN_INSET_CELL_PX take the mark's colour instead.
   */
  overlayIndex?: Uint8Array;
  overlayLut?: ColorLut;
}

/** Cells at least this big get an inset overlay mark; smaller ones are recoloured. */
export const MIN_INSET_CELL_PX = 4;

/** Reusable off-screen buffers for the pixel path (one per heatmap). */
export interface HeatmapScratch {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D | null;
  image: ImageData | null;
}

/** Pitch at or below which the ImageData path is used (no gutters to draw). */
export const PIXEL_PATH_MAX_CELL_PX = 5;

export function createHeatmapScratch(): HeatmapScratch {
  return { canvas: document.createElement('canvas'), ctx: null, image: null };
}

function scratchImage(scratch: HeatmapScratch, cols: number, rows: number): ImageData {
  if (!scratch.image || scratch.image.width !== cols || scratch.image.height !== rows) {
    scratch.canvas.width = cols;
    scratch.canvas.height = rows;
    scratch.ctx = scratch.canvas.getContext('2d');
    scratch.image = new ImageData(cols, rows);
  }
  return scratch.image;
}

function drawBlocksAsPixels(ctx: CanvasRenderingContext2D, scene: HeatmapScene, scratch: HeatmapScratch): void {
  const { layout, colorIndex, lut } = scene;
  const { cols, rows, cellPx } = layout;
  const image = scratchImage(scratch, cols, rows);
  const pixels = new Uint32Array(image.data.buffer);
  const packed = lut.packed;
  const overlay = cellPx < MIN_INSET_CELL_PX ? scene.overlayIndex : undefined;
  const overlayPacked = scene.overlayLut?.packed;
  ctx.imageSmoothingEnabled = false;
  for (const block of layout.blocks) {
    const end = block.start + block.count;
    for (let cell = block.start, p = 0; cell < end; cell++, p++) {
      const mark = overlay && overlayPacked ? overlay[cell] : 0;
      pixels[p] = mark ? overlayPacked![mark] : packed[colorIndex[cell]];
    }
    pixels.fill(0, block.count);
    scratch.ctx?.putImageData(image, 0, 0);
    ctx.drawImage(scratch.canvas, 0, 0, cols, rows, block.x, block.y, cols * cellPx, rows * cellPx);
  }
}

function drawBlocksAsRects(ctx: CanvasRenderingContext2D, scene: HeatmapScene): void {
  const { layout, colorIndex, lut } = scene;
  const { cols, cellPx } = layout;
  const side = cellPx - layout.gutterPx;
  let current = -1;
  for (const block of layout.blocks) {
    for (let local = 0; local < block.count; local++) {
      const k = colorIndex[block.start + local];
      if (k !== current) {
        ctx.fillStyle = lut.css[k];
        current = k;
      }
      ctx.fillRect(block.x + (local % cols) * cellPx, block.y + Math.floor(local / cols) * cellPx, side, side);
    }
  }
}

function drawOverlayInsets(ctx: CanvasRenderingContext2D, scene: HeatmapScene): void {
  const { layout, overlayIndex, overlayLut } = scene;
  if (!overlayIndex || !overlayLut || layout.cellPx < MIN_INSET_CELL_PX) return;
  const { cols, cellPx } = layout;
  const side = cellPx - layout.gutterPx;
  const inset = Math.max(1, Math.floor(side / 4));
  const mark = Math.max(1, side - 2 * inset);
  for (let k = 1; k < overlayLut.size; k++) {
    ctx.fillStyle = overlayLut.css[k];
    ctx.beginPath();
    for (const block of layout.blocks) {
      for (let local = 0; local < block.count; local++) {
        if (overlayIndex[block.start + local] !== k) continue;
        ctx.rect(block.x + (local % cols) * cellPx + inset, block.y + Math.floor(local / cols) * cellPx + inset, mark, mark);
      }
    }
    ctx.fill();
  }
}

/** Per context: the font last asked for, and how the context reported it back. */
const fontOf = new WeakMap<CanvasRenderingContext2D, { asked: string; got: string }>();

/** Label choices by font, room and candidates: measuring text costs more than drawing a grid of cells. */
const labelChoice = new Map<string, string | null>();
const LABEL_CHOICES_KEPT = 256;

function drawLabels(ctx: CanvasRenderingContext2D, scene: HeatmapScene): void {
  const { layout, groupLabels } = scene;
  if (layout.labelPx < 8) return;
  const font = `${Math.min(11, layout.labelPx - 3)}px ui-sans-serif, system-ui, sans-serif`;
  // Setting the font of a canvas in the document resolves it against the page's styles, which forces a
  // style recalculation mid-commit; the context keeps its font between draws (a resize resets it).
  const last = fontOf.get(ctx);
  if (last?.asked !== font || last.got !== ctx.font) {
    ctx.font = font;
    fontOf.set(ctx, { asked: font, got: ctx.font });
  }
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = scene.labelColor;
  const room = Math.max(layout.cols * layout.cellPx, 1);
  for (const block of layout.blocks) {
    const candidates = groupLabels[block.index] ?? [];
    const key = `${font}|${room}|${candidates.join('\u0001')}`;
    let text = labelChoice.get(key);
    if (text === undefined) {
      text = candidates.find((t) => ctx.measureText(t).width <= room) ?? null;
      if (labelChoice.size >= LABEL_CHOICES_KEPT) labelChoice.clear();
      labelChoice.set(key, text);
    }
    if (text) ctx.fillText(text, block.x, block.y - 3);
  }
}

/** Clear the canvas and draw every cell and label. `widthPx`/`heightPx` are the CSS size. */
export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  scene: HeatmapScene,
  scratch: HeatmapScratch,
  widthPx: number,
  heightPx: number,
): void {
  ctx.clearRect(0, 0, widthPx, heightPx);
  if (scene.layout.cellPx <= PIXEL_PATH_MAX_CELL_PX) drawBlocksAsPixels(ctx, scene, scratch);
  else drawBlocksAsRects(ctx, scene);
  drawOverlayInsets(ctx, scene);
  drawLabels(ctx, scene);
}

/** Overlay: outline the hovered cell (a larger ring around tiny cells so it stays visible). */
export function drawHeatmapHover(
  ctx: CanvasRenderingContext2D,
  layout: GridLayout,
  cellIndex: number | null,
  widthPx: number,
  heightPx: number,
): void {
  ctx.clearRect(0, 0, widthPx, heightPx);
  if (cellIndex === null) return;
  const rect = cellRect(layout, cellIndex);
  if (!rect) return;
  const pad = rect.width < 6 ? 3 : 1;
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#0f172a';
  ctx.strokeRect(rect.x - pad, rect.y - pad, rect.width + 2 * pad, rect.height + 2 * pad);
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#ffffff';
  ctx.strokeRect(rect.x - pad + 1.5, rect.y - pad + 1.5, rect.width + 2 * pad - 3, rect.height + 2 * pad - 3);
}

// A figure as a file: a title, the chart drawn by its own drawer, its legend and a caption line
// (scenario, kernels, step, link), laid out once and drawn through the Canvas2D API, so that the PNG (a
// real canvas at 2×) and the SVG (the recorder) come from the same calls.
import type { FigureBody, FigureContext } from './figureRegistry.ts';
import { SvgContext } from './SvgContext.ts';

export interface LegendEntry {
  color: string;
  label: string;
  /** Drawn as a small square inside a grey cell (the CPU grid's inset marks). */
  inset?: boolean;
}

export interface Figure {
  title: string;
  body: FigureBody;
  legend: readonly LegendEntry[];
  /** Caption lines (scenario, kernels, step, link); each is wrapped to the figure's width. */
  caption: readonly string[];
}

/** Device pixels per CSS pixel of the PNG export. */
export const PNG_PIXEL_RATIO = 2;

const PAD = 12;
const FONT = 'ui-sans-serif, system-ui, sans-serif';
const TITLE_FONT = `600 14px ${FONT}`;
const LEGEND_FONT = `11px ${FONT}`;
const CAPTION_FONT = `11px ${FONT}`;
const LINE = 16;
const SWATCH = 10;

interface Placed {
  text: string;
  x: number;
  y: number;
  entry?: LegendEntry;
}

interface FigureLayout {
  widthPx: number;
  heightPx: number;
  bodyTop: number;
  legend: Placed[];
  caption: Placed[];
}

/** Widest a figure grows to fit its title and caption (its chart may be wider). */
const MAX_TEXT_WIDTH_PX = 960;

/** Words wrapped to `width`; a word too long for a line (a link) is cut before a '&' or anywhere. */
function wrapWords(measure: (t: string) => number, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.split(' ').flatMap((w) => (measure(w) <= width ? [w] : w.split(/(?=&)/)));
  for (const word of words) {
    const joiner = line && !word.startsWith('&') ? ' ' : '';
    const next = line + joiner + word;
    if (line && measure(next) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  out.push(line);
  return out;
}

function layoutFigure(ctx: FigureContext, f: Figure): FigureLayout {
  ctx.font = TITLE_FONT;
  let textPx = ctx.measureText(f.title).width;
  ctx.font = CAPTION_FONT;
  for (const c of f.caption) textPx = Math.max(textPx, ...c.split(' ').map((w) => ctx.measureText(w).width));
  const widthPx = Math.ceil(Math.max(f.body.widthPx, 360, Math.min(textPx, MAX_TEXT_WIDTH_PX)) + 2 * PAD);
  const inner = widthPx - 2 * PAD;
  const bodyTop = PAD + LINE + 6;
  let y = bodyTop + f.body.heightPx + 18;
  ctx.font = LEGEND_FONT;
  const legend: Placed[] = [];
  let x = PAD;
  for (const entry of f.legend) {
    const w = SWATCH + 5 + ctx.measureText(entry.label).width + 14;
    if (x > PAD && x + w > PAD + inner) {
      x = PAD;
      y += LINE;
    }
    legend.push({ text: entry.label, x, y, entry });
    x += w;
  }
  if (legend.length) y += LINE + 4;
  ctx.font = CAPTION_FONT;
  const caption: Placed[] = [];
  for (const c of f.caption)
    for (const line of wrapWords((t) => ctx.measureText(t).width, c, inner)) {
      caption.push({ text: line, x: PAD, y });
      y += LINE - 2;
    }
  return { widthPx, heightPx: y + PAD - 4, bodyTop, legend, caption };
}

/**
 * Draws the whole figure (white background, title, chart, legend, caption) into `ctx` (CSS px).
 * `drawBody` puts the chart at (x, y): the chart is drawn on a surface of its own first, since drawers
 * may write raw pixels (putImageData), which ignore the context's transform.
 */
function drawFigure(ctx: FigureContext, f: Figure, l: FigureLayout, drawBody: (x: number, y: number) => void): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, l.widthPx, l.heightPx);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = TITLE_FONT;
  ctx.fillStyle = '#0f172a';
  ctx.fillText(f.title, PAD, PAD + 12);
  drawBody(PAD, l.bodyTop);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = LEGEND_FONT;
  for (const p of l.legend) {
    const e = p.entry!;
    if (e.inset) {
      ctx.fillStyle = '#e2e8f0';
      ctx.fillRect(p.x, p.y - SWATCH + 1, SWATCH, SWATCH);
      ctx.fillStyle = e.color;
      ctx.fillRect(p.x + 3, p.y - SWATCH + 4, SWATCH - 6, SWATCH - 6);
    } else {
      ctx.fillStyle = e.color;
      ctx.fillRect(p.x, p.y - SWATCH + 1, SWATCH, SWATCH);
    }
    ctx.fillStyle = '#334155';
    ctx.fillText(p.text, p.x + SWATCH + 5, p.y);
  }
  ctx.font = CAPTION_FONT;
  ctx.fillStyle = '#475569';
  for (const p of l.caption) ctx.fillText(p.text, p.x, p.y);
}

/** The figure as a PNG at PNG_PIXEL_RATIO: the chart's drawer on a real canvas. */
export async function figurePng(f: Figure): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available in this browser.');
  const l = layoutFigure(ctx, f);
  canvas.width = Math.round(l.widthPx * PNG_PIXEL_RATIO);
  canvas.height = Math.round(l.heightPx * PNG_PIXEL_RATIO);
  ctx.setTransform(PNG_PIXEL_RATIO, 0, 0, PNG_PIXEL_RATIO, 0, 0);
  drawFigure(ctx, f, l, (x, y) => {
    const body = document.createElement('canvas');
    body.width = Math.max(1, Math.round(f.body.widthPx * PNG_PIXEL_RATIO));
    body.height = Math.max(1, Math.round(f.body.heightPx * PNG_PIXEL_RATIO));
    const bctx = body.getContext('2d');
    if (!bctx) throw new Error('Canvas 2D is not available in this browser.');
    bctx.setTransform(PNG_PIXEL_RATIO, 0, 0, PNG_PIXEL_RATIO, 0, 0);
    f.body.draw(bctx, PNG_PIXEL_RATIO);
    ctx.drawImage(body, x, y, f.body.widthPx, f.body.heightPx);
  });
  // The charts clear their own area first (clearRect): put the white page back under them.
  ctx.globalCompositeOperation = 'destination-over';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, l.widthPx, l.heightPx);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b && b.size > 0 ? resolve(b) : reject(new Error('the browser could not encode the PNG.'))), 'image/png'),
  );
}

/** The figure as a standalone SVG document: the chart's drawer into the SVG recorder. */
export function figureSvg(f: Figure): string {
  const rec = new SvgContext(0, 0, PNG_PIXEL_RATIO, 'figure');
  const l = layoutFigure(rec.asContext(), f);
  drawFigure(rec.asContext(), f, l, (x, y) => {
    const body = new SvgContext(f.body.widthPx, f.body.heightPx, PNG_PIXEL_RATIO, 'chart');
    f.body.draw(body.asContext(), PNG_PIXEL_RATIO);
    // A nested <svg> clips the chart to its box, as its canvas does on screen.
    rec.raw(`<svg x="${x}" y="${y}" width="${f.body.widthPx}" height="${f.body.heightPx}" overflow="hidden">\n${body.body()}\n</svg>`);
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(l.widthPx)}" height="${Math.round(l.heightPx)}" viewBox="0 0 ${Math.round(l.widthPx)} ${Math.round(l.heightPx)}">\n` +
    `<title>${f.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>\n${rec.body()}\n</svg>\n`
  );
}

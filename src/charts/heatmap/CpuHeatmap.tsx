// Thin React shell around the CPU grid: owns two canvases (data + hover overlay), a tooltip and a
// summary line. Any per-CPU value array can be shown: pass the values, a LUT and how to index it.
import { useKeepInViewport } from '../../ui/useKeepInViewport.ts';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { probe, probeClock } from '../../lib/probe.ts';
import type { ColorLut } from '../shared/colorLut.ts';
import { cancelDraw, requestDraw } from '../shared/frameScheduler.ts';
import { blankCanvas, getCssPixelContext, observeCanvasSize, resizeCanvas, type CanvasSize } from '../shared/hiDpiCanvas.ts';
import { createHeatmapScratch, drawHeatmap, drawHeatmapHover, type HeatmapScene, type HeatmapScratch } from './drawHeatmap.ts';
import { cellAtPoint, cellRect, computeGridLayout, type GridLayout } from './heatmapLayout.ts';
import { useFigureSource } from '../../export/figures/figureRegistry.ts';

export interface CpuHeatmapProps {
  /** Accessible name of the grid region, e.g. "CPU grid". The summary is named "<label> summary". */
  label: string;
  /** One value per cell, in CPU-id order. */
  values: ArrayLike<number>;
  /** Sizes of the contiguous groups (NUMA nodes); they sum to values.length. */
  groupSizes: readonly number[];
  lut: ColorLut;
  /** Maps a value to an index into `lut` (identity for categorical palettes). */
  valueToLutIndex: (value: number) => number;
  /** Label candidates for a group, longest first; the first that fits its block is drawn. */
  groupLabels?: (group: number, count: number) => readonly string[];
  /** Tooltip text of one cell. */
  hoverText: (cellIndex: number) => string;
  legend?: ReactNode;
  /** Compact text description of the whole grid. */
  summary?: string;
  /** The grid grows with the cell count up to this height, CSS px; cells shrink beyond it. */
  maxHeightPx?: number;
  /** Optional marks over the cells: per cell an index into `overlay.lut` (0 = none); see HeatmapScene.overlayIndex. */
  overlay?: { values: ArrayLike<number>; lut: ColorLut };
  /** Offer the grid to the exports under this id (src/export/figures/figureRegistry.ts). */
  figureId?: string;
}

interface Hover {
  cell: number;
  /** The hovered cell's left, right and top edges, and the box width, CSS px. */
  leftPx: number;
  rightPx: number;
  topPx: number;
  boxWidthPx: number;
}

/** Matches the box's min-h-12; the drawer owns style.height beyond it. */
const MIN_HEIGHT_PX = 48;
/** Probe name: one data-layer draw (layout + draw), { ms } (src/lib/probe.ts). */
export const HEATMAP_DRAW_PROBE = 'heatmap.draw';

function toColorIndex(values: ArrayLike<number>, valueToLutIndex: (v: number) => number): Uint8Array {
  const out = new Uint8Array(values.length);
  let lastValue = NaN;
  let lastIndex = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== lastValue) {
      lastValue = v;
      lastIndex = valueToLutIndex(v);
    }
    out[i] = lastIndex;
  }
  return out;
}

/** Two layouts place every cell and label alike. */
function sameGrid(a: GridLayout, b: GridLayout): boolean {
  if (a.cellCount !== b.cellCount || a.cellPx !== b.cellPx || a.gutterPx !== b.gutterPx || a.cols !== b.cols || a.rows !== b.rows)
    return false;
  if (a.labelPx !== b.labelPx || a.widthPx !== b.widthPx || a.heightPx !== b.heightPx || a.blocks.length !== b.blocks.length) return false;
  return a.blocks.every((x, i) => {
    const y = b.blocks[i];
    return x.index === y.index && x.start === y.start && x.count === y.count && x.x === y.x && x.y === y.y;
  });
}

export function CpuHeatmap(props: CpuHeatmapProps) {
  const { label, values, groupSizes, lut, valueToLutIndex, groupLabels, hoverText, legend, summary, overlay } = props;
  const maxHeightPx = props.maxHeightPx ?? 320;
  const drawKey = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const dataRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  /** Observed box width and dpr; the height is the layout's (set when drawing). */
  const sizeRef = useRef<CanvasSize | null>(null);
  const layoutRef = useRef<GridLayout | null>(null);
  const scratchRef = useRef<HeatmapScratch | null>(null);
  const hoverRef = useRef<Hover | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const sceneRef = useRef<{ scene: HeatmapScene; widthPx: number; heightPx: number } | null>(null);
  useFigureSource(props.figureId, () => {
    const last = sceneRef.current;
    if (!last) return null;
    return { ...last, draw: (ctx) => drawHeatmap(ctx, last.scene, createHeatmapScratch(), last.widthPx, last.heightPx) };
  });

  const colorIndex = useMemo(() => toColorIndex(values, valueToLutIndex), [values, valueToLutIndex]);
  const overlayIndex = useMemo(
    () => (overlay ? (overlay.values instanceof Uint8Array ? overlay.values : Uint8Array.from(overlay.values)) : undefined),
    [overlay],
  );
  const overlayLut = overlay?.lut;
  const labels = useMemo(() => groupSizes.map((count, g) => (groupLabels ? groupLabels(g, count) : [])), [groupSizes, groupLabels]);

  /** What the hover canvas shows (a new set of values alone does not change it). */
  const overlayDrawnRef = useRef<{ layout: GridLayout; cell: number | null; size: CanvasSize } | null>(null);
  const drawOverlay = useCallback(() => {
    const canvas = overlayRef.current;
    const size = sizeRef.current;
    const layout = layoutRef.current;
    if (!canvas || !size || !layout) return;
    const cell = hoverRef.current?.cell ?? null;
    const last = overlayDrawnRef.current;
    if (last && last.layout === layout && last.cell === cell && last.size === size) return;
    overlayDrawnRef.current = { layout, cell, size };
    // Nothing hovered: one blank backing pixel (a full-size canvas would be copied into every frame).
    if (cell === null) return blankCanvas(canvas);
    resizeCanvas(canvas, size);
    const ctx = getCssPixelContext(canvas, size.dpr);
    drawHeatmapHover(ctx, layout, cell, size.widthPx, size.heightPx);
  }, []);

  const drawData = useCallback(() => {
    const canvas = dataRef.current;
    const box = boxRef.current;
    const observed = sizeRef.current;
    if (!canvas || !box || !observed || observed.widthPx < 1) return;
    const t0 = probeClock();
    const computed = computeGridLayout(groupSizes, observed.widthPx, maxHeightPx);
    // Same grid as last time (a new step): keep the objects, so the hover canvas is left alone.
    const previous = layoutRef.current;
    const layout = previous && sameGrid(previous, computed) ? previous : computed;
    layoutRef.current = layout;
    const heightPx = Math.max(MIN_HEIGHT_PX, layout.heightPx + 2);
    const size = observed.heightPx === heightPx ? observed : { ...observed, heightPx };
    sizeRef.current = size;
    const height = `${heightPx}px`;
    if (box.style.height !== height) box.style.height = height;
    resizeCanvas(canvas, size);
    const ctx = getCssPixelContext(canvas, size.dpr);
    scratchRef.current ??= createHeatmapScratch();
    const scene = { layout, colorIndex, lut, groupLabels: labels, labelColor: '#334155', overlayIndex, overlayLut };
    sceneRef.current = { scene, widthPx: size.widthPx, heightPx: size.heightPx };
    drawHeatmap(ctx, scene, scratchRef.current, size.widthPx, size.heightPx);
    probe(HEATMAP_DRAW_PROBE, () => ({ ms: probeClock() - t0 }));
    // A hovered cell may no longer exist (fewer CPUs): drop it.
    const h = hoverRef.current;
    if (h && h.cell >= layout.cellCount) {
      hoverRef.current = null;
      setHover(null);
    }
    drawOverlay();
  }, [groupSizes, maxHeightPx, colorIndex, lut, labels, overlayIndex, overlayLut, drawOverlay]);

  // The latest drawer, for the size observer: it is bound once, not again for every new set of values
  // (re-binding measures the box, a forced layout, on every update).
  const drawDataRef = useRef(drawData);
  // New values are drawn in the commit that shows them, not in the next animation frame: an update
  // made inside an animation frame callback would otherwise reach the screen a frame after the rest of
  // the page. Sizes (and the first draw, once the box is measured) go through the frame scheduler.
  useLayoutEffect(() => {
    drawDataRef.current = drawData;
    if (!sizeRef.current) return;
    cancelDraw(drawKey);
    drawData();
  }, [drawKey, drawData]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const stop = observeCanvasSize(box, (size) => {
      // The height follows the layout; only a new width or pixel ratio needs a new layout.
      const last = sizeRef.current;
      if (last && last.widthPx === size.widthPx && last.dpr === size.dpr) return;
      sizeRef.current = { ...size, heightPx: last?.heightPx ?? size.heightPx };
      requestDraw(drawKey, () => drawDataRef.current());
    });
    return () => {
      stop();
      cancelDraw(drawKey);
    };
  }, [drawKey]);

  const showCell = useCallback(
    (cell: number | null) => {
      const layout = layoutRef.current;
      const rect = cell === null || !layout ? null : cellRect(layout, cell);
      const widthPx = sizeRef.current?.widthPx ?? 0;
      const next =
        cell === null || !rect ? null : { cell, leftPx: rect.x, rightPx: rect.x + rect.width, topPx: rect.y, boxWidthPx: widthPx };
      if (hoverRef.current?.cell === next?.cell) return;
      hoverRef.current = next;
      setHover(next);
      requestDraw(`${drawKey}-overlay`, drawOverlay);
    },
    [drawKey, drawOverlay],
  );

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const layout = layoutRef.current;
    if (!layout) return;
    const box = e.currentTarget.getBoundingClientRect();
    showCell(cellAtPoint(layout, e.clientX - box.left, e.clientY - box.top));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const layout = layoutRef.current;
    if (!layout || layout.cellCount === 0) return;
    const current = hoverRef.current?.cell ?? -1;
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: layout.cols,
      ArrowUp: -layout.cols,
    };
    let next: number | null;
    if (e.key in step) next = current < 0 ? 0 : current + step[e.key];
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = layout.cellCount - 1;
    else if (e.key === 'Escape') next = null;
    else return;
    e.preventDefault();
    showCell(next === null ? null : Math.min(layout.cellCount - 1, Math.max(0, next)));
  };

  const tooltipText = hover && hover.cell < values.length ? hoverText(hover.cell) : null;
  const tipRef = useRef<HTMLDivElement>(null);
  useKeepInViewport(tipRef, hover);

  return (
    <section role="region" aria-label={label} className="flex flex-col gap-2">
      <div
        ref={boxRef}
        className="relative min-h-12 w-full cursor-crosshair rounded outline-offset-2 focus-visible:outline-2 focus-visible:outline-sky-600"
        tabIndex={0}
        role="group"
        aria-label={`${label}: hover a cell, or use the arrow keys, to see one CPU`}
        aria-describedby={summary !== undefined ? `${drawKey}-summary` : undefined}
        onPointerMove={onPointerMove}
        onPointerLeave={() => showCell(null)}
        onBlur={() => showCell(null)}
        onKeyDown={onKeyDown}
      >
        <canvas ref={dataRef} className="absolute inset-0 h-full w-full" aria-hidden="true" />
        <canvas ref={overlayRef} className="pointer-events-none absolute inset-0 h-full w-full" aria-hidden="true" />
        {tooltipText && hover && (
          <div
            ref={tipRef}
            role="tooltip"
            className="pointer-events-none absolute z-10 w-max max-w-[min(24rem,calc(100vw-16px))] rounded bg-slate-900 px-2 py-1 text-xs text-white shadow"
            style={
              // Tooltips flip to the left of the cell near the right edge.
              hover.boxWidthPx - hover.rightPx < 260
                ? { right: hover.boxWidthPx - hover.leftPx + 8, top: hover.topPx }
                : { left: hover.rightPx + 8, top: hover.topPx }
            }
          >
            {tooltipText}
          </div>
        )}
      </div>
      {legend}
      {summary !== undefined && (
        <p className="text-sm text-slate-600" aria-label={`${label} summary`}>
          {/* The grid's description (aria-describedby): the text itself, not the paragraph's name. */}
          <span id={`${drawKey}-summary`}>{summary}</span>
        </p>
      )}
    </section>
  );
}

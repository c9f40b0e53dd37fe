// Imperative drawer of the timeline: (ctx, scene) => pixels. Lanes with labels, the step axis (d3
// ticks, drawn on the canvas so zoom frames never touch the DOM), spans as merged pixel runs per lane
// (ribbons, translucent overlays, full-lane bands), marks merged below one pixel, report markers.
// The plot area under the axis (stripes, grid lines, spans, marks) is filled into a RunRaster and put
// on the canvas in one copy; labels, ticks and markers are drawn with the canvas API around it.
// The cursor and hover live on the overlay canvas (drawTimelineOverlay).
import { scaleLinear } from 'd3';
import type { Context2D } from '../shared/hiDpiCanvas.ts';
import type { RunRaster } from './runRaster.ts';
import { mergeMarksToRuns, mergeSpansToRuns, type StepScale, type TimelineMarks, type TimelineSpans } from './timelineIndex.ts';
import type { LaneLayout } from './timelineLanes.ts';

/**
 * How a span category is drawn in its lane: 'ribbon' in the lane's ribbon band, 'ribbon2' in a thinner
 * band under it (a second item of the same row alive at the same time), 'overlay' as a sleeve around
 * both, 'band' over the whole lane height.
 */
export type SpanLayer = 'ribbon' | 'ribbon2' | 'overlay' | 'band';

export interface TimelineStyle {
  markColors: readonly string[];
  /** Mark categories drawn over the whole lane height (what went wrong), on top of everything. */
  fullHeightMarks: ReadonlySet<number>;
  spanColors: readonly string[];
  spanLayers: readonly SpanLayer[];
}

export interface TimelineData {
  marks: TimelineMarks;
  spans: TimelineSpans;
  /** The x domain is [0, endStep]. */
  endStep: number;
  /** Steps flagged above the axis (e.g. reports). */
  markerSteps: readonly number[];
}

export interface TimelineGeometry {
  widthPx: number;
  heightPx: number;
  labelWidthPx: number;
  axisHeightPx: number;
  laneHeightPx: number;
  rightPadPx: number;
}

export interface TimelineFrameStats {
  markRuns: number;
  spanRuns: number;
  visibleMarks: number;
}

const FONT = '11px ui-sans-serif, system-ui, sans-serif';
const LABEL_COLOR = '#334155';
const GRID_COLOR = '#e2e8f0';

/** Plot width in CSS px (right of the lane labels). */
export function plotWidthPx(g: TimelineGeometry): number {
  return Math.max(1, g.widthPx - g.labelWidthPx - g.rightPadPx);
}

/** The step → plot-px map of a window (px 0 = left edge of the plot). */
export function windowScale(g: TimelineGeometry, startStep: number, endStep: number): StepScale {
  return { startStep, pxPerStep: plotWidthPx(g) / Math.max(1e-9, endStep - startStep), originPx: 0 };
}

/** Top edge of lane `lane`, CSS px. */
export function laneTopPx(g: TimelineGeometry, lane: number): number {
  return g.axisHeightPx + lane * g.laneHeightPx;
}

/** Lane under a y coordinate, or -1. */
export function laneAtY(g: TimelineGeometry, layout: LaneLayout, y: number): number {
  const lane = Math.floor((y - g.axisHeightPx) / g.laneHeightPx);
  return lane >= 0 && lane < layout.lanes.length ? lane : -1;
}

/** Width of a mark, CSS px: most of a step when zoomed in, one pixel when steps are sub-pixel. */
export function markWidthPx(pxPerStep: number): number {
  return Math.max(1, Math.min(8, Math.floor(pxPerStep * 0.6)));
}

/** Tick positions (plot px, whole pixels) and labels of a window. */
function axisTicks(g: TimelineGeometry, startStep: number, endStep: number): { px: number; label: string }[] {
  const plotW = plotWidthPx(g);
  const x = scaleLinear().domain([startStep, endStep]).range([0, plotW]);
  const ticks = x.ticks(Math.max(2, Math.floor(plotW / 90))).filter(Number.isInteger);
  const format = x.tickFormat(ticks.length, ',d');
  return ticks.map((t) => ({ px: Math.round(x(t)), label: format(t) }));
}

/** The axis above the lanes: tick labels and marks, report markers, the axis line (plot coordinates). */
function drawAxis(
  ctx: Context2D,
  g: TimelineGeometry,
  ticks: { px: number; label: string }[],
  startStep: number,
  endStep: number,
  markerSteps: readonly number[],
  scale: StepScale,
): void {
  const plotW = plotWidthPx(g);
  ctx.font = FONT;
  ctx.textBaseline = 'alphabetic';
  const bottom = laneTopPx(g, 0);
  for (const t of ticks) {
    const px = t.px + 0.5;
    // Labels at the edges are aligned inwards so the plot's clip does not cut them.
    ctx.textAlign = px < 16 ? 'left' : px > plotW - 16 ? 'right' : 'center';
    ctx.fillStyle = '#64748b';
    ctx.fillRect(px - 0.5, bottom - 4, 1, 4);
    ctx.fillText(t.label, px, bottom - 11);
  }
  // Report markers: small red triangles on the axis line.
  ctx.fillStyle = '#dc2626';
  ctx.beginPath();
  let lastPx = -10;
  for (const step of markerSteps) {
    if (step < startStep || step > endStep) continue;
    const px = (step - scale.startStep) * scale.pxPerStep;
    if (px - lastPx < 3) continue;
    lastPx = px;
    ctx.moveTo(px - 4, bottom - 9);
    ctx.lineTo(px + 4, bottom - 9);
    ctx.lineTo(px, bottom - 2);
    ctx.closePath();
  }
  ctx.fill();
  ctx.fillStyle = '#94a3b8';
  ctx.fillRect(0, bottom - 0.5, plotW, 1);
}

/** A lane's background band: its y (CSS px from the top), height and colour. */
interface LaneBand {
  y: number;
  height: number;
  color: string;
}

/** Every other lane's stripe and the separators between lane groups (helpers | CPUs, node | node). */
function laneBands(g: TimelineGeometry, layout: LaneLayout): LaneBand[] {
  const out: LaneBand[] = [];
  layout.lanes.forEach((lane, i) => {
    const y = laneTopPx(g, i);
    if (i % 2 === 1) out.push({ y, height: g.laneHeightPx, color: '#f8fafc' });
    const prev = layout.lanes[i - 1];
    if (prev && (prev.kind === 'extra') !== (lane.kind === 'extra')) out.push({ y: y - 0.5, height: 1, color: '#cbd5e1' });
    else if (prev && prev.node !== lane.node && lane.node >= 0) out.push({ y: y - 0.5, height: 1, color: '#e2e8f0' });
  });
  return out;
}

/** The bands across the canvas and the lane labels (the plot part is then covered by the raster). */
function drawLaneBackgrounds(ctx: Context2D, g: TimelineGeometry, layout: LaneLayout, bands: readonly LaneBand[]): void {
  const plotRight = g.widthPx - g.rightPadPx;
  for (const band of bands) {
    ctx.fillStyle = band.color;
    ctx.fillRect(0, band.y, plotRight, band.height);
  }
  ctx.font = FONT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  const room = g.labelWidthPx - 10;
  layout.lanes.forEach((lane, i) => {
    ctx.fillStyle = lane.kind === 'extra' ? '#0f172a' : LABEL_COLOR;
    let text = lane.label;
    while (text.length > 3 && ctx.measureText(text).width > room) text = text.slice(0, -2) + '…';
    ctx.fillText(text, 6, laneTopPx(g, i) + g.laneHeightPx / 2);
  });
}

/**
 * Clear and draw the data layer for the window [startStep, endStep] with lanes `layout`; `raster` is
 * the plot's pixel buffer (kept by the caller between frames), `dpr` the canvas's device pixel ratio.
 * Cost: O(log n) to find the window, then O(visible marks + span candidates + lanes · width) and the
 * filled pixels.
 */
export function drawTimeline(
  ctx: Context2D,
  raster: RunRaster,
  dpr: number,
  data: TimelineData,
  style: TimelineStyle,
  g: TimelineGeometry,
  layout: LaneLayout,
  startStep: number,
  endStep: number,
  visibleMarks: [number, number],
): TimelineFrameStats {
  ctx.clearRect(0, 0, g.widthPx, g.heightPx);
  const bands = laneBands(g, layout);
  drawLaneBackgrounds(ctx, g, layout, bands);
  const plotW = plotWidthPx(g);
  const scale = windowScale(g, startStep, endStep);
  const laneCount = layout.lanes.length;
  const H = g.laneHeightPx;
  const ticks = axisTicks(g, startStep, endStep);

  // The plot under the axis, in the raster: backgrounds, grid lines, spans, then marks.
  raster.begin(plotW, g.heightPx - g.axisHeightPx, dpr, '#ffffff');
  for (const band of bands) raster.fillRect(0, band.y - g.axisHeightPx, raster.widthPx, band.height, band.color);
  for (const t of ticks) raster.fillRect(t.px, 0, 1, raster.heightPx, GRID_COLOR);
  const laneTop = (lane: number) => laneTopPx(g, lane) - g.axisHeightPx;

  const spanCats = style.spanColors.length;
  const spanRuns = mergeSpansToRuns(data.spans, startStep, endStep, scale, plotW, layout.laneOfRow, laneCount, spanCats);
  // Vertical bands of a lane: marks on top, the ribbon (and a second, thinner ribbon) below, overlays
  // as a sleeve around them, filled only outside the ribbons so that these keep their own colours.
  const ribbonTop = Math.round(H * 0.5);
  const ribbonBottom = Math.max(ribbonTop + 2, Math.round(H * 0.7));
  const ribbon2Bottom = Math.max(ribbonBottom + 1, Math.round(H * 0.86));
  const sleeveTop = Math.max(Math.round(H * 0.36), ribbonTop - 5);
  const sleeveBottom = Math.min(H - 1, ribbon2Bottom + 3);
  for (let c = 0; c < spanCats; c++) {
    const layer = style.spanLayers[c];
    if (layer === 'band') raster.fillRuns(spanRuns.runs[c], style.spanColors[c], laneTop, 1, H - 2);
  }
  for (let c = 0; c < spanCats; c++) {
    if (style.spanLayers[c] === 'ribbon')
      raster.fillRuns(spanRuns.runs[c], style.spanColors[c], laneTop, ribbonTop, ribbonBottom - ribbonTop);
    else if (style.spanLayers[c] === 'ribbon2')
      raster.fillRuns(spanRuns.runs[c], style.spanColors[c], laneTop, ribbonBottom + 1, ribbon2Bottom - ribbonBottom - 1);
  }
  for (let c = 0; c < spanCats; c++) {
    if (style.spanLayers[c] !== 'overlay') continue;
    const runs = spanRuns.runs[c];
    const color = style.spanColors[c];
    const above = ribbonTop - sleeveTop;
    const below = sleeveBottom - ribbon2Bottom;
    raster.fillRuns(runs, color, laneTop, sleeveTop, above, 0.35);
    if (below > 0) raster.fillRuns(runs, color, laneTop, ribbon2Bottom, below, 0.35);
    raster.fillRuns(runs, color, laneTop, sleeveTop, Math.min(2, above));
    if (below > 0) raster.fillRuns(runs, color, laneTop, sleeveBottom - Math.min(2, below), Math.min(2, below));
  }

  const [lo, hi] = visibleMarks;
  const markCats = style.markColors.length;
  const markRuns = mergeMarksToRuns(data.marks, lo, hi, scale, layout.laneOfRow, laneCount, markCats, markWidthPx(scale.pxPerStep));
  const markTop = Math.max(1, Math.round(H * 0.08));
  const markH = Math.max(2, sleeveTop - markTop - 1);
  for (let c = 0; c < markCats; c++) {
    if (!style.fullHeightMarks.has(c)) raster.fillRuns(markRuns.runs[c], style.markColors[c], laneTop, markTop, markH);
  }
  for (let c = 0; c < markCats; c++) {
    if (style.fullHeightMarks.has(c)) raster.fillRuns(markRuns.runs[c], style.markColors[c], laneTop, 1, H - 2);
  }
  // putImageData works in device pixels and ignores the context's transform.
  ctx.putImageData(raster.imageData, Math.round(g.labelWidthPx * dpr), Math.round(g.axisHeightPx * dpr));

  ctx.save();
  ctx.translate(g.labelWidthPx, 0);
  ctx.beginPath();
  ctx.rect(0, 0, plotW, g.heightPx);
  ctx.clip();
  drawAxis(ctx, g, ticks, startStep, endStep, data.markerSteps, scale);
  ctx.restore();
  return { markRuns: markRuns.total, spanRuns: spanRuns.total, visibleMarks: hi - lo };
}

/** Overlay: an outline of the hovered mark, if any (the cursor is a DOM element: moving it paints nothing). */
export function drawTimelineOverlay(
  ctx: Context2D,
  g: TimelineGeometry,
  startStep: number,
  endStep: number,
  hover: { lane: number; step: number } | null,
): void {
  ctx.clearRect(0, 0, g.widthPx, g.heightPx);
  if (!hover || hover.lane < 0) return;
  const scale = windowScale(g, startStep, endStep);
  const x = g.labelWidthPx + (hover.step - scale.startStep) * scale.pxPerStep;
  if (x < g.labelWidthPx || x > g.labelWidthPx + plotWidthPx(g)) return;
  ctx.strokeStyle = '#0f172a';
  ctx.lineWidth = 1;
  const w = Math.max(4, markWidthPx(scale.pxPerStep) + 4);
  ctx.strokeRect(Math.round(x - w / 2) + 0.5, laneTopPx(g, hover.lane) + 0.5, w, g.laneHeightPx - 1);
}

/** Where the cursor line goes for `cursorStep`, CSS px from the left edge, or null when out of view. */
export function cursorLeftPx(g: TimelineGeometry, startStep: number, endStep: number, cursorStep: number): number | null {
  if (cursorStep < startStep || cursorStep > endStep) return null;
  const scale = windowScale(g, startStep, endStep);
  return Math.round(g.labelWidthPx + (cursorStep - scale.startStep) * scale.pxPerStep);
}

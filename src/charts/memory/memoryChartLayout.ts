// Pure math of the memory chart: scales, binary-unit ticks, SVG path strings and the placement of
// threshold labels in rows so they never overlap. d3 computes; MemoryChart.tsx renders.
import { line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { MAX_CPUS, MIN_CPUS } from '../../../workers/model/constants.ts';

export type NumericScale = ScaleContinuousNumeric<number, number>;

/** x: CPU count. Log: [1, 16384]; linear: [0, 16384]. */
export function createCpuScale(log: boolean, range: [number, number]): NumericScale {
  return log ? scaleLog().base(2).domain([MIN_CPUS, MAX_CPUS]).range(range) : scaleLinear().domain([0, MAX_CPUS]).range(range);
}

/** y: bytes. Log: [minBytes, maxBytes] widened to powers of two; linear: [0, maxBytes]. */
export function createBytesScale(log: boolean, minBytes: number, maxBytes: number, range: [number, number]): NumericScale {
  if (log) {
    const lo = 2 ** Math.floor(Math.log2(Math.max(1, minBytes)));
    const hi = 2 ** Math.ceil(Math.log2(Math.max(lo * 2, maxBytes)));
    return scaleLog().base(2).domain([lo, hi]).range(range);
  }
  return scaleLinear()
    .domain([0, Math.max(1, maxBytes)])
    .range(range)
    .nice();
}

/** Log: every power of 32 (32 B, 1 KiB, 32 KiB, 1 MiB …) in the domain. Linear: ~5 ticks in the largest binary unit. */
export function bytesTicks(scale: NumericScale, log: boolean): number[] {
  const [lo, hi] = scale.domain();
  if (log) {
    const ticks: number[] = [];
    for (let e = Math.ceil(Math.log2(lo) / 5) * 5; 2 ** e <= hi; e += 5) ticks.push(2 ** e);
    return ticks;
  }
  let unit = 1;
  while (unit * 1024 <= hi) unit *= 1024;
  return scaleLinear()
    .domain([lo / unit, hi / unit])
    .ticks(5)
    .map((t) => t * unit);
}

/** Log: powers of two (every other one when narrow). Linear: d3's ticks. */
export function cpuTicks(scale: NumericScale, log: boolean, widthPx: number): number[] {
  if (!log) return scale.ticks(Math.max(2, Math.floor(widthPx / 90)));
  const every = widthPx < 560 ? 2 : 1;
  const ticks: number[] = [];
  for (let e = 0; 2 ** e <= MAX_CPUS; e += every) ticks.push(2 ** e);
  return ticks;
}

/**
 * SVG path through (xs[i], ys[i]) for rows where `include(i)` holds and y is drawable (finite, and
 * positive on a log scale); gaps split the path.
 */
export function seriesPath(
  x: NumericScale,
  y: NumericScale,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  log: boolean,
  include: (i: number) => boolean = () => true,
): string {
  const indices = Array.from({ length: xs.length }, (_, i) => i);
  const path = line<number>()
    .defined((i) => include(i) && Number.isFinite(ys[i]) && (!log || ys[i] > 0))
    .x((i) => x(xs[i]))
    .y((i) => y(ys[i]));
  return path(indices) ?? '';
}

export interface LabelBox {
  /** Anchor x, CSS px within the plot. */
  x: number;
  widthPx: number;
}

export interface PlacedLabel {
  row: number;
  anchor: 'start' | 'end';
}

/**
 * Greedy row assignment: each label goes right of its x (or left, if it would leave the plot) in the
 * first row where it does not overlap an earlier label. Labels are processed in x order. O(n · rows).
 */
export function placeLabels(labels: readonly LabelBox[], plotWidthPx: number, gapPx = 6): PlacedLabel[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].x - labels[b].x);
  const rowEnds: { left: number; right: number }[][] = [];
  const placed: PlacedLabel[] = new Array<PlacedLabel>(labels.length);
  for (const i of order) {
    const { x, widthPx } = labels[i];
    const anchor = x + 3 + widthPx > plotWidthPx ? 'end' : 'start';
    const left = anchor === 'start' ? x + 3 : x - 3 - widthPx;
    const right = left + widthPx;
    let row = 0;
    while (rowEnds[row]?.some((r) => left < r.right + gapPx && right > r.left - gapPx)) row++;
    (rowEnds[row] ??= []).push({ left, right });
    placed[i] = { row, anchor };
  }
  return placed;
}

/** Rough width of a 10 px sans-serif label (no DOM measuring in pure code). */
export function estimateLabelWidthPx(text: string, fontPx = 10): number {
  return Math.ceil(text.length * fontPx * 0.56);
}

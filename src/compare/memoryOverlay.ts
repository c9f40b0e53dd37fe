// Pure: a run's memory series (live + waiting for a grace period + leaked, bytes) for the compare view's
// overlaid curves: the largest total, and a polyline of one point per column (each column's maximum, via
// the races view's memoryColumns, so a short spike never disappears), ending where the run ends.
import type { MemorySeries } from '../../workers/api.ts';
import { memoryColumns } from '../races/memoryColumns.ts';

/** Largest total over the whole series. O(series length). */
export function peakBytes(series: MemorySeries): number {
  let m = 0;
  for (let i = 0; i < series.step.length; i++) m = Math.max(m, series.live[i] + series.waiting[i] + series.leaked[i]);
  return m;
}

/**
 * Column totals of [fromStep, toStep] in `cols` columns, cut after the column holding `lastStep` (the run's
 * end). O(points in window + columns).
 */
export function memoryTotals(series: MemorySeries, lastStep: number, fromStep: number, toStep: number, cols: number): Float64Array {
  const { total } = memoryColumns(series, fromStep, toStep, cols, lastStep);
  if (lastStep >= toStep) return total;
  const end = Math.floor(((lastStep - fromStep) / (toStep - fromStep)) * cols) + 1;
  return total.subarray(0, Math.max(0, Math.min(cols, end)));
}

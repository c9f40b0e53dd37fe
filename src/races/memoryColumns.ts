// Pure: memory over time (change-point series) reduced to one value per pixel column, keeping each
// column's maximum so that a short spike never disappears at any zoom. O(points in window + columns).
import type { MemorySeries } from '../../workers/api.ts';
import { upperBound } from '../charts/timeline/timelineIndex.ts';

export interface MemoryColumns {
  /** Per column: max of live, of live + waiting, and of live + waiting + leaked (stacked tops), bytes. */
  live: Float64Array;
  liveWaiting: Float64Array;
  total: Float64Array;
  /** Largest total in the window. */
  maxBytes: number;
}

/** The series' values at step k: the last entry with step <= k. */
export function memoryAt(series: MemorySeries, step: number): { live: number; waiting: number; leaked: number } {
  const i = Math.max(0, upperBound(series.step, step) - 1);
  return { live: series.live[i] ?? 0, waiting: series.waiting[i] ?? 0, leaked: series.leaked[i] ?? 0 };
}

/**
 * Column c covers steps [start + c·w, start + (c+1)·w) with w = (end − start) / cols; its value is the
 * maximum over the entries in force anywhere in that range. `lastStep` ends the final entry.
 */
export function memoryColumns(series: MemorySeries, startStep: number, endStep: number, cols: number, lastStep: number): MemoryColumns {
  const n = Math.max(1, Math.floor(cols));
  const live = new Float64Array(n);
  const liveWaiting = new Float64Array(n);
  const total = new Float64Array(n);
  const perCol = (endStep - startStep) / n;
  let maxBytes = 0;
  const count = series.step.length;
  if (count === 0 || !(perCol > 0)) return { live, liveWaiting, total, maxBytes };
  let i = Math.max(0, upperBound(series.step, startStep) - 1);
  for (; i < count; i++) {
    const from = series.step[i];
    const to = i + 1 < count ? series.step[i + 1] : Math.max(lastStep, from) + 1;
    if (from > endStep) break;
    if (to <= startStep) continue;
    const c0 = Math.max(0, Math.floor((Math.max(from, startStep) - startStep) / perCol));
    const c1 = Math.min(n - 1, Math.floor((Math.min(to, endStep) - startStep - 1e-9) / perCol));
    const l = series.live[i];
    const lw = l + series.waiting[i];
    const t = lw + series.leaked[i];
    for (let c = c0; c <= c1; c++) {
      if (l > live[c]) live[c] = l;
      if (lw > liveWaiting[c]) liveWaiting[c] = lw;
      if (t > total[c]) total[c] = t;
    }
    if (t > maxBytes) maxBytes = t;
  }
  return { live, liveWaiting, total, maxBytes };
}

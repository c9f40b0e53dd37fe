// Pure: a run's memory series (live + waiting for a grace period + leaked, bytes) as step-function points
// inside a step window, for the compare view's overlaid curves. O(series length).
import type { MemorySeries } from '../../workers/api.ts';

export interface MemoryPoint {
  step: number;
  bytes: number;
}

/** Total bytes held at each change point, as a step function over [0, lastStep], clipped to [from, to]. */
export function memoryStepPoints(series: MemorySeries, lastStep: number, from: number, to: number): MemoryPoint[] {
  const out: MemoryPoint[] = [];
  const n = series.step.length;
  const total = (i: number) => series.live[i] + series.waiting[i] + series.leaked[i];
  for (let i = 0; i < n; i++) {
    const start = series.step[i];
    const end = i + 1 < n ? series.step[i + 1] : lastStep;
    if (end < from || start > to) continue;
    const bytes = total(i);
    out.push({ step: Math.max(start, from), bytes }, { step: Math.min(end, to), bytes });
  }
  return out;
}

/** Largest total over the whole series. */
export function peakBytes(series: MemorySeries): number {
  let m = 0;
  for (let i = 0; i < series.step.length; i++) m = Math.max(m, series.live[i] + series.waiting[i] + series.leaked[i]);
  return m;
}

// The "CPUs" slider's position ↔ N mapping: a ladder of CPU counts, log-spaced (16 per doubling,
// so every count up to 23 is a step) plus both sides of every threshold the view explains.
// Positions are ladder indices, so arrows step through sensible N and each threshold is reachable.

import { MAX_CPUS, MIN_CPUS, THRESHOLD_LAST_CPUS } from '../../workers/model/constants.ts';

const STEPS_PER_DOUBLING = 16;

function buildLadder(): number[] {
  // Both sides of each threshold at 4 KiB and 64 KiB pages.
  const values = new Set<number>(THRESHOLD_LAST_CPUS.flatMap((n) => [n, n + 1]));
  const doublings = Math.log2(MAX_CPUS / MIN_CPUS);
  for (let k = 0; k <= doublings * STEPS_PER_DOUBLING; k++) {
    values.add(Math.round(MIN_CPUS * 2 ** (k / STEPS_PER_DOUBLING)));
  }
  return [...values].filter((n) => n >= MIN_CPUS && n <= MAX_CPUS).sort((a, b) => a - b);
}

/** Strictly increasing CPU counts, first 1, last 16384. */
export const CPU_LADDER: readonly number[] = buildLadder();
export const SLIDER_MAX_POSITION = CPU_LADDER.length - 1;

/** N at slider position `position` (rounded and clamped to 0..SLIDER_MAX_POSITION). */
export function positionToCpus(position: number): number {
  const p = Math.min(SLIDER_MAX_POSITION, Math.max(0, Math.round(position)));
  return CPU_LADDER[p];
}

/** The position showing N: the last ladder entry ≤ N (exact for ladder values). O(log ladder). */
export function cpusToPosition(cpus: number): number {
  let lo = 0;
  let hi = SLIDER_MAX_POSITION;
  if (cpus <= CPU_LADDER[0]) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (CPU_LADDER[mid] <= cpus) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The smallest ladder value above N, `steps` rungs up (N itself when already at the top). */
export function stepCpusUp(cpus: number, steps = 1): number {
  const p = cpusToPosition(cpus);
  return positionToCpus(p + steps - (CPU_LADDER[p] > cpus ? 1 : 0));
}

/** The largest ladder value below N, `steps` rungs down (N itself when already at the bottom). */
export function stepCpusDown(cpus: number, steps = 1): number {
  const p = cpusToPosition(cpus);
  return positionToCpus(p - steps + (CPU_LADDER[p] < cpus ? 1 : 0));
}

// The "CPUs" slider's position ↔ N mapping: a ladder of CPU counts, log-spaced (16 per doubling,
// so every count up to 23 is a step) plus both sides of every threshold the view explains.
// Positions are ladder indices, so arrows step through sensible N and each threshold is reachable.

export const SLIDER_MIN_CPUS = 1;
export const SLIDER_MAX_CPUS = 16384;
const STEPS_PER_DOUBLING = 16;
/** Both sides of each boundary at 4 KiB and 64 KiB pages (kernel-facts.md §3, §4, §6). */
const THRESHOLD_CPUS = [510, 511, 1022, 1023, 4096, 4097, 8190, 8191, 8192, 8193, 16382, 16383];

function buildLadder(): number[] {
  const values = new Set<number>(THRESHOLD_CPUS);
  const doublings = Math.log2(SLIDER_MAX_CPUS / SLIDER_MIN_CPUS);
  for (let k = 0; k <= doublings * STEPS_PER_DOUBLING; k++) {
    values.add(Math.round(SLIDER_MIN_CPUS * 2 ** (k / STEPS_PER_DOUBLING)));
  }
  return [...values].filter((n) => n >= SLIDER_MIN_CPUS && n <= SLIDER_MAX_CPUS).sort((a, b) => a - b);
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

// Pure: moving between the two aligned runs of the compare view. Hunks hold 0-based trace steps,
// half-open; the cursors hold view steps ("the state after k steps"), so the events of trace step s show
// at view step s + 1. Outside the hunks the runs match step for step, at a constant offset.
import type { DiffHunk } from '../../workers/api.ts';

export type Side = 'a' | 'b';

const other = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** The other run's view step matching view step `step` of `side`. O(hunks). */
export function matchingStep(hunks: readonly Pick<DiffHunk, 'a' | 'b'>[], side: Side, step: number): number {
  const to = other(side);
  let offset = 0;
  for (const h of hunks) {
    const [f, t] = h[side];
    if (step <= f) break;
    if (step < t) {
      const [g, u] = h[to];
      return g + Math.min(step - f, u - g);
    }
    offset = h[to][1] - t;
  }
  return Math.max(0, step + offset);
}

/** The view steps both cursors go to for hunk `i`: the step showing its first events on each side. */
export function hunkCursor(h: Pick<DiffHunk, 'a' | 'b'>): { a: number; b: number } {
  return { a: h.a[0] + 1, b: h.b[0] + 1 };
}

/** Index of the hunk the A cursor is on or after (the last hunk starting at or before it), or -1. */
export function hunkAtOrBefore(hunks: readonly Pick<DiffHunk, 'a' | 'b'>[], stepA: number): number {
  let i = -1;
  for (let k = 0; k < hunks.length; k++) if (hunkCursor(hunks[k]).a <= stepA) i = k;
  return i;
}

/** The hunk "Next difference" goes to from A's cursor, or -1 when none is after it. */
export function nextHunk(hunks: readonly Pick<DiffHunk, 'a' | 'b'>[], stepA: number): number {
  return hunks.findIndex((h) => hunkCursor(h).a > stepA);
}

/** The hunk "Previous difference" goes to from A's cursor, or -1 when none is before it. */
export function previousHunk(hunks: readonly Pick<DiffHunk, 'a' | 'b'>[], stepA: number): number {
  let i = -1;
  for (let k = 0; k < hunks.length; k++) if (hunkCursor(hunks[k]).a < stepA) i = k;
  return i;
}

// Pure: where the differences and the unfollowable schedule steps lie on one side's step axis, as view
// step ranges for the strip under each timeline ([from, to] of the view steps showing the hunk's events).
import type { BlockedStep, DiffHunk } from '../../workers/api.ts';
import type { Side } from './alignSteps.ts';

export interface DiffMark {
  /** View steps: the events of trace step s show at view step s + 1. */
  fromStep: number;
  toStep: number;
  /** Index of the hunk, for its number and words. */
  hunk: number;
}

/** The hunks of one side; an empty side becomes a zero-width mark where the other side's steps would go. */
export function diffMarksOf(hunks: readonly Pick<DiffHunk, 'a' | 'b'>[], side: Side): DiffMark[] {
  return hunks.map((h, hunk) => ({ fromStep: h[side][0] + 0.5, toStep: Math.max(h[side][1], h[side][0]) + 0.5, hunk }));
}

/** View steps of the blocked schedule steps (where the kernel took the scenario's default choice). */
export function blockedMarksOf(blocked: readonly BlockedStep[]): number[] {
  return blocked.map((b) => b.step + 1);
}

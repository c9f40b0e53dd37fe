// The compare part of the worker API: run two kernels on one schedule, keep both runs (so the compare view
// reads any step of either with stepView()) and return the diff of their traces.
import type { CompareConfig } from './model/sched/compare.ts';
import type { TraceDiff } from './model/sched/diff.ts';
import type { BlockedStep } from './model/sched/run.ts';
import type { RunHandle } from './schedApi.ts';
import { compareRuns } from './model/sched/compare.ts';
import { diffRuns, diffStatus } from './model/sched/diff.ts';
import { get, handle } from './schedApi.ts';
import { traceCompareReport } from './model/export/compareHunks.ts';

export type { CompareConfig, CompareSchedule, KernelChoice } from './model/sched/compare.ts';
export type { TraceDiff, DiffHunk } from './model/sched/diff.ts';
export type { BlockedStep } from './model/sched/run.ts';
export type { KernelVersion } from './model/constants.ts';

export interface CompareHandle {
  a: RunHandle;
  b: RunHandle;
  diff: TraceDiff;
  /** The status line: "n differences · first at step k: A … · B …" or "No difference: …". */
  status: string;
  /** The schedule that drove both (empty: each kernel ran the scenario's default interleaving). */
  schedule: string[];
  /** Steps where a kernel could not follow the schedule and took the scenario's default choice. */
  blocked: { a: BlockedStep[]; b: BlockedStep[] };
}

export interface CompareApi {
  /**
   * Run both kernels and align their traces. `focusStep`: the step of A a windowed alignment centres on
   * when the traces are too long and different to align whole. Throws with a one-line message on a bad config.
   */
  compare(config: CompareConfig, atStep?: { a: number; b: number }, focusStep?: number): CompareHandle;
  /** Align two kept runs again, the window around A's step `focusStep` (when too different to align whole). */
  realign(runIdA: number, runIdB: number, focusStep: number): { diff: TraceDiff; status: string };
  /**
   * The review report of a comparison (workers/model/export/compareReport.ts): both kept runs' inputs, the
   * hunks of `diff` (their alignment on screen) in words, the verdicts side by side, both trace hashes,
   * the model version and `link`.
   */
  compareReport(runIdA: number, runIdB: number, diff: TraceDiff, link: string): string;
}

export const compareApi: CompareApi = {
  compare(config, atStep = { a: 0, b: 0 }, focusStep) {
    const rec = compareRuns(config, { focusStep });
    return {
      a: handle(rec.a, atStep.a),
      b: handle(rec.b, atStep.b),
      diff: rec.diff,
      status: diffStatus(rec.diff),
      schedule: rec.schedule,
      blocked: rec.blocked,
    };
  },
  realign(runIdA, runIdB, focusStep) {
    const diff = diffRuns(get(runIdA).result, get(runIdB).result, { focusStep });
    return { diff, status: diffStatus(diff) };
  },
  compareReport(runIdA, runIdB, diff, link) {
    return traceCompareReport(get(runIdA).result, get(runIdB).result, diff, link);
  },
};

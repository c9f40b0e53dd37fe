// The differences between two aligned traces, in words, as the comparison report's hunks: per hunk its
// step ranges on each side (1-based, inclusive) and each side's events, A's marked '-', B's '+'.
import type { TraceDiff } from '../sched/diff.ts';
import { MAX_HUNK_EVENTS } from '../sched/diff.ts';
import type { RunResult } from '../sched/types.ts';
import { compareReportText, type CompareHunk } from './compareReport.ts';

const range = ([from, to]: readonly [number, number]) => (to <= from ? 'none' : to - from === 1 ? `${from + 1}` : `${from + 1}-${to}`);

function sideLines(mark: '-' | '+', events: readonly string[], [from, to]: readonly [number, number]): string[] {
  const lines = events.map((e) => `${mark} ${e}`);
  const left = to - from - events.length;
  if (left > 0 && events.length >= MAX_HUNK_EVENTS) lines.push(`${mark} ... ${left} more step${left === 1 ? '' : 's'}`);
  return lines;
}

/** The report's hunks of a trace diff (an extra first hunk says when only a window was aligned). */
export function traceDiffHunks(d: TraceDiff): CompareHunk[] {
  return d.hunks.map((h) => ({
    header: `A steps ${range(h.a)}, B steps ${range(h.b)}`,
    lines: [...sideLines('-', h.aEvents, h.a), ...sideLines('+', h.bEvents, h.b)],
  }));
}

/** What the hunks heading says first: how the traces were aligned and what the marks mean. */
export function traceDiffNote(d: TraceDiff): string[] {
  const note = [
    `A ran ${d.steps.a} steps, B ${d.steps.b}. Steps are aligned by what they mean (actor, CPU, kernel function, action, object); '-' lines are A's steps, '+' lines B's.`,
  ];
  if (d.window)
    note.push(
      `The traces were too long and different to align whole: only A steps ${range(d.window.a)} against B steps ${range(d.window.b)} were aligned.`,
    );
  return note;
}

/** The comparison report of two runs and the diff of their traces (the Compare view's and `sim diff --export text`'s). */
export function traceCompareReport(left: RunResult, right: RunResult, d: TraceDiff, link: string): string {
  return compareReportText({
    left,
    right,
    hunks: traceDiffHunks(d),
    link,
    hunksTitle: 'Differences between the traces',
    hunksNote: traceDiffNote(d),
  });
}

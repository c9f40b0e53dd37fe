// The review report of a comparison: two kernels on the same scenario, the code hunks between them and
// the verdicts side by side. Plain data in (two runs, the hunks as text, the link), the same rules as
// reportText.ts out: the Compare view and `sim diff --export text` both call it.
import type { RunResult } from '../sched/types.ts';
import { CHECKERS, CHECKER_TITLES, MODEL_VERSION } from '../constants.ts';
import { configLines } from './configLines.ts';
import { heading, labelled, REPORT_WIDTH, splitUrl, table, toAscii, wrapLine, wrapLogLine } from './plainText.ts';
import { checkerTripped, firstReportStep } from './reportText.ts';

/** One hunk of the code difference: a header ("kick_cpus_irq_workfn()") and its +/-/space lines. */
export interface CompareHunk {
  header: string;
  lines: readonly string[];
}

export interface CompareReportInput {
  /** The two runs, same scenario and inputs, different kernels (left is "A", right is "B"). */
  left: RunResult;
  right: RunResult;
  hunks: readonly CompareHunk[];
  /** The app's URL of the Compare view for this state. */
  link: string;
  /** The heading of the hunks (default "Code differences"). */
  hunksTitle?: string;
  /** Lines said under that heading before the hunks (what was aligned, what "-" and "+" mean). */
  hunksNote?: readonly string[];
}

const TITLE = 'sched_ext kick pseqs model: comparison report';

const verdictWord = (r: RunResult, name: (typeof CHECKERS)[number]) => {
  if (!checkerTripped(r.verdict, name)) return 'no';
  const step = firstReportStep(r, name);
  return step === null ? 'YES' : `YES (step ${step + 1})`;
};

/**
 * The comparison as plain text: each kernel's inputs, the hunks, the verdicts side by side (the rows
 * that differ marked '*'), each run's trace hash, the model version and the link. ASCII, at most
 * REPORT_WIDTH columns, one final newline.
 */
export function compareReportText({
  left,
  right,
  hunks,
  link,
  hunksTitle = 'Code differences',
  hunksNote = [],
}: CompareReportInput): string {
  const out: string[] = [TITLE, '='.repeat(TITLE.length), ''];
  out.push(...heading('Kernel A'), ...configLines(left.config), '');
  out.push(...heading('Kernel B'), ...configLines(right.config), '');
  out.push(...heading(`${hunksTitle} (${hunks.length} hunk${hunks.length === 1 ? '' : 's'})`));
  for (const n of hunksNote) out.push(...wrapLine(n, REPORT_WIDTH, '  '));
  if (!hunks.length) out.push('  none');
  for (const h of hunks) {
    out.push(...wrapLine(`@@ ${h.header}`, REPORT_WIDTH, '  '));
    for (const l of h.lines) out.push(...wrapLogLine(l, '  '));
  }
  out.push('');
  out.push(...heading('Verdicts side by side (* where they differ)'));
  const rows = [['', 'checker', 'A', 'B']];
  for (const name of CHECKERS) {
    const a = verdictWord(left, name);
    const b = verdictWord(right, name);
    rows.push([a === b ? ' ' : '*', CHECKER_TITLES[name], a, b]);
  }
  out.push(...table(rows), '');
  out.push(...heading('Traces'));
  out.push(...labelled('A', `${left.traceHash}, ${left.steps} steps, ${left.reports.length} reports`, 1));
  out.push(...labelled('B', `${right.traceHash}, ${right.steps} steps, ${right.reports.length} reports`, 1));
  out.push(...labelled('model version', String(MODEL_VERSION), 13));
  out.push('  link (one URL; join the lines without spaces):', ...splitUrl(link, '    '));
  return out.map((l) => toAscii(l).trimEnd()).join('\n') + '\n';
}

// The review report: a run (or an exhaustive search) as plain text for a mailing-list reply. Pure: the
// UI (through the worker) and the CLI call the same functions with the same data and get the same bytes.
// The link is given, not built here: src/url/runLink.ts makes it for both.
import type { CheckerName, ExploreResult } from '../sched/explore.ts';
import type { ReportKind, RunConfig, RunResult, Verdict } from '../sched/types.ts';
import { CHECKERS, CHECKER_TITLES, MODEL_VERSION } from '../constants.ts';
import { run } from '../sched/run.ts';
import { makeRunConfig } from '../sched/variants.ts';
import { configLines } from './configLines.ts';
import { heading, labelled, REPORT_WIDTH, splitUrl, table, toAscii, wrapLine, wrapLogLine } from './plainText.ts';
import { scheduleWords } from './scheduleWords.ts';

const REPORT_OF: Readonly<Record<CheckerName, ReportKind>> = {
  useAfterFree: 'uaf',
  nullDeref: 'null-deref',
  leak: 'leak',
  doubleFree: 'double-free',
  warn: 'warn',
  droppedKicks: 'dropped-kicks',
  stuck: 'stuck',
  rcuStall: 'rcu-stall',
  bootPanic: 'boot-panic',
};

/** Whether the run trips a checker, from its verdict. */
export function checkerTripped(v: Verdict, name: CheckerName): boolean {
  switch (name) {
    case 'useAfterFree':
      return v.useAfterFree;
    case 'nullDeref':
      return v.nullDeref;
    case 'leak':
      return v.leakedArrays > 0;
    case 'doubleFree':
      return v.doubleFree;
    case 'warn':
      return v.warnings.length > 0;
    case 'droppedKicks':
      return v.droppedKicks > 0;
    case 'stuck':
      return v.stuck;
    case 'rcuStall':
      return v.rcuStall;
    case 'bootPanic':
      return v.bootPanic;
  }
}

/** The step (0-based) of the first report of a checker in a run, or null. */
export function firstReportStep(r: RunResult, name: CheckerName): number | null {
  return r.reports.find((x) => x.kind === REPORT_OF[name])?.step ?? null;
}

const TITLE = 'sched_ext kick pseqs model: review report';

function linkLines(link: string): string[] {
  return ['  link (one URL; join the lines without spaces):', ...splitUrl(link, '    ')];
}

function verdictLines(r: RunResult): string[] {
  const rows = [['checker', 'verdict', 'first at']];
  for (const name of CHECKERS) {
    const hit = checkerTripped(r.verdict, name);
    const first = firstReportStep(r, name);
    rows.push([CHECKER_TITLES[name], hit ? 'YES' : 'no', hit && first !== null ? `step ${first + 1}` : '']);
  }
  const out = table(rows);
  if (r.verdict.enableErrors.some((e) => e !== 0))
    out.push(...wrapLine(`scx_enable() returned ${r.verdict.enableErrors.join(', ')}`, REPORT_WIDTH, '  '));
  if (r.truncated) out.push(...wrapLine(`The run stopped at its bound of ${r.config.maxSteps} steps.`, REPORT_WIDTH, '  '));
  return out;
}

function kernelReportLines(r: RunResult): string[] {
  if (!r.reports.length) return ['  none'];
  const out: string[] = [];
  r.reports.forEach((rep, i) => {
    if (i) out.push('');
    out.push(...wrapLine(`[${i + 1}] step ${rep.step + 1}, CPU ${rep.cpu}: ${rep.title}`, REPORT_WIDTH, '  ', '      '));
    for (const l of rep.lines) out.push(...wrapLogLine(l, '    '));
  });
  return out;
}

export interface RunReportInput {
  result: RunResult;
  /** The state the reader is shown: after this many steps (clamped to the run). */
  step: number;
  /** The app's URL for this state (src/url/runLink.ts). */
  link: string;
}

/**
 * The review report of a run: kernels and inputs, the verdict per checker, the schedule in words
 * (trimmed), every report as the kernel prints it, and the trace hash, model version and link. Every
 * line is ASCII, at most REPORT_WIDTH columns, without tabs; the text ends with one newline.
 */
export function runReportText({ result: r, step, link }: RunReportInput): string {
  const at = Math.max(0, Math.min(step, r.steps));
  const out: string[] = [TITLE, '='.repeat(TITLE.length), ''];
  out.push(...heading('Kernel and inputs'), ...configLines(r.config), '');
  out.push(...heading('Verdict per checker'), ...verdictLines(r), '');
  out.push(...heading(`Schedule (${r.steps} steps; the link opens the state after step ${at})`));
  out.push(...scheduleWords(r, r.steps, r.reports.map((x) => x.step).concat(at > 0 ? [at - 1] : [])), '');
  out.push(...heading(`Reports as the kernel prints them (${r.reports.length})`), ...kernelReportLines(r), '');
  out.push(...heading('Trace'));
  out.push(...labelled('trace hash', r.traceHash, 13), ...labelled('events', String(r.eventCount), 13));
  out.push(...labelled('model version', String(r.modelVersion), 13), ...linkLines(link));
  return out.map((l) => toAscii(l).trimEnd()).join('\n') + '\n';
}

export interface ExploreReportInput {
  /** The searched configuration (its schedule and policy do not apply). */
  config: RunConfig;
  result: ExploreResult;
  /** The app's URL of the explore view for this search. */
  link: string;
  /** Per checker with a counterexample: the races view's URL replaying it. */
  counterexampleLinks: Partial<Record<CheckerName, string>>;
}

function completeness(r: ExploreResult): string {
  switch (r.cutBy) {
    case null:
      return 'complete: every schedule explored';
    case 'max-steps':
      return `bounded: schedules up to ${r.maxSteps} steps explored`;
    case 'max-states':
      return `incomplete: stopped at ${r.states} states`;
    case 'max-memory':
      return `incomplete: stopped at the memory budget, holding ${r.states} states`;
    case 'stopped':
      return 'incomplete: stopped by the user';
  }
}

/**
 * The review report of an exhaustive search: kernels and inputs, whether it was complete, the table of
 * checkers, and each shortest counterexample in words (replayed with run()). Same rules as runReportText.
 */
export function exploreReportText({ config, result: r, link, counterexampleLinks }: ExploreReportInput): string {
  const out: string[] = [TITLE, '='.repeat(TITLE.length), ''];
  out.push(...heading('Kernel and inputs (exhaustive search)'), ...configLines(config, true), '');
  out.push(...heading('Search'));
  out.push(...labelled('coverage', completeness(r), 11));
  out.push(...labelled('states', `${r.states} (${r.transitions} transitions, depth ${r.depth})`, 11));
  out.push(
    ...labelled(
      'reductions',
      `symmetry ${r.symmetry ? 'on' : 'off'}, partial-order ${r.por ? 'on' : 'off'}, sleep sets ${r.sleepSets}`,
      11,
    ),
  );
  if (r.store !== 'exact')
    out.push(...labelled('storage', `64-bit fingerprints (collision p ${r.collisionProbability.toExponential(1)})`, 11));
  out.push('');
  out.push(...heading('Checkers'));
  const rows = [['checker', 'reached', 'shortest']];
  for (const name of CHECKERS) {
    const v = r.violations[name];
    rows.push([CHECKER_TITLES[name], v ? 'YES' : r.complete ? 'no' : 'not found so far', v ? `${v.steps} steps` : '']);
  }
  out.push(...table(rows), '');
  for (const name of CHECKERS) {
    const v = r.violations[name];
    if (!v) continue;
    out.push(...heading(`Shortest counterexample: ${CHECKER_TITLES[name]} (${v.steps} steps)`));
    const replay = run(makeRunConfig({ ...config, schedule: v.schedule, policy: 'default', maxSteps: Math.max(1, v.steps) })).result;
    out.push(...scheduleWords(replay, replay.steps, [replay.steps - 1]));
    const l = counterexampleLinks[name];
    if (l) out.push('  replay in the races view (join the lines):', ...splitUrl(l, '    '));
    out.push('');
  }
  out.push(...heading('Model'), ...labelled('model version', String(MODEL_VERSION), 13), ...linkLines(link));
  return out.map((l) => toAscii(l).trimEnd()).join('\n') + '\n';
}

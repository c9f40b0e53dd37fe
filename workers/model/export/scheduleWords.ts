// A run's schedule as numbered steps in words, trimmed to the steps that matter: those that move an
// array, a slot or a grace period, take a checker's report, or decide a kick. Around the reports they
// are kept first; a line says how many steps were left out at each gap.
import type { EventKind, RunResult } from '../sched/types.ts';
import { EVENT_KINDS, KERNEL_FNS } from '../constants.ts';
import { describeEvent } from '../sched/describe.ts';
import { REPORT_WIDTH, toAscii, wrapLine } from './plainText.ts';

/** Event kinds that make a step worth showing. */
const MATTERS = new Set<EventKind>([
  'percpu-fail',
  'panic',
  'warn',
  'alloc',
  'alloc-fail',
  'assign',
  'state-check',
  'bypass',
  'sync-call',
  'sync-return',
  'replace',
  'call-rcu',
  'free',
  'kick',
  'kick-bypassed',
  'irq-enter',
  'slot-load',
  'null-return',
  'snapshot',
  'spin',
  'spin-done',
  'irq-leave',
  'uaf',
  'null-deref',
  'leak',
  'double-free',
  'gp-start',
  'gp-end',
  'cb-invoke',
  'enable-return',
  'stuck',
  'rcu-stall',
]);

/** Most steps a report lists. */
export const MAX_SHOWN_STEPS = 80;

/** Steps (0-based) worth showing, at most `max`, those nearest a report first; sorted. O(events + steps log steps). */
export function stepsThatMatter(r: RunResult, upTo: number, anchors: readonly number[], max = MAX_SHOWN_STEPS): number[] {
  const t = r.trace;
  const picked: number[] = [];
  for (let s = 0; s < upTo; s++) {
    for (let i = r.stepEventStart[s]; i < r.stepEventStart[s + 1]; i++) {
      if (MATTERS.has(EVENT_KINDS[t.kind[i]])) {
        picked.push(s);
        break;
      }
    }
  }
  if (picked.length <= max) return picked;
  const sorted = [...anchors].sort((a, b) => a - b);
  const distance = (s: number) => {
    if (!sorted.length) return s;
    let best = Infinity;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    if (lo < sorted.length) best = sorted[lo] - s;
    if (lo > 0) best = Math.min(best, s - sorted[lo - 1]);
    return best;
  };
  return picked
    .map((s) => [distance(s), s] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, max)
    .map(([, s]) => s)
    .sort((a, b) => a - b);
}

/** The lines of one step: `  12  CPU 0  fn()  what happens`, one per event, wrapped under the head. */
function stepLines(r: RunResult, s: number): string[] {
  const t = r.trace;
  const out: string[] = [];
  const num = String(s + 1).padStart(6);
  let prev = '';
  for (let i = r.stepEventStart[s]; i < r.stepEventStart[s + 1]; i++) {
    const kind = EVENT_KINDS[t.kind[i]];
    const fn = KERNEL_FNS[t.fn[i]];
    const text = toAscii(describeEvent(kind, fn, t.obj[i], t.bytes[i], t.arg[i], r.loaderNames));
    const who = `CPU ${t.cpu[i]}  ${fn}()`;
    if (who === prev) {
      // Same CPU and function as the line above: only what happens, under it.
      out.push(...wrapLine(text, REPORT_WIDTH, TEXT_INDENT));
      continue;
    }
    const head = `${prev === '' ? num : ' '.repeat(6)}  ${who}`;
    prev = who;
    if (head.length + 2 + text.length <= REPORT_WIDTH) out.push(`${head}  ${text}`);
    else out.push(head, ...wrapLine(text, REPORT_WIDTH, TEXT_INDENT));
  }
  return out;
}

const TEXT_INDENT = ' '.repeat(10);

const leftOut = (n: number) => `         ... ${n} step${n === 1 ? '' : 's'} left out ...`;

/**
 * The schedule of steps 1..upTo in words, trimmed (stepsThatMatter), with a line per gap saying how
 * many steps were left out, and a summary line first.
 */
export function scheduleWords(r: RunResult, upTo: number, anchors: readonly number[]): string[] {
  const shown = stepsThatMatter(r, upTo, anchors);
  const out = [
    ...wrapLine(
      `${shown.length} of ${upTo} steps shown; the ${upTo - shown.length} left out move no array, slot or grace period and take no report.`,
      REPORT_WIDTH,
      '  ',
    ),
    '',
    '  step  CPU, kernel function, what happens',
  ];
  let next = 0;
  for (const s of shown) {
    if (s > next) out.push(leftOut(s - next));
    out.push(...stepLines(r, s));
    next = s + 1;
  }
  if (upTo > next) out.push(leftOut(upTo - next));
  return out;
}

// The timeline's legend, entry by entry with the categories each one stands for, and the filter that keeps
// only the entries drawn in the visible step window (pure).
import { findVisibleMarks, forEachSpanInWindow, type TimelineMarks, type TimelineSpans } from '../charts/timeline/timelineIndex.ts';
import { GP_SPAN, MARK_CATEGORIES, READER_SPAN, RIBBON_STATES, ribbonCategory, type MarkCategory } from './raceTimeline.ts';

export type LegendShape = 'ribbon' | 'overlay' | 'band' | 'mark';

export interface LegendEntry {
  label: string;
  shape: LegendShape;
  /** Span categories (ribbon, overlay, band) or mark categories (mark) this entry stands for. */
  cats: readonly number[];
}

/** How each mark category reads in the legend: words, not internal names. */
const MARK_LABEL: Record<MarkCategory, string> = {
  other: 'other step',
  'context switch': 'context switch',
  kick: 'kick',
  'irq work': 'irq work',
  allocation: 'allocation',
  assign: 'publish',
  replace: 'unpublish',
  call_rcu: 'call_rcu()',
  'grace period': 'GP start/end, synchronize_rcu()',
  'quiescent state': 'quiescent state',
  free: 'free',
  warning: 'warning',
  leak: 'leak',
  'use-after-free': 'use-after-free',
  'NULL deref': 'NULL dereference',
  stuck: 'stuck spin / RCU stall',
};

/** Every entry, ribbons first, then the overlay, the band and the marks in draw order. */
export const LEGEND_ENTRIES: readonly LegendEntry[] = [
  ...RIBBON_STATES.map((label, i) => ({ label, shape: 'ribbon' as const, cats: [ribbonCategory(i, 0), ribbonCategory(i, 1)] })),
  { label: 'read-side section', shape: 'overlay', cats: [READER_SPAN] },
  { label: 'grace period', shape: 'band', cats: [GP_SPAN] },
  ...MARK_CATEGORIES.map((c, i) => ({ label: MARK_LABEL[c], shape: 'mark' as const, cats: [i] })),
];

/** The span and mark categories drawn somewhere in steps [from, to]. */
export function categoriesInWindow(marks: TimelineMarks, spans: TimelineSpans, from: number, to: number) {
  const markCats = new Set<number>();
  const spanCats = new Set<number>();
  // The timeline's own window index: a binary search over the step-sorted marks and spans, not a scan of the
  // whole run on every zoom frame.
  const [lo, hi] = findVisibleMarks(marks, from, to);
  for (let i = lo; i < hi; i++) markCats.add(marks.cat[i]);
  forEachSpanInWindow(spans, from, to, (i) => spanCats.add(spans.cat[i]));
  return { markCats, spanCats };
}

/** The legend entries with something drawn in steps [from, to]. */
export function legendInWindow(
  entries: readonly LegendEntry[],
  marks: TimelineMarks,
  spans: TimelineSpans,
  from: number,
  to: number,
): LegendEntry[] {
  const { markCats, spanCats } = categoriesInWindow(marks, spans, from, to);
  return entries.filter((e) => e.cats.some((c) => (e.shape === 'mark' ? markCats : spanCats).has(c)));
}

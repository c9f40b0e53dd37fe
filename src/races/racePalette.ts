// One palette for the races view: the CPU grid's cell states and the timeline's ribbons share colours,
// so an array that is "waiting for a grace period" looks the same in both. One hue family per meaning:
// blues for an array's lifetime, greens for RCU, reds and oranges for faults, purples for the kick
// machinery, greys for the rest. Chosen so that colours shown in one legend stay apart for normal vision
// and for protanopes and deuteranopes, and marks keep 3:1 against white: tests/ui/racePalette.test.ts.
import type { SpanLayer, TimelineStyle } from '../charts/timeline/drawTimeline.ts';
import { MARK_CATEGORIES, RIBBON_STATES, SEVERE_MARKS, type MarkCategory, type RibbonState } from './raceTimeline.ts';
import { CELL_STATES } from './traceCodes.ts';
import type { LegendEntry } from './timelineLegend.ts';

export const STATE_COLORS = {
  null: '#e2e8f0',
  allocated: '#b8d8ff',
  live: '#0075d5',
  unpublished: '#008ecd',
  'waiting-gp': '#19aa59',
  freed: '#c3afb5',
  leaked: '#671700',
  percpu: '#7e7d7f',
  /** A fault, in the timeline's stuck-mark colour: the slot is NULL while the scheduler runs. */
  'null-enabled': '#d45e3d',
} as const;

export const READER_COLOR = '#006841';
export const QS_OWED_COLOR = '#0f172a';
/** A CPU inside a read-side section that also owes a quiescent state (it cannot report one). */
export const READER_OWING_COLOR = '#701a75';
export const GP_COLOR = '#cff6f0';
/** The CPU grid's marks of what the current step did. */
export const CHANGED_COLOR = '#6d28d9';
export const VIOLATION_COLOR = '#b00039';

/** Cell state → colour, in CELL_STATES order (the CPU grid's categorical LUT). */
export const CELL_STATE_COLORS: readonly string[] = CELL_STATES.map((s) => STATE_COLORS[s]);

/** What each cell state means, for the legend and tooltips. */
export const CELL_STATE_LABELS: Record<(typeof CELL_STATES)[number], string> = {
  null: 'NULL slot',
  live: 'published',
  unpublished: 'unpublished',
  'waiting-gp': 'waiting for a grace period',
  freed: 'freed (still held)',
  leaked: 'leaked',
  percpu: 'boot-time percpu',
  'null-enabled': 'NULL while ENABLED (kicks lost)',
};

const RIBBON_COLOR: Record<RibbonState, string> = {
  allocated: STATE_COLORS.allocated,
  published: STATE_COLORS.live,
  unpublished: STATE_COLORS.unpublished,
  'waiting for GP': STATE_COLORS['waiting-gp'],
  freed: STATE_COLORS.freed,
  leaked: STATE_COLORS.leaked,
  percpu: STATE_COLORS.percpu,
};

/** Colour and layer of every span category, in SPAN_CATEGORIES order (see raceTimeline.ts). */
const SPAN_STYLE: [string, SpanLayer][] = [
  ...RIBBON_STATES.map((state): [string, SpanLayer] => [RIBBON_COLOR[state], 'ribbon']),
  [READER_COLOR, 'overlay'],
  [GP_COLOR, 'band'],
  ...RIBBON_STATES.map((state): [string, SpanLayer] => [RIBBON_COLOR[state], 'ribbon2']),
];

const MARK_COLOR: Record<MarkCategory, string> = {
  other: '#696969',
  'context switch': '#8d909f',
  kick: '#8c5395',
  'irq work': '#6a013e',
  allocation: '#0064e8',
  assign: '#0090c3',
  replace: '#008bec',
  call_rcu: '#00a957',
  'grace period': '#005b33',
  'quiescent state': '#005060',
  free: '#949182',
  warning: '#db5900',
  leak: STATE_COLORS.leaked,
  'use-after-free': '#b00039',
  'NULL deref': '#8b3f00',
  stuck: STATE_COLORS['null-enabled'],
};

export const TIMELINE_STYLE: TimelineStyle = {
  markColors: MARK_CATEGORIES.map((c) => MARK_COLOR[c]),
  fullHeightMarks: SEVERE_MARKS,
  spanColors: SPAN_STYLE.map(([color]) => color),
  spanLayers: SPAN_STYLE.map(([, layer]) => layer),
};

/** The colour of a legend entry (timelineLegend.ts): its first category's. */
export function legendColor(entry: LegendEntry): string {
  const c = entry.cats[0];
  return entry.shape === 'mark' ? MARK_COLOR[MARK_CATEGORIES[c]] : SPAN_STYLE[c][0];
}

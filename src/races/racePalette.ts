// One palette for the races view: the CPU grid's cell states and the timeline's ribbons share colours,
// so an array that is "waiting for a grace period" looks the same in both.
import type { SpanLayer, TimelineStyle } from '../charts/timeline/drawTimeline.ts';
import { MARK_CATEGORIES, RIBBON_STATES, SEVERE_MARKS, type MarkCategory, type RibbonState } from './raceTimeline.ts';
import { CELL_STATES } from './traceCodes.ts';
import type { LegendEntry } from './timelineLegend.ts';

export const STATE_COLORS = {
  null: '#e2e8f0',
  allocated: '#93c5fd',
  live: '#2563eb',
  unpublished: '#f59e0b',
  'waiting-gp': '#0d9488',
  freed: '#64748b',
  leaked: '#dc2626',
  percpu: '#65a30d',
  /** A fault, as dark as the timeline's stuck mark: the slot is NULL while the scheduler runs. */
  'null-enabled': '#7f1d1d',
} as const;

export const READER_COLOR = '#db2777';
export const QS_OWED_COLOR = '#0f172a';
/** A CPU inside a read-side section that also owes a quiescent state (it cannot report one). */
export const READER_OWING_COLOR = '#a21caf';
export const GP_COLOR = '#99f6e4';
/** The CPU grid's marks of what the current step did. */
export const CHANGED_COLOR = '#d97706';
export const VIOLATION_COLOR = '#dc2626';

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
  freed: '#cbd5e1',
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
  other: '#94a3b8',
  'context switch': '#a8a29e',
  kick: '#0891b2',
  'irq work': '#be185d',
  allocation: '#60a5fa',
  assign: '#1d4ed8',
  replace: '#d97706',
  call_rcu: '#0f766e',
  'grace period': '#14b8a6',
  'quiescent state': '#5eead4',
  free: '#334155',
  warning: '#ea580c',
  leak: '#b91c1c',
  'use-after-free': '#dc2626',
  'NULL deref': '#7f1d1d',
  stuck: '#991b1b',
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

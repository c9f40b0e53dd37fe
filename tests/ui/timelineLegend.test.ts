// The timeline legend shows only what is drawn in the visible window, in words.
import { describe, expect, it } from 'vitest';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import { buildRaceTimeline, GP_SPAN, MARK_CATEGORIES, READER_SPAN, ribbonCategory } from '../../src/races/raceTimeline.ts';
import { LEGEND_ENTRIES, legendInWindow } from '../../src/races/timelineLegend.ts';
import type { TimelineMarks, TimelineSpans } from '../../src/charts/timeline/timelineIndex.ts';

const marksOf = (items: [step: number, cat: number][]): TimelineMarks => ({
  count: items.length,
  step: Float64Array.from(items.map((m) => m[0])),
  row: new Int32Array(items.length),
  cat: Uint8Array.from(items.map((m) => m[1])),
  ref: new Int32Array(items.length).fill(-1),
  alsoRow: new Int32Array(items.length).fill(-1),
});
const spansOf = (items: [start: number, end: number, cat: number][]): TimelineSpans => ({
  count: items.length,
  start: Float64Array.from(items.map((s) => s[0])),
  end: Float64Array.from(items.map((s) => s[1])),
  row: new Int32Array(items.length),
  cat: Uint8Array.from(items.map((s) => s[2])),
  maxDurationSteps: Math.max(0, ...items.map((s) => s[1] - s[0])),
});
const labels = (e: { label: string }[]) => e.map((x) => x.label);
const UAF = MARK_CATEGORIES.indexOf('use-after-free');
const KICK = MARK_CATEGORIES.indexOf('kick');

describe('timeline legend filter', () => {
  const marks = marksOf([
    [2, KICK],
    [30, UAF],
  ]);
  const spans = spansOf([
    [0, 10, 1], // published
    [5, 8, READER_SPAN],
    [20, 40, GP_SPAN],
    [25, 35, ribbonCategory(3, 1)], // waiting for GP, a second array: same entry as the first track's
  ]);

  it('keeps the entries drawn in the window and drops the rest', () => {
    expect(labels(legendInWindow(LEGEND_ENTRIES, marks, spans, 0, 9))).toEqual(['published', 'read-side section', 'kick']);
    expect(labels(legendInWindow(LEGEND_ENTRIES, marks, spans, 26, 31))).toEqual(['waiting for GP', 'grace period', 'use-after-free']);
  });

  it('counts a span that covers the whole window, and a mark on its edge', () => {
    expect(labels(legendInWindow(LEGEND_ENTRIES, marks, spans, 21, 22))).toEqual(['grace period']);
    expect(labels(legendInWindow(LEGEND_ENTRIES, marks, spans, 30, 30))).toContain('use-after-free');
    expect(legendInWindow(LEGEND_ENTRIES, marks, spans, 50, 60)).toEqual([]);
  });

  it('on a real run, a window before any fault shows no fault entry, and no entry is an internal name', () => {
    const result = run(makeRunConfig({ cpus: 4, scenario: 'disable-vs-kick', variant: 'no-rcu', irqDelivery: 'tick' })).result;
    const t = buildRaceTimeline(result, scheduleOf(result));
    const all = labels(legendInWindow(LEGEND_ENTRIES, t.marks, t.spans, 0, t.endStep));
    expect(all).toContain('use-after-free');
    const uafStep = result.reports.find((r) => r.kind === 'uaf')!.step;
    const early = labels(legendInWindow(LEGEND_ENTRIES, t.marks, t.spans, 0, Math.max(0, uafStep - 2)));
    expect(early).not.toContain('use-after-free');
    expect(early.length).toBeLessThan(all.length);
    for (const l of labels([...LEGEND_ENTRIES])) expect(l).not.toMatch(/^(uaf|sync-call|null-deref|cb-invoke)$/);
  });
});

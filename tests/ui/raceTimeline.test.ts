// The races timeline's ribbons, reader spans and lanes, derived from real model runs (the model runs
// in Node as-is) and from small hand-made traces.
import { describe, expect, it } from 'vitest';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import type { RunConfig } from '../../workers/model/sched/types.ts';
import {
  buildRaceTimeline,
  GP_SPAN,
  MARK_CATEGORIES,
  READER_SPAN,
  RIBBON_STATES,
  ribbonCategory,
  type RaceTimeline,
} from '../../src/races/raceTimeline.ts';

function timelineOf(config: Partial<RunConfig>): { timeline: RaceTimeline; steps: number } {
  const result = run(makeRunConfig({ cpus: 4, ...config })).result;
  return { timeline: buildRaceTimeline(result, scheduleOf(result)), steps: result.steps };
}

function spansOf(t: RaceTimeline, row: number, cat: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < t.spans.count; i++)
    if (t.spans.row[i] === row && t.spans.cat[i] === cat) out.push([t.spans.start[i], t.spans.end[i]]);
  return out;
}

const cat = (name: (typeof RIBBON_STATES)[number], track = 0) => ribbonCategory(RIBBON_STATES.indexOf(name), track);
const markCat = (name: (typeof MARK_CATEGORIES)[number]) => MARK_CATEGORIES.indexOf(name);

describe('buildRaceTimeline', () => {
  it('keeps marks sorted by step, one per trace event', () => {
    const { timeline } = timelineOf({ scenario: 'kick-storm', variant: 'merged', stormKicks: 200 });
    expect(timeline.marks.count).toBeGreaterThan(200);
    for (let i = 1; i < timeline.marks.count; i++) expect(timeline.marks.step[i]).toBeGreaterThanOrEqual(timeline.marks.step[i - 1]);
  });

  it("draws the no-rcu use-after-free as CPU 0's reader crossing the free of array #0", () => {
    const { timeline, steps } = timelineOf({ scenario: 'disable-vs-kick', variant: 'no-rcu', irqDelivery: 'tick' });
    const readers = spansOf(timeline, 0, READER_SPAN);
    expect(readers).toHaveLength(1);
    const freed = spansOf(timeline, 0, cat('freed'));
    expect(freed).toHaveLength(1);
    const [readerStart, readerEnd] = readers[0];
    const freeStep = freed[0][0];
    expect(readerStart).toBeLessThan(freeStep);
    expect(readerEnd).toBe(steps + 1); // it never leaves: stuck, open to the end of the axis
    // The KASAN report sits after the free, on CPU 0's lane.
    const uaf = Array.from({ length: timeline.marks.count }, (_, i) => i).find((i) => timeline.marks.cat[i] === markCat('use-after-free'));
    expect(uaf).toBeDefined();
    expect(timeline.marks.row[uaf!]).toBe(0);
    expect(timeline.marks.step[uaf!]).toBeGreaterThan(freeStep);
    expect(timeline.reportMarks.map((r) => r.kind)).toContain('uaf');
  });

  it('has the reader leave before the free with call_rcu and the a379fa1e2cae rule', () => {
    const { timeline } = timelineOf({ scenario: 'disable-vs-kick', variant: 'merged', pntRule: 'a379fa1e2cae' });
    const [reader] = spansOf(timeline, 0, READER_SPAN);
    const [waiting] = spansOf(timeline, 0, cat('waiting for GP'));
    const [freed] = spansOf(timeline, 0, cat('freed'));
    expect(reader[1]).toBeLessThan(freed[0]);
    expect(waiting[1]).toBe(freed[0]);
    expect(spansOf(timeline, timeline.extraLanes.find((l) => l.label === 'RCU')!.row, GP_SPAN)).toHaveLength(2);
  });

  it('walks every array through allocated → published → unpublished → waiting → freed in order', () => {
    const { timeline } = timelineOf({ scenario: 'enable-disable', variant: 'fixed' });
    for (let cpu = 0; cpu < 4; cpu++) {
      const order = ['published', 'unpublished', 'waiting for GP', 'freed'] as const;
      const starts = order.map((name) => spansOf(timeline, cpu, cat(name))[0]?.[0]);
      expect(starts.every((s) => s !== undefined)).toBe(true);
      for (let k = 1; k < starts.length; k++) expect(starts[k]).toBeGreaterThan(starts[k - 1]);
    }
  });

  it("marks arrays overwritten by a second load as unpublished, then leaked (merged), with B's arrays on a second track", () => {
    const { timeline } = timelineOf({ scenario: 'load-while-enabled', variant: 'merged' });
    const leakedCpus = [0, 1, 2, 3].filter((cpu) => spansOf(timeline, cpu, cat('leaked')).length > 0);
    expect(leakedCpus).toEqual([0, 1, 2, 3]);
    // B's arrays, allocated while A's were live, are drawn under them and freed after a grace period.
    for (let cpu = 0; cpu < 4; cpu++) {
      expect(spansOf(timeline, cpu, cat('published', 1))).toHaveLength(1);
      expect(spansOf(timeline, cpu, cat('waiting for GP', 1))).toHaveLength(1);
    }
    // Array #0 was held by CPU 0's reader: unpublished by B's assign first, leaked when the reader left.
    expect(spansOf(timeline, 0, cat('unpublished')).length).toBeGreaterThan(0);
    const lanes = timeline.extraLanes.map((l) => l.label);
    expect(lanes).toEqual(['boot', 'enable:A', 'enable:B', 'disable', 'RCU']);
    const bRow = timeline.extraLanes.find((l) => l.label === 'enable:B')!.row;
    const warnRows = Array.from({ length: timeline.marks.count }, (_, i) => i)
      .filter((i) => timeline.marks.cat[i] === markCat('warning'))
      .map((i) => timeline.marks.row[i]);
    expect(warnRows.length).toBeGreaterThan(0);
    expect(new Set(warnRows)).toEqual(new Set([bRow]));
  });

  it('leaves no ribbon in the fixed variant leaked, and never needs a second track', () => {
    const { timeline } = timelineOf({ scenario: 'load-while-enabled', variant: 'fixed' });
    for (let cpu = 0; cpu < 4; cpu++) expect(spansOf(timeline, cpu, cat('leaked'))).toEqual([]);
    for (let i = 0; i < timeline.spans.count; i++) expect(timeline.spans.cat[i]).toBeLessThan(ribbonCategory(0, 1));
  });

  it('shows boot-time percpu arrays for the old design', () => {
    const { timeline } = timelineOf({ scenario: 'boot', variant: 'before' });
    // One step long: open spans run to the open end of the axis, steps + 1.
    for (let cpu = 0; cpu < 4; cpu++) expect(spansOf(timeline, cpu, cat('percpu'))).toEqual([[1, 2]]);
  });
});

describe('actorIdOfEvent', () => {
  it('names every event by the actor that made it, as the model names actors', async () => {
    const { actorIdOfEvent } = await import('../../src/races/traceCodes.ts');
    const { traceEvents } = await import('../../workers/model/sched/stepView.ts');
    for (const scenario of ['load-while-enabled', 'kick-storm'] as const) {
      const result = run(makeRunConfig({ cpus: 4, scenario, variant: 'merged', stormKicks: 50 })).result;
      const ids = scheduleOf(result);
      const expected = traceEvents(result).map((e) => e.actor);
      expect(expected.map((_, i) => actorIdOfEvent(result.trace, i, ids))).toEqual(expected);
    }
  });
});

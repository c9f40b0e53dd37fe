// The timeline's text alternative says what it shows now: the steps in view, the cursor, the reports.
import { describe, expect, it } from 'vitest';
import { describeTimelineNow } from '../../src/races/TimelineNow.tsx';
import { buildRaceTimeline } from '../../src/races/raceTimeline.ts';
import { run } from '../../workers/model/sched/run.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';

// Timer-tick delivery: the irq work runs after the grace period, so no-rcu shows its use-after-free.
const rec = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4, irqDelivery: 'tick' }));
const timeline = buildRaceTimeline(rec.result, scheduleOf(rec.result));

describe('describeTimelineNow', () => {
  it('names the whole run, the cursor and each report with its step', () => {
    const text = describeTimelineNow(timeline, 31, null);
    expect(text).toMatch(/^The timeline: steps 0 to 41 of 41 shown, cursor at step 31; reports: /);
    expect(text).toContain('slab-use-after-free in kick_cpus_irq_workfn at step 31');
  });
  it('follows the zoom window and the cursor', () => {
    expect(describeTimelineNow(timeline, 12, [10, 20.5])).toMatch(/steps 10 to 21 of 41 shown, cursor at step 12;/);
  });
  it('says when there is nothing to report', () => {
    const clean = run(makeRunConfig({ scenario: 'enable-disable', variant: 'merged', cpus: 2 }));
    expect(describeTimelineNow(buildRaceTimeline(clean.result, scheduleOf(clean.result)), 0, null)).toMatch(/; no reports\.$/);
  });
});

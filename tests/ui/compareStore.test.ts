// The compare view's pure parts and slice: moving between the aligned runs (matchingStep, the difference
// buttons' targets), the kernel pickers' actions, and a comparison loaded from the real worker API.
import { PNT_RULE_PRESETS } from '../../workers/model/constants.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareApi } from '../../workers/compareApi.ts';
import { schedApi } from '../../workers/schedApi.ts';
import { hunkAtOrBefore, hunkCursor, matchingStep, nextHunk, previousHunk } from '../../src/compare/alignSteps.ts';
import { buildCompareConfig, compareConfigKey } from '../../src/compare/compareConfig.ts';
import { codeDifferences } from '../../src/compare/codeDifferences.ts';
import { buildRaceTimeline } from '../../src/races/raceTimeline.ts';
import { selectCompareConfig } from '../../src/compare/useCompareRun.ts';
import { useAppStore } from '../../src/state/store.ts';
import type { CompareRun } from '../../src/compare/compareSlice.ts';

// A: 10 steps; B: steps 2..4 of A are replaced by one step, and B has two extra steps before A's step 8.
const HUNKS = [
  { a: [2, 5] as [number, number], b: [2, 3] as [number, number] },
  { a: [8, 8] as [number, number], b: [6, 8] as [number, number] },
];

describe('matchingStep', () => {
  it('is the identity before the first difference and keeps the offset between differences', () => {
    expect(matchingStep(HUNKS, 'a', 0)).toBe(0);
    expect(matchingStep(HUNKS, 'a', 2)).toBe(2);
    expect(matchingStep(HUNKS, 'a', 5)).toBe(3);
    expect(matchingStep(HUNKS, 'a', 7)).toBe(5);
    expect(matchingStep(HUNKS, 'a', 9)).toBe(9);
    expect(matchingStep(HUNKS, 'b', 3)).toBe(5);
    expect(matchingStep(HUNKS, 'b', 9)).toBe(9);
  });

  it('stays inside the other side of a difference while the cursor is inside it', () => {
    expect(matchingStep(HUNKS, 'a', 3)).toBe(3);
    expect(matchingStep(HUNKS, 'a', 4)).toBe(3);
    expect(matchingStep(HUNKS, 'b', 7)).toBe(8);
  });
});

describe('difference buttons', () => {
  it('go to the view step showing each difference’s first events, on both sides', () => {
    expect(hunkCursor(HUNKS[0])).toEqual({ a: 3, b: 3 });
    expect(nextHunk(HUNKS, 0)).toBe(0);
    expect(nextHunk(HUNKS, 3)).toBe(1);
    expect(nextHunk(HUNKS, 9)).toBe(-1);
    expect(previousHunk(HUNKS, 3)).toBe(-1);
    expect(previousHunk(HUNKS, 9)).toBe(0);
    expect(previousHunk(HUNKS, 10)).toBe(1);
    expect(hunkAtOrBefore(HUNKS, 5)).toBe(0);
  });
});

describe('compare slice', () => {
  beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));

  it('sets a side’s variant and rule from a kernel version, and forgets the version when one is changed', () => {
    const s = useAppStore.getState();
    s.setCompareKernel('a', '6.18.10');
    expect(useAppStore.getState().compareParams.a).toEqual({ kernel: '6.18.10', variant: 'fixed', toggles: null, pntRule: 'a379fa1e2cae' });
    s.setCompareRule('a', '6.17');
    expect(useAppStore.getState().compareParams.a).toEqual({ kernel: null, variant: 'fixed', toggles: null, pntRule: '6.17' });
    s.setCompareToggle('a', 'allocAfterStateCheck', false);
    expect(useAppStore.getState().compareParams.a.variant).toBe('merged');
    s.setCompareToggle('a', 'nullCheck', false);
    expect(useAppStore.getState().compareParams.a).toMatchObject({ variant: 'custom', toggles: { nullCheck: false } });
    const before = useAppStore.getState().compareParams;
    s.setCompareKernel('b', 'no-such-kernel');
    expect(useAppStore.getState().compareParams).toBe(before);
  });

  it('loads a comparison and moves the other cursor through the alignment', () => {
    useAppStore.getState().setCpus(3);
    const st = useAppStore.getState();
    const config = selectCompareConfig(st);
    expect(config.base.cpus).toBe(3);
    const h = compareApi.compare(config);
    const side = (run: typeof h.a): CompareRun => {
      const actorIds = schedApi.schedule(run.runId);
      return { workerRunId: run.runId, result: run.result, actorIds, timeline: buildRaceTimeline(run.result, actorIds) };
    };
    st.startCompareRun(7);
    st.finishCompareRun(7, {
      key: compareConfigKey(config),
      epoch: 0,
      a: side(h.a),
      b: side(h.b),
      diff: h.diff,
      status: h.status,
      schedule: h.schedule,
      blocked: h.blocked,
    });
    expect(useAppStore.getState().compareRun.data?.status).toMatch(/^1 difference · first at step 3/);
    useAppStore.getState().setCompareStep('a', 20);
    expect(useAppStore.getState().compareCursor).toEqual({ a: 20, b: 20 });
    useAppStore.getState().setCompareCursor({ a: 1e9, b: -4 });
    expect(useAppStore.getState().compareCursor).toEqual({ a: h.a.result.steps, b: 0 });
    // A stale reply changes nothing.
    const current = useAppStore.getState().compareRun;
    useAppStore.getState().finishCompareRun(6, current.data!);
    expect(useAppStore.getState().compareRun).toBe(current);
  });

  it('uses the same hand schedule for both kernels when it is chosen', () => {
    useAppStore.getState().setCompareSchedule(['boot', 'enable:A']);
    const c = buildCompareConfig(useAppStore.getState().compareParams, { cpus: 3, nodes: 1, pageSize: 4096 });
    expect(c.schedule).toEqual({ kind: 'hand', actors: ['boot', 'enable:A'] });
    useAppStore.getState().setCompareScheduleKind('default');
    expect(selectCompareConfig(useAppStore.getState()).schedule).toEqual({ kind: 'default' });
  });

  it('names another comparison when the shared irq_work delivery changes (the view runs it again)', () => {
    const before = compareConfigKey(selectCompareConfig(useAppStore.getState()));
    useAppStore.getState().setCompareIrqDelivery('tick');
    const c = selectCompareConfig(useAppStore.getState());
    expect(c.base.irqDelivery).toBe('tick');
    expect(compareConfigKey(c)).not.toBe(before);
    useAppStore.getState().setCompareIrqDelivery('self-interrupt');
    expect(compareConfigKey(selectCompareConfig(useAppStore.getState()))).toBe(before);
  });
});

describe('code differences', () => {
  it('list the lines one kernel runs and the other does not', () => {
    const merged = schedApi.codeListing(
      { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: false },
      PNT_RULE_PRESETS['6.17'],
    );
    const fixed = schedApi.codeListing(
      { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: true },
      PNT_RULE_PRESETS['6.17'],
    );
    const d = codeDifferences(merged, fixed);
    expect(d.map((x) => x.fn)).toEqual(['scx_enable']);
    expect(d[0].lines.some((l) => l.only === 'a')).toBe(true);
    expect(d[0].lines.some((l) => l.only === 'b')).toBe(true);
    expect(codeDifferences(merged, merged)).toEqual([]);
  });
});

describe('realign', () => {
  it('aligns the kept runs again (the same diff when they align whole) and the store takes it for its own runs only', () => {
    const config = buildCompareConfig(
      {
        scenario: 'kick-storm',
        a: { kernel: null, variant: 'merged', toggles: null, pntRule: '6.17' },
        b: { kernel: '6.18.10', variant: 'fixed', toggles: null, pntRule: 'a379fa1e2cae' },
        scheduleKind: 'random',
        schedule: [],
        seed: 7,
        irqDelivery: 'self-interrupt',
      },
      { cpus: 64, nodes: 1, pageSize: 4096 },
    );
    const h = compareApi.compare(config);
    const whole = compareApi.realign(h.a.runId, h.b.runId, 0);
    expect(whole.diff).toEqual(h.diff);
    // The store takes a new alignment for the loaded comparison only.
    useAppStore.setState(useAppStore.getInitialState(), true);
    const st = useAppStore.getState();
    const key = compareConfigKey(config);
    const side = (run: typeof h.a): CompareRun => ({
      workerRunId: run.runId,
      result: run.result,
      actorIds: [],
      timeline: buildRaceTimeline(run.result, []),
    });
    st.startCompareRun(1);
    st.finishCompareRun(1, {
      key,
      epoch: 0,
      a: side(h.a),
      b: side(h.b),
      diff: h.diff,
      status: h.status,
      schedule: h.schedule,
      blocked: h.blocked,
    });
    useAppStore.getState().setCompareDiff(key, whole.diff, 'new status');
    expect(useAppStore.getState().compareRun.data?.status).toBe('new status');
    useAppStore.getState().setCompareDiff('another key', whole.diff, 'ignored');
    expect(useAppStore.getState().compareRun.data?.status).toBe('new status');
  });
});

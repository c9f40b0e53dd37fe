// The races slice: cursor clamping, the step window, toggles and variants, runs (stale ones ignored),
// forks and reset. Runs come from the real worker API in Node.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { schedApi } from '../../workers/schedApi.ts';
import { buildRaceConfig, raceBaseKey, raceConfigKey } from '../../src/races/raceConfig.ts';
import { buildRaceTimeline } from '../../src/races/raceTimeline.ts';
import { selectRaceConfig, selectRaceCpus, selectRaceToggles } from '../../src/races/raceSelectors.ts';
import { clampWindow, MIN_WINDOW_STEPS, type LoadedRace } from '../../src/state/racesSlice.ts';
import { useAppStore } from '../../src/state/store.ts';

function loadCurrentRun(requestId = 1): LoadedRace {
  const s = useAppStore.getState();
  const config = selectRaceConfig(s)!;
  const handle = schedApi.runScenario(config, s.raceStep);
  const actorIds = schedApi.schedule(handle.runId);
  const race: LoadedRace = {
    workerRunId: handle.runId,
    key: raceConfigKey(config),
    epoch: 0,
    result: handle.result,
    actorIds,
    timeline: buildRaceTimeline(handle.result, actorIds),
  };
  s.startRaceRun(requestId);
  useAppStore.getState().finishRaceRun(requestId, race, handle.view);
  return race;
}

describe('races slice', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    useAppStore.getState().setRaceCatalog(schedApi.catalog());
    useAppStore.getState().setCpus(4);
  });

  it('builds no config before the catalog has loaded', () => {
    useAppStore.setState({ raceCatalog: null });
    expect(selectRaceConfig(useAppStore.getState())).toBeNull();
  });

  it('clamps the cursor to the loaded run', () => {
    const race = loadCurrentRun();
    const s = useAppStore.getState();
    s.setRaceStep(1e9);
    expect(useAppStore.getState().raceStep).toBe(race.result.steps);
    s.stepRaceBy(-1e9);
    expect(useAppStore.getState().raceStep).toBe(0);
    s.setRaceStep(Number.NaN);
    expect(useAppStore.getState().raceStep).toBe(0);
  });

  it('ignores a run that is no longer the latest request', () => {
    const s = useAppStore.getState();
    s.startRaceRun(1);
    s.startRaceRun(2);
    const config = selectRaceConfig(useAppStore.getState())!;
    const handle = schedApi.runScenario(config, 0);
    const race: LoadedRace = {
      workerRunId: handle.runId,
      key: 'k',
      epoch: 0,
      result: handle.result,
      actorIds: [],
      timeline: buildRaceTimeline(handle.result, []),
    };
    s.finishRaceRun(1, race, handle.view);
    expect(useAppStore.getState().raceRun).toMatchObject({ status: 'running', runId: 2, data: null });
    expect(useAppStore.getState().raceView).toBeNull();
  });

  it('shows step views of the current run only', () => {
    const race = loadCurrentRun();
    const view = schedApi.stepView(race.workerRunId, 3);
    useAppStore.getState().showRaceView(race.workerRunId + 100, view);
    expect(useAppStore.getState().raceView?.step).toBe(0);
    useAppStore.getState().showRaceView(race.workerRunId, view);
    expect(useAppStore.getState().raceView?.step).toBe(3);
  });

  it('makes the variant custom when a toggle is changed, and a preset again when one is chosen', () => {
    const s = useAppStore.getState();
    s.setRaceVariant('merged');
    s.setRaceToggle('allocAfterStateCheck', true);
    let state = useAppStore.getState();
    expect(state.raceParams.variant).toBe('custom');
    expect(selectRaceToggles(state)).toMatchObject({ lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: true });
    s.setRaceVariant('no-rcu');
    state = useAppStore.getState();
    expect(state.raceParams.toggles).toBeNull();
    expect(selectRaceToggles(state)).toEqual(schedApi.catalog().variants.find((v) => v.name === 'no-rcu')!.toggles);
  });

  it('says why the shared CPU count is not used as is', () => {
    useAppStore.getState().setCpus(16384);
    expect(selectRaceCpus(useAppStore.getState())).toMatchObject({ cpus: 8192 });
    useAppStore.getState().setCpus(1);
    const c = selectRaceCpus(useAppStore.getState());
    expect(c.cpus).toBe(2);
    expect(c.note).toMatch(/needs at least 2 CPUs/);
  });

  it('plays from the start again when play is pressed at the end', () => {
    const race = loadCurrentRun();
    const s = useAppStore.getState();
    s.setRaceStep(race.result.steps);
    s.setRacePlaying(true);
    expect(useAppStore.getState()).toMatchObject({ racePlaying: true, raceStep: 0 });
  });

  it('reset returns to step 0 of the scenario’s own schedule, zoomed out', () => {
    loadCurrentRun();
    const s = useAppStore.getState();
    const base = buildRaceConfig(
      useAppStore.getState().raceParams,
      { cpus: 4, nodes: 1, pageSize: 4096 },
      useAppStore.getState().raceCatalog,
    )!;
    s.setRaceSchedule(['boot'], raceBaseKey(base));
    expect(selectRaceConfig(useAppStore.getState())!.schedule).toEqual(['boot']);
    s.setRaceStep(5);
    s.zoomRaceToRange(2, 10);
    s.resetRace();
    expect(useAppStore.getState()).toMatchObject({ raceStep: 0, racePlaying: false, raceWindow: null });
    expect(useAppStore.getState().raceParams.schedule).toEqual([]);
  });

  it('drops a forked schedule when an input of the run changes', () => {
    const s = useAppStore.getState();
    s.setRaceSchedule(['boot', 'enable:A']);
    expect(selectRaceConfig(useAppStore.getState())!.schedule).toEqual(['boot', 'enable:A']);
    s.setRacePntRule('a379fa1e2cae');
    expect(useAppStore.getState().raceParams.schedule).toEqual([]);
    s.setRaceSchedule(['boot']);
    s.setRaceToggle('rcuFree', false);
    expect(useAppStore.getState().raceParams.schedule).toEqual([]);
  });

  it('sets the schedule policy, kvzalloc_node path and failing call; a write of the same value changes nothing', () => {
    const s = useAppStore.getState();
    s.setRacePolicy('random');
    s.setRaceKvmallocPath('vmalloc');
    s.setRaceFailAllocAt(3);
    expect(selectRaceConfig(useAppStore.getState())).toMatchObject({ policy: 'random', kvmallocPath: 'vmalloc', failAllocAt: 3 });
    const before = useAppStore.getState();
    s.setRacePolicy('random');
    s.setRaceKvmallocPath('vmalloc');
    s.setRaceFailAllocAt(3);
    s.setRaceFailAllocAt(2.6); // rounds to 3
    expect(useAppStore.getState()).toBe(before);
    expect(useAppStore.getState().raceParams).toBe(before.raceParams);
  });

  it('reads a negative or non-finite failing call as never, and clamps a huge one', () => {
    const s = useAppStore.getState();
    for (const [input, want] of [
      [0, 0],
      [-1, -1],
      [5, 5],
      [-7, -1],
      [Number.NaN, -1],
      [1e12, 1_000_000],
      [Number.POSITIVE_INFINITY, -1],
    ] as const) {
      s.setRaceFailAllocAt(input);
      expect([input, useAppStore.getState().raceParams.failAllocAt]).toEqual([input, want]);
    }
  });

  it('ignores a policy or path the model does not know', () => {
    const before = useAppStore.getState();
    useAppStore.getState().setRacePolicy('chaos' as never);
    useAppStore.getState().setRaceKvmallocPath('slub' as never);
    useAppStore.getState().setRaceIrqWork('soft' as never);
    useAppStore.getState().setRaceIrqDelivery('ipi' as never);
    expect(useAppStore.getState()).toBe(before);
  });

  it('drops a forked schedule when the policy, path or failing call changes (like the rule)', () => {
    const changes: [string, () => void][] = [
      ['policy', () => useAppStore.getState().setRacePolicy('random')],
      ['path', () => useAppStore.getState().setRaceKvmallocPath('vmalloc')],
      ['enomem', () => useAppStore.getState().setRaceFailAllocAt(0)],
      ['irq work', () => useAppStore.getState().setRaceIrqWork('threaded')],
      ['delivery', () => useAppStore.getState().setRaceIrqDelivery('tick')],
    ];
    for (const [name, change] of changes) {
      const config = selectRaceConfig(useAppStore.getState())!;
      const { schedule: _s, ...base } = config;
      useAppStore.getState().setRaceSchedule(['boot', 'enable:A'], raceBaseKey(base));
      expect(selectRaceConfig(useAppStore.getState())!.schedule).toEqual(['boot', 'enable:A']);
      change();
      expect([name, useAppStore.getState().raceParams.schedule, useAppStore.getState().raceParams.scheduleBase]).toEqual([name, [], '']);
    }
    // A write of the same value keeps the fork.
    useAppStore.getState().setRaceSchedule(['boot']);
    useAppStore.getState().setRacePolicy('random');
    useAppStore.getState().setRaceKvmallocPath('vmalloc');
    useAppStore.getState().setRaceFailAllocAt(0);
    expect(useAppStore.getState().raceParams.schedule).toEqual(['boot']);
  });

  it('stores a zoom window inside the run, and null when it covers the whole run', () => {
    const race = loadCurrentRun();
    const s = useAppStore.getState();
    s.zoomRaceToRange(-3, 5);
    expect(useAppStore.getState().raceWindow).toEqual([0, 8]);
    s.zoomRaceToRange(10, 10);
    const w = useAppStore.getState().raceWindow!;
    expect(w[1] - w[0]).toBe(MIN_WINDOW_STEPS);
    s.zoomRaceToRange(-10, race.timeline.endStep + 10);
    expect(useAppStore.getState().raceWindow).toBeNull();
  });
});

describe('clampWindow', () => {
  it('stays inside the domain and is at least the minimum width (or the whole domain)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        (a, b, end) => {
          const [s, e] = clampWindow(a, b, end);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(end + 1e-9);
          expect(e - s).toBeGreaterThanOrEqual(Math.min(end, MIN_WINDOW_STEPS) - 1e-9);
        },
      ),
    );
  });
});

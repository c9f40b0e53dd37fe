// The explore slice's showCounterexample: one call loads the searched inputs, the counterexample's
// schedule and its violating step into the race stepper and switches to the Races tab in ONE store
// update, so the URL sync (which pushes a history entry per deliberate change) pushes one entry.
import { beforeEach, describe, expect, it } from 'vitest';
import { exploreApi } from '../../workers/exploreApi.ts';
import { schedApi } from '../../workers/schedApi.ts';
import { buildRaceConfig } from '../../src/races/raceConfig.ts';
import { selectRaceConfig } from '../../src/races/raceSelectors.ts';
import { useAppStore } from '../../src/state/store.ts';
import type { AppState } from '../../src/state/store.ts';

/** Search disable-vs-kick on no-rcu at 2 CPUs under timer-tick delivery (as the explore view would) and store the reply. */
function exploreNoRcu(): void {
  const s = useAppStore.getState();
  s.setCpus(2);
  s.setRaceScenario('disable-vs-kick');
  s.setRaceVariant('no-rcu');
  s.setRaceIrqDelivery('tick');
  const now = useAppStore.getState();
  const params = { ...now.raceParams, schedule: [], scheduleBase: '' };
  const config = buildRaceConfig(params, { cpus: now.cpus, nodes: now.nodes, pageSize: now.pageSize }, now.raceCatalog)!;
  now.startExplore(7, { params, cpus: config.cpus });
  useAppStore.getState().finishExplore(7, { ...exploreApi.explore(config), seconds: 0 });
}

describe('explore slice: showCounterexample', () => {
  beforeEach(() => {
    useAppStore.setState(useAppStore.getInitialState(), true);
    useAppStore.getState().setRaceCatalog(schedApi.catalog());
    useAppStore.getState().setActiveView('explore');
  });

  it('loads the counterexample into the stepper in one store update', () => {
    exploreNoRcu();
    // The user moves on after the search: another CPU count and scenario, on the Explore tab.
    useAppStore.getState().setCpus(3);
    useAppStore.getState().setRaceScenario('enable-disable');
    const before = useAppStore.getState();
    const cx = before.exploreResult!.violations.useAfterFree!;
    expect(cx).not.toBeNull();

    const updates: [AppState, AppState][] = [];
    const off = useAppStore.subscribe((next, prev) => updates.push([next, prev]));
    before.showCounterexample('useAfterFree');
    off();

    expect(updates).toHaveLength(1);
    const [next, prev] = updates[0];
    expect(prev).toBe(before);
    expect([prev.activeView, next.activeView]).toEqual(['explore', 'races']);
    expect([prev.cpus, next.cpus]).toEqual([3, 2]);
    expect(next.raceParams).toMatchObject({ scenario: 'disable-vs-kick', variant: 'no-rcu', schedule: cx.schedule });
    expect(next.raceStep).toBe(cx.steps);
    expect(next.racePlaying).toBe(false);
    expect(next.raceWindow).toBeNull();
    // The schedule applies to the config the stepper now runs (its base key matches).
    expect(selectRaceConfig(next)?.schedule).toEqual(cx.schedule);
  });

  it('changes nothing for a checker with no counterexample, or before any search', () => {
    const updates: unknown[] = [];
    const off = useAppStore.subscribe(() => updates.push(null));
    useAppStore.getState().showCounterexample('useAfterFree');
    exploreNoRcu();
    updates.length = 0;
    const leak = useAppStore.getState().exploreResult!.violations.leak;
    expect(leak).toBeNull();
    useAppStore.getState().showCounterexample('leak');
    off();
    expect(updates).toHaveLength(0);
    expect(useAppStore.getState().activeView).toBe('explore');
  });
});

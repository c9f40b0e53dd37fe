// Between the store and links: restoring a link and reading the store back gives the link's state;
// a forked schedule is in the link only while it applies; deliberate changes are told apart from
// continuous ones (push versus replace).
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { schedApi } from '../../workers/schedApi.ts';
import { raceBaseKey } from '../../src/races/raceConfig.ts';
import { selectRaceConfig } from '../../src/races/raceSelectors.ts';
import { useAppStore } from '../../src/state/store.ts';
import { decodeUrlState, encodeUrlState } from '../../src/url/urlCodec.ts';
import { DEFAULT_URL_STATE } from '../../src/url/urlSchema.ts';
import { deliberateKey, restoreUrlState, scheduleBaseFor, urlStateOf } from '../../src/url/urlState.ts';
import { urlStateArb } from './urlArbitraries.ts';

const get = () => useAppStore.getState();
const FORK = ['boot', 'enable:A', 'enable:A', 'enable:A'];

/** A schedule as a fork leaves it: made for the current config (the real catalog's key). */
function forkHere(schedule = FORK) {
  get().setRaceCatalog(schedApi.catalog());
  const config = selectRaceConfig(get())!;
  const { schedule: _s, ...base } = config;
  get().setRaceSchedule(schedule, raceBaseKey(base));
}

describe('link state of the store', () => {
  beforeEach(() => useAppStore.setState(useAppStore.getInitialState(), true));

  it('is the default state for a fresh store', () => {
    expect(urlStateOf(get())).toEqual(DEFAULT_URL_STATE);
  });

  it('restores any valid link exactly', () => {
    fc.assert(
      fc.property(urlStateArb, (u) => {
        useAppStore.setState(useAppStore.getInitialState(), true);
        restoreUrlState(get(), u);
        expect(urlStateOf(get())).toEqual(u);
      }),
      { numRuns: 300 },
    );
  });

  it('computes a fork’s schedule key the way the races view does', () => {
    get().setCpus(6);
    get().setRaceVariant('no-rcu');
    forkHere();
    expect(get().raceParams.scheduleBase).toBe(scheduleBaseFor(get().raceParams, { cpus: 6, nodes: 1, pageSize: 4096 }));
    expect(urlStateOf(get()).schedule).toEqual(FORK);
  });

  it('carries a forked schedule only while it applies', () => {
    get().setCpus(4);
    forkHere();
    expect(encodeUrlState(urlStateOf(get()))).toContain('&sched=');
    get().setCpus(5);
    expect(urlStateOf(get()).schedule).toEqual([]);
    get().setCpus(4);
    expect(urlStateOf(get()).schedule).toEqual(FORK);
  });

  it('restores a schedule so that the races view runs it', () => {
    get().setRaceCatalog(schedApi.catalog());
    const { state } = decodeUrlState(encodeUrlState({ ...DEFAULT_URL_STATE, view: 'races', cpus: 4, schedule: FORK, step: 3 }));
    restoreUrlState(get(), state);
    expect(selectRaceConfig(get())?.schedule).toEqual(FORK);
    expect(get().raceStep).toBe(3);
  });

  it('keeps the cursor and window from a link until the run arrives, and stops playback', () => {
    get().setRacePlaying(true);
    restoreUrlState(get(), { ...DEFAULT_URL_STATE, step: 999, window: [10, 50.5] });
    expect(get()).toMatchObject({ raceStep: 999, raceWindow: [10, 50.5], racePlaying: false });
  });

  it('rounds a continuous zoom window to tenths of a step', () => {
    useAppStore.setState({ raceWindow: [3.14159, 27.77] });
    expect(urlStateOf(get()).window).toEqual([3.1, 27.8]);
  });

  it('tells deliberate changes (push) from continuous ones (replace)', () => {
    const key = () => deliberateKey(get());
    const changes: [string, () => void, boolean][] = [
      ['view', () => get().setActiveView('races'), true],
      ['scenario', () => get().setRaceScenario('kick-storm'), true],
      ['variant', () => get().setRaceVariant('fixed'), true],
      ['rule', () => get().setRacePntRule('a379fa1e2cae'), true],
      ['schedule policy', () => get().setRacePolicy('random'), true],
      ['kvzalloc_node path', () => get().setRaceKvmallocPath('vmalloc'), true],
      ['failing call', () => get().setRaceFailAllocAt(4), false],
      ['fork', () => forkHere(), true],
      ['cpus', () => get().setCpus(2048), false],
      ['nodes', () => get().setNodes(3), false],
      ['seed', () => get().setRaceSeed(77), false],
      ['step', () => useAppStore.setState({ raceStep: 12 }), false],
      ['zoom', () => useAppStore.setState({ raceWindow: [1, 9] }), false],
      ['log scale', () => get().setMemoryLogScale(false), false],
    ];
    for (const [name, change, deliberate] of changes) {
      const before = key();
      change();
      expect([name, key() !== before]).toEqual([name, deliberate]);
    }
    get().setRaceCatalog(schedApi.catalog());
    const before = key();
    get().setRaceToggle('nullCheck', false);
    expect(key()).not.toBe(before);
  });
});

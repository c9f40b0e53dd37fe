// The link codec keeps copies of a few model constants (src/ cannot import the model): they must
// equal the model's, or links would name scenarios, presets or actors the model does not have.
import { describe, expect, it } from 'vitest';
import { parseActor } from '../../workers/model/sched/describe.ts';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig, VARIANT_TOGGLES } from '../../workers/model/sched/variants.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import { SCENARIO_INFO } from '../../workers/model/sched/scenarios.ts';
import { ACTOR_KINDS, MAX_SCHED_CPUS, MODEL_VERSION, SCENARIOS, VARIANTS } from '../../workers/model/sched/types.ts';
import { schedApi } from '../../workers/schedApi.ts';
import { buildRaceConfig, DEFAULT_RACE_PARAMS, RACES_MAX_CPUS } from '../../src/races/raceConfig.ts';
import {
  ACTOR_ID_RE,
  DEFAULT_URL_STATE,
  STEP_MAX,
  UI_MODEL_VERSION,
  URL_ACTOR_KINDS,
  URL_SCENARIO_MIN_CPUS,
  URL_SCENARIOS,
  URL_VARIANT_TOGGLES,
  URL_VARIANTS,
} from '../../src/url/urlSchema.ts';
import { URL_CATALOG } from '../../src/url/urlState.ts';
import { DEFAULT_PARAMS } from '../../src/state/paramsSlice.ts';

describe('the link codec’s copies of model constants', () => {
  it('has the model version', () => {
    expect(UI_MODEL_VERSION).toBe(MODEL_VERSION);
  });

  it('names the same scenarios, variants and actor kinds in the same order', () => {
    expect(URL_SCENARIOS).toEqual(SCENARIOS);
    expect(URL_VARIANTS).toEqual(VARIANTS);
    expect(URL_ACTOR_KINDS).toEqual(ACTOR_KINDS);
  });

  it('has the same variant presets and minimum CPU counts', () => {
    expect(URL_VARIANT_TOGGLES).toEqual(VARIANT_TOGGLES);
    for (const s of SCENARIOS) expect(URL_SCENARIO_MIN_CPUS[s]).toBe(SCENARIO_INFO[s].minCpus);
    expect(RACES_MAX_CPUS).toBe(MAX_SCHED_CPUS);
  });

  it('gives buildRaceConfig what the worker’s catalog gives it', () => {
    const catalog = schedApi.catalog();
    expect(URL_CATALOG.scenarios.map((s) => [s.name, s.minCpus])).toEqual(catalog.scenarios.map((s) => [s.name, s.minCpus]));
    expect(URL_CATALOG.variants.map((v) => [v.name, v.toggles])).toEqual(catalog.variants.map((v) => [v.name, v.toggles]));
    for (const scenario of SCENARIOS)
      for (const cpus of [1, 3, 9000]) {
        const params = { ...DEFAULT_RACE_PARAMS, scenario };
        const machine = { cpus, nodes: 2, pageSize: 4096 as const };
        expect(buildRaceConfig(params, machine, URL_CATALOG)).toEqual(buildRaceConfig(params, machine, catalog));
      }
  });

  it('starts from the store’s defaults', () => {
    const { cpus, pageSize, nodes } = DEFAULT_PARAMS;
    expect({ cpus, pageSize, nodes }).toEqual({ cpus: DEFAULT_URL_STATE.cpus, pageSize: DEFAULT_URL_STATE.pageSize, nodes: DEFAULT_URL_STATE.nodes });
    const { scenario, variant, toggles, pntRule, seed, stormKicks, policy, kvmallocPath, failAllocAt, schedule } = DEFAULT_RACE_PARAMS;
    const u = DEFAULT_URL_STATE;
    expect({ scenario, variant, toggles, pntRule, seed, stormKicks, policy, kvmallocPath, failAllocAt, schedule }).toEqual({
      scenario: u.scenario,
      variant: u.variant,
      toggles: u.toggles,
      pntRule: u.pntRule,
      seed: u.seed,
      stormKicks: u.stormKicks,
      policy: u.policy,
      kvmallocPath: u.kvmallocPath,
      failAllocAt: u.failAllocAt,
      schedule: u.schedule,
    });
    expect(buildRaceConfig(DEFAULT_RACE_PARAMS, DEFAULT_PARAMS, URL_CATALOG)?.maxSteps).toBe(STEP_MAX);
  });

  it('accepts every actor id the model writes, and the model parses them back', () => {
    for (const scenario of SCENARIOS) {
      const r = run(makeRunConfig({ scenario, cpus: 12, stormKicks: 40, policy: 'random', seed: 3 })).result;
      for (const id of new Set(scheduleOf(r))) {
        expect(id).toMatch(ACTOR_ID_RE);
        expect(parseActor(id, r.loaderNames, 12)).not.toBeNull();
      }
    }
  });
});

// The races view's config helpers: CPU clamping with a reason, variant presets and canonical keys.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../workers/api.ts';
import { schedApi } from '../../workers/schedApi.ts';
import {
  buildRaceConfig,
  clampRaceCpus,
  DEFAULT_RACE_PARAMS,
  raceBaseKey,
  raceConfigKey,
  variantOfToggles,
  type RaceParams,
} from '../../src/races/raceConfig.ts';

const catalog: Catalog = schedApi.catalog();
const machine = { cpus: 4, nodes: 1, pageSize: 4096 as const };
const makeParams = (over: Partial<RaceParams> = {}): RaceParams => ({ ...DEFAULT_RACE_PARAMS, ...over });

describe('clampRaceCpus', () => {
  it('passes counts the model runs unchanged', () => {
    expect(clampRaceCpus(4, 2)).toEqual({ cpus: 4, note: null });
  });
  it('clamps the memory view’s 16384 to 8192 and says why', () => {
    const c = clampRaceCpus(16384, 1);
    expect(c.cpus).toBe(8192);
    expect(c.note).toMatch(/at most 8192/);
  });
  it('raises a count below the scenario minimum and names the scenario', () => {
    const c = clampRaceCpus(1, 2, 'Disable races a kick');
    expect(c.cpus).toBe(2);
    expect(c.note).toMatch(/Disable races a kick needs at least 2 CPUs/);
  });
});

describe('buildRaceConfig', () => {
  it('waits for the catalog (the toggles of a preset come from it)', () => {
    expect(buildRaceConfig(makeParams(), machine, null)).toBeNull();
  });

  it('builds a config the worker accepts and runs', () => {
    const config = buildRaceConfig(makeParams({ variant: 'no-rcu' }), machine, catalog)!;
    expect(config.toggles).toEqual(catalog.variants.find((v) => v.name === 'no-rcu')!.toggles);
    const handle = schedApi.runScenario(config, 0);
    expect(handle.result.verdict.useAfterFree).toBe(true);
  });

  it('applies a forked schedule only to the config it was made for', () => {
    const base = buildRaceConfig(makeParams(), machine, catalog)!;
    const forked = makeParams({ schedule: ['boot'], scheduleBase: raceBaseKey(base) });
    expect(buildRaceConfig(forked, machine, catalog)!.schedule).toEqual(['boot']);
    expect(buildRaceConfig(forked, { ...machine, cpus: 8 }, catalog)!.schedule).toEqual([]);
    expect(buildRaceConfig({ ...forked, pntRule: 'a379fa1e2cae' }, machine, catalog)!.schedule).toEqual([]);
    // Without a base (a schedule from a link) it applies to any config.
    expect(buildRaceConfig({ ...forked, scheduleBase: '' }, { ...machine, cpus: 8 }, catalog)!.schedule).toEqual(['boot']);
  });

  it('gives equal configs equal keys and different schedules different keys', () => {
    const a = buildRaceConfig(makeParams(), machine, catalog)!;
    const b = buildRaceConfig(makeParams(), machine, catalog)!;
    expect(raceConfigKey(a)).toBe(raceConfigKey(b));
    expect(raceConfigKey({ ...a, schedule: ['boot'] })).not.toBe(raceConfigKey(a));
  });
});

describe('variantOfToggles', () => {
  it('names the preset with exactly these toggles, else custom', () => {
    for (const v of catalog.variants) expect(variantOfToggles(v.toggles, catalog)).toBe(v.name);
    expect(variantOfToggles({ lazyAlloc: true, rcuFree: false, nullCheck: true, allocAfterStateCheck: true }, catalog)).toBe('custom');
  });
});

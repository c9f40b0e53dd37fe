// The races view's config helpers: CPU clamping with a reason, variant presets and canonical keys.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../workers/api.ts';
import { EVENT_KINDS } from '../../workers/model/sched/types.ts';
import { schedApi } from '../../workers/schedApi.ts';
import { kickPseqsRequestBytes, kvmallocMinCpus } from '../../workers/model/constants.ts';
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
    const config = buildRaceConfig(makeParams({ variant: 'no-rcu', irqDelivery: 'tick' }), machine, catalog)!;
    expect(config.toggles).toEqual(catalog.variants.find((v) => v.name === 'no-rcu')!.toggles);
    expect([config.irqWork, config.irqDelivery]).toEqual(['hard', 'tick']);
    const handle = schedApi.runScenario(config, 0);
    expect(handle.result.verdict.useAfterFree).toBe(true);
  });

  it('applies a forked schedule only to the config it was made for', () => {
    const base = buildRaceConfig(makeParams(), machine, catalog)!;
    const forked = makeParams({ schedule: ['boot'], scheduleBase: raceBaseKey(base) });
    expect(buildRaceConfig(forked, machine, catalog)!.schedule).toEqual(['boot']);
    expect(buildRaceConfig(forked, { ...machine, cpus: 8 }, catalog)!.schedule).toEqual([]);
    expect(
      buildRaceConfig({ ...forked, pntRule: 'a379fa1e2cae', skipHigherClass: true, bumpOnPick: true }, machine, catalog)!.schedule,
    ).toEqual([]);
    // Either commit of the a379fa1e2cae series alone is another run too.
    expect(buildRaceConfig({ ...forked, pntRule: 'custom', bumpOnPick: true }, machine, catalog)!.schedule).toEqual([]);
    expect(buildRaceConfig({ ...forked, irqWork: 'threaded' }, machine, catalog)!.schedule).toEqual([]);
    expect(buildRaceConfig({ ...forked, irqDelivery: 'tick' }, machine, catalog)!.schedule).toEqual([]);
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

describe('schedule policy, kvzalloc_node path and injected -ENOMEM', () => {
  it('default to the scenario’s interleaving, kmalloc and no failure', () => {
    expect(DEFAULT_RACE_PARAMS).toMatchObject({ policy: 'default', kvmallocPath: 'kmalloc', failAllocAt: -1 });
    expect(buildRaceConfig(makeParams(), machine, catalog)).toMatchObject({ policy: 'default', kvmallocPath: 'kmalloc', failAllocAt: -1 });
  });

  it('reach the RunConfig and its keys', () => {
    const base = buildRaceConfig(makeParams(), machine, catalog)!;
    const changed: Partial<RaceParams>[] = [{ policy: 'random' }, { kvmallocPath: 'vmalloc' }, { failAllocAt: 0 }, { failAllocAt: 3 }];
    const keys = new Set([raceConfigKey(base)]);
    for (const over of changed) {
      const c = buildRaceConfig(makeParams(over), machine, catalog)!;
      expect(c).toMatchObject(over);
      keys.add(raceConfigKey(c));
    }
    expect(keys.size).toBe(changed.length + 1);
  });

  it('keep a forked schedule to the config it was made for', () => {
    const base = buildRaceConfig(makeParams(), machine, catalog)!;
    const forked = makeParams({ schedule: ['boot'], scheduleBase: raceBaseKey(base) });
    for (const over of [{ policy: 'random' as const }, { kvmallocPath: 'vmalloc' as const }, { failAllocAt: 2 }])
      expect(buildRaceConfig({ ...forked, ...over }, machine, catalog)!.schedule).toEqual([]);
  });

  it('run: a seeded random schedule depends on the seed only', () => {
    const hash = (seed: number) =>
      schedApi.runScenario(buildRaceConfig(makeParams({ policy: 'random', seed }), machine, catalog)!, 0).result.traceHash;
    expect(hash(1)).toBe(hash(1));
    expect(hash(1)).not.toBe(hash(2));
    expect(hash(1)).not.toBe(schedApi.runScenario(buildRaceConfig(makeParams({ seed: 1 }), machine, catalog)!, 0).result.traceHash);
  });

  it('run: the failing call makes scx_enable() return -ENOMEM and leaves nothing behind', () => {
    const config = buildRaceConfig(makeParams({ scenario: 'enable-disable', failAllocAt: 1 }), machine, catalog)!;
    const r = schedApi.runScenario(config, 0).result;
    expect(r.reports.filter((x) => x.kind === 'leak')).toEqual([]);
    const enableReturn = EVENT_KINDS.indexOf('enable-return');
    const returns = Array.from(r.trace.kind.subarray(0, r.trace.count)).flatMap((k, i) => (k === enableReturn ? [r.trace.arg[i]] : []));
    expect(returns).toEqual([-12]);
  });

  it('run: the vmalloc path charges whole pages (1023 CPUs: 12288 B, not kmalloc’s order-2 16384 B)', () => {
    const bytesOf = (kvmallocPath: 'kmalloc' | 'vmalloc') => {
      const config = buildRaceConfig(makeParams({ scenario: 'enable-disable', kvmallocPath }), { ...machine, cpus: 1023 }, catalog)!;
      const r = schedApi.runScenario(config, 0).result;
      const alloc = EVENT_KINDS.indexOf('alloc');
      return new Set(Array.from(r.trace.bytes.subarray(0, r.trace.count)).filter((_, i) => r.trace.kind[i] === alloc));
    };
    expect(bytesOf('kmalloc')).toEqual(new Set([16384]));
    expect(bytesOf('vmalloc')).toEqual(new Set([12288]));
  });

  it('say where the path matters: S = 16 + 8·N above a page', () => {
    expect(kickPseqsRequestBytes(1023)).toBe(8200);
    expect(kvmallocMinCpus(4096)).toBe(511);
    expect(kickPseqsRequestBytes(510)).toBe(4096);
    expect(kickPseqsRequestBytes(511)).toBeGreaterThan(4096);
    expect(kvmallocMinCpus(65536)).toBe(8191);
  });
});

describe('variantOfToggles', () => {
  it('names the preset with exactly these toggles, else custom', () => {
    for (const v of catalog.variants) expect(variantOfToggles(v.toggles, catalog)).toBe(v.name);
    expect(variantOfToggles({ lazyAlloc: true, rcuFree: false, nullCheck: true, allocAfterStateCheck: true }, catalog)).toBe('custom');
  });
});

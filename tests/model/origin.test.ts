// Introduced or pre-existing: the split of a run's findings against the `before` kernel, checked on the
// golden configurations (every scenario × variant at 2 and 4 CPUs, both pnt_seq rules).
import { describe, expect, it } from 'vitest';
import { SCENARIOS, VARIANTS } from '../../workers/model/constants.ts';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { KICK_WAIT_BUG, originOf } from '../../workers/model/sched/origin.ts';
import type { PntRule, Report, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

const RULES: PntRule[] = ['6.17', 'a379fa1e2cae'];
const reportsOf = (scenario: ScenarioName, variant: VariantName, cpus: number, pntRule: PntRule): Report[] =>
  run(makeRunConfig({ scenario, variant, cpus, pntRule, stormKicks: 60 }), { trace: false }).result.reports;

const golden = SCENARIOS.flatMap((scenario) =>
  VARIANTS.flatMap((variant) => [2, 4].flatMap((cpus) => RULES.map((pntRule) => ({ scenario, variant, cpus, pntRule })))),
);
const runs = golden.map((g) => ({ ...g, reports: reportsOf(g.scenario, g.variant, g.cpus, g.pntRule) }));

describe('introduced or pre-existing', () => {
  it('every report carries the origin its checker, variant and rule give', () => {
    for (const r of runs)
      for (const rep of r.reports) {
        const o = originOf(rep.kind, r.variant, r.pntRule);
        expect(rep.origin).toBe(o.origin);
        expect(rep.originWhy).toBe(o.why);
      }
  });

  it('no kind called introduced ever shows in a before run, and every kind before shows is pre-existing elsewhere', () => {
    for (const b of runs.filter((r) => r.variant === 'before'))
      for (const rep of b.reports)
        for (const v of VARIANTS.filter((x) => x !== 'before'))
          expect(originOf(rep.kind, v, b.pntRule).origin, `${rep.kind} in before, ${b.scenario}/${b.pntRule}`).toBe('pre-existing');
  });

  it('under the a379fa1e2cae rule no run hangs: a stuck spin there would really be new', () => {
    const hangs = runs.filter((r) => r.pntRule === 'a379fa1e2cae' && r.reports.some((x) => x.kind === 'stuck' || x.kind === 'rcu-stall'));
    expect(hangs.map((r) => `${r.scenario}/${r.variant}/${r.cpus}`)).toEqual([]);
  });

  it('merged and fixed under the 6.17 rule: the stuck spin and RCU stall are the 6.17 SCX_KICK_WAIT bug, nothing is introduced', () => {
    for (const variant of ['merged', 'fixed'] as const) {
      const reps = runs.find(
        (r) => r.scenario === 'disable-vs-kick' && r.variant === variant && r.cpus === 4 && r.pntRule === '6.17',
      )!.reports;
      expect(reps.map((x) => x.kind).sort()).toEqual(['rcu-stall', 'stuck']);
      expect(reps.every((x) => x.origin === 'pre-existing' && x.originWhy === KICK_WAIT_BUG)).toBe(true);
    }
  });

  it('what the patch did introduce is called introduced', () => {
    // The no-rcu use-after-free of disable-vs-kick needs the timer-tick delivery (under self-interrupt it is unreachable).
    const noRcu = {
      reports: run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4, irqDelivery: 'tick' }), { trace: false }).result
        .reports,
    };
    expect(noRcu.reports.filter((x) => x.origin === 'introduced').map((x) => x.kind)).toContain('uaf');
    expect(noRcu.reports.filter((x) => x.origin === 'pre-existing').map((x) => x.kind)).toContain('stuck');
    const second = runs.find((r) => r.scenario === 'load-while-enabled' && r.variant === 'merged' && r.cpus === 4 && r.pntRule === '6.17')!;
    expect(new Set(second.reports.filter((x) => x.origin === 'introduced').map((x) => x.kind))).toEqual(
      new Set(['leak', 'warn', 'dropped-kicks']),
    );
  });
});

// Sleep sets for quiescent-state reports (exploreSleep.ts). The independence they rest on is checked on the
// machine itself: along random schedules of every scenario, rule, delivery and irq-work mode, every stepped
// action the tables call independent of an enabled qs:c stays enabled after it, leaves it enabled, and both
// orders reach the same state. And the search with them finds what it finds without them: the same states,
// the same verdicts and the same shortest counterexamples, with fewer transitions.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { StateKeyer } from '../../workers/model/sched/stateKey.ts';
import { explore, type ExploreOptions } from '../../workers/model/sched/explore.ts';
import { inSleep, sleepBit, sleepTables } from '../../workers/model/sched/exploreSleep.ts';
import { ACTOR_CODE, actorCode } from '../../workers/model/sched/machine/codes.ts';
import { PNT_RULES, SCENARIOS, VARIANTS } from '../../workers/model/constants.ts';
import type { RunConfig } from '../../workers/model/sched/types.ts';

describe('the independence sleep sets use', () => {
  it('every action called independent of an enabled qs:c commutes with it and keeps it enabled', () => {
    let pairs = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.constantFrom(...VARIANTS),
        fc.constantFrom(...PNT_RULES),
        fc.constantFrom('self-interrupt' as const, 'tick' as const),
        fc.constantFrom('hard' as const, 'threaded' as const),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.nat(), { maxLength: 60, size: 'max' }),
        (scenario, variant, pntRule, irqDelivery, irqWork, cpus, picks) => {
          const cfg = makeRunConfig({ scenario, variant, pntRule, irqDelivery, irqWork, cpus, stormKicks: 2 });
          const m = createMachine(cfg);
          const keyer = new StateKeyer(m, false);
          const t = sleepTables(m, [], false)!;
          for (const p of picks) {
            const enabled = m.enabledActors();
            if (!enabled.length) break;
            for (let c = 0; c < cpus; c++) {
              const qs = actorCode(ACTOR_CODE.qs, c);
              if (!m.isEnabled(qs)) continue;
              for (const a of enabled) {
                const b = sleepBit(t, a);
                if (!inSleep(t.indep[2 * c], t.indep[2 * c + 1], b)) continue;
                const qa = m.clone();
                qa.apply(qs);
                expect(qa.isEnabled(a), `${scenario}: ${a} after qs:${c}`).toBe(true);
                qa.apply(a);
                const aq = m.clone();
                aq.apply(a);
                expect(aq.isEnabled(qs), `${scenario}: qs:${c} after ${a}`).toBe(true);
                aq.apply(qs);
                expect(keyer.key(qa), `${scenario}/${variant}/${cpus}: qs:${c} and ${a} in both orders`).toBe(keyer.key(aq));
                pairs++;
              }
            }
            m.apply(enabled[p % enabled.length]);
          }
        },
      ),
      { numRuns: 300 },
    );
    // Most random schedules end before a grace period starts: make sure pairs were checked at all.
    expect(pairs).toBeGreaterThan(100);
  });

  it("puts to sleep no grace period, report or boot, and none of the steps on qs:c's own CPU that touch it", () => {
    const cfg = makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 3, stormKicks: 1 });
    const m = createMachine(cfg);
    const t = sleepTables(m, [], false)!;
    for (let c = 0; c < 3; c++) {
      for (const kind of [ACTOR_CODE.gp, ACTOR_CODE.qs, ACTOR_CODE.boot]) expect(sleepBit(t, actorCode(kind, c))).toBe(-1);
      for (const kind of [ACTOR_CODE.sched, ACTOR_CODE.irq, ACTOR_CODE.bpf]) {
        const b = sleepBit(t, actorCode(kind, c));
        expect(b).toBeGreaterThanOrEqual(0);
        expect(inSleep(t.indep[2 * c], t.indep[2 * c + 1], b)).toBe(false);
      }
    }
    // Not with interchangeable CPUs, nor where the ample-set rule can fire.
    expect(sleepTables(m, [1, 2], false)).toBeNull();
    expect(sleepTables(m, [], true)).toBeNull();
  });
});

describe('the search with sleep sets', () => {
  const same = (cfg: RunConfig, opts: ExploreOptions = {}) => {
    const on = explore(cfg, opts);
    const off = explore(cfg, { ...opts, sleepSets: false });
    expect(off.sleepSets).toBe('off');
    expect(on.states).toBe(off.states);
    expect(on.complete).toBe(off.complete);
    expect(on.depth).toBe(off.depth);
    for (const [name, v] of Object.entries(on.violations))
      expect(v?.steps ?? null, name).toBe(off.violations[name as keyof typeof on.violations]?.steps ?? null);
    expect(on.transitions + on.sleptTransitions).toBeLessThanOrEqual(off.transitions);
    return on;
  };

  it('finds the same states, verdicts and shortest counterexamples in every kick storm at 2 CPUs, with fewer transitions', () => {
    let slept = 0;
    for (const variant of VARIANTS)
      for (const pntRule of PNT_RULES)
        for (const irqDelivery of ['self-interrupt', 'tick'] as const) {
          const on = same(makeRunConfig({ scenario: 'kick-storm', variant, pntRule, irqDelivery, cpus: 2, stormKicks: 1 }));
          expect(on.sleepSets).toBe('on');
          slept += on.sleptTransitions;
        }
    expect(slept).toBeGreaterThan(0);
  });

  it('…and at 3 CPUs, and in every other scenario with both reductions off', () => {
    const on = same(makeRunConfig({ scenario: 'kick-storm', variant: 'fixed', cpus: 3, stormKicks: 1 }));
    expect(on.sleptTransitions).toBeGreaterThan(1000);
    for (const scenario of SCENARIOS.filter((x) => x !== 'kick-storm'))
      for (const variant of ['merged', 'fixed'] as const) {
        const r = same(makeRunConfig({ scenario, variant, cpus: 3, irqDelivery: 'tick' }), { symmetry: false, por: false });
        expect(r.sleepSets, scenario).toBe('on');
      }
  });

  it('says when they do not apply: interchangeable CPUs, or an ample-set rule that can fire', () => {
    const r = explore(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 4 }));
    expect(r.sleepSets).toBe('not applicable');
    expect(r.sleptTransitions).toBe(0);
  });
});

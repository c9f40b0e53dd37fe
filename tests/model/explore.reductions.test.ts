// Symmetry and partial-order reduction never change a verdict (nor the length of a shortest counterexample):
// each reduced search against the unreduced one, every scenario × variant × pnt_seq rule at 2 CPUs, the
// scripted scenarios at 3 CPUs, a kick storm at 3 CPUs, and the sizes where symmetry has CPUs to permute (5–6).
// The merged kick storm at 3 CPUs (about 350,000 states a search) is in tests/slow/, with its own timeout.
import { describe, it, expect } from 'vitest';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { SCENARIOS, VARIANTS } from '../../workers/model/sched/types.ts';
import type { PntRule, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';
import { compareReductions } from './reductions.ts';

describe('reductions keep every verdict', () => {
  const at2: [ScenarioName, VariantName, PntRule][] = [];
  for (const s of SCENARIOS) for (const v of VARIANTS) for (const rule of ['6.17', 'a379fa1e2cae'] as const) at2.push([s, v, rule]);

  it.each(at2)('%s · %s · rule %s at 2 CPUs', (scenario, variant, pntRule) => {
    compareReductions(makeRunConfig({ scenario, variant, cpus: 2, pntRule, stormKicks: 1 }));
  });

  const at3: [ScenarioName, VariantName, PntRule][] = [];
  for (const s of ['disable-vs-kick', 'load-while-enabled', 'enable-disable'] as const)
    for (const v of VARIANTS) for (const rule of ['6.17', 'a379fa1e2cae'] as const) at3.push([s, v, rule]);

  it.each(at3)('%s · %s · rule %s at 3 CPUs', (scenario, variant, pntRule) => {
    compareReductions(makeRunConfig({ scenario, variant, cpus: 3, pntRule }));
  });

  // A 3-CPU kick storm that stays small: without RCU the storm's early use-after-free cuts most schedules short
  // (about 25,000 states unreduced). The merged and fixed ones are in tests/slow/explore.kickStorm.test.ts.
  it('kick-storm · no-rcu with one kick at 3 CPUs', () => {
    const s = compareReductions(makeRunConfig({ scenario: 'kick-storm', variant: 'no-rcu', cpus: 3, stormKicks: 1 }));
    expect(s.base).toBeGreaterThan(10_000);
  });

  it('POR shrinks the merged searches at 3 CPUs by more than a third', () => {
    const s = compareReductions(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 3 }));
    expect(s.por).toBeLessThan((s.base * 2) / 3);
  });

  it('symmetry merges states where there are idle CPUs to permute (disable-vs-kick at 6, load-while-enabled at 5)', () => {
    const a = compareReductions(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 6 }));
    expect(a.sym).toBeLessThan(a.base);
    const b = compareReductions(makeRunConfig({ scenario: 'load-while-enabled', variant: 'fixed', cpus: 5 }));
    expect(b.sym).toBeLessThan(b.base);
  });
});

// The CPU grid's own state for the second-load bug: a slot NULL while the scheduler is ENABLED.
import { describe, expect, it } from 'vitest';
import { CELL_STATES, SCENARIOS } from '../../workers/model/constants.ts';
import { run } from '../../workers/model/sched/run.ts';
import { stepView } from '../../workers/model/sched/stepView.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';

const NULL_ENABLED = CELL_STATES.indexOf('null-enabled');
const stepsWith = (rec: ReturnType<typeof run>) =>
  Array.from({ length: rec.result.steps + 1 }, (_, k) => k).filter((k) => {
    const v = stepView(rec, k);
    return v.cell.includes(NULL_ENABLED) && v.enableState === 'ENABLED';
  });

describe('CPU grid: NULL while ENABLED', () => {
  it('shows in load-while-enabled after the failed second load of 14c1da3895a1 alone, not in fixed', () => {
    const merged = run(makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 4 }));
    const at = stepsWith(merged);
    expect(at.length).toBeGreaterThan(0);
    const first = stepView(merged, at[0]);
    expect(first.summary).toContain('null-enabled');
    expect(stepsWith(run(makeRunConfig({ scenario: 'load-while-enabled', variant: 'fixed', cpus: 4 })))).toEqual([]);
  });

  it('never shows where no second load empties the slots', () => {
    for (const scenario of SCENARIOS.filter((s) => s !== 'load-while-enabled'))
      for (const variant of ['no-rcu', 'merged', 'fixed'] as const) {
        const rec = run(makeRunConfig({ scenario, variant, cpus: 4, stormKicks: 60 }));
        const any = Array.from({ length: rec.result.steps + 1 }, (_, k) => stepView(rec, k).cell.includes(NULL_ENABLED));
        expect(any.includes(true), `${scenario}/${variant}`).toBe(false);
      }
  });
});

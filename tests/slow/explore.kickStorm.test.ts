// The slow suite (vitest project "slow", own timeout in vitest.config.ts): searches too big for the unit
// suite's budget on a busy 2-core CI machine, kept because they check what the small sizes cannot.
//
// Reductions keep every verdict in the merged kick storm at 3 CPUs: four complete searches of about
// 350,000 states each (symmetry has three CPUs to permute, POR a storm of independent kicks).
import { describe, it, expect } from 'vitest';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { compareReductions } from '../model/reductions.ts';

describe('reductions keep every verdict (slow)', () => {
  it('kick-storm · merged with one kick at 3 CPUs', () => {
    // Under timer-tick delivery, the larger state space (self-interrupt delivery prunes it to about 95,000 states).
    const s = compareReductions(makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 3, stormKicks: 1, irqDelivery: 'tick' }));
    expect(s.base).toBeGreaterThan(300_000);
  });
});

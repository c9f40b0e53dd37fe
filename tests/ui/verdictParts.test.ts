// The verdict in parts on golden runs: nothing "so far" at step 0, and at the end the split against
// the before kernel ("introduced by this kernel" against "pre-existing").
import { describe, expect, it } from 'vitest';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import type { PntRule, VariantName } from '../../workers/model/sched/types.ts';
import { groupText, reportsUpTo, splitVerdict } from '../../src/races/verdictParts.ts';

// Under the timer-tick irq_work delivery, where the default interleaving of disable-vs-kick shows no-rcu's use-after-free.
const reports = (variant: VariantName, pntRule: PntRule = '6.17', scenario = 'disable-vs-kick' as const) =>
  run(makeRunConfig({ scenario, variant, cpus: 4, pntRule, irqDelivery: 'tick' })).result;

describe('verdict parts', () => {
  it('so far is clean at step 0 even when the run ends badly', () => {
    const r = reports('merged');
    expect(r.reports.length).toBeGreaterThan(0);
    expect(reportsUpTo(r.reports, 0)).toEqual([]);
    expect(reportsUpTo(r.reports, r.steps)).toEqual(r.reports);
    expect(reportsUpTo(r.reports, null)).toEqual(r.reports);
  });

  it('a report counts from the view step right after its trace step', () => {
    const r = reports('no-rcu');
    const uaf = r.reports.find((x) => x.kind === 'uaf')!;
    expect(reportsUpTo(r.reports, uaf.step).some((x) => x === uaf)).toBe(false);
    expect(reportsUpTo(r.reports, uaf.step + 1).some((x) => x === uaf)).toBe(true);
  });

  it('merged under the 6.17 rule: nothing introduced; the stuck spin and RCU stall are the 6.17 SCX_KICK_WAIT bug', () => {
    const split = splitVerdict(reports('merged').reports);
    expect(split.introduced).toEqual([]);
    expect(groupText(split.preExisting)).toBe('stuck spin, RCU stall (the 6.17 SCX_KICK_WAIT bug, fixed by a379fa1e2cae)');
  });

  it('no-rcu: the use-after-free is introduced, the spin pre-existing', () => {
    const split = splitVerdict(reports('no-rcu').reports);
    expect(split.introduced.flatMap((g) => g.phrases)).toEqual(['use-after-free']);
    expect(split.preExisting.flatMap((g) => g.phrases)).toEqual(['stuck spin']);
  });

  it('fixed under the a379fa1e2cae rule is clean', () => {
    const split = splitVerdict(reports('fixed', 'a379fa1e2cae').reports);
    expect(split).toEqual({ introduced: [], preExisting: [] });
  });
});

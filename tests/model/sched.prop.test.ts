// Properties of the scheduler-core model over many seeded random schedules (≥ 10,000 runs in all).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { hashTrace } from '../../workers/model/sched/trace.ts';
import type { IrqDelivery, ScenarioName, VariantName, PntRule } from '../../workers/model/sched/types.ts';
import { percpuUnitLimit } from '../../workers/model/memory.ts';

const LAZY_SCENARIOS: ScenarioName[] = ['enable-disable', 'disable-vs-kick', 'load-while-enabled', 'kick-storm'];
const rule = fc.constantFrom<PntRule>('6.17', 'a379fa1e2cae');

function randomRun(
  scenario: ScenarioName,
  variant: VariantName,
  cpus: number,
  seed: number,
  pntRule: PntRule = '6.17',
  irqDelivery: IrqDelivery = 'self-interrupt',
) {
  return run(makeRunConfig({ scenario, variant, cpus, seed, pntRule, irqDelivery, policy: 'random', stormKicks: 40, maxSteps: 20_000 }), {
    trace: false,
  }).result;
}

describe('fixed (14c1da3895a1 + 05e63305c85c) over random schedules', () => {
  it('never shows a use-after-free, NULL dereference, leak or WARN', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAZY_SCENARIOS), fc.integer({ min: 2, max: 4 }), fc.nat(), rule, (scenario, cpus, seed, pntRule) => {
        const r = randomRun(scenario, 'fixed', cpus, seed, pntRule);
        expect(r.truncated).toBe(false);
        expect(r.verdict.useAfterFree).toBe(false);
        expect(r.verdict.nullDeref).toBe(false);
        expect(r.verdict.leakedArrays).toBe(0);
        expect(r.verdict.warnings.filter((w) => w.startsWith('WARNING'))).toEqual([]);
      }),
      { numRuns: 4000 },
    );
  });
});

describe('merged (14c1da3895a1 alone) over random schedules', () => {
  it('never shows a use-after-free in any scenario', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAZY_SCENARIOS), fc.integer({ min: 2, max: 4 }), fc.nat(), rule, (scenario, cpus, seed, pntRule) => {
        expect(randomRun(scenario, 'merged', cpus, seed, pntRule).verdict.useAfterFree).toBe(false);
      }),
      { numRuns: 2500 },
    );
  });

  it('always leaks N arrays, WARNs once and drops kicks in load-while-enabled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.nat(), rule, (cpus, seed, pntRule) => {
        const r = randomRun('load-while-enabled', 'merged', cpus, seed, pntRule);
        expect(r.verdict.leakedArrays).toBe(cpus);
        expect(r.verdict.leakedBytes).toBe(cpus * (cpus <= 2 ? 32 : 64)); // kmalloc-32 (N=2), kmalloc-64 (N=3, 4)
        expect(r.verdict.warnings.filter((w) => w.includes('alloc_kick_pseqs'))).toHaveLength(1);
        expect(r.verdict.droppedKicks).toBeGreaterThan(0);
        expect(r.verdict.useAfterFree).toBe(false);
        expect(r.verdict.enableErrors).toEqual([0, -16]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('no-rcu (lazy arrays, plain pointer, immediate kvfree)', () => {
  it('shows a use-after-free in some schedule of disable-vs-kick under timer-tick delivery', () => {
    let found = -1;
    for (let seed = 0; seed < 5000 && found < 0; seed++) {
      if (randomRun('disable-vs-kick', 'no-rcu', 2, seed, '6.17', 'tick').verdict.useAfterFree) found = seed;
    }
    expect(found).toBeGreaterThanOrEqual(0);
  });

  it('shows none in disable-vs-kick under self-interrupt delivery: synchronize_rcu() waits for the irq work', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.nat(), rule, (cpus, seed, pntRule) => {
        const v = randomRun('disable-vs-kick', 'no-rcu', cpus, seed, pntRule).verdict;
        expect(v.useAfterFree).toBe(false);
        expect(v.nullDeref).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('shows it in the default interleaving of disable-vs-kick under timer-tick delivery, where merged and fixed do not', () => {
    const at = (variant: VariantName) =>
      run(makeRunConfig({ scenario: 'disable-vs-kick', variant, cpus: 4, irqDelivery: 'tick' })).result.verdict;
    expect(at('no-rcu').useAfterFree).toBe(true);
    expect(at('merged').useAfterFree).toBe(false);
    expect(at('fixed').useAfterFree).toBe(false);
  });
});

describe('the old design at boot', () => {
  it('panics exactly when 8·N exceeds PCPU_MIN_UNIT_SIZE', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8192 }), fc.constantFrom<4096 | 65536>(4096, 65536), (cpus, pageSize) => {
        const r = run(makeRunConfig({ scenario: 'boot', variant: 'before', cpus, pageSize }), { trace: false }).result;
        expect(r.verdict.bootPanic).toBe(8 * cpus > percpuUnitLimit(pageSize));
      }),
      { numRuns: 300 },
    );
    for (const [cpus, pageSize, panics] of [
      [4096, 4096, false],
      [4097, 4096, true],
      [8192, 65536, false],
    ] as const) {
      expect(run(makeRunConfig({ scenario: 'boot', variant: 'before', cpus, pageSize })).result.verdict.bootPanic).toBe(panics);
    }
  });
});

describe('determinism and bookkeeping', () => {
  it('gives the same trace hash for the same seed, with or without the stored trace', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAZY_SCENARIOS),
        fc.constantFrom<VariantName>('before', 'no-rcu', 'merged', 'fixed'),
        fc.integer({ min: 2, max: 4 }),
        fc.nat(),
        (scenario, variant, cpus, seed) => {
          const cfg = makeRunConfig({ scenario, variant, cpus, seed, policy: 'random', stormKicks: 40 });
          const a = run(cfg).result;
          const b = run(cfg, { trace: false }).result;
          expect(b.traceHash).toBe(a.traceHash);
          expect(hashTrace(a.trace, a.steps)).toBe(a.traceHash);
          expect(b.verdict).toEqual(a.verdict);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps memory accounting consistent: live + waiting + leaked never negative, and ends with nothing waiting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAZY_SCENARIOS),
        fc.constantFrom<VariantName>('no-rcu', 'merged', 'fixed'),
        fc.integer({ min: 2, max: 4 }),
        fc.nat(),
        (scenario, variant, cpus, seed) => {
          const rec = run(makeRunConfig({ scenario, variant, cpus, seed, policy: 'random', stormKicks: 40 }));
          const r = rec.result;
          for (let i = 0; i < r.memory.step.length; i++) {
            expect(r.memory.live[i]).toBeGreaterThanOrEqual(0);
            expect(r.memory.waiting[i]).toBeGreaterThanOrEqual(0);
            expect(r.memory.leaked[i]).toBeGreaterThanOrEqual(0);
          }
          const m = rec.final;
          for (let id = 0; id < m.allocCount; id++) expect(m.allocRefs[id]).toBeGreaterThanOrEqual(0);
          // When nothing is stuck, every grace period can end, so no callback is left waiting.
          if (!r.verdict.rcuStall && !r.verdict.nullDeref) expect(m.waitingBytes).toBe(0);
          expect(r.verdict.leakedBytes).toBe(m.leakedBytes);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

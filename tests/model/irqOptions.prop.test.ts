// Properties of the kick-irq-work options over seeded random schedules of every scenario with arrays
// (workers/model/README.md#how-the-kick-irq-work-runs-two-options). Each property also counts the states
// where it could have failed, so that a property never holds only because its situation never came up.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { Rng } from '../../workers/model/rng.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { ACTOR_CODE, IRQ_IDLE, actorCode, actorKindOf, actorSubOf } from '../../workers/model/sched/machine/codes.ts';
import type { IrqDelivery, IrqWork, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

const SCENARIOS: ScenarioName[] = ['enable-disable', 'disable-vs-kick', 'load-while-enabled', 'kick-storm'];
const LAZY: VariantName[] = ['no-rcu', 'merged', 'fixed'];

/**
 * Drive one random schedule, uniform over the enabled actors; `check(m, code)` sees the state before each step
 * and the actor about to move. With `lateIrqOn` >= 0, that CPU's irq work is entered only once a callback is
 * ready on it (or nothing else can move): the schedules where softirq and hardirq could meet.
 */
function walk(
  scenario: ScenarioName,
  variant: VariantName,
  cpus: number,
  seed: number,
  irqWork: IrqWork,
  irqDelivery: IrqDelivery,
  check: (m: Machine, code: number) => void,
  lateIrqOn = -1,
): void {
  const m = createMachine(makeRunConfig({ scenario, variant, cpus, seed, irqWork, irqDelivery, stormKicks: 30 }));
  const rng = new Rng(seed ^ 0x5eed);
  const late = actorCode(ACTOR_CODE.irq, lateIrqOn);
  for (let i = 0; i < 5000; i++) {
    let enabled = m.enabledActors();
    if (lateIrqOn >= 0 && m.irqPc[lateIrqOn] === IRQ_IDLE && enabled.length > 1) {
      const q = m.cbq[lateIrqOn];
      if (!(q.length && q[1] <= m.gpCompleted)) enabled = enabled.filter((a) => a !== late);
    }
    if (!enabled.length) return;
    const code = enabled[rng.below(enabled.length)];
    check(m, code);
    m.apply(code);
  }
}

/** Whether this step reports CPU c's quiescent state (the qs actor, or a context switch that owes one). */
const reportsQs = (m: Machine, code: number): number => {
  const kind = actorKindOf(code);
  const c = actorSubOf(code);
  return (kind === ACTOR_CODE.qs || kind === ACTOR_CODE.sched) && m.qsOwed[c] ? c : -1;
};

const args = fc.tuple(fc.constantFrom(...SCENARIOS), fc.constantFrom(...LAZY), fc.integer({ min: 2, max: 4 }), fc.nat());

describe('self-interrupt delivery', () => {
  it('no CPU reports a quiescent state while its kick irq work is pending (or running, in hard irq)', () => {
    let chances = 0;
    fc.assert(
      fc.property(args, ([scenario, variant, cpus, seed]) => {
        walk(scenario, variant, cpus, seed, 'hard', 'self-interrupt', (m, code) => {
          for (let c = 0; c < m.n; c++) if (m.qsOwed[c] && m.irqPending[c] && m.irqPc[c] === IRQ_IDLE) chances++;
          const c = reportsQs(m, code);
          if (c >= 0) {
            expect(m.irqPending[c], `CPU ${c} reports a QS with its irq work pending`).toBe(0);
            expect(m.irqPc[c]).toBe(IRQ_IDLE);
          }
        });
      }),
      { numRuns: 600 },
    );
    expect(chances).toBeGreaterThan(10);
  });
  it('under the timer tick, by contrast, some schedule does report one first', () => {
    let seen = 0;
    for (let seed = 0; seed < 300 && !seen; seed++)
      walk('disable-vs-kick', 'merged', 2, seed, 'hard', 'tick', (m, code) => {
        const c = reportsQs(m, code);
        if (c >= 0 && m.irqPending[c]) seen++;
      });
    expect(seen).toBeGreaterThan(0);
  });
});

describe('threaded kick irq work (PREEMPT_RT before 36c6f3c03d10)', () => {
  it('holds no RCU read-side section: it never keeps a grace period waiting and is never shown as a reader', () => {
    let chances = 0;
    let reported = 0;
    fc.assert(
      fc.property(args, fc.constantFrom<IrqDelivery>('self-interrupt', 'tick'), ([scenario, variant, cpus, seed], dlv) => {
        walk(scenario, variant, cpus, seed, 'threaded', dlv, (m, code) => {
          for (let c = 0; c < m.n; c++) {
            if (m.irqPc[c] === IRQ_IDLE) continue;
            expect(m.inHardIrq(c)).toBe(false);
            if (m.qsOwed[c]) {
              chances++;
              expect(m.isEnabled(actorCode(ACTOR_CODE.qs, c)), `CPU ${c}'s QS while its irq work runs`).toBe(true);
            }
          }
          const c = reportsQs(m, code);
          if (c >= 0 && m.irqPc[c] !== IRQ_IDLE) reported++;
        });
      }),
      { numRuns: 500 },
    );
    expect(chances).toBeGreaterThan(50);
    expect(reported).toBeGreaterThan(0);
  });
});

describe('softirq and hardirq (issue 11 §4)', () => {
  const check = (counter: { blocked: number }) => (m: Machine, code: number) => {
    for (let c = 0; c < m.n; c++) {
      const q = m.cbq[c];
      if (q.length && q[1] <= m.gpCompleted && m.irqPc[c] !== IRQ_IDLE) counter.blocked++; // a callback kept off
    }
    if (actorKindOf(code) === ACTOR_CODE.cb) {
      const c = actorSubOf(code);
      expect(m.irqPc[c], `callback on CPU ${c} inside its irq work`).toBe(IRQ_IDLE);
    }
  };
  it('in hard mode no RCU callback runs on a CPU while that CPU is inside its kick irq work', () => {
    const counter = { blocked: 0 };
    fc.assert(
      fc.property(args, fc.constantFrom<IrqDelivery>('self-interrupt', 'tick'), ([scenario, variant, cpus, seed], dlv) => {
        walk(scenario, variant, cpus, seed, 'hard', dlv, check(counter));
      }),
      { numRuns: 600 },
    );
  });
  it('…also in the kick storm, where the helper CPU kicks and its irq work may start only once a callback is ready there', () => {
    const counter = { blocked: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...LAZY), fc.integer({ min: 2, max: 4 }), fc.nat(), (variant, cpus, seed) => {
        walk('kick-storm', variant, cpus, seed, 'hard', 'tick', check(counter), cpus - 1);
      }),
      { numRuns: 300 },
    );
    expect(counter.blocked).toBeGreaterThan(0);
  });
});

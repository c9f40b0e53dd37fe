// The explorer's verdicts under each combination of the kick-irq-work options (tests/golden/irqTable.json,
// written by `npx tsx tests/model/irqTable.ts --update`), and the facts they must agree with
// (workers/model/README.md#explorer-answers-under-each-irq-work-combination).
import { describe, it, expect } from 'vitest';
import { computeCell, irqCells, loadIrqTable, type IrqCell } from './irqTable.ts';
import { compareReductions } from './reductions.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';

const PINNED = loadIrqTable();
const fresh = irqCells().map(computeCell);
const cell = (cells: IrqCell[], key: Partial<IrqCell>) =>
  cells.filter((c) => Object.entries(key).every(([k, v]) => c[k as keyof IrqCell] === v));
const found = (cells: IrqCell[], key: Partial<IrqCell>, checker: string) => cell(cells, key).map((c) => checker in c.found);

describe('explorer answers under each irq-work combination', () => {
  it('are the pinned ones, every search complete', () => {
    expect(fresh.length).toBe(128);
    expect(fresh.every((c) => c.complete)).toBe(true);
    expect(fresh).toEqual(PINNED);
  });
  it('self-interrupt: no use-after-free or NULL dereference in disable-vs-kick, even without RCU', () => {
    const k = { scenario: 'disable-vs-kick', irqWork: 'hard', irqDelivery: 'self-interrupt' } as const;
    expect(found(fresh, k, 'useAfterFree')).not.toContain(true);
    expect(found(fresh, k, 'nullDeref')).not.toContain(true);
  });
  it('timer tick: the no-rcu use-after-free of disable-vs-kick is reachable (6.17 rule)', () => {
    expect(
      found(
        fresh,
        { scenario: 'disable-vs-kick', variant: 'no-rcu', pntRule: '6.17', irqWork: 'hard', irqDelivery: 'tick' },
        'useAfterFree',
      ),
    ).toEqual([true, true]);
  });
  it("self-interrupt: load-while-enabled's no-rcu use-after-free is still reachable (the reader runs while the other CPU frees)", () => {
    const k = { scenario: 'load-while-enabled', variant: 'no-rcu', irqWork: 'hard', irqDelivery: 'self-interrupt' } as const;
    expect(found(fresh, k, 'useAfterFree')).toEqual([true, true, true, true]);
  });
  it('threaded: merged and fixed reach a use-after-free in disable-vs-kick; hard irq work never lets them', () => {
    for (const variant of ['merged', 'fixed'] as const) {
      expect(found(fresh, { scenario: 'disable-vs-kick', variant, irqWork: 'threaded' }, 'useAfterFree')).not.toContain(false);
      expect(found(fresh, { variant, irqWork: 'hard' }, 'useAfterFree')).not.toContain(true);
    }
  });
  it('threaded: the irq work is no reader, so a stuck spin never stalls RCU', () => {
    expect(found(fresh, { irqWork: 'threaded' }, 'rcuStall')).not.toContain(true);
  });
  it('in threaded mode the delivery changes nothing', () => {
    for (const c of cell(fresh, { irqWork: 'threaded', irqDelivery: 'tick' })) {
      const [twin] = cell(fresh, {
        scenario: c.scenario,
        variant: c.variant,
        pntRule: c.pntRule,
        cpus: c.cpus,
        irqWork: 'threaded',
        irqDelivery: 'self-interrupt',
      });
      expect(twin.found, `${c.scenario}/${c.variant}/${c.pntRule}/${c.cpus}`).toEqual(c.found);
    }
  });
  it('load-while-enabled: 14c1da3895a1 leaks in every combination; 05e63305c85c shows nothing', () => {
    for (const c of cell(fresh, { scenario: 'load-while-enabled', variant: 'merged' })) expect(c.found.leak).toBeDefined();
    for (const c of cell(fresh, { scenario: 'load-while-enabled', variant: 'fixed' })) expect(c.found).toEqual({});
  });
});

describe('the reductions keep every verdict under the other irq-work options', () => {
  // The quiescent-state partial-order reduction was argued for hard irq work; threaded work and both deliveries
  // change when a quiescent state may be reported, so check it here (at 3 CPUs no two CPUs are interchangeable:
  // this checks the partial-order reduction).
  for (const [irqWork, irqDelivery] of [
    ['threaded', 'self-interrupt'],
    ['hard', 'tick'],
    ['hard', 'self-interrupt'],
  ] as const)
    for (const scenario of ['disable-vs-kick', 'load-while-enabled'] as const)
      it(`${scenario} · merged · ${irqWork}, ${irqDelivery} at 3 CPUs`, () => {
        compareReductions(makeRunConfig({ scenario, variant: 'merged', cpus: 3, irqWork, irqDelivery }));
      });
});

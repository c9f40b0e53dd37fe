// One test (or a few) per kernel-function step of the scheduler-core model, driving the machine by hand.
import { describe, it, expect } from 'vitest';
import { createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { bootAndEnable, can, names, step } from './machineSteps.ts';
import { actorName } from '../../workers/model/sched/describe.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import {
  AL_LIVE,
  AL_UNPUBLISHED,
  AL_WAITING,
  AL_FREED,
  AL_LEAKED,
  AL_PERCPU,
  NONE,
  CLS_SCX,
  CLS_FAIR,
  CLS_IDLE,
  ST_ENABLED,
  ST_DISABLED,
  TASK_BLOCKED,
} from '../../workers/model/sched/machine/codes.ts';
import type { RunConfig, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';
import { lineOf, CODE } from '../../workers/model/sched/code.ts';
import { KERNEL_FNS } from '../../workers/model/sched/types.ts';

function machine(scenario: ScenarioName, variant: VariantName, cpus: number, extra: Partial<RunConfig> = {}): Machine {
  return createMachine(makeRunConfig({ scenario, variant, cpus, ...extra }));
}

/** Run every RCU step (grace periods, quiescent states, callbacks) that can run. */
function drainRcu(m: Machine): void {
  for (let guard = 0; guard < 1000; guard++) {
    const a = m
      .enabledActors()
      .map((x) => actorName(x, names(m)))
      .find((x) => x === 'gp' || x.startsWith('qs:') || x.startsWith('cb:'));
    if (!a) return;
    step(m, a);
  }
}

describe('init_sched_ext_class() at boot', () => {
  it('old design: one percpu unit of 8·N bytes per CPU, resident from boot', () => {
    const m = machine('boot', 'before', 4096);
    step(m, 'boot');
    expect(m.halted).toBe(false);
    expect(m.allocCount).toBe(4096);
    expect(m.allocConsumed[0]).toBe(32768);
    expect(m.allocState[4095]).toBe(AL_PERCPU);
    expect(m.liveBytes).toBe(8 * 4096 * 4096);
  });
  it('old design past the limit: WARN "illegal size", BUG_ON, the boot halts', () => {
    const m = machine('boot', 'before', 4097);
    step(m, 'boot');
    expect(m.bootPanic).toBe(true);
    expect(m.halted).toBe(true);
    expect(m.warnings).toEqual(['illegal size (32776) or align (8) for percpu allocation']);
    expect(m.enabledActors()).toEqual([]);
  });
  it('new design: nothing allocated, every slot NULL', () => {
    const m = machine('boot', 'merged', 8192);
    step(m, 'boot');
    expect(m.allocCount).toBe(0);
    expect(Array.from(m.slot).every((s) => s === NONE)).toBe(true);
  });
});

describe('scx_enable() and alloc_kick_pseqs()', () => {
  it('allocates one zeroed array of 16 + 8·N bytes per CPU, on its node, and publishes it', () => {
    const m = machine('enable-disable', 'merged', 4, { nodes: 2 });
    step(m, 'boot');
    step(m, 'enable:A'); // mutex_lock
    expect(m.mutexOwner).not.toBe(NONE);
    step(m, 'enable:A', 4);
    expect(Array.from(m.slot)).toEqual([0, 1, 2, 3]);
    expect(m.allocRequest[0]).toBe(48);
    expect(m.allocConsumed[0]).toBe(64); // kmalloc-64
    expect(Array.from(m.allocNode.subarray(0, 4))).toEqual([0, 0, 1, 1]);
    while (can(m, 'enable:A')) step(m, 'enable:A');
    expect(m.enableState).toBe(ST_ENABLED);
    expect(m.mutexOwner).toBe(NONE);
    expect(m.cls(0)).toBe(CLS_SCX);
    expect(m.enableErrors).toEqual([0]);
  });
  it('uses the vmalloc cost when told kvmalloc fell back (S > PAGE_SIZE)', () => {
    const m = machine('enable-disable', 'merged', 1023, { kvmallocPath: 'vmalloc' });
    bootAndEnable(m);
    expect(m.allocConsumed[0]).toBe(12288);
    const k = machine('enable-disable', 'merged', 1023);
    bootAndEnable(k);
    expect(k.allocConsumed[0]).toBe(16384); // order-2 pages via kmalloc
  });
  it('14c1da3895a1: a second load allocates first, WARNs once, overwrites (leaks) the running arrays, then fails -EBUSY', () => {
    const m = machine('load-while-enabled', 'merged', 3);
    bootAndEnable(m);
    step(m, 'bpf:0');
    step(m, 'enable:B'); // lock
    step(m, 'enable:B'); // CPU 0: WARN, alloc, assign
    expect(m.warnings.filter((w) => w.includes('alloc_kick_pseqs'))).toHaveLength(1);
    expect(m.allocState[0]).toBe(AL_LEAKED);
    step(m, 'enable:B', 2);
    expect(m.warnings.filter((w) => w.includes('alloc_kick_pseqs'))).toHaveLength(1); // WARN_ON_ONCE
    expect(m.leakedArrays).toBe(3);
    step(m, 'enable:B'); // state check: ENABLED → -EBUSY
    while (can(m, 'enable:B')) step(m, 'enable:B'); // err_free_pseqs: free_kick_pseqs()
    expect(m.enableErrors).toEqual([0, -16]);
    expect(Array.from(m.slot)).toEqual([NONE, NONE, NONE]);
    expect([3, 4, 5].map((id) => m.allocState[id])).toEqual([AL_WAITING, AL_WAITING, AL_WAITING]);
    expect(m.enableState).toBe(ST_ENABLED); // scheduler A keeps running with every slot NULL
  });
  it('05e63305c85c: the second load checks the state first and allocates nothing', () => {
    const m = machine('load-while-enabled', 'fixed', 3);
    bootAndEnable(m);
    step(m, 'bpf:0');
    while (can(m, 'enable:B')) step(m, 'enable:B');
    expect(m.enableErrors).toEqual([0, -16]);
    expect(m.allocCount).toBe(3);
    expect(Array.from(m.slot)).toEqual([0, 1, 2]);
    expect(m.warnings).toEqual([]);
  });
  it('-ENOMEM part-way: frees what it published (via call_rcu) and returns -12', () => {
    const m = machine('enable-disable', 'fixed', 4, { failAllocAt: 2 });
    step(m, 'boot');
    while (can(m, 'enable:A')) step(m, 'enable:A');
    expect(m.enableErrors).toEqual([-12]);
    expect(Array.from(m.slot)).toEqual([NONE, NONE, NONE, NONE]);
    expect(m.allocState[0]).toBe(AL_WAITING);
    expect(m.enableState).toBe(ST_DISABLED);
  });
});

describe('scx_bpf_kick_cpu()', () => {
  it("sets the kicker's mask bits and queues its irq work once (kicks coalesce)", () => {
    const m = machine('disable-vs-kick', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    expect(m.irqPending[0]).toBe(1);
    expect(m.masks[0]!.get(1)).toBe(1 | 8); // KICK | WAIT
    expect(m.irqPc[0]).toBe(0); // pending, not running: not a reader
  });
  it('drops the kick while bypassing', () => {
    const m = machine('disable-vs-kick', 'merged', 2);
    bootAndEnable(m);
    step(m, 'disable'); // scx_bypass(true)
    step(m, 'bpf:0');
    expect(m.irqPending[0]).toBe(0);
    expect(m.masks[0]?.size ?? 0).toBe(0);
  });
});

describe('kick_cpus_irq_workfn() and kick_one_cpu()', () => {
  it('timer tick: is an RCU reader from entry to return; a pending irq work is not', () => {
    const m = machine('disable-vs-kick', 'merged', 2, { irqDelivery: 'tick' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    for (let i = 0; i < 5; i++) step(m, 'disable'); // …, synchronize_rcu(): a grace period is needed
    step(m, 'gp'); // it starts: both CPUs owe a quiescent state
    expect(can(m, 'qs:0')).toBe(true); // pending irq work does not hold CPU 0 back
    step(m, 'irq:0'); // enter: IRQs off
    expect(can(m, 'qs:0')).toBe(false);
    expect(can(m, 'gp')).toBe(false);
  });
  it("6.17: snapshots the target's pnt_seq into pseqs[target], reschedules it, then spins until it moves", () => {
    const m = machine('disable-vs-kick', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    step(m, 'irq:0'); // enter
    expect(m.irqPc[0]).not.toBe(0);
    step(m, 'irq:0'); // load slot[0]
    expect(m.irqPtr[0]).toBe(0);
    step(m, 'irq:0'); // kick_one_cpu(1)
    expect(m.writes[0]!.get(1)).toBe(0);
    expect(m.needResched[1]).toBe(1);
    step(m, 'irq:0'); // first read of the spin: equal → blocked
    expect(can(m, 'irq:0')).toBe(false);
    expect(can(m, 'sched:0')).toBe(false); // CPU 0 is in hardirq: no context switch
    step(m, 'sched:1'); // SCX → idle: switch_class() bumps pnt_seq
    expect(m.pnt[1]).toBe(1);
    expect(m.cls(1)).toBe(CLS_IDLE);
    step(m, 'irq:0'); // the spin sees the change
    step(m, 'irq:0'); // ...and returns
    expect(m.irqPc[0]).toBe(0);
    expect(m.spinningCpus()).toEqual([]);
  });
  it('6.17: a switch between two non-SCX classes does not bump pnt_seq (the SCX_KICK_WAIT hang)', () => {
    const m = machine('disable-vs-kick', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    for (let i = 0; i < 4; i++) step(m, 'disable'); // bypass, DISABLING, lock, switch-out: tasks go to fair
    expect(m.cls(1)).toBe(CLS_FAIR);
    expect(m.pnt[1]).toBe(0); // switching out with next == NULL does not call switch_class()
    step(m, 'irq:0', 4); // enter, load, kick_one_cpu(1) snapshot, spin
    step(m, 'sched:1'); // fair → fair
    expect(m.pnt[1]).toBe(0);
    expect(can(m, 'irq:0')).toBe(false);
    expect(m.spinningCpus()).toEqual([0]);
  });
  it('a379fa1e2cae: a target running a higher class is not kicked and never waited for', () => {
    const m = machine('disable-vs-kick', 'merged', 2, { pntRule: 'a379fa1e2cae' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    for (let i = 0; i < 4; i++) step(m, 'disable');
    expect(m.pnt[1]).toBe(1); // put_prev_task_scx() bumped it on the way out
    step(m, 'irq:0', 3); // enter, load, kick_one_cpu(1): skipped
    expect(m.writes[0]).toBeUndefined();
    expect(m.needResched[1]).toBe(0);
    step(m, 'irq:0'); // nothing to wait for: return
    expect(m.irqPc[0]).toBe(0);
  });
  it('a379fa1e2cae: a context switch bumps pnt_seq on put of an SCX task and on pick_task_scx()', () => {
    const m = machine('load-while-enabled', 'fixed', 2, { pntRule: 'a379fa1e2cae' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    step(m, 'irq:0', 3);
    step(m, 'sched:1'); // SCX → idle: put bumps, pick_task_scx() (picks nothing) bumps
    expect(m.pnt[1]).toBe(2);
    expect(m.taskState[1]).toBe(TASK_BLOCKED);
  });
  it('NULL slot with the NULL check: pr_warn_once and return; every kick is dropped, the bits stay set', () => {
    const m = machine('load-while-enabled', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    while (can(m, 'enable:B')) step(m, 'enable:B'); // slots are NULL now
    step(m, 'irq:0', 2); // enter, load NULL → return
    expect(m.droppedKicks).toBe(1);
    expect(m.warnings).toContain('kick_cpus_irq_workfn() called with NULL scx_kick_pseqs');
    expect(m.needResched[1]).toBe(0);
    step(m, 'irq:0'); // leave
    expect(m.masks[0]!.get(1)).toBe(1 | 8);
  });
  it('NULL slot without the NULL check: the snapshot write oopses in hardirq and the machine stops', () => {
    const m = machine('load-while-enabled', 'no-rcu', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    while (can(m, 'enable:B')) step(m, 'enable:B');
    step(m, 'irq:0', 3);
    expect(m.nullDeref).toBe(true);
    expect(m.halted).toBe(true);
  });
});

describe('scx_disable_workfn() and free_kick_pseqs()', () => {
  it('waits in synchronize_rcu() for a full grace period, then unpublishes each array and hands it to call_rcu()', () => {
    const m = machine('enable-disable', 'merged', 2, { irqDelivery: 'tick' });
    bootAndEnable(m);
    while (can(m, 'bpf:0') || can(m, 'bpf:1')) step(m, can(m, 'bpf:0') ? 'bpf:0' : 'bpf:1');
    for (const c of [0, 1])
      while (can(m, `irq:${c}`) || can(m, 'sched:0') || can(m, 'sched:1'))
        step(m, can(m, `irq:${c}`) ? `irq:${c}` : can(m, 'sched:0') ? 'sched:0' : 'sched:1');
    for (let i = 0; i < 5; i++) step(m, 'disable'); // …, synchronize_rcu() called
    expect(can(m, 'disable')).toBe(false);
    drainRcu(m);
    step(m, 'disable'); // synchronize_rcu() returns
    step(m, 'disable'); // rcu_replace_pointer(slot[0], NULL)
    expect(m.slot[0]).toBe(NONE);
    expect(m.allocState[0]).toBe(AL_UNPUBLISHED);
    step(m, 'disable'); // call_rcu
    expect(m.allocState[0]).toBe(AL_WAITING);
    expect(m.leakedArrays).toBe(0);
    while (can(m, 'disable')) step(m, 'disable');
    expect(m.enableState).toBe(ST_DISABLED);
    drainRcu(m);
    expect([0, 1].map((id) => m.allocState[id])).toEqual([AL_FREED, AL_FREED]);
    expect(m.liveBytes + m.waitingBytes).toBe(0);
  });
  it('no-rcu, timer tick: kvfree() at once, while a reader may still hold the pointer (a use-after-free)', () => {
    const m = machine('disable-vs-kick', 'no-rcu', 2, { irqDelivery: 'tick' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    for (let i = 0; i < 5; i++) step(m, 'disable');
    drainRcu(m);
    step(m, 'disable'); // sync returns
    step(m, 'irq:0', 4); // enter, load array #0, snapshot, spin
    step(m, 'disable', 2); // replace, kvfree
    expect(m.allocState[0]).toBe(AL_FREED);
    expect(can(m, 'irq:0')).toBe(true); // the free is something the spin can see
    step(m, 'irq:0');
    expect(m.uafCount).toBe(1);
  });
  it('merged, timer tick: the grace period cannot end while CPU 0 is inside its irq-off region', () => {
    const m = machine('disable-vs-kick', 'merged', 2, { pntRule: 'a379fa1e2cae', irqDelivery: 'tick' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    for (let i = 0; i < 5; i++) step(m, 'disable');
    drainRcu(m);
    step(m, 'disable');
    step(m, 'irq:0', 2); // enter, load array #0: a reader
    while (can(m, 'disable')) step(m, 'disable');
    expect(m.allocState[0]).toBe(AL_WAITING);
    step(m, 'gp');
    step(m, 'qs:1');
    expect(can(m, 'qs:0')).toBe(false);
    expect(can(m, 'gp')).toBe(false);
    step(m, 'irq:0', 2); // kick skipped, return: the reader ends
    step(m, 'qs:0');
    step(m, 'gp');
    drainRcu(m);
    expect(m.allocState[0]).toBe(AL_FREED);
    expect(m.uafCount).toBe(0);
  });
});

describe('RCU', () => {
  it('synchronize_rcu() called during a grace period waits for the next one', () => {
    const m = machine('load-while-enabled', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    step(m, 'irq:0', 2); // CPU 0's irq work loads array #0 first
    while (can(m, 'enable:B')) step(m, 'enable:B'); // B's arrays go to call_rcu(): grace period 1 needed
    step(m, 'gp'); // grace period 1 starts
    // CPU 0's two kicks run to their end (the second finds a NULL slot), so A may be disabled.
    step(m, 'irq:0', 2);
    step(m, 'sched:1');
    step(m, 'irq:0', 2);
    step(m, 'wake:1');
    step(m, 'sched:1');
    step(m, 'bpf:0');
    step(m, 'irq:0', 3);
    for (let i = 0; i < 5; i++) step(m, 'disable'); // synchronize_rcu() while grace period 1 runs
    expect(m.disableSyncGp).toBe(2);
    step(m, 'qs:0');
    step(m, 'gp'); // grace period 1 ends (CPU 1 reported by its context switches)
    expect(m.gpCompleted).toBe(1);
    expect(can(m, 'disable')).toBe(false);
    drainRcu(m); // grace period 2
    expect(m.gpCompleted).toBe(2);
    expect(can(m, 'disable')).toBe(true);
  });
  it('kicks need an attached scheduler: none before scx_enable() succeeds', () => {
    const m = machine('enable-disable', 'fixed', 2, { failAllocAt: 1 });
    step(m, 'boot');
    while (can(m, 'enable:A')) step(m, 'enable:A');
    expect(m.enableErrors).toEqual([-12]);
    expect(can(m, 'bpf:0')).toBe(false);
    expect(can(m, 'disable')).toBe(false);
  });
  it('a context switch is a quiescent state', () => {
    const m = machine('disable-vs-kick', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    step(m, 'irq:0', 3); // kick_one_cpu(1): need_resched on CPU 1
    for (let i = 0; i < 5; i++) step(m, 'disable');
    step(m, 'gp');
    expect(m.qsOwed[1]).toBe(1);
    step(m, 'sched:1');
    expect(m.qsOwed[1]).toBe(0);
    expect(can(m, 'qs:1')).toBe(false);
  });
});

describe('pseudo-code listings', () => {
  it('every function has a listing and every label the model uses exists', () => {
    for (const fn of KERNEL_FNS) expect(CODE[fn].length).toBeGreaterThan(0);
    expect(() => lineOf('kick_cpus_irq_workfn', 'spin')).not.toThrow();
    expect(() => lineOf('kick_cpus_irq_workfn', 'no-such-line')).toThrow();
  });
  it('marks the lines where the variants differ', () => {
    const differ = CODE.scx_enable.filter((l) => l.differs).map((l) => l.label);
    expect(differ).toEqual(['alloc-early', 'check-free', 'check', 'alloc-late', 'sched-alloc', 'sched-alloc-unlock', 'err-free']);
  });
});

void [AL_LIVE, ST_ENABLED];

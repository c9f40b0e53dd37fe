// One test per step the two kick-irq-work options change (workers/model/README.md#how-the-kick-irq-work-runs-two-options):
// under self-interrupt delivery a queued hard irq work holds its CPU's quiescent state, context switch,
// softirq and task steps back until it has run; under the timer tick it does not; in threaded mode the running
// work is no RCU reader, so a grace period can end under it; in hard mode no callback runs on a CPU inside it.
import { describe, it, expect } from 'vitest';
import { createMachine, run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { bootAndEnable, can, names, step } from './machineSteps.ts';
import { parseActor } from '../../workers/model/sched/describe.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { AL_FREED, AL_WAITING, IRQ_IDLE, IRQ_LOAD } from '../../workers/model/sched/machine/codes.ts';
import type { RunConfig, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';
import { irqOptionsText } from '../../workers/model/sched/irqOptions.ts';
import { explore } from '../../workers/model/sched/explore.ts';

function machine(scenario: ScenarioName, variant: VariantName, cpus: number, extra: Partial<RunConfig> = {}): Machine {
  return createMachine(makeRunConfig({ scenario, variant, cpus, ...extra }));
}

describe('defaults', () => {
  it('are hard irq and self-interrupt delivery (x86 or arm64, not PREEMPT_RT)', () => {
    const c = makeRunConfig({});
    expect([c.irqWork, c.irqDelivery]).toEqual(['hard', 'self-interrupt']);
    expect(irqOptionsText(c)).toBe('kick irq work: hard irq · irq_work delivery: self-interrupt (x86, arm64)');
  });
});

describe('irq_work delivery: self-interrupt (hard irq work)', () => {
  it('a queued kick irq work holds back its CPU: no quiescent state, context switch or callback until it has run', () => {
    const m = machine('disable-vs-kick', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0'); // queued with IRQs off: the self-IPI is due
    expect(m.irqDue(0)).toBe(true);
    m.setResched(0); // even with TIF_NEED_RESCHED set, no context switch before the interrupt
    expect(can(m, 'sched:0')).toBe(false);
    for (let i = 0; i < 5; i++) step(m, 'disable'); // other CPUs go on: up to synchronize_rcu()
    step(m, 'gp');
    expect(can(m, 'qs:1')).toBe(true);
    expect(can(m, 'qs:0')).toBe(false); // CPU 0 cannot pass a quiescent state yet
    step(m, 'qs:1');
    expect(can(m, 'gp')).toBe(false);
    step(m, 'irq:0'); // the interrupt is taken: the irq work enters (an RCU reader)
    expect(m.irqDue(0)).toBe(false);
    expect(can(m, 'qs:0')).toBe(false);
  });
  it('so synchronize_rcu() in the disable path waits for a kick queued before scx_bypass(true): no-rcu cannot free under it', () => {
    const r = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 2 })).result;
    expect(r.verdict.useAfterFree).toBe(false);
    // The default interleaving instead shows the 6.17 SCX_KICK_WAIT hang: the work snapshots CPU 1 after it left ext.
    expect(r.verdict.stuck).toBe(true);
  });
  it('leaves more BPF kicks of the same IRQs-off region alone', () => {
    const m = machine('enable-disable', 'merged', 2);
    bootAndEnable(m);
    step(m, 'bpf:0');
    expect(m.irqDue(0)).toBe(true);
    expect(can(m, 'bpf:1')).toBe(true); // another CPU
    expect(can(m, 'irq:0')).toBe(true);
  });
  it("holds back the loader and the disable kthread when the helper CPU's self-interrupt is due", () => {
    const m = machine('enable-disable', 'merged', 2); // helper CPU 1 also kicks
    bootAndEnable(m);
    step(m, 'bpf:1');
    expect(m.irqDue(1)).toBe(true);
    expect(m.isEnabled(parseActor('disable', names(m), m.n)!)).toBe(false);
  });
});

describe('irq_work delivery: timer tick', () => {
  it('a CPU may pass a quiescent state and switch context while its kick irq work is queued', () => {
    const m = machine('disable-vs-kick', 'merged', 2, { irqDelivery: 'tick' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    expect(m.irqDue(0)).toBe(false);
    m.setResched(0);
    expect(can(m, 'sched:0')).toBe(true);
    for (let i = 0; i < 5; i++) step(m, 'disable');
    step(m, 'gp');
    expect(can(m, 'qs:0')).toBe(true);
  });
  it('lets the default disable-vs-kick interleaving start the irq work after synchronize_rcu(): no-rcu frees under it', () => {
    const r = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 2, irqDelivery: 'tick' })).result;
    expect(r.verdict.useAfterFree).toBe(true);
  });
});

describe('kick irq work: threaded (PREEMPT_RT before 36c6f3c03d10)', () => {
  it('is no RCU reader: a quiescent state is reported while it holds the array, the grace period ends and the callback frees it', () => {
    const m = machine('disable-vs-kick', 'merged', 2, { irqWork: 'threaded' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    expect(m.irqDue(0)).toBe(false); // the interrupt only wakes irq_work/0
    step(m, 'disable', 5); // bypass, DISABLING, lock, switch out, synchronize_rcu() called
    step(m, 'irq:0', 2); // enter, load array #0
    expect(m.irqPtr[0]).toBe(0);
    expect(m.inReader(0)).toBe(true);
    expect(m.inHardIrq(0)).toBe(false);
    step(m, 'gp');
    expect(can(m, 'qs:0')).toBe(true); // hard irq work would hold this back
    step(m, 'qs:0');
    step(m, 'qs:1');
    step(m, 'gp'); // synchronize_rcu()'s grace period ends under the kthread
    step(m, 'disable', 3); // returns; rcu_replace_pointer(slot[0], NULL); call_rcu(array #0)
    expect(m.allocState[0]).toBe(AL_WAITING);
    step(m, 'gp');
    step(m, 'qs:0');
    step(m, 'qs:1');
    step(m, 'gp');
    step(m, 'cb:1'); // kvfree(array #0)
    expect(m.allocState[0]).toBe(AL_FREED);
    step(m, 'irq:0'); // kick_one_cpu(1) writes the snapshot into the freed array
    expect(m.uafCount).toBe(1);
  });
  it('hard irq work is a reader at the same point: the grace period waits', () => {
    const m = machine('disable-vs-kick', 'merged', 2, { irqDelivery: 'tick' });
    bootAndEnable(m);
    step(m, 'bpf:0');
    step(m, 'irq:0', 4);
    while (can(m, 'disable') && m.allocState[0] !== AL_WAITING) step(m, 'disable');
    if (can(m, 'gp')) step(m, 'gp');
    expect(can(m, 'qs:0')).toBe(false);
  });
  it('the use-after-free report names the irq_work kthread and the options in force', () => {
    // The shortest such schedule the explorer finds (the default interleaving of the threaded kernel need not show it).
    const schedule = ['boot', ...Array<string>(8).fill('enable:A'), 'bpf:0', ...Array<string>(5).fill('disable'), 'irq:0', 'irq:0'];
    schedule.push('gp', 'qs:0', 'qs:1', 'gp', 'disable', 'disable', 'disable', 'gp', 'qs:0', 'qs:1', 'gp', 'cb:1', 'irq:0');
    const uafRun = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 2, irqWork: 'threaded', schedule }), {
      trace: false,
    }).result;
    const rep = uafRun.reports.find((x) => x.kind === 'uaf');
    expect(rep, 'a use-after-free report').toBeDefined();
    expect(rep!.lines.join('\n')).toMatch(/by task irq_work\/0\//);
    expect(rep!.lines).not.toContain(' <IRQ>');
    expect(rep!.options).toBe('kick irq work: threaded (PREEMPT_RT before 36c6f3c03d10) · irq_work delivery: self-interrupt (x86, arm64)');
  });
});

describe('softirq and hardirq are kept apart', () => {
  /** A machine with a ready RCU callback on the helper CPU (B's failed load freed its arrays, a grace period passed). */
  function readyCallback(extra: Partial<RunConfig>): Machine {
    const m = machine('load-while-enabled', 'merged', 2, extra);
    bootAndEnable(m);
    while (can(m, 'enable:B')) step(m, 'enable:B');
    step(m, 'gp');
    step(m, 'qs:0');
    step(m, 'qs:1');
    step(m, 'gp');
    return m;
  }
  it('hard: no RCU callback runs on a CPU while that CPU is inside its irq work', () => {
    const m = readyCallback({});
    const h = m.script.helperCpu;
    expect(can(m, `cb:${h}`)).toBe(true);
    m.irqPc[h] = IRQ_LOAD; // the helper CPU enters its kick irq work (hardirq, IRQs off)
    expect(can(m, `cb:${h}`)).toBe(false);
    m.irqPc[h] = IRQ_IDLE;
    expect(can(m, `cb:${h}`)).toBe(true);
  });
  it('threaded: the preemptible kthread does not keep the callback off the CPU', () => {
    const m = readyCallback({ irqWork: 'threaded' });
    const h = m.script.helperCpu;
    m.irqPc[h] = IRQ_LOAD;
    expect(can(m, `cb:${h}`)).toBe(true);
  });
});

describe('load-while-enabled is deterministic', () => {
  it('B may load before any kick: the shortest leak has no bpf step', () => {
    const m = machine('load-while-enabled', 'merged', 2);
    bootAndEnable(m);
    expect(can(m, 'enable:B')).toBe(true);
    expect(m.kicksDone[0]).toBe(0);
    while (can(m, 'enable:B')) step(m, 'enable:B');
    expect(m.leakedArrays).toBe(2);
    expect(m.enableErrors).toEqual([0, -16]);
  });
  it("the explorer's shortest leak is A's load and B's first allocation: no kick, no irq work", () => {
    const leak = explore(makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 2 })).violations.leak!;
    expect(leak.schedule.filter((a) => !a.startsWith('enable:') && a !== 'boot')).toEqual([]);
  });
  it('fixed: B returns -EBUSY before allocating anything', () => {
    const m = machine('load-while-enabled', 'fixed', 2);
    bootAndEnable(m);
    const allocs = m.allocCount;
    while (can(m, 'enable:B')) step(m, 'enable:B');
    expect(m.allocCount).toBe(allocs);
    expect(m.enableErrors).toEqual([0, -16]);
  });
  it('the leak report says so', () => {
    const r = run(makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 2 }), { trace: false }).result;
    expect(r.reports.find((x) => x.kind === 'leak')!.explanation).toMatch(/^Deterministic: any second load/);
  });
});

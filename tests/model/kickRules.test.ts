// The two commits of the a379fa1e2cae series as separate switches, one test per changed kernel-function step:
// pick_task_scx(), put_prev_task_scx(), switch_class() (all inside the __schedule() step), the disable path's
// put_prev_task_scx(), kick_one_cpu() and try_to_wake_up() of a second task; and the config presets.
import { describe, it, expect } from 'vitest';
import { createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig, validateRunConfig } from '../../workers/model/sched/variants.ts';
import { bootAndEnable, can, step } from './machineSteps.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { CLS_SCX, CLS_FAIR, EVENT_CODE, TASK_BLOCKED, TASK_RUNNING } from '../../workers/model/sched/machine/codes.ts';
import type { KickRules, RunConfig, ScenarioName } from '../../workers/model/sched/types.ts';
import { CODE } from '../../workers/model/sched/code.ts';
import { KERNEL_FNS } from '../../workers/model/sched/types.ts';
import { PNT_RULE_PRESETS, pntRuleLabel } from '../../workers/model/constants.ts';

const NEITHER: KickRules = { skipHigherClass: false, bumpOnPick: false };
const SKIP_ONLY: KickRules = { skipHigherClass: true, bumpOnPick: false };
const BUMP_ONLY: KickRules = { skipHigherClass: false, bumpOnPick: true };
const BOTH: KickRules = { skipHigherClass: true, bumpOnPick: true };

interface Ev {
  cpu: number;
  fn: string;
  kind: number;
  obj: number;
  arg: number;
  label: string;
}

function machine(scenario: ScenarioName, rules: KickRules, cpus = 2, extra: Partial<RunConfig> = {}): { m: Machine; events: Ev[] } {
  const m = createMachine(makeRunConfig({ scenario, variant: 'fixed', cpus, ...rules, ...extra }));
  const events: Ev[] = [];
  m.sink = {
    emit(_step, cpu, _kind, fn, kind, obj, _bytes, arg, line) {
      const name = KERNEL_FNS[fn];
      events.push({ cpu, fn: name, kind, obj, arg, label: line >= 0 ? CODE[name][line].label : '' });
    },
  };
  return { m, events };
}
/** The pnt_seq bumps of the events since `from`, by the pseudo-code line (kernel function) that did each. */
const bumps = (events: Ev[], from = 0) =>
  events
    .slice(from)
    .filter((e) => e.kind === EVENT_CODE['pnt-bump'])
    .map((e) => e.label);

/** kick-wait-repick up to CPU 1's __schedule(): kick, irq work snapshot, optionally the second task's wake-up. */
function repickUpToSchedule(rules: KickRules, wakeFirst: boolean) {
  const r = machine('kick-wait-repick', rules);
  bootAndEnable(r.m);
  step(r.m, 'bpf:0');
  step(r.m, 'irq:0', 3); // enter, load, kick_one_cpu(1): snapshot + resched
  if (wakeFirst) step(r.m, 'wake:1');
  return r;
}

describe('__schedule(): pick_task_scx(), put_prev_task_scx() and switch_class() under each rule', () => {
  it('a CPU-bound SCX task picked again: no put_prev_task_scx(); only a379fa1e2cae’s pick_task_scx() bumps', () => {
    for (const rules of [NEITHER, SKIP_ONLY, BUMP_ONLY, BOTH]) {
      const { m, events } = repickUpToSchedule(rules, false);
      const from = events.length;
      step(m, 'sched:1');
      expect(m.cls(1), JSON.stringify(rules)).toBe(CLS_SCX);
      expect(m.taskState[1]).toBe(TASK_RUNNING);
      const sw = events.find((e, i) => i >= from && e.kind === EVENT_CODE['ctx-switch'])!;
      expect(sw.obj).toBe(1); // the same task: no context switch
      expect(bumps(events, from)).toEqual(rules.bumpOnPick ? ['pick-bump'] : []);
      expect(m.pnt[1]).toBe(rules.bumpOnPick ? 1 : 0);
    }
  });
  it('SCX → another SCX task: put_prev_task_scx() runs but switch_class() does not; a379fa1e2cae bumps twice', () => {
    for (const rules of [NEITHER, BUMP_ONLY]) {
      const { m, events } = repickUpToSchedule(rules, true);
      expect(m.queued[1]).toBe(1);
      const from = events.length;
      step(m, 'sched:1');
      expect(m.cls(1)).toBe(CLS_SCX);
      expect(m.queued[1]).toBe(1); // the preempted task went back to the queue
      const sw = events.find((e, i) => i >= from && e.kind === EVENT_CODE['ctx-switch'])!;
      expect(sw.obj).not.toBe(1);
      expect(bumps(events, from)).toEqual(rules.bumpOnPick ? ['pick-bump', 'put-bump'] : []);
    }
  });
  it('SCX → idle: switch_class() bumps under 6.17; pick_task_scx() and put_prev_task_scx() under a379fa1e2cae', () => {
    for (const rules of [NEITHER, SKIP_ONLY, BUMP_ONLY, BOTH]) {
      const { m, events } = machine('load-while-enabled', rules);
      bootAndEnable(m);
      step(m, 'bpf:0');
      step(m, 'irq:0', 3);
      const from = events.length;
      step(m, 'sched:1');
      expect(m.taskState[1]).toBe(TASK_BLOCKED);
      expect(bumps(events, from), JSON.stringify(rules)).toEqual(rules.bumpOnPick ? ['pick-bump', 'put-bump'] : ['switch-class']);
    }
  });
  it('the stuck spin under 6.17 stays blocked after the re-pick; under a379fa1e2cae it ends', () => {
    for (const rules of [NEITHER, BOTH]) {
      const { m } = repickUpToSchedule(rules, false);
      step(m, 'irq:0'); // first read of the wait loop: pnt_seq equals the snapshot
      expect(can(m, 'irq:0')).toBe(false);
      step(m, 'sched:1');
      expect(can(m, 'irq:0')).toBe(rules.bumpOnPick);
      expect(m.spinningCpus()).toEqual([0]);
    }
  });
});

describe('scx_disable_workfn(): put_prev_task_scx() of the running SCX tasks, with no next task', () => {
  it('bumps pnt_seq only with a379fa1e2cae; without a next task switch_class() is not called', () => {
    for (const rules of [NEITHER, SKIP_ONLY, BUMP_ONLY, BOTH]) {
      const { m, events } = machine('disable-vs-kick', rules);
      bootAndEnable(m);
      step(m, 'bpf:0');
      const from = events.length;
      for (let i = 0; i < 4; i++) step(m, 'disable'); // bypass, DISABLING, lock, switch tasks out
      expect(m.cls(1)).toBe(CLS_FAIR);
      expect(bumps(events, from), JSON.stringify(rules)).toEqual(rules.bumpOnPick ? ['put-bump', 'put-bump'] : []);
    }
  });
});

describe('kick_one_cpu(): a9c1fbbd6dad on its own', () => {
  it('skips a target running a higher class only with the switch on, whatever the bump rule', () => {
    for (const rules of [NEITHER, SKIP_ONLY, BUMP_ONLY, BOTH]) {
      const { m, events } = machine('disable-vs-kick', rules);
      bootAndEnable(m);
      step(m, 'bpf:0');
      for (let i = 0; i < 4; i++) step(m, 'disable'); // CPU 1 now runs fair
      const from = events.length;
      step(m, 'irq:0', 3); // enter, load, kick_one_cpu(1)
      const kinds = events.slice(from).map((e) => e.kind);
      expect(kinds.includes(EVENT_CODE['kick-skip']), JSON.stringify(rules)).toBe(rules.skipHigherClass);
      expect(kinds.includes(EVENT_CODE.snapshot)).toBe(!rules.skipHigherClass);
      expect(m.needResched[1]).toBe(rules.skipHigherClass ? 0 : 1);
      expect(m.irqShouldWait[0]).toBe(rules.skipHigherClass ? 0 : 1);
    }
  });
  it('snapshots a target running SCX under both rules, on the line of its own rule', () => {
    for (const rules of [NEITHER, SKIP_ONLY]) {
      const { m, events } = repickUpToSchedule(rules, false);
      const snap = events.find((e) => e.kind === EVENT_CODE.snapshot)!;
      expect(snap.label).toBe(rules.skipHigherClass ? 'snap-scx' : 'snap');
      expect(m.irqShouldWait[0]).toBe(1);
    }
  });
});

describe('try_to_wake_up() of a second task on a CPU running SCX', () => {
  it('queues it without a resched (wakeup_preempt_scx() does nothing)', () => {
    const { m } = machine('kick-wait-repick', BOTH);
    bootAndEnable(m);
    expect(can(m, 'wake:1')).toBe(true);
    step(m, 'wake:1');
    expect(m.queued[1]).toBe(1);
    expect(m.needResched[1]).toBe(0);
    expect(m.taskState[1]).toBe(TASK_RUNNING);
  });
});

describe('the pnt_seq rule presets and the two switches (makeRunConfig)', () => {
  it('a preset sets both switches; given switches win and make the rule custom when mixed', () => {
    expect(makeRunConfig({ pntRule: 'a379fa1e2cae' })).toMatchObject({ pntRule: 'a379fa1e2cae', ...BOTH });
    expect(makeRunConfig({ pntRule: '6.17' })).toMatchObject({ pntRule: '6.17', ...NEITHER });
    expect(makeRunConfig({})).toMatchObject({ pntRule: '6.17', ...NEITHER });
    expect(makeRunConfig({ pntRule: '6.17', skipHigherClass: true })).toMatchObject({ pntRule: 'custom', ...SKIP_ONLY });
    expect(makeRunConfig({ pntRule: 'a379fa1e2cae', skipHigherClass: false })).toMatchObject({ pntRule: 'custom', ...BUMP_ONLY });
    expect(makeRunConfig({ ...BOTH })).toMatchObject({ pntRule: 'a379fa1e2cae' });
    expect(makeRunConfig({ pntRule: 'custom', ...NEITHER }).pntRule).toBe('6.17');
    expect(PNT_RULE_PRESETS['a379fa1e2cae']).toEqual(BOTH);
    expect(pntRuleLabel(SKIP_ONLY)).toBe('custom (a9c1fbbd6dad only)');
    expect(pntRuleLabel(BUMP_ONLY)).toBe('custom (a379fa1e2cae only)');
  });
  it('validateRunConfig names a rule that does not match its switches, and an unknown rule', () => {
    const c = { ...makeRunConfig({}), pntRule: 'a379fa1e2cae' as const };
    expect(validateRunConfig(c).join()).toMatch(/does not match its two switches/);
    expect(validateRunConfig(makeRunConfig({ pntRule: 'x' as never })).join()).toMatch(
      /pnt_seq rule must be 6.17 or a379fa1e2cae \(got x\)/,
    );
    expect(validateRunConfig(makeRunConfig({ scenario: 'kick-wait-repick', cpus: 1 })).join()).toMatch(/needs at least 2 CPUs/);
  });
});

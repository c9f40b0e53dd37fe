// The built-in scenarios: who does what (a script of guarded operations) and the default interleaving
// (a priority policy that picks the interesting schedule). Any other schedule is reachable by choice.
import type { ScenarioName } from './types.ts';
import type { Script, Machine } from './machine/core.ts';
import {
  ACTOR_CODE,
  KICK_WAIT,
  KICK_PREEMPT,
  KICK_IF_IDLE,
  L_DONE,
  L_START,
  L_ALLOC,
  L_CHECK,
  D_FREE,
  D_DONE,
  IRQ_IDLE,
  IRQ_KICK,
  actorCode,
  TASK_RUNNING,
  ST_ENABLED,
} from './machine/codes.ts';
import type { Rng } from '../rng.ts';
import { SCENARIO_MIN_CPUS } from '../constants.ts';

export interface ScenarioInfo {
  name: ScenarioName;
  title: string;
  description: string;
  /** Smallest CPU count the scenario makes sense with. */
  minCpus: number;
}

export const SCENARIO_INFO: Record<ScenarioName, ScenarioInfo> = {
  boot: {
    name: 'boot',
    title: 'Boot',
    description:
      'init_sched_ext_class() at boot. The old design allocates 8·N bytes per CPU from the percpu allocator and panics past its limit; the new one allocates nothing.',
    minCpus: SCENARIO_MIN_CPUS.boot,
  },
  'enable-disable': {
    name: 'enable-disable',
    title: 'Enable, kick, disable',
    description: 'Load a BPF scheduler, kick a few CPUs (with SCX_KICK_WAIT), unload it; watch memory come and go after a grace period.',
    minCpus: SCENARIO_MIN_CPUS['enable-disable'],
  },
  'disable-vs-kick': {
    name: 'disable-vs-kick',
    title: 'Disable races a kick',
    description:
      'CPU 0 kicks CPU 1 with SCX_KICK_WAIT while the scheduler is unloaded on the last CPU. Under timer-tick irq_work delivery the irq work can start after synchronize_rcu() has returned and still be spinning when the arrays are freed; under self-interrupt delivery (x86, arm64: the default) it runs before CPU 0 can pass a quiescent state, so synchronize_rcu() waits for it; threaded irq work (PREEMPT_RT before 36c6f3c03d10) is no RCU reader at all.',
    minCpus: SCENARIO_MIN_CPUS['disable-vs-kick'],
  },
  'load-while-enabled': {
    name: 'load-while-enabled',
    title: 'Second load while enabled',
    description:
      "Scheduler A runs; a second scheduler B tries to load (at any time while A runs) and fails with -EBUSY; CPU 0 kicks CPU 1 (WAIT) around it and again after it; A is unloaded. With 14c1da3895a1 the leak is deterministic: any second load overwrites A's arrays, and every later kick is dropped. With 05e63305c85c B returns -EBUSY before allocating anything.",
    minCpus: SCENARIO_MIN_CPUS['load-while-enabled'],
  },
  'kick-wait-repick': {
    name: 'kick-wait-repick',
    title: 'SCX_KICK_WAIT on a busy CPU',
    description:
      "A BPF scheduler keeps CPU 1 busy with SCX tasks and kicks it from CPU 0 with SCX_KICK_PREEMPT | SCX_KICK_WAIT; a second SCX task may queue on CPU 1; then the scheduler is unloaded. CPU 1 picks its task again (or the other SCX task) and never leaves SCX. Under 6.17 pnt_seq moves only in switch_class(), so CPU 0 spins for ever and the unload's synchronize_rcu() stalls; a379fa1e2cae's pnt_seq++ at the top of pick_task_scx() (and put_prev_task_scx()) ends the wait.",
    minCpus: SCENARIO_MIN_CPUS['kick-wait-repick'],
  },
  'kick-storm': {
    name: 'kick-storm',
    title: 'Kick storm',
    description:
      'With a scheduler loaded on N CPUs, seeded random kicks of every kind from every CPU (SCX_KICK_WAIT only towards higher-numbered CPUs, so no two CPUs wait on each other), with wake-ups, tasks going to sleep, context switches and grace periods, then an unload: the scale test.',
    minCpus: SCENARIO_MIN_CPUS['kick-storm'],
  },
};

const loaderDone = (i: number) => (m: Machine) => m.loaders[i].pc === L_DONE;

/** The script of a scenario for N CPUs. */
export function buildScript(name: ScenarioName, cpus: number, stormKicks: number): Script {
  const helperCpu = cpus - 1;
  const base: Script = {
    loaders: [],
    disableGuard: null,
    kicks: new Map(),
    wakes: new Map(),
    cpuBound: new Set(),
    stormKicks: 0,
    helperCpu,
  };
  switch (name) {
    case 'boot':
      return base;
    case 'enable-disable': {
      // Each of the first few CPUs kicks its neighbour with PREEMPT | WAIT once the scheduler is enabled.
      const kickers = Math.min(cpus, 4);
      const enabled = loaderDone(0);
      for (let c = 0; c < kickers && cpus > 1; c++) {
        base.kicks.set(c, [{ target: (c + 1) % cpus, flags: KICK_PREEMPT | KICK_WAIT, guard: enabled }]);
      }
      if (cpus === 1) base.kicks.set(0, [{ target: 0, flags: KICK_PREEMPT, guard: enabled }]);
      base.loaders.push({ name: 'A' });
      base.disableGuard = (m) => {
        if (!enabled(m) || m.enableErrors[0] !== 0) return false;
        for (const [c, ops] of m.script.kicks) if (m.kicksDone[c] < ops.length || m.irqPc[c] !== IRQ_IDLE || m.irqPending[c]) return false;
        return true;
      };
      return base;
    }
    case 'disable-vs-kick': {
      const enabled = loaderDone(0);
      base.loaders.push({ name: 'A' });
      base.kicks.set(0, [{ target: 1, flags: KICK_WAIT, guard: enabled }]);
      base.disableGuard = enabled;
      return base;
    }
    case 'load-while-enabled': {
      const aEnabled = loaderDone(0);
      const bDone = loaderDone(1);
      base.loaders.push({ name: 'A' });
      // B is the second load, at any time after A's began (it waits for the mutex): the leak of 14c1da3895a1
      // needs no kick, it is deterministic.
      base.loaders.push({ name: 'B', guard: (m) => m.loaders[0].pc !== L_START });
      base.kicks.set(0, [
        { target: 1, flags: KICK_WAIT, guard: aEnabled },
        { target: 1, flags: KICK_WAIT, guard: (m) => m.wakesDone[1] >= 1 && m.taskState[1] === TASK_RUNNING },
      ]);
      // CPU 1's task wakes up again after B's load, so that it runs SCX when the second kick comes.
      base.wakes.set(1, [{ guard: (m) => bDone(m) && m.taskState[1] !== 0 }]);
      base.disableGuard = (m) => m.kicksDone[0] >= 2 && m.irqPc[0] === IRQ_IDLE && !m.irqPending[0];
      return base;
    }
    case 'kick-wait-repick': {
      const enabled = loaderDone(0);
      base.loaders.push({ name: 'A' });
      // CPU 1's SCX tasks are CPU-bound: preempted, they stay runnable and the BPF scheduler runs one again.
      base.cpuBound = new Set([1]);
      base.kicks.set(0, [{ target: 1, flags: KICK_PREEMPT | KICK_WAIT, guard: enabled }]);
      // A second SCX task becomes runnable on CPU 1: before CPU 1 reschedules, that is an SCX → SCX switch;
      // after it, the preempted task was simply picked again.
      base.wakes.set(1, [{ guard: (m) => enabled(m) && m.scxTasks }]);
      // The unload may start once the kick is issued; its synchronize_rcu() needs CPU 0 to leave its irq work.
      base.disableGuard = (m) => m.kicksDone[0] >= 1;
      return base;
    }
    case 'kick-storm': {
      base.loaders.push({ name: 'A' });
      base.stormKicks = Math.max(1, stormKicks);
      base.disableGuard = (m) => m.stormIssued >= m.script.stormKicks;
      return base;
    }
  }
}

// ---- policies ----------------------------------------------------------------------------------------

export interface Policy {
  /** The next actor, or -1 when no actor can move. */
  pick(m: Machine): number;
}

/** Lowest CPU c for which actor kind `kind` is enabled, scanning a candidate set; -1 if none. */
function firstIn(m: Machine, kind: number, items: Int32Array, size: number): number {
  let best = -1;
  for (let i = 0; i < size; i++) {
    const c = items[i];
    if ((best < 0 || c < best) && m.isEnabled(actorCode(kind, c))) best = c;
  }
  return best;
}

function scanCpus(m: Machine, kind: number): number {
  for (let c = 0; c < m.n; c++) if (m.isEnabled(actorCode(kind, c))) return actorCode(kind, c);
  return -1;
}

/** RCU machinery: end or start a grace period, report quiescent states (lowest CPU first), invoke callbacks. */
function pickRcu(m: Machine): number {
  const gp = actorCode(ACTOR_CODE.gp, 0);
  if (m.isEnabled(gp)) return gp;
  if (m.owed.size) {
    const c = firstIn(m, ACTOR_CODE.qs, m.owed.items, m.owed.size);
    if (c >= 0) return actorCode(ACTOR_CODE.qs, c);
  }
  if (m.cbCpus.size) {
    const c = firstIn(m, ACTOR_CODE.cb, m.cbCpus.items, m.cbCpus.size);
    if (c >= 0) return actorCode(ACTOR_CODE.cb, c);
  }
  return -1;
}

function pickIrq(m: Machine, onlyBeforeKick = false): number {
  let best = -1;
  for (let i = 0; i < m.irqActive.size; i++) {
    const c = m.irqActive.items[i];
    if (onlyBeforeKick && m.irqPc[c] >= IRQ_KICK) continue;
    if ((best < 0 || c < best) && m.isEnabled(actorCode(ACTOR_CODE.irq, c))) best = c;
  }
  return best >= 0 ? actorCode(ACTOR_CODE.irq, best) : -1;
}

function pickSched(m: Machine): number {
  const c = firstIn(m, ACTOR_CODE.sched, m.reschedSet.items, m.reschedSet.size);
  return c >= 0 ? actorCode(ACTOR_CODE.sched, c) : -1;
}

function pickLoaders(m: Machine): number {
  for (let i = 0; i < m.loaders.length; i++) if (m.isEnabled(actorCode(ACTOR_CODE.enable, i))) return actorCode(ACTOR_CODE.enable, i);
  return -1;
}

const first = (...xs: (() => number)[]) => {
  for (const x of xs) {
    const v = x();
    if (v >= 0) return v;
  }
  return -1;
};

/** The default (interesting) interleaving of each scenario, as a priority order over actors. */
export function defaultPolicy(name: ScenarioName): Policy {
  const boot = (m: Machine) => (m.isEnabled(actorCode(ACTOR_CODE.boot, 0)) ? actorCode(ACTOR_CODE.boot, 0) : -1);
  const dis = (m: Machine) => (m.isEnabled(actorCode(ACTOR_CODE.disable, 0)) ? actorCode(ACTOR_CODE.disable, 0) : -1);
  const bpf = (m: Machine) => scanCpusSparse(m, ACTOR_CODE.bpf);
  const wake = (m: Machine) => scanCpusSparse(m, ACTOR_CODE.wake);
  switch (name) {
    case 'disable-vs-kick':
      // The kick lands first; the unload runs up to synchronize_rcu() returning; only then does the irq work
      // start, and it is still spinning when free_kick_pseqs() comes. That needs timer-tick delivery: under a
      // self-interrupt the irq work holds CPU 0's quiescent state, so it runs inside synchronize_rcu()'s grace
      // period (and, under the 6.17 rule, spins on a CPU 1 that has left ext).
      // When CPUs running a higher class are not kicked (a9c1fbbd6dad) nothing spins (CPU 1 runs fair by then), so instead the irq work loads its
      // pointer, the arrays are unpublished and handed to call_rcu(), and the grace period waits for it.
      return {
        pick: (m) =>
          m.cfg.skipHigherClass
            ? first(
                () => boot(m),
                () => pickLoaders(m),
                () => bpf(m),
                () => (m.disablePc < D_FREE ? dis(m) : -1),
                () => (m.disablePc < D_FREE ? pickRcu(m) : -1),
                () => pickIrq(m, true),
                () => dis(m),
                () => pickRcu(m),
                () => pickIrq(m),
                () => pickSched(m),
              )
            : first(
                () => boot(m),
                () => pickLoaders(m),
                () => bpf(m),
                () => (m.disablePc < D_FREE ? dis(m) : -1),
                () => (m.disablePc < D_FREE || m.disablePc === D_DONE ? pickRcu(m) : -1),
                () => pickIrq(m),
                () => dis(m),
                () => pickSched(m),
                () => pickRcu(m),
              ),
      };
    case 'load-while-enabled':
      // CPU 0's irq work loads its pointer, then scheduler B's whole load runs, then the irq work goes on.
      return {
        pick: (m) =>
          first(
            () => boot(m),
            () => (m.isEnabled(actorCode(ACTOR_CODE.enable, 0)) ? actorCode(ACTOR_CODE.enable, 0) : -1),
            () => bpf(m),
            () => pickIrq(m, true),
            () => (m.isEnabled(actorCode(ACTOR_CODE.enable, 1)) ? actorCode(ACTOR_CODE.enable, 1) : -1),
            () => pickIrq(m),
            () => pickSched(m),
            () => wake(m),
            () => dis(m),
            () => pickRcu(m),
          ),
      };
    case 'boot':
    case 'enable-disable':
    case 'kick-storm':
    case 'kick-wait-repick':
      // kick-wait-repick: the kick's irq work snapshots CPU 1 and spins; CPU 1 picks its task again; the second
      // task queues; then the unload, whose synchronize_rcu() waits for CPU 0.
      return {
        pick: (m) =>
          first(
            () => boot(m),
            () => pickLoaders(m),
            () => pickIrq(m),
            () => pickSched(m),
            () => bpf(m),
            () => wake(m),
            () => dis(m),
            () => pickRcu(m),
          ),
      };
  }
}

/** Scripted actors exist only on the CPUs their script names: look there instead of scanning all CPUs. */
function scanCpusSparse(m: Machine, kind: number): number {
  const table = kind === ACTOR_CODE.bpf ? m.script.kicks : m.script.wakes;
  if (m.script.stormKicks > 0) {
    if (kind === ACTOR_CODE.bpf && (m.stormIssued >= m.script.stormKicks || m.enableState !== ST_ENABLED)) return -1;
    return scanCpus(m, kind);
  }
  let best = -1;
  for (const c of table.keys()) if ((best < 0 || c < best) && m.isEnabled(actorCode(kind, c))) best = c;
  return best >= 0 ? actorCode(kind, best) : -1;
}

/**
 * A seeded random schedule: pick a class of actor at random among those that can move, then one actor of
 * it at random. O(1) per step at any CPU count (the kick storm runs it at 8192 CPUs).
 */
export function randomPolicy(rng: Rng): Policy {
  const classes = 8;
  return {
    pick(m: Machine): number {
      // Try random classes first; fall back to a full ordered sweep so that "nothing can move" is exact.
      for (let attempt = 0; attempt < 24; attempt++) {
        const a = tryClass(m, rng, rng.below(classes));
        if (a >= 0) return a;
      }
      for (let k = 0; k < classes; k++) {
        const a = tryClassExhaustive(m, k);
        if (a >= 0) return a;
      }
      return -1;
    },
  };
}

function tryRandomIn(m: Machine, rng: Rng, kind: number, items: Int32Array, size: number): number {
  if (!size) return -1;
  for (let i = 0; i < 4; i++) {
    const c = items[rng.below(size)];
    if (m.isEnabled(actorCode(kind, c))) return actorCode(kind, c);
  }
  return -1;
}

function tryClass(m: Machine, rng: Rng, k: number): number {
  switch (k) {
    case 0: {
      const boot = actorCode(ACTOR_CODE.boot, 0);
      if (m.isEnabled(boot)) return boot;
      const opts: number[] = [];
      for (let i = 0; i < m.loaders.length; i++)
        if (m.isEnabled(actorCode(ACTOR_CODE.enable, i))) opts.push(actorCode(ACTOR_CODE.enable, i));
      if (m.isEnabled(actorCode(ACTOR_CODE.disable, 0))) opts.push(actorCode(ACTOR_CODE.disable, 0));
      return opts.length ? opts[rng.below(opts.length)] : -1;
    }
    case 1: {
      if (m.script.stormKicks > 0) {
        const c = rng.below(m.n);
        return m.isEnabled(actorCode(ACTOR_CODE.bpf, c)) ? actorCode(ACTOR_CODE.bpf, c) : -1;
      }
      const opts = [...m.script.kicks.keys()].filter((c) => m.isEnabled(actorCode(ACTOR_CODE.bpf, c)));
      return opts.length ? actorCode(ACTOR_CODE.bpf, opts[rng.below(opts.length)]) : -1;
    }
    case 2:
      return tryRandomIn(m, rng, ACTOR_CODE.irq, m.irqActive.items, m.irqActive.size);
    case 3: {
      const a = tryRandomIn(m, rng, ACTOR_CODE.sched, m.reschedSet.items, m.reschedSet.size);
      if (a >= 0 || m.script.stormKicks === 0) return a;
      const c = rng.below(m.n); // a task going to sleep on its own
      return m.isEnabled(actorCode(ACTOR_CODE.sched, c)) ? actorCode(ACTOR_CODE.sched, c) : -1;
    }
    case 4: {
      if (m.script.stormKicks > 0) return tryRandomIn(m, rng, ACTOR_CODE.wake, m.blocked.items, m.blocked.size);
      const opts = [...m.script.wakes.keys()].filter((c) => m.isEnabled(actorCode(ACTOR_CODE.wake, c)));
      return opts.length ? actorCode(ACTOR_CODE.wake, opts[rng.below(opts.length)]) : -1;
    }
    case 5:
      return tryRandomIn(m, rng, ACTOR_CODE.qs, m.owed.items, m.owed.size);
    case 6:
      return tryRandomIn(m, rng, ACTOR_CODE.cb, m.cbCpus.items, m.cbCpus.size);
    default: {
      const gp = actorCode(ACTOR_CODE.gp, 0);
      return m.isEnabled(gp) ? gp : -1;
    }
  }
}

function tryClassExhaustive(m: Machine, k: number): number {
  switch (k) {
    case 0: {
      if (m.isEnabled(actorCode(ACTOR_CODE.boot, 0))) return actorCode(ACTOR_CODE.boot, 0);
      const l = pickLoaders(m);
      if (l >= 0) return l;
      return m.isEnabled(actorCode(ACTOR_CODE.disable, 0)) ? actorCode(ACTOR_CODE.disable, 0) : -1;
    }
    case 1:
      return scanCpusSparse(m, ACTOR_CODE.bpf);
    case 2:
      return pickIrq(m);
    case 3: {
      const a = pickSched(m);
      return a >= 0 || m.script.stormKicks === 0 ? a : scanCpus(m, ACTOR_CODE.sched);
    }
    case 4: {
      if (m.script.stormKicks === 0) return scanCpusSparse(m, ACTOR_CODE.wake);
      const c = firstIn(m, ACTOR_CODE.wake, m.blocked.items, m.blocked.size);
      return c >= 0 ? actorCode(ACTOR_CODE.wake, c) : -1;
    }
    case 5: {
      const c = firstIn(m, ACTOR_CODE.qs, m.owed.items, m.owed.size);
      return c >= 0 ? actorCode(ACTOR_CODE.qs, c) : -1;
    }
    case 6: {
      const c = firstIn(m, ACTOR_CODE.cb, m.cbCpus.items, m.cbCpus.size);
      return c >= 0 ? actorCode(ACTOR_CODE.cb, c) : -1;
    }
    default:
      return m.isEnabled(actorCode(ACTOR_CODE.gp, 0)) ? actorCode(ACTOR_CODE.gp, 0) : -1;
  }
}

// Keep these exported for the tests of the scripts.
export { KICK_IF_IDLE, L_ALLOC, L_CHECK };

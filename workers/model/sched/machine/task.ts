// Each CPU's one task: the boot (init_sched_ext_class()), the context switch (__schedule(), which may bump
// pnt_seq) and the wake-up (try_to_wake_up()). Guards, steps, state-key parts and step texts.
import type { Machine, NextStep } from './core.ts';
import { lineOf } from '../code.ts';
import { percpuUnitLimit } from '../../memory.ts';
import { newAlloc, ref } from './pseqs.ts';
import { EVENT_CODE, FN_CODE, CLS_SCX, CLS_FAIR, ST_ENABLED, AL_PERCPU, TASK_RUNNING, TASK_BLOCKED, TASK_RUNNABLE, NONE } from './codes.ts';

// ---- boot: init_sched_ext_class() -------------------------------------------------------------------

export function bootGuard(m: Machine): boolean {
  return !m.booted;
}

// init_sched_ext_class()
export function stepBoot(m: Machine): void {
  const fn = FN_CODE.init_sched_ext_class;
  m.booted = true;
  for (let c = 0; c < m.n; c++) m.taskState[c] = TASK_RUNNING;
  m.emit(fn, EVENT_CODE.boot, NONE, 0, m.n, 'start');
  if (m.cfg.toggles.lazyAlloc) {
    m.emit(fn, EVENT_CODE.boot, NONE, 0, NONE, 'lazy');
    return;
  }
  const size = 8 * m.n;
  if (size > percpuUnitLimit(m.cfg.pageSize)) {
    m.emit(fn, EVENT_CODE['percpu-fail'], NONE, size, size, 'percpu');
    m.warnings.push(`illegal size (${size}) or align (8) for percpu allocation`);
    m.bootPanic = true;
    m.emit(fn, EVENT_CODE.panic, NONE, 0, NONE, 'bug');
    m.halt('kernel BUG in init_sched_ext_class(): BUG_ON(!scx_kick_cpus_pnt_seqs)');
    return;
  }
  for (let c = 0; c < m.n; c++) {
    const id = newAlloc(m, c, size, size, 3, AL_PERCPU);
    m.slot[c] = id;
    ref(m, id);
    m.emit(fn, EVENT_CODE['percpu-alloc'], id, size, c, 'percpu');
  }
}

// ---- sched: __schedule() ------------------------------------------------------------------------------

/** kick-storm: a running SCX task may also go to sleep on its own (a context switch nobody asked for). */
export function canSleep(m: Machine, c: number): boolean {
  return m.script.stormKicks > 0 && m.enableState === ST_ENABLED && m.cls(c) === CLS_SCX;
}

export function schedGuard(m: Machine, c: number): boolean {
  return c < m.n && !m.inReader(c) && (m.needResched[c] === 1 || canSleep(m, c));
}

// __schedule() on CPU c: a quiescent state, the pick of the next task, and the put of the previous one,
// each of which may bump pnt_seq, depending on the rule (workers/model/README.md#pnt_seq-where-it-is-bumped).
export function stepSched(m: Machine, c: number): void {
  const fn = FN_CODE.__schedule;
  m.needResched[c] = 0;
  m.reschedSet.remove(c);
  m.reportQs(c, FN_CODE.__schedule);
  const prev = m.cls(c);
  const same = pickNextTask(m, c, prev);
  const next = m.cls(c);
  m.emit(fn, EVENT_CODE['ctx-switch'], same && prev === CLS_SCX ? 1 : NONE, prev, next, same ? 'same' : 'switch');
  if (next !== CLS_FAIR && m.scxTasks) pickTaskScx(m, c);
  if (!same && prev === CLS_SCX) putPrevTaskScx(m, c, next);
}

/**
 * pick_next_task() with our stand-in for the BPF scheduler: which task runs next on CPU c. Returns whether it is
 * the task that ran before (then the core skips put_prev_task() and context_switch()).
 * - An SCX task asked to reschedule goes to sleep, unless its CPU is CPU-bound (Script.cpuBound): then it stays
 *   runnable and goes back to the queue.
 * - The next task is the head of the queue (another SCX task) if there is one; else the CPU-bound task is
 *   picked again, or the CPU goes idle.
 * - A woken task runs on an idle CPU; a running fair task keeps running.
 */
function pickNextTask(m: Machine, c: number, prev: number): boolean {
  const ts = m.taskState[c];
  if (ts === TASK_RUNNABLE) {
    m.taskState[c] = TASK_RUNNING;
    return false;
  }
  if (ts !== TASK_RUNNING || prev !== CLS_SCX) return true;
  if (m.script.cpuBound.has(c)) return m.queued[c] === 0; // prev re-queued behind the queued task, or picked again
  if (m.queued[c] > 0) {
    m.queued[c]--; // prev sleeps; the queued SCX task runs
    return false;
  }
  m.taskState[c] = TASK_BLOCKED;
  m.blocked.add(c);
  return false;
}

// pick_task_scx(): ext is asked for a task whenever no higher class has one (the CPU runs SCX next or goes idle).
// From a379fa1e2cae it bumps pnt_seq at its top, "to handle cases where the same task is re-selected".
function pickTaskScx(m: Machine, c: number): void {
  if (m.cfg.bumpOnPick) m.bumpPnt(c, 'pick-bump');
}

/**
 * put_prev_task_scx() of an SCX task leaving CPU c for a task of class `next` (NONE: no next task, as when the
 * disable path moves a running task off ext). From a379fa1e2cae it bumps pnt_seq at its top; before that, only
 * its call of switch_class() did, when there is a next task and it is not on ext.
 */
export function putPrevTaskScx(m: Machine, c: number, next: number): void {
  if (m.cfg.bumpOnPick) m.bumpPnt(c, 'put-bump');
  else if (next !== CLS_SCX && next !== NONE) switchClass(m, c);
}

// switch_class(): the 6.17 place of the bump: an SCX task hands the CPU to another class (including idle).
function switchClass(m: Machine, c: number): void {
  m.bumpPnt(c, 'switch-class');
}

// ---- wake: try_to_wake_up() ---------------------------------------------------------------------------

export function wakeGuard(m: Machine, c: number): boolean {
  if (!m.booted || c >= m.n) return false;
  // The storm's wake-ups share its budget, so that sleeping and waking cannot go on for ever.
  if (m.script.stormKicks > 0) return m.taskState[c] === TASK_BLOCKED && m.enableState === ST_ENABLED && m.stormWakes < m.script.stormKicks;
  const ops = m.script.wakes.get(c);
  if (!ops) return false;
  const k = m.wakesDone[c];
  if (k >= ops.length) return false;
  const g = ops[k].guard;
  return !g || g(m);
}

// try_to_wake_up() of a task of CPU c: its sleeping task (the idle CPU is rescheduled), or, on a CPU that is
// running a task, another task that joins its queue. That one is an SCX task like the current one, and
// wakeup_preempt_scx() does nothing, so the CPU is not rescheduled.
export function stepWake(m: Machine, c: number): void {
  m.wakesDone[c]++;
  if (m.script.stormKicks > 0) m.stormWakes++;
  if (m.taskState[c] === TASK_RUNNING) {
    m.queued[c]++;
    m.emit(FN_CODE.try_to_wake_up, EVENT_CODE.wake, NONE, 1, c, 'wake');
    return;
  }
  if (m.taskState[c] === TASK_BLOCKED) {
    m.taskState[c] = TASK_RUNNABLE;
    m.blocked.remove(c);
  }
  m.emit(FN_CODE.try_to_wake_up, EVENT_CODE.wake, NONE, 0, c, 'wake');
  m.setResched(c);
}

// ---- state key and step text ----------------------------------------------------------------------------

export const bootNextStep = (): NextStep => ({
  fn: 'init_sched_ext_class',
  text: 'boot: init_sched_ext_class()',
  line: lineOf('init_sched_ext_class', 'start'),
});
export const schedNextStep = (c: number): NextStep => ({
  fn: '__schedule',
  text: `CPU ${c}: context switch`,
  line: lineOf('__schedule', 'switch'),
});
export const wakeNextStep = (c: number): NextStep => ({
  fn: 'try_to_wake_up',
  text: `CPU ${c}: its task wakes up`,
  line: lineOf('try_to_wake_up', 'wake'),
});

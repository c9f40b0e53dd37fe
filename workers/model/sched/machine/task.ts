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

// __schedule() on CPU c: a context switch (a quiescent state), which may bump pnt_seq.
export function stepSched(m: Machine, c: number): void {
  const fn = FN_CODE.__schedule;
  m.needResched[c] = 0;
  m.reschedSet.remove(c);
  m.reportQs(c, FN_CODE.__schedule);
  const prev = m.cls(c);
  const ts = m.taskState[c];
  // The CPU's one task: an SCX task asked to reschedule blocks (SCX → idle); a woken task runs.
  let nextTs = ts;
  if (ts === TASK_RUNNING && prev === CLS_SCX) nextTs = TASK_BLOCKED;
  else if (ts === TASK_RUNNABLE) nextTs = TASK_RUNNING;
  m.taskState[c] = nextTs;
  if (nextTs === TASK_BLOCKED) m.blocked.add(c);
  const next = m.cls(c);
  m.emit(fn, EVENT_CODE['ctx-switch'], NONE, prev, next, 'switch');
  if (m.cfg.pntRule === '6.17') {
    if (prev === CLS_SCX && next !== CLS_SCX) m.bumpPnt(c);
  } else {
    if (prev === CLS_SCX) m.bumpPnt(c);
    if (m.scxTasks && next !== CLS_FAIR) m.bumpPnt(c);
  }
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

// try_to_wake_up() of CPU c's task
export function stepWake(m: Machine, c: number): void {
  m.wakesDone[c]++;
  if (m.script.stormKicks > 0) m.stormWakes++;
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

// scx_disable_workfn(): bypass, DISABLING, switch tasks out, synchronize_rcu(), free_kick_pseqs() (lazy
// variants), unlock, DISABLED. Guard, step, state-key part and step text.
import type { Machine, Loader, NextStep } from './core.ts';
import type { KernelFn } from '../types.ts';
import { lineOf } from '../code.ts';
import { arrayName } from '../describe.ts';
import { freeKickPseqsStep } from './pseqs.ts';
import { putPrevTaskScx } from './task.ts';
import {
  ACTOR_CODE,
  EVENT_CODE,
  FN_CODE,
  CLS_SCX,
  ST_DISABLED,
  ST_DISABLING,
  NONE,
  actorCode,
  D_START,
  D_DISABLING,
  D_LOCK,
  D_SWITCHOUT,
  D_SYNC,
  D_SYNC_WAIT,
  D_FREE,
  D_UNLOCK,
  D_DISABLED,
  D_UNBYPASS,
  D_DONE,
  L_DONE,
  L_SWITCHIN,
  L_ENABLED,
  L_UNLOCK,
} from './codes.ts';

export function disableGuard(m: Machine): boolean {
  if (!m.booted || m.disablePc === D_DONE || !m.script.disableGuard) return false;
  if (m.inReader(m.script.helperCpu)) return false;
  switch (m.disablePc) {
    case D_START:
      // The disable work belongs to a scheduler instance: none exists until some scx_enable() got past
      // scx_alloc_and_add_sched() (a load that failed before or at it created none).
      return m.loaders.some(createdSched) && m.script.disableGuard(m);
    case D_LOCK:
      return m.mutexOwner === NONE;
    case D_SYNC_WAIT:
      return m.gpCompleted >= m.disableSyncGp;
    default:
      return true;
  }
}

/** Whether loader l created its scheduler instance (it is past scx_alloc_and_add_sched() without error). */
function createdSched(l: Loader): boolean {
  if (l.pc === L_SWITCHIN || l.pc === L_ENABLED) return true;
  return (l.pc === L_UNLOCK || l.pc === L_DONE) && l.ret === 0;
}

// scx_disable_workfn()
export function stepDisable(m: Machine): void {
  const fn = FN_CODE.scx_disable_workfn;
  switch (m.disablePc) {
    case D_START:
      m.bypassDepth++;
      m.emit(fn, EVENT_CODE.bypass, NONE, 0, 1, 'bypass');
      m.disablePc = D_DISABLING;
      return;
    case D_DISABLING: {
      const old = m.enableState;
      m.enableState = ST_DISABLING;
      m.emit(fn, EVENT_CODE['set-state'], NONE, 0, ST_DISABLING, 'disabling');
      // Already DISABLED ("ops error detected without ops"): the state goes back to DISABLED, then to done.
      if (old === ST_DISABLED) m.enableState = ST_DISABLED;
      m.disablePc = old === ST_DISABLED ? D_UNBYPASS : D_LOCK;
      return;
    }
    case D_LOCK:
      m.mutexOwner = actorCode(ACTOR_CODE.disable, 0);
      m.emit(fn, EVENT_CODE['mutex-lock'], NONE, 0, NONE, 'lock');
      m.disablePc = D_SWITCHOUT;
      return;
    case D_SWITCHOUT: {
      m.emit(fn, EVENT_CODE['switch-out'], NONE, 0, NONE, 'switch-out');
      // put_prev_task_scx() runs for every CPU whose current task leaves SCX, with no next task: it bumps
      // pnt_seq there only under a379fa1e2cae (switch_class() is not called without a next task).
      if (m.cfg.bumpOnPick) for (let c = 0; c < m.n; c++) if (m.cls(c) === CLS_SCX) putPrevOn(m, c);
      m.scxTasks = false;
      m.disablePc = D_SYNC;
      return;
    }
    case D_SYNC:
      m.disableSyncGp = m.requestGp();
      m.emit(FN_CODE.synchronize_rcu, EVENT_CODE['sync-call'], NONE, 0, m.disableSyncGp, 'call');
      m.disablePc = D_SYNC_WAIT;
      return;
    case D_SYNC_WAIT:
      m.emit(FN_CODE.synchronize_rcu, EVENT_CODE['sync-return'], NONE, 0, m.disableSyncGp, 'return');
      m.disablePc = m.cfg.toggles.lazyAlloc ? D_FREE : D_UNLOCK;
      m.disableCursor = 0;
      m.disablePhase = 0;
      return;
    case D_FREE: {
      const st = { cursor: m.disableCursor, phase: m.disablePhase, local: m.disableLocal };
      const done = freeKickPseqsStep(m, st, FN_CODE.free_kick_pseqs);
      m.disableCursor = st.cursor;
      m.disablePhase = st.phase;
      m.disableLocal = st.local;
      if (done) m.disablePc = D_UNLOCK;
      return;
    }
    case D_UNLOCK:
      m.mutexOwner = NONE;
      m.emit(fn, EVENT_CODE['mutex-unlock'], NONE, 0, NONE, 'unlock');
      m.disablePc = D_DISABLED;
      return;
    case D_DISABLED: {
      const old = m.enableState;
      m.enableState = ST_DISABLED;
      m.emit(fn, EVENT_CODE['set-state'], NONE, 0, ST_DISABLED, 'disabled');
      if (old !== ST_DISABLING) m.warnOnceAt('scx_disable_workfn', 'WARNING: scx_disable_workfn: state was not DISABLING');
      m.disablePc = D_UNBYPASS;
      return;
    }
    case D_UNBYPASS:
      m.bypassDepth--;
      m.emit(fn, EVENT_CODE.bypass, NONE, 0, 0, 'done');
      m.disablePc = D_DONE;
      return;
  }
}

/** put_prev_task_scx() on CPU c (its events are CPU c's, not the disable kthread's). */
function putPrevOn(m: Machine, c: number): void {
  const save = m.curCpu;
  m.curCpu = c;
  putPrevTaskScx(m, c, NONE);
  m.curCpu = save;
}

// ---- state key and step text ----------------------------------------------------------------------------

/** What the disable worker's next step would do, in words. */
export function disableNextStep(m: Machine): NextStep {
  const t = m.cfg.toggles;
  const map: Record<number, [KernelFn, string, string]> = {
    [D_START]: ['scx_disable_workfn', 'bypass', 'scx_bypass(true)'],
    [D_DISABLING]: ['scx_disable_workfn', 'disabling', 'scx_set_enable_state(DISABLING)'],
    [D_LOCK]: ['scx_disable_workfn', 'lock', 'mutex_lock(&scx_enable_mutex)'],
    [D_SWITCHOUT]: ['scx_disable_workfn', 'switch-out', 'move tasks off SCX'],
    [D_SYNC]: ['synchronize_rcu', 'call', 'synchronize_rcu()'],
    [D_SYNC_WAIT]: ['synchronize_rcu', 'return', 'synchronize_rcu() returns'],
    [D_FREE]: [
      'free_kick_pseqs',
      m.disablePhase ? (t.rcuFree ? 'call-rcu' : 'kvfree') : 'replace',
      m.disablePhase
        ? t.rcuFree
          ? `call_rcu(${arrayName(m.disableLocal)})`
          : `kvfree(${arrayName(m.disableLocal)})`
        : `rcu_replace_pointer(slot[${m.disableCursor}], NULL)`,
    ],
    [D_UNLOCK]: ['scx_disable_workfn', 'unlock', 'mutex_unlock()'],
    [D_DISABLED]: ['scx_disable_workfn', 'disabled', 'scx_set_enable_state(DISABLED)'],
    [D_UNBYPASS]: ['scx_disable_workfn', 'done', 'scx_bypass(false)'],
    [D_DONE]: ['scx_disable_workfn', 'done', 'done'],
  };
  const [fn, label, text] = map[m.disablePc];
  return { fn, text, line: lineOf(fn, label) };
}

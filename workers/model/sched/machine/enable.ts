// scx_enable(): a loader takes scx_enable_mutex, allocates the arrays with alloc_kick_pseqs() (before or
// after the enable-state check, by variant), creates the scheduler instance (scx_alloc_and_add_sched(), which
// can be made to fail), frees the arrays again on its error path (err_free_pseqs), and switches tasks in with
// the rq's in bypass mode (scx_bypass(true) … scx_bypass(false), since 8c2090c504e9, v6.12).
// Guard, steps, state-key part and step text.
import type { Machine, Loader, NextStep } from './core.ts';
import type { KernelFn } from '../types.ts';
import { lineOf } from '../code.ts';
import { requestBytes } from '../../memory.ts';
import { arrayCost } from '../../kvPath.ts';
import { newAlloc, ref, unref, freeKickPseqsStep } from './pseqs.ts';
import {
  ACTOR_CODE,
  EVENT_CODE,
  FN_CODE,
  ST_DISABLED,
  ST_ENABLING,
  ST_ENABLED,
  AL_LIVE,
  NONE,
  actorCode,
  L_START,
  L_ALLOC,
  L_CHECK,
  L_ERRFREE,
  L_ENABLING,
  L_SWITCHIN,
  L_ENABLED,
  L_UNLOCK,
  L_DONE,
} from './codes.ts';

export function enableGuard(m: Machine, i: number): boolean {
  if (!m.booted || i >= m.loaders.length) return false;
  const l = m.loaders[i];
  if (l.pc === L_DONE) return false;
  if (l.pc === L_START) {
    const g = m.script.loaders[i].guard;
    if (g && !g(m)) return false;
    return m.mutexOwner === NONE && !m.inReader(m.script.helperCpu);
  }
  return !m.inReader(m.script.helperCpu);
}

// scx_enable() with alloc_kick_pseqs() and its error path
export function stepEnable(m: Machine, i: number): void {
  const l = m.loaders[i];
  const fn = FN_CODE.scx_enable;
  const t = m.cfg.toggles;
  const early = t.lazyAlloc && !t.allocAfterStateCheck; // 14c1da3895a1: arrays before the state check
  switch (l.pc) {
    case L_START:
      m.mutexOwner = actorCode(ACTOR_CODE.enable, i);
      m.emit(fn, EVENT_CODE['mutex-lock'], NONE, 0, i, 'lock');
      l.pc = early ? L_ALLOC : L_CHECK;
      l.cursor = 0;
      return;
    case L_ALLOC:
      allocKickPseqsStep(m, l);
      return;
    case L_CHECK: {
      // -EBUSY: 14c1da3895a1 jumps to err_free_pseqs (the arrays are already there); 05e63305c85c and v6.17 to err_unlock.
      const st = m.enableState;
      m.emit(fn, EVENT_CODE['state-check'], NONE, 0, st, early ? 'check-free' : 'check');
      if (st !== ST_DISABLED) {
        l.ret = -16;
        if (early) toErrFree(l);
        else l.pc = L_UNLOCK;
        return;
      }
      if (t.lazyAlloc && t.allocAfterStateCheck) {
        l.pc = L_ALLOC;
        l.cursor = 0;
      } else l.pc = L_ENABLING;
      return;
    }
    case L_ERRFREE:
      if (freeKickPseqsStep(m, l, FN_CODE.free_kick_pseqs)) l.pc = L_UNLOCK;
      return;
    case L_ENABLING: {
      // One step for scx_alloc_and_add_sched(), the ENABLING state and scx_bypass(true): all under the mutex, and
      // nothing between them moves a task (ops.init() runs between the last two; see the README's enable section).
      // On failure the lazy kernels jump to err_free_pseqs (05e63305c85c too), v6.17 to err_unlock.
      const fail = m.cfg.failSchedAlloc;
      m.emit(fn, EVENT_CODE['sched-alloc'], NONE, 0, fail ? -12 : 0, t.lazyAlloc ? 'sched-alloc' : 'sched-alloc-unlock');
      if (fail) {
        l.ret = -12;
        if (t.lazyAlloc) toErrFree(l);
        else l.pc = L_UNLOCK;
        return;
      }
      const old = m.enableState;
      m.enableState = ST_ENABLING;
      m.emit(fn, EVENT_CODE['set-state'], NONE, 0, ST_ENABLING, 'enabling');
      if (old !== ST_DISABLED) m.warnOnceAt('scx_enable', 'WARNING: scx_enable: enable state was not DISABLED');
      // scx_bypass(true): from here until scx_bypass(false) every rq is bypassing, so scx_kick_cpu() drops kicks.
      m.bypassDepth++;
      m.emit(fn, EVENT_CODE.bypass, NONE, 0, 1, 'bypass');
      l.pc = L_SWITCHIN;
      return;
    }
    case L_SWITCHIN:
      m.scxTasks = true;
      m.emit(fn, EVENT_CODE['switch-in'], NONE, 0, NONE, 'switch-in');
      l.pc = L_ENABLED;
      return;
    case L_ENABLED:
      // scx_bypass(false) comes right before the state moves to ENABLED.
      m.bypassDepth--;
      m.emit(fn, EVENT_CODE.bypass, NONE, 0, 0, 'unbypass');
      m.enableState = ST_ENABLED;
      m.emit(fn, EVENT_CODE['set-state'], NONE, 0, ST_ENABLED, 'enabled');
      l.pc = L_UNLOCK;
      return;
    case L_UNLOCK: {
      const label = l.ret === 0 ? 'unlock' : 'err-unlock';
      m.mutexOwner = NONE;
      m.emit(fn, EVENT_CODE['mutex-unlock'], NONE, 0, i, label);
      m.emit(fn, EVENT_CODE['enable-return'], NONE, 0, l.ret, label);
      m.enableErrors.push(l.ret);
      l.pc = L_DONE;
      return;
    }
  }
}

/** goto err_free_pseqs: free_kick_pseqs() from slot 0, then err_unlock. */
function toErrFree(l: Loader): void {
  l.pc = L_ERRFREE;
  l.cursor = 0;
  l.phase = 0;
}

/** alloc_kick_pseqs(), one CPU: WARN_ON_ONCE on a non-NULL slot, kvzalloc_node(), rcu_assign_pointer(). */
function allocKickPseqsStep(m: Machine, l: Loader): void {
  const fn = FN_CODE.alloc_kick_pseqs;
  const c = l.cursor;
  const old = m.slot[c];
  if (old !== NONE) {
    m.emit(fn, EVENT_CODE.warn, old, 0, c, 'warn');
    m.warnOnceAt('alloc_kick_pseqs', `WARNING: CPU: ${m.curCpu} at alloc_kick_pseqs: WARN_ON_ONCE(rcu_access_pointer(*pseqs))`);
  }
  if (m.kvzallocCalls++ === m.cfg.failAllocAt) {
    // alloc_kick_pseqs() frees what it has (free_kick_pseqs()) and returns -ENOMEM; scx_enable() then goes to err_unlock.
    m.emit(fn, EVENT_CODE['alloc-fail'], NONE, requestBytes(m.n), c, 'enomem');
    l.ret = -12;
    toErrFree(l);
    return;
  }
  const s = requestBytes(m.n);
  // kvzalloc_node() picks kmalloc or the vmalloc fallback per call: this CPU's own path.
  const a = arrayCost(m.n, m.cfg.pageSize, m.cfg.kvmallocPath, c, m.cfg.seed);
  const id = newAlloc(m, c, s, a.bytes, a.path, AL_LIVE);
  m.emit(fn, EVENT_CODE.alloc, id, a.bytes, c, 'alloc');
  m.slot[c] = id;
  ref(m, id);
  m.emit(fn, EVENT_CODE.assign, id, 0, c, 'assign');
  if (old !== NONE) unref(m, old, fn);
  if (++l.cursor >= m.n) {
    l.pc = m.cfg.toggles.allocAfterStateCheck ? L_ENABLING : L_CHECK;
    l.cursor = 0;
  }
}

// ---- state key and step text ----------------------------------------------------------------------------

/** What loader i's next step would do, in words. */
export function enableNextStep(m: Machine, i: number): NextStep {
  const l = m.loaders[i];
  const t = m.cfg.toggles;
  const early = t.lazyAlloc && !t.allocAfterStateCheck;
  const map: Record<number, [KernelFn, string, string]> = {
    [L_START]: ['scx_enable', 'lock', 'mutex_lock(&scx_enable_mutex)'],
    [L_ALLOC]: ['alloc_kick_pseqs', 'alloc', `kvzalloc_node() + rcu_assign_pointer(slot[${l.cursor}])`],
    [L_CHECK]: ['scx_enable', early ? 'check-free' : 'check', 'check scx_enable_state()'],
    [L_ERRFREE]: [
      'free_kick_pseqs',
      l.phase ? (t.rcuFree ? 'call-rcu' : 'kvfree') : 'replace',
      l.phase ? (t.rcuFree ? 'call_rcu()' : 'kvfree()') : `rcu_replace_pointer(slot[${l.cursor}], NULL)`,
    ],
    [L_ENABLING]: [
      'scx_enable',
      t.lazyAlloc ? 'sched-alloc' : 'sched-alloc-unlock',
      'scx_alloc_and_add_sched(), scx_set_enable_state(ENABLING), scx_bypass(true)',
    ],
    [L_SWITCHIN]: ['scx_enable', 'switch-in', 'move tasks to SCX'],
    [L_ENABLED]: ['scx_enable', 'unbypass', 'scx_bypass(false), scx_set_enable_state(ENABLED)'],
    [L_UNLOCK]: ['scx_enable', l.ret === 0 ? 'unlock' : 'err-unlock', 'mutex_unlock(), return'],
    [L_DONE]: ['scx_enable', l.ret === 0 ? 'unlock' : 'err-unlock', 'done'],
  };
  const [fn, label, text] = map[l.pc];
  return { fn, text, line: lineOf(fn, label) };
}

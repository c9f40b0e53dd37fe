// scx_enable(): a loader takes scx_enable_mutex, allocates the arrays with alloc_kick_pseqs() (before or
// after the enable-state check, by variant), frees them again on its error path, and switches tasks in.
// Guard, steps, state-key part and step text.
import type { Machine, Loader, NextStep } from './core.ts';
import type { KernelFn } from '../types.ts';
import { lineOf } from '../code.ts';
import { kmallocCost, vmallocCost, requestBytes } from '../../memory.ts';
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
  switch (l.pc) {
    case L_START:
      m.mutexOwner = actorCode(ACTOR_CODE.enable, i);
      m.emit(fn, EVENT_CODE['mutex-lock'], NONE, 0, i, 'lock');
      l.pc = t.lazyAlloc && !t.allocAfterStateCheck ? L_ALLOC : L_CHECK;
      l.cursor = 0;
      return;
    case L_ALLOC:
      allocKickPseqsStep(m, l);
      return;
    case L_CHECK: {
      const st = m.enableState;
      m.emit(fn, EVENT_CODE['state-check'], NONE, 0, st, 'check');
      if (st !== ST_DISABLED) {
        l.ret = -16;
        if (t.lazyAlloc && !t.allocAfterStateCheck) {
          l.pc = L_ERRFREE;
          l.cursor = 0;
          l.phase = 0;
        } else l.pc = L_UNLOCK;
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
      const old = m.enableState;
      m.enableState = ST_ENABLING;
      m.emit(fn, EVENT_CODE['set-state'], NONE, 0, ST_ENABLING, 'enabling');
      if (old !== ST_DISABLED) m.warnOnceAt('scx_enable', 'WARNING: scx_enable: enable state was not DISABLED');
      l.pc = L_SWITCHIN;
      return;
    }
    case L_SWITCHIN:
      m.scxTasks = true;
      m.emit(fn, EVENT_CODE['switch-in'], NONE, 0, NONE, 'switch-in');
      l.pc = L_ENABLED;
      return;
    case L_ENABLED:
      m.enableState = ST_ENABLED;
      m.emit(fn, EVENT_CODE['set-state'], NONE, 0, ST_ENABLED, 'enabled');
      l.pc = L_UNLOCK;
      return;
    case L_UNLOCK:
      m.mutexOwner = NONE;
      m.emit(fn, EVENT_CODE['mutex-unlock'], NONE, 0, i, 'unlock');
      m.emit(fn, EVENT_CODE['enable-return'], NONE, 0, l.ret, 'unlock');
      m.enableErrors.push(l.ret);
      l.pc = L_DONE;
      return;
  }
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
    m.emit(fn, EVENT_CODE['alloc-fail'], NONE, requestBytes(m.n), c, 'enomem');
    l.ret = -12;
    l.pc = L_ERRFREE;
    l.cursor = 0;
    l.phase = 0;
    return;
  }
  const s = requestBytes(m.n);
  let consumed: number;
  let path: number;
  const vm = vmallocCost(s, m.cfg.pageSize);
  if (vm && m.cfg.kvmallocPath === 'vmalloc') {
    consumed = vm.bytes;
    path = 2;
  } else {
    const km = kmallocCost(s, m.cfg.pageSize);
    consumed = km.bytes;
    path = km.path === 'slab' ? 0 : 1;
  }
  const id = newAlloc(m, c, s, consumed, path, AL_LIVE);
  m.emit(fn, EVENT_CODE.alloc, id, consumed, c, 'alloc');
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
  const map: Record<number, [KernelFn, string, string]> = {
    [L_START]: ['scx_enable', 'lock', 'mutex_lock(&scx_enable_mutex)'],
    [L_ALLOC]: ['alloc_kick_pseqs', 'alloc', `kvzalloc_node() + rcu_assign_pointer(slot[${l.cursor}])`],
    [L_CHECK]: ['scx_enable', 'check', 'check scx_enable_state()'],
    [L_ERRFREE]: [
      'free_kick_pseqs',
      l.phase ? (t.rcuFree ? 'call-rcu' : 'kvfree') : 'replace',
      l.phase ? (t.rcuFree ? 'call_rcu()' : 'kvfree()') : `rcu_replace_pointer(slot[${l.cursor}], NULL)`,
    ],
    [L_ENABLING]: ['scx_enable', 'enabling', 'scx_set_enable_state(ENABLING)'],
    [L_SWITCHIN]: ['scx_enable', 'switch-in', 'move tasks to SCX'],
    [L_ENABLED]: ['scx_enable', 'enabled', 'scx_set_enable_state(ENABLED)'],
    [L_UNLOCK]: ['scx_enable', 'unlock', 'mutex_unlock(), return'],
    [L_DONE]: ['scx_enable', 'unlock', 'done'],
  };
  const [fn, label, text] = map[l.pc];
  return { fn, text, line: lineOf(fn, label) };
}

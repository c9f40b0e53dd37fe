// The kick pseqs arrays themselves: allocation (kvzalloc_node() or the boot-time percpu unit), references,
// accesses through a CPU's slot (use-after-free, NULL), free_kick_pseqs() and kvfree(). Every kernel path
// that touches an array goes through here; the byte counters follow each array's lifecycle state.
import type { Machine } from './core.ts';
import { grown, type GrowableArray } from '../typed.ts';
import { cpuToNode } from '../../memory.ts';
import { EVENT_CODE, AL_LIVE, AL_UNPUBLISHED, AL_WAITING, AL_FREED, AL_LEAKED, AL_PERCPU, NONE } from './codes.ts';

/** A new array of `consumed` bytes for CPU `cpu`, in lifecycle state `state`; its id. */
export function newAlloc(m: Machine, cpu: number, request: number, consumed: number, path: number, state: number): number {
  const id = m.allocCount++;
  if (id >= m.allocCpu.length) growAllocs(m, Math.max(16, id * 2));
  m.allocCpu[id] = cpu;
  m.allocNode[id] = cpuToNode(cpu, m.n, m.cfg.nodes);
  m.allocState[id] = state;
  m.allocRefs[id] = 0;
  m.allocRequest[id] = request;
  m.allocConsumed[id] = consumed;
  m.allocPath[id] = path;
  m.allocFreedStep[id] = NONE;
  m.allocAllocStep[id] = m.step;
  m.writes[id] = undefined;
  m.liveBytes += consumed;
  return id;
}

/** Room for `cap` arrays in every per-array column (newAlloc, and the explorer's decode). */
export function growAllocs(m: Machine, cap: number): void {
  const g = <T extends GrowableArray>(a: T): T => grown(a, cap);
  m.allocCpu = g(m.allocCpu);
  m.allocNode = g(m.allocNode);
  m.allocState = g(m.allocState);
  m.allocRefs = g(m.allocRefs);
  m.allocRequest = g(m.allocRequest);
  m.allocConsumed = g(m.allocConsumed);
  m.allocPath = g(m.allocPath);
  m.allocFreedStep = g(m.allocFreedStep);
  m.allocAllocStep = g(m.allocAllocStep);
  m.writesGen = g(m.writesGen);
}

/** Move array `id` to lifecycle state `s`, moving its bytes between the counters. */
export function setAllocState(m: Machine, id: number, s: number): void {
  const old = m.allocState[id];
  if (old === s) return;
  const b = m.allocConsumed[id];
  if (old === AL_LIVE || old === AL_UNPUBLISHED || old === AL_PERCPU) m.liveBytes -= b;
  else if (old === AL_WAITING) m.waitingBytes -= b;
  else if (old === AL_LEAKED) m.leakedBytes -= b;
  else if (old === AL_FREED) m.freedBytes -= b;
  m.allocState[id] = s;
  if (s === AL_LIVE || s === AL_UNPUBLISHED || s === AL_PERCPU) m.liveBytes += b;
  else if (s === AL_WAITING) m.waitingBytes += b;
  else if (s === AL_LEAKED) m.leakedBytes += b;
  else if (s === AL_FREED) m.freedBytes += b;
}

export function ref(m: Machine, id: number): void {
  if (id >= 0) m.allocRefs[id]++;
}

/** Drop one reference; when none is left and the array was never freed, kmemleak would report it. */
export function unref(m: Machine, id: number, fn: number): void {
  if (id < 0) return;
  if (--m.allocRefs[id] > 0) return;
  const s = m.allocState[id];
  if (s === AL_FREED || s === AL_PERCPU) return;
  setAllocState(m, id, AL_LEAKED);
  m.leakedArrays++;
  m.emit(fn, EVENT_CODE.leak, id, m.allocConsumed[id], m.allocCpu[id]);
}

/** Drop one reference of an array that was just freed (no leak to report). */
export function unrefQuiet(m: Machine, id: number): void {
  if (id >= 0) m.allocRefs[id]--;
}

/** pseqs[target] = value in array `id` (copy-on-write: a map shared with another copy is copied first). */
export function writeEntry(m: Machine, id: number, target: number, value: number): void {
  let w = m.writes[id];
  if (!w) {
    w = new Map();
    m.writes[id] = w;
    m.writesGen[id] = m.gen;
  } else if (m.writesGen[id] !== m.gen) {
    w = new Map(w);
    m.writes[id] = w;
    m.writesGen[id] = m.gen;
  }
  w.set(target, value);
}

/** An access to pseqs[target] through pointer `id` (NONE = NULL). Returns false when the CPU oopses. */
export function accessPseqs(m: Machine, fn: number, id: number, target: number, label: string): boolean {
  if (id === NONE) {
    m.nullDeref = true;
    m.emit(fn, EVENT_CODE['null-deref'], NONE, 0, target, label);
    m.halt('Oops: NULL pointer dereference in hardirq context: Fatal exception in interrupt');
    return false;
  }
  if (m.allocState[id] === AL_FREED) {
    m.uafCount++;
    m.emit(fn, EVENT_CODE.uaf, id, 8, target, label);
  }
  return true;
}

/** kvfree(): double free and leak accounting, and any spinner reading this array may now see freed memory. */
export function kvfree(m: Machine, id: number, fn: number, label: string): void {
  if (m.allocState[id] === AL_FREED) {
    m.doubleFree++;
    m.emit(fn, EVENT_CODE['double-free'], id, m.allocConsumed[id], NONE, label);
    return;
  }
  if (m.allocState[id] === AL_LEAKED) {
    m.leakedArrays--;
  }
  setAllocState(m, id, AL_FREED);
  m.allocFreedStep[id] = m.step;
  m.emit(fn, EVENT_CODE.free, id, m.allocConsumed[id], m.allocCpu[id], label);
  // Only the owner CPU's irq work can hold this array (it loads its own slot).
  const owner = m.allocCpu[id];
  if (m.irqPtr[owner] === id && m.spinners.has(owner)) m.unblockSpinner(owner);
}

/** The locals of a free_kick_pseqs() loop (scx_enable()'s error path or scx_disable_workfn()). */
export interface FreeLoop {
  cursor: number;
  phase: number;
  local: number;
}

/**
 * free_kick_pseqs(), one step: rcu_replace_pointer(slot[c], NULL), then (next step) call_rcu() or kvfree().
 * Returns true when the loop is over.
 */
export function freeKickPseqsStep(m: Machine, st: FreeLoop, fn: number): boolean {
  const c = st.cursor;
  if (st.phase === 0) {
    const old = m.slot[c];
    m.slot[c] = NONE;
    m.emit(fn, EVENT_CODE.replace, old, 0, c, 'replace');
    if (old !== NONE) {
      // The slot's reference moves to the local variable.
      if (m.allocState[old] === AL_LIVE) setAllocState(m, old, AL_UNPUBLISHED);
      st.local = old;
      st.phase = 1;
      return false;
    }
  } else {
    const id = st.local;
    st.local = NONE;
    st.phase = 0;
    if (m.cfg.toggles.rcuFree) {
      const need = m.requestGp();
      m.cbq[m.curCpu].push(id, need);
      m.cbCpus.add(m.curCpu);
      m.cbPending++;
      if (m.allocState[id] !== AL_FREED) setAllocState(m, id, AL_WAITING);
      m.emit(fn, EVENT_CODE['call-rcu'], id, m.allocConsumed[id], need, 'call-rcu');
    } else {
      kvfree(m, id, fn, 'kvfree');
      unrefQuiet(m, id);
    }
  }
  if (++st.cursor >= m.n) return true;
  return false;
}

// Kicks: scx_bpf_kick_cpu() sets bits in the kicking CPU's mask and queues its irq work;
// kick_cpus_irq_workfn() loads the CPU's array, calls kick_one_cpu() (which snapshots the target's pnt_seq
// into the array for SCX_KICK_WAIT) and kick_one_cpu_if_idle(), then waits. Guards, steps, state-key parts
// and step texts of the bpf and irq actors.
import type { Machine, NextStep } from './core.ts';
import { lineOf } from '../code.ts';
import { hash32 } from '../../rng.ts';
import { ref, unref, writeEntry, accessPseqs } from './pseqs.ts';
import {
  EVENT_CODE,
  FN_CODE,
  CLS_IDLE,
  CLS_SCX,
  CLS_FAIR,
  KICK,
  KICK_IF_IDLE,
  KICK_PREEMPT,
  KICK_WAIT,
  ST_DISABLED,
  ST_ENABLED,
  AL_FREED,
  IRQ_IDLE,
  IRQ_LOAD,
  IRQ_KICK,
  IRQ_IDLEKICK,
  IRQ_WAIT,
  IRQ_LEAVE,
  NONE,
} from './codes.ts';

// ---- bpf: scx_bpf_kick_cpu() ---------------------------------------------------------------------------

export function bpfGuard(m: Machine, c: number): boolean {
  // scx_bpf_kick_cpu() does nothing without an attached scheduler (scx_root), and runs in task context.
  if (!m.booted || c >= m.n || m.inReader(c) || m.enableState === ST_DISABLED) return false;
  if (m.script.stormKicks > 0) {
    return m.stormIssued < m.script.stormKicks && m.enableState === ST_ENABLED;
  }
  const ops = m.script.kicks.get(c);
  if (!ops) return false;
  const k = m.kicksDone[c];
  if (k >= ops.length) return false;
  const g = ops[k].guard;
  return !g || g(m);
}

// scx_bpf_kick_cpu() → scx_kick_cpu()
export function stepBpf(m: Machine, c: number): void {
  const fn = FN_CODE.scx_bpf_kick_cpu;
  let target: number;
  let flags: number;
  if (m.script.stormKicks > 0) {
    const k = m.stormKicksDone[c]++;
    m.stormIssued++;
    const h = hash32(m.cfg.seed, c, k);
    target = h % m.n;
    flags = [KICK_IF_IDLE, KICK_PREEMPT, KICK_WAIT, KICK_PREEMPT | KICK_WAIT, 0][(h >>> 20) % 5];
    // The storm's BPF scheduler waits only on higher-numbered CPUs (a lock order), so no two CPUs ever
    // wait on each other with IRQs off: a cycle would hang on any kernel, whatever the pnt_seq rule.
    if (flags & KICK_WAIT && target <= c) flags &= ~KICK_WAIT;
  } else {
    const op = m.script.kicks.get(c)![m.kicksDone[c]];
    target = op.target;
    flags = op.flags;
  }
  m.kicksDone[c]++;
  if (m.bypassDepth > 0) {
    m.emit(fn, EVENT_CODE['kick-bypassed'], NONE, 0, target, 'bypass');
    return;
  }
  m.emit(fn, EVENT_CODE.kick, NONE, flags, target, flags & KICK_IF_IDLE ? 'idle' : 'bits');
  let bits: number;
  if (flags & KICK_IF_IDLE) {
    // Trylock of the target rq; can_skip_idle_kick(): skip when the target is not idle.
    if (m.cls(target) !== CLS_IDLE) return;
    bits = KICK_IF_IDLE;
  } else {
    bits = KICK | (flags & KICK_PREEMPT ? KICK_PREEMPT : 0) | (flags & KICK_WAIT ? KICK_WAIT : 0);
  }
  let mask = m.masks[c];
  if (!mask) mask = m.masks[c] = new Map();
  mask.set(target, (mask.get(target) ?? 0) | bits);
  if (!m.irqPending[c]) {
    m.irqPending[c] = 1;
    if (m.irqPc[c] === IRQ_IDLE) m.irqActive.add(c);
    m.emit(fn, EVENT_CODE['irq-queue'], NONE, 0, c, 'queue');
  }
}

function lowestWith(mask: Map<number, number> | undefined, bit: number): number {
  if (!mask) return NONE;
  let best = NONE;
  for (const [t, b] of mask) if (b & bit && (best === NONE || t < best)) best = t;
  return best;
}

function clearBits(m: Machine, c: number, t: number, bits: number): void {
  const mask = m.masks[c];
  if (!mask) return;
  const v = (mask.get(t) ?? 0) & ~bits;
  if (v) mask.set(t, v);
  else mask.delete(t);
}

// ---- irq: kick_cpus_irq_workfn() -------------------------------------------------------------------------

export function irqGuard(m: Machine, c: number): boolean {
  if (c >= m.n) return false;
  const pc = m.irqPc[c];
  if (pc === IRQ_IDLE) return m.irqPending[c] === 1;
  if (pc === IRQ_WAIT && m.irqSpinTarget[c] !== NONE) return spinCanProgress(m, c);
  return true;
}

/** A re-read in the SCX_KICK_WAIT loop is a step only when it could see something new. */
function spinCanProgress(m: Machine, c: number): boolean {
  const t = m.irqSpinTarget[c];
  if (m.irqSpinSeenPnt[c] !== m.pnt[t]) return true;
  const id = m.irqPtr[c];
  return id >= 0 && (m.allocState[id] === AL_FREED ? 1 : 0) !== m.irqSpinSeenFreed[c];
}

// kick_cpus_irq_workfn() and what it calls
export function stepIrq(m: Machine, c: number): void {
  const fn = FN_CODE.kick_cpus_irq_workfn;
  const t = m.cfg.toggles;
  switch (m.irqPc[c]) {
    case IRQ_IDLE:
      m.irqPending[c] = 0;
      m.irqPc[c] = IRQ_LOAD;
      m.irqShouldWait[c] = 0;
      m.emit(fn, EVENT_CODE['irq-enter'], NONE, 0, NONE, 'enter');
      return;
    case IRQ_LOAD: {
      const id = m.slot[c];
      m.irqPtr[c] = id;
      ref(m, id);
      m.emit(fn, EVENT_CODE['slot-load'], id, 0, c, t.lazyAlloc ? 'load' : 'load-percpu');
      if (id === NONE && t.nullCheck) {
        let dropped = 0;
        const mask = m.masks[c];
        if (mask) dropped = mask.size;
        m.droppedKicks += dropped;
        if (!m.prWarnOnce) {
          m.prWarnOnce = true;
          m.warnings.push('kick_cpus_irq_workfn() called with NULL scx_kick_pseqs');
        }
        m.emit(fn, EVENT_CODE['null-return'], NONE, 0, dropped, 'null');
        m.irqPc[c] = IRQ_LEAVE;
        return;
      }
      m.irqPc[c] = IRQ_KICK;
      return;
    }
    case IRQ_KICK: {
      const target = lowestWith(m.masks[c], KICK);
      if (target === NONE) {
        m.irqPc[c] = IRQ_IDLEKICK;
        kickOneCpuIfIdleStep(m, c);
        return;
      }
      kickOneCpu(m, c, target);
      return;
    }
    case IRQ_IDLEKICK:
      kickOneCpuIfIdleStep(m, c);
      return;
    case IRQ_WAIT:
      kickWaitStep(m, c);
      return;
    case IRQ_LEAVE:
      leaveIrq(m, c);
      return;
  }
}

/**
 * The `return` line CPU c's irq work leaves by: the NULL check's early return when it found no array
 * (with the NULL check, a NULL pointer only reaches IRQ_LEAVE that way), else the final one.
 */
function leaveLabel(m: Machine, c: number): 'null' | 'leave' {
  const t = m.cfg.toggles;
  return t.lazyAlloc && t.nullCheck && m.irqPtr[c] === NONE ? 'null' : 'leave';
}

function leaveIrq(m: Machine, c: number): void {
  const id = m.irqPtr[c];
  const label = leaveLabel(m, c);
  m.irqPc[c] = IRQ_IDLE;
  m.irqPtr[c] = NONE;
  m.irqSpinTarget[c] = NONE;
  m.emit(FN_CODE.kick_cpus_irq_workfn, EVENT_CODE['irq-leave'], id, 0, NONE, label);
  if (!m.irqPending[c]) m.irqActive.remove(c);
  unref(m, id, FN_CODE.kick_cpus_irq_workfn);
}

// kick_one_cpu(): the snapshot of the target's pnt_seq is a write into this CPU's array.
function kickOneCpu(m: Machine, c: number, target: number): void {
  const fn = FN_CODE.kick_one_cpu;
  const bits = m.masks[c]!.get(target)!;
  // a9c1fbbd6dad ("Don't kick CPUs running higher classes"): sample the target's class; leave a higher class
  // alone, and snapshot only a target running SCX.
  const skipHigher = m.cfg.skipHigherClass;
  const cur = m.cls(target);
  m.emit(fn, EVENT_CODE['kick-one'], m.irqPtr[c], 0, target, 'lock');
  if (skipHigher && cur === CLS_FAIR) {
    clearBits(m, c, target, KICK | KICK_IF_IDLE | KICK_PREEMPT | KICK_WAIT);
    m.emit(fn, EVENT_CODE['kick-skip'], NONE, 0, target, 'higher');
    return;
  }
  if (bits & KICK_PREEMPT) clearBits(m, c, target, KICK_PREEMPT);
  if (bits & KICK_WAIT) {
    if (!skipHigher || cur === CLS_SCX) {
      const id = m.irqPtr[c];
      if (!accessPseqs(m, fn, id, target, skipHigher ? 'snap-scx' : 'snap')) return;
      writeEntry(m, id, target, m.pnt[target]);
      m.irqShouldWait[c] = 1;
      m.emit(fn, EVENT_CODE.snapshot, id, 8, target, skipHigher ? 'snap-scx' : 'snap');
    } else {
      clearBits(m, c, target, KICK_WAIT);
    }
  }
  m.setResched(target);
  m.emit(fn, EVENT_CODE['kick-one'], NONE, 0, target, 'resched');
  clearBits(m, c, target, KICK | KICK_IF_IDLE);
}

// kick_one_cpu_if_idle() for the next idle-kick target; when none is left, on to the wait (or return).
function kickOneCpuIfIdleStep(m: Machine, c: number): void {
  const target = lowestWith(m.masks[c], KICK_IF_IDLE);
  if (target === NONE) {
    m.irqPc[c] = IRQ_WAIT;
    m.irqSpinTarget[c] = NONE;
    if (!m.irqShouldWait[c]) {
      m.emit(FN_CODE.kick_cpus_irq_workfn, EVENT_CODE['spin-done'], NONE, 0, NONE, 'no-wait');
      leaveIrq(m, c);
    } else kickWaitStep(m, c);
    return;
  }
  // kick_one_cpu_if_idle(): resched only an idle target.
  if (m.cls(target) === CLS_IDLE) m.setResched(target);
  m.emit(FN_CODE.kick_one_cpu_if_idle, EVENT_CODE['kick-idle'], NONE, m.cls(target) === CLS_IDLE ? 1 : 0, target, 'check');
  clearBits(m, c, target, KICK_IF_IDLE);
}

// The SCX_KICK_WAIT loop: spin until the target's pnt_seq differs from the snapshot in pseqs[target].
function kickWaitStep(m: Machine, c: number): void {
  const fn = FN_CODE.kick_cpus_irq_workfn;
  let t = m.irqSpinTarget[c];
  if (t === NONE) {
    // Next wait target (ascending); waiting on self is skipped.
    for (;;) {
      t = lowestWith(m.masks[c], KICK_WAIT);
      if (t === NONE) {
        leaveIrq(m, c);
        return;
      }
      if (t !== c) break;
      clearBits(m, c, t, KICK_WAIT);
    }
    m.irqSpinTarget[c] = t;
    m.irqSpinSeenPnt[c] = -1;
    m.irqSpinSeenFreed[c] = 0;
  }
  const id = m.irqPtr[c];
  if (!accessPseqs(m, fn, id, t, 'spin')) return;
  const snap = m.writes[id]?.get(t) ?? 0;
  const now = m.pnt[t];
  m.irqSpinSeenPnt[c] = now;
  m.irqSpinSeenFreed[c] = m.allocState[id] === AL_FREED ? 1 : 0;
  if (now !== snap) {
    m.emit(fn, EVENT_CODE['spin-done'], id, 0, t, 'spin');
    clearBits(m, c, t, KICK_WAIT);
    m.irqSpinTarget[c] = NONE;
    m.unblockSpinner(c);
    return;
  }
  m.emit(fn, EVENT_CODE.spin, id, 0, t, 'spin');
  // Nothing can change what the next read sees until pnt_seq moves or the array is freed.
  blockSpinner(m, c, t);
}

function blockSpinner(m: Machine, k: number, target: number): void {
  m.irqActive.remove(k);
  m.spinners.add(k);
  const w = m.spinOn[target];
  if (w) w.push(k);
  else m.spinOn[target] = [k];
}

// ---- state key and step text ----------------------------------------------------------------------------

export const bpfNextStep = (c: number): NextStep => ({
  fn: 'scx_bpf_kick_cpu',
  text: `CPU ${c}: scx_bpf_kick_cpu()`,
  line: lineOf('scx_bpf_kick_cpu', 'bits'),
});

const IRQ_TEXT = ['enter', 'load', 'kick', 'idle-kick', 'wait', 'leave'];

/** What CPU c's irq work would do next, in words. */
export function irqNextStep(m: Machine, c: number): NextStep {
  const pc = m.irqPc[c];
  const label =
    pc === IRQ_LEAVE ? leaveLabel(m, c) : ['enter', m.cfg.toggles.lazyAlloc ? 'load' : 'load-percpu', 'kick-loop', 'idle-loop', 'spin'][pc];
  const text =
    pc === IRQ_WAIT && m.irqSpinTarget[c] !== NONE
      ? `re-read CPU ${m.irqSpinTarget[c]}'s pnt_seq`
      : `kick_cpus_irq_workfn(): ${IRQ_TEXT[pc]}`;
  return { fn: 'kick_cpus_irq_workfn', text: `CPU ${c}: ${text}`, line: lineOf('kick_cpus_irq_workfn', label) };
}

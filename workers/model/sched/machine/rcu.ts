// RCU: quiescent states (rcu_note_context_switch()), callbacks (rcu_do_batch() invoking
// free_kick_pseqs_rcu(), a kvfree()) and grace periods (the rcu_gp_kthread). Guards, steps, state-key parts
// and step texts. The primitives other paths call (requestGp, reportQs) are Machine methods in core.ts.
import type { Machine, NextStep } from './core.ts';
import { lineOf } from '../code.ts';
import { kvfree, unrefQuiet } from './pseqs.ts';
import { EVENT_CODE, FN_CODE, NONE } from './codes.ts';

// ---- qs: a quiescent state ------------------------------------------------------------------------------

// No quiescent state inside hard irq work (IRQs off: an RCU reader), nor while its self-interrupt is due.
// The threaded irq work (PREEMPT_RT before 36c6f3c03d10) is no reader: c may report one while it runs.
export function qsGuard(m: Machine, c: number): boolean {
  return c < m.n && m.qsOwed[c] === 1 && !m.inHardIrq(c) && !m.irqDue(c);
}

// rcu_note_context_switch(): CPU c reports its quiescent state.
export function stepQs(m: Machine, c: number): void {
  m.reportQs(c, FN_CODE.rcu_note_context_switch);
}

// ---- cb: callbacks ---------------------------------------------------------------------------------------

// Callbacks run from RCU_SOFTIRQ with IRQs on: never on a CPU inside its hard irq work or with a
// self-interrupt due (softirq and hardirq are kept apart; issue 11 §4).
export function cbGuard(m: Machine, c: number): boolean {
  if (c >= m.n || m.inHardIrq(c) || m.irqDue(c)) return false;
  const q = m.cbq[c];
  return q.length > 0 && q[1] <= m.gpCompleted;
}

// rcu_do_batch(): invoke one ready callback on this CPU: kvfree(array)
export function stepCb(m: Machine, c: number): void {
  const q = m.cbq[c];
  const id = q[0];
  q.splice(0, 2);
  if (!q.length) m.cbCpus.remove(c);
  m.cbPending--;
  m.emit(FN_CODE.rcu_do_batch, EVENT_CODE['cb-invoke'], id, 0, NONE, 'invoke');
  kvfree(m, id, FN_CODE.rcu_do_batch, 'invoke');
  unrefQuiet(m, id);
}

// ---- gp: the grace-period kthread -------------------------------------------------------------------------

export function gpGuard(m: Machine): boolean {
  if (m.gpInProgress) return m.owed.size === 0;
  return m.maxGpNeeded > m.gpCompleted;
}

// rcu_gp_kthread: start a grace period (every CPU owes a QS) or end one.
export function stepGp(m: Machine): void {
  const fn = FN_CODE.rcu_gp_kthread;
  if (!m.gpInProgress) {
    m.gpInProgress = true;
    for (let c = 0; c < m.n; c++) {
      m.qsOwed[c] = 1;
      m.owed.add(c);
    }
    m.emit(fn, EVENT_CODE['gp-start'], NONE, 0, m.gpCompleted + 1, 'start');
    return;
  }
  m.gpInProgress = false;
  m.gpCompleted++;
  m.emit(fn, EVENT_CODE['gp-end'], NONE, 0, m.gpCompleted, 'end');
}

// ---- state key and step text ----------------------------------------------------------------------------

export const qsNextStep = (c: number): NextStep => ({
  fn: 'rcu_note_context_switch',
  text: `CPU ${c}: quiescent state`,
  line: lineOf('rcu_note_context_switch', 'qs'),
});
export const cbNextStep = (c: number): NextStep => ({
  fn: 'rcu_do_batch',
  text: `CPU ${c}: run an RCU callback (kvfree)`,
  line: lineOf('rcu_do_batch', 'invoke'),
});
export function gpNextStep(m: Machine): NextStep {
  return m.gpInProgress
    ? { fn: 'rcu_gp_kthread', text: `end grace period ${m.gpCompleted + 1}`, line: lineOf('rcu_gp_kthread', 'end') }
    : { fn: 'rcu_gp_kthread', text: `start grace period ${m.gpCompleted + 1}`, line: lineOf('rcu_gp_kthread', 'start') };
}

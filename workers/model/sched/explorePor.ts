// Partial-order reduction for explore(): the ample-set rule that explores a quiescent-state report of a CPU
// that is quiet forever alone, with the static tables it needs and why it keeps every verdict.
import type { Machine } from './machine/core.ts';
import { ACTOR_CODE, IRQ_IDLE, actorCode } from './machine/codes.ts';

/**
 * Static facts for the ample-set rule: which kick ops and wakes can still make CPU c reschedule or run its
 * irq work.
 */
export interface PorTables {
  /** Per target CPU: [kicker, op index] of every scripted kick aimed at it. */
  kicksAt: [number, number][][];
  kicksFrom: number[];
  wakesOf: number[];
  storm: boolean;
}

export function porTables(m: Machine): PorTables {
  const kicksAt: [number, number][][] = Array.from({ length: m.n }, () => []);
  const kicksFrom = new Array<number>(m.n).fill(0);
  const wakesOf = new Array<number>(m.n).fill(0);
  for (const [k, ops] of m.script.kicks) {
    kicksFrom[k] = ops.length;
    ops.forEach((op, i) => kicksAt[op.target].push([k, i]));
  }
  for (const [c, ops] of m.script.wakes) wakesOf[c] = ops.length;
  return { kicksAt, kicksFrom, wakesOf, storm: m.script.stormKicks > 0 };
}

/**
 * CPU c can never again run its irq work or be asked to reschedule, on any continuation: its irq work is idle
 * and not queued, all of its scripted kicks are issued, no kick bit for it sits in any CPU's masks, no
 * scripted kick aimed at it is still to come, no wake-up of it is still to come, and need_resched is clear.
 */
function quietForever(m: Machine, c: number, t: PorTables): boolean {
  if (t.storm) return false;
  if (m.irqPc[c] !== IRQ_IDLE || m.irqPending[c] || m.needResched[c]) return false;
  if (m.kicksDone[c] < t.kicksFrom[c] || m.wakesDone[c] < t.wakesOf[c]) return false;
  for (const [k, i] of t.kicksAt[c]) if (m.kicksDone[k] <= i) return false;
  for (let k = 0; k < m.n; k++) {
    const mask = m.masks[k];
    if (mask && mask.get(c)) return false;
  }
  return true;
}

/**
 * The ample-set rule: an enabled quiescent-state report qs:c of a CPU that is quiet forever (above) is explored
 * alone. Why it is sound (Godefroid's persistent sets; conditions C0–C3):
 * - qs:c only clears qsOwed[c] (and removes c from `owed`). The actors whose enabledness or effect depend on
 *   that are sched:c (it reports the same QS), irq:c (entering the irq work disables qs:c, and an irq work
 *   that then spins forever keeps the grace period from ending) and gp (ending a grace period needs no
 *   owed QS). While qsOwed[c] = 1 a grace period is in progress and owed is non-empty, so gp is never enabled
 *   together with qs:c. sched:c and irq:c can never become enabled again when c is quiet forever.
 *   Every other actor neither reads nor writes qsOwed[c] or c's reader state, so it commutes with qs:c and
 *   leaves it enabled: on every path from here, qs:c is independent of everything taken before it (C1).
 * - qs:c stays enabled until it is taken, so no terminal state (stuck, RCU stall) is reachable without it,
 *   and any event (UAF, leak, …) on a path without it is also on the path that takes qs:c first (C2: no
 *   checker fires on qs:c itself).
 * - Each reduced step clears one owed bit and only gp-start sets them, which is never explored alone, so
 *   no cycle consists of reduced states (C3).
 * Schedules found this way may carry quiescent-state reports a shortest schedule does without; explore()
 * drops them again afterwards (minimizeQs).
 */
export function ampleQs(m: Machine, t: PorTables): number {
  // The lowest such CPU: a function of the state alone (the search steps decoded machines, whose owed index
  // is rebuilt in CPU order), so every path to a state reduces it alike.
  for (let c = 0; c < m.n; c++) {
    if (!m.qsOwed[c]) continue;
    const code = actorCode(ACTOR_CODE.qs, c);
    if (m.isEnabled(code) && quietForever(m, c, t)) return code;
  }
  return -1;
}

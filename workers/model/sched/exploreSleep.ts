// Sleep sets for quiescent-state reports (Godefroid's sleep sets, restricted to one kind of independence):
// they prune transitions into states the search reaches anyway by another order of the same steps, so the
// search visits every state it visited without them, at the same depth, with fewer transitions.
//
// The independence used: a quiescent-state report qs:c (rcu_note_context_switch(), machine/rcu.ts) only
// clears qsOwed[c]. A step commutes with it, and neither can enable or disable the other, unless the step
// reads or writes qsOwed[c] or what qsGuard() reads (c's irq work: irqPc[c], irqPending[c]): gp (starts a
// grace period, and ends one only when no QS is owed), sched:c (__schedule() reports c's QS), irq:c (c's irq
// work) and bpf:c (scx_bpf_kick_cpu() on c queues c's irq work). Every other step is independent of qs:c;
// tests/model/exploreSleep.prop.test.ts checks both orders of every such pair along random schedules.
//
// The rule: at a state S (whose reports explore.ts takes last), a stepped action explored before qs:c (and
// each action in S's own sleep set) that is independent of qs:c goes to the sleep set of S·qs:c, where it is not explored again: S·qs:c·a is
// S·a·qs:c, reached from S·a, which S explored. Quiescent-state reports are never put to sleep, so that path
// always exists, whatever sleep set S·a itself got, and it has the same length. A state reached again keeps
// the sleep set of its first visit (that visit's path justifies it). Stepped successors get an empty set.
//
// It is used only where this argument is the whole story: no interchangeable CPUs (symmetry renames CPUs, and
// with them the actions a sleep set names) and no ample-set reduction that can fire (explorePor.ts: it may
// explore a different report first at S·a). That is every kick storm, and any search with both reductions
// off.
import type { Machine } from './machine/core.ts';
import { ACTOR_CODE, actorKindOf, actorSubOf } from './machine/codes.ts';
import { ACTOR_KINDS } from '../constants.ts';

/** Per-run tables: each stepped action's bit (two 32-bit words), and per CPU c the actions independent of qs:c. */
export interface SleepTables {
  /** bitOf[kind * n + sub]: the action's bit (0 … 63), or -1 for actors never put to sleep. */
  readonly bitOf: Int32Array;
  readonly n: number;
  /** indep[2c], indep[2c + 1]: the low and high words of the actions independent of qs:c. */
  readonly indep: Uint32Array;
}

const KINDS = ACTOR_KINDS.length;

/** The tables, or null when sleep sets do not apply (see the header) or the actions need more than 64 bits. */
export function sleepTables(m: Machine, symmetric: readonly number[], porCanFire: boolean): SleepTables | null {
  if (symmetric.length > 0 || porCanFire) return null;
  const n = m.n;
  const L = m.loaders.length;
  if (L + 1 + 5 * n > 64) return null;
  const width = Math.max(n, L, 1);
  const bitOf = new Int32Array(KINDS * width).fill(-1);
  let next = 0;
  for (let i = 0; i < L; i++) bitOf[ACTOR_CODE.enable * width + i] = next++;
  bitOf[ACTOR_CODE.disable * width] = next++;
  const perCpu = [ACTOR_CODE.bpf, ACTOR_CODE.irq, ACTOR_CODE.sched, ACTOR_CODE.wake, ACTOR_CODE.cb];
  for (let c = 0; c < n; c++) for (const k of perCpu) bitOf[k * width + c] = next++;
  const indep = new Uint32Array(2 * n);
  for (let c = 0; c < n; c++) {
    let lo = 0;
    let hi = 0;
    for (let k = 0; k < KINDS; k++)
      for (let s = 0; s < width; s++) {
        const b = bitOf[k * width + s];
        if (b < 0) continue;
        const dependent = s === c && (k === ACTOR_CODE.sched || k === ACTOR_CODE.irq || k === ACTOR_CODE.bpf);
        if (dependent) continue;
        if (b < 32) lo |= 1 << b;
        else hi |= 1 << (b - 32);
      }
    indep[2 * c] = lo >>> 0;
    indep[2 * c + 1] = hi >>> 0;
  }
  return { bitOf, n: width, indep };
}

/** The action's bit, or -1 (quiescent-state reports, grace periods and boot are never put to sleep). */
export function sleepBit(t: SleepTables, code: number): number {
  const kind = actorKindOf(code);
  const sub = actorSubOf(code);
  return sub < t.n ? t.bitOf[kind * t.n + sub] : -1;
}

/** Whether bit b is in the set (lo, hi). */
export function inSleep(lo: number, hi: number, b: number): boolean {
  return b >= 0 && (b < 32 ? (lo >>> b) & 1 : (hi >>> (b - 32)) & 1) === 1;
}

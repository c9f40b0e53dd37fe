// The canonical key of a machine state for the exhaustive search (explore.ts): every field that can change
// what the machine does next, and nothing else (no step counter, byte statistics, checker counters or trace).
// Two states with the same key have the same futures, so the search visits each key once.
import type { Machine } from './machine.ts';
import { NONE } from './machine.ts';

/**
 * CPUs whose roles in the scenario script are interchangeable ("idle-symmetric"): not the helper CPU
 * (loaders, the disable kthread and the RCU callbacks run there), no scripted kick from them or to them,
 * no scripted wake-up, and no kick storm. Such a CPU never runs the irq work and is never asked to
 * reschedule, so the only per-CPU fields that can differ between two of them are what the RCU machinery
 * does to them (qsOwed) plus fields that stay equal for all of them (task state, pnt_seq, which every step
 * changes for all of them alike). Their array slots are NOT interchangeable: free_kick_pseqs() and
 * alloc_kick_pseqs() walk the slots in CPU order, so slots stay in place in the key; no step reads a
 * symmetric CPU's slot together with its other per-CPU fields, so permuting only the latter is a bisimulation
 * (qs:c on one side matches qs:c' on the other). Sorted ascending; empty when fewer than two exist.
 */
export function symmetricCpus(m: Machine): number[] {
  const s = m.script;
  if (s.stormKicks > 0) return [];
  const busy = new Set<number>([s.helperCpu]);
  for (const [c, ops] of s.kicks) {
    busy.add(c);
    for (const op of ops) busy.add(op.target);
  }
  for (const c of s.wakes.keys()) busy.add(c);
  const out: number[] = [];
  for (let c = 0; c < m.n; c++) if (!busy.has(c)) out.push(c);
  return out.length >= 2 ? out : [];
}

/**
 * Builds canonical keys. Allocation ids are renamed in order of first reference (ids are only names), grace
 * period numbers are stored relative to the completed count (only differences matter), and, with symmetry,
 * the per-CPU tuples of idle-symmetric CPUs are sorted. O(N + live allocations) per key.
 */
export class StateKeyer {
  private readonly sym: number[];
  private readonly isSym: Uint8Array;
  private buf = new Uint16Array(256);
  private len = 0;
  private remap = new Int32Array(64).fill(-1);
  private order: number[] = [];
  private readonly failAt: number;

  constructor(m: Machine, symmetry: boolean) {
    this.sym = symmetry ? symmetricCpus(m) : [];
    this.isSym = new Uint8Array(m.n);
    for (const c of this.sym) this.isSym[c] = 1;
    this.failAt = m.cfg.failAllocAt;
  }

  /** The CPUs whose per-CPU state is sorted in the key (empty without symmetry). */
  get symmetric(): readonly number[] {
    return this.sym;
  }

  private put(v: number): void {
    if (this.len + 3 > this.buf.length) {
      const b = new Uint16Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    const u = v + 2;
    if (u >= 0 && u < 0xffff && u === Math.floor(u)) this.buf[this.len++] = u;
    else {
      // Escape: anything outside the small-integer range (never seen in practice) as two 16-bit halves.
      const x = v | 0;
      if (x !== v) throw new RangeError(`state key: non-integer field ${v}`);
      this.buf[this.len++] = 0xffff;
      this.buf[this.len++] = x >>> 16;
      this.buf[this.len++] = x & 0xffff;
    }
  }

  /** Canonical name of allocation `id` (NONE stays NONE); new names in order of first reference. */
  private canon(id: number): number {
    if (id < 0) return NONE;
    if (id >= this.remap.length) {
      const r = new Int32Array(Math.max(id + 1, this.remap.length * 2)).fill(-1);
      r.set(this.remap);
      this.remap = r;
    }
    let k = this.remap[id];
    if (k < 0) {
      k = this.remap[id] = this.order.length;
      this.order.push(id);
    }
    return k;
  }

  private putMask(mask: Map<number, number> | undefined): void {
    if (!mask || mask.size === 0) {
      this.put(0);
      return;
    }
    const ts = [...mask.keys()].sort((a, b) => a - b);
    this.put(ts.length);
    for (const t of ts) {
      this.put(t);
      this.put(mask.get(t)!);
    }
  }

  private putCpu(m: Machine, c: number, rel: (gp: number) => number): void {
    this.put(m.pnt[c]);
    this.put(m.taskState[c]);
    this.put(m.needResched[c]);
    this.putMask(m.masks[c]);
    this.put(m.irqPending[c]);
    this.put(m.irqPc[c]);
    this.put(this.canon(m.irqPtr[c]));
    this.put(m.irqShouldWait[c]);
    this.put(m.irqSpinTarget[c]);
    this.put(m.irqSpinSeenPnt[c]);
    this.put(m.irqSpinSeenFreed[c]);
    this.put(m.stormKicksDone[c]);
    this.put(m.kicksDone[c]);
    this.put(m.wakesDone[c]);
    this.put(m.qsOwed[c]);
    const q = m.cbq[c];
    this.put(q.length);
    for (let i = 0; i < q.length; i += 2) {
      this.put(this.canon(q[i]));
      this.put(rel(q[i + 1]));
    }
  }

  private str(from: number, to: number): string {
    let s = '';
    for (let i = from; i < to; i += 4096) s += String.fromCharCode.apply(null, this.buf.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
    return s;
  }

  /** The canonical key of `m`'s state. */
  key(m: Machine): string {
    this.len = 0;
    for (const id of this.order) this.remap[id] = -1;
    this.order.length = 0;
    const done = m.gpCompleted;
    const rel = (gp: number) => (gp > done ? gp - done : 0);

    // Global state.
    this.put(m.halted ? 1 : 0);
    this.put(m.booted ? 1 : 0);
    this.put(m.enableState);
    this.put(m.scxTasks ? 1 : 0);
    this.put(m.mutexOwner);
    this.put(m.bypass ? 1 : 0);
    this.put(m.stormIssued);
    this.put(m.stormWakes);
    // kvzalloc_node() calls matter only while a failure is still ahead.
    this.put(this.failAt >= 0 ? Math.min(m.kvzallocCalls, this.failAt + 1) : 0);
    this.put(m.prWarnOnce ? 1 : 0);
    // WARN_ON_ONCE sites that already fired (a handful of names; sorted so insertion order does not matter).
    const warned = m.warnOnce.size ? [...m.warnOnce].sort().join('\u0002') : '';
    this.put(m.gpInProgress ? 1 : 0);
    this.put(rel(m.maxGpNeeded));
    for (const l of m.loaders) {
      this.put(l.pc);
      this.put(l.cursor);
      this.put(l.phase);
      this.put(this.canon(l.local));
      this.put(l.ret);
    }
    this.put(m.disablePc);
    this.put(m.disableCursor);
    this.put(m.disablePhase);
    this.put(this.canon(m.disableLocal));
    this.put(rel(m.disableSyncGp));

    // Slots stay in CPU order (the alloc and free loops walk them in that order).
    for (let c = 0; c < m.n; c++) this.put(this.canon(m.slot[c]));

    // Per-CPU state: positional for CPUs with a role, sorted tuples for idle-symmetric ones.
    for (let c = 0; c < m.n; c++) if (!this.isSym[c]) this.putCpu(m, c, rel);
    let key: string;
    if (this.sym.length) {
      const tuples: string[] = [];
      for (const c of this.sym) {
        const from = this.len;
        this.putCpu(m, c, rel);
        tuples.push(this.str(from, this.len));
        this.len = from;
      }
      tuples.sort();
      key = tuples.join('\u0001');
    } else key = '';

    // Allocations still referenced, in canonical order: lifecycle state, references and written entries.
    // (Unreferenced ones can no longer affect anything.) Every reference has been named by now.
    this.put(this.order.length);
    for (let i = 0; i < this.order.length; i++) {
      const id = this.order[i];
      this.put(m.allocState[id]);
      this.put(m.allocRefs[id]);
      const wr = m.writes[id];
      if (!wr || wr.size === 0) this.put(0);
      else {
        const ts = [...wr.keys()].sort((a, b) => a - b);
        this.put(ts.length);
        for (const t of ts) {
          this.put(t);
          this.put(wr.get(t)!);
        }
      }
    }
    return this.str(0, this.len) + '\u0000' + key + '\u0000' + warned;
  }
}

// The canonical key of a machine state for the exhaustive search (explore.ts): every field that can change
// what the machine does next, and nothing else (no step counter, byte statistics, checker counters or trace).
// Two states with the same key have the same futures, so the search visits each key once. Each kernel path
// (machine/*.ts) writes its own fields through a KeyWriter; the fields no key part writes, each with its
// reason, are listed in tests/model/machineFields.test.ts, which fails when a field is neither.
import type { Machine } from './machine/core.ts';
import { NONE } from './machine/codes.ts';
import { keySlots, keyAllocations } from './machine/pseqs.ts';
import { keyTask, keyTaskCpu } from './machine/task.ts';
import { keyEnable } from './machine/enable.ts';
import { keyDisable } from './machine/disable.ts';
import { keyKick, keyKickCpu } from './machine/kick.ts';
import { keyRcu, keyRcuCpu } from './machine/rcu.ts';

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

/** What a kernel path's key part writes with (machine/*.ts). */
export interface KeyWriter {
  /** Append one integer field. */
  put(v: number): void;
  /** Canonical name of allocation `id` (NONE stays NONE); new names in order of first reference. */
  canon(id: number): number;
  /** Append a map of small integers (CPU → value), sorted by key; none and empty are the same. */
  putMap(map: Map<number, number> | undefined): void;
  /** A grace-period number relative to the completed count (0 when it is already over). */
  rel(gp: number): number;
  /** The allocations named so far, in canonical order. */
  named(): readonly number[];
}

/**
 * Builds canonical keys. Allocation ids are renamed in order of first reference (ids are only names), grace
 * period numbers are stored relative to the completed count (only differences matter), and, with symmetry,
 * the per-CPU tuples of idle-symmetric CPUs are sorted. O(N + live allocations) per key.
 */
export class StateKeyer implements KeyWriter {
  private readonly sym: number[];
  private readonly isSym: Uint8Array;
  private buf = new Uint16Array(256);
  private len = 0;
  private remap = new Int32Array(64).fill(-1);
  private order: number[] = [];
  private done = 0;
  private readonly warnIds = new Map<string, number>();

  constructor(m: Machine, symmetry: boolean) {
    this.sym = symmetry ? symmetricCpus(m) : [];
    this.isSym = new Uint8Array(m.n);
    for (const c of this.sym) this.isSym[c] = 1;
  }

  /** The CPUs whose per-CPU state is sorted in the key (empty without symmetry). */
  get symmetric(): readonly number[] {
    return this.sym;
  }

  private ensure(words: number): void {
    if (this.len + words <= this.buf.length) return;
    const b = new Uint16Array(Math.max(this.buf.length * 2, this.len + words));
    b.set(this.buf);
    this.buf = b;
  }

  put(v: number): void {
    this.ensure(3);
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

  canon(id: number): number {
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

  putMap(map: Map<number, number> | undefined): void {
    if (!map || map.size === 0) {
      this.put(0);
      return;
    }
    const ts = [...map.keys()].sort((a, b) => a - b);
    this.put(ts.length);
    for (const t of ts) {
      this.put(t);
      this.put(map.get(t)!);
    }
  }

  rel(gp: number): number {
    return gp > this.done ? gp - this.done : 0;
  }

  named(): readonly number[] {
    return this.order;
  }

  private putCpu(m: Machine, c: number): void {
    keyTaskCpu(this, m, c);
    keyKickCpu(this, m, c);
    keyRcuCpu(this, m, c);
  }

  private str(from: number, to: number): string {
    let s = '';
    for (let i = from; i < to; i += 4096)
      s += String.fromCharCode.apply(null, this.buf.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
    return s;
  }

  /** The canonical key of `m`'s state as a string (tests and tools; the search uses encode()). */
  key(m: Machine): string {
    const e = this.encode(m);
    return this.str(0, e.length);
  }

  /**
   * The canonical key of `m`'s state as a packed vector of 16-bit words: global fields, each path's part,
   * the WARN_ON_ONCE sites that fired (interned, sorted), slots, per-CPU fields (positional for CPUs with a
   * role; length-prefixed tuples sorted lexicographically for idle-symmetric ones), then the live
   * allocations. A view into the keyer's buffer, valid until the next call.
   */
  encode(m: Machine): Uint16Array {
    this.len = 0;
    for (const id of this.order) this.remap[id] = -1;
    this.order.length = 0;
    this.done = m.gpCompleted;

    // Global state: what several paths share, then each path's own.
    this.put(m.halted ? 1 : 0);
    this.put(m.enableState);
    this.put(m.scxTasks ? 1 : 0);
    this.put(m.mutexOwner);
    keyTask(this, m);
    keyEnable(this, m);
    keyDisable(this, m);
    keyKick(this, m);
    keyRcu(this, m);
    // WARN_ON_ONCE sites that already fired: a handful of names, interned, sorted so order does not matter.
    this.put(m.warnOnce.size);
    if (m.warnOnce.size) {
      const ids: number[] = [];
      for (const w of m.warnOnce) {
        let id = this.warnIds.get(w);
        if (id === undefined) this.warnIds.set(w, (id = this.warnIds.size));
        ids.push(id);
      }
      ids.sort((a, b) => a - b);
      for (const id of ids) this.put(id);
    }
    keySlots(this, m);

    // Per-CPU state: positional for CPUs with a role, sorted tuples for idle-symmetric ones.
    for (let c = 0; c < m.n; c++) if (!this.isSym[c]) this.putCpu(m, c);
    if (this.sym.length) this.putSortedTuples(m);

    // Every reference has been named by now.
    keyAllocations(this, m);
    return this.buf.subarray(0, this.len);
  }

  /** The idle-symmetric CPUs' tuples, each prefixed with its length, in lexicographic order. */
  private putSortedTuples(m: Machine): void {
    const base = this.len;
    const starts: number[] = [];
    for (const c of this.sym) {
      starts.push(this.len);
      this.putCpu(m, c);
    }
    const end = this.len;
    const b = this.buf;
    const lenOf = (i: number) => (i + 1 < starts.length ? starts[i + 1] : end) - starts[i];
    const order = starts.map((_, i) => i);
    order.sort((x, y) => {
      const lx = lenOf(x),
        ly = lenOf(y);
      const n = Math.min(lx, ly);
      for (let k = 0; k < n; k++) {
        const d = b[starts[x] + k] - b[starts[y] + k];
        if (d) return d;
      }
      return lx - ly;
    });
    const tuples = b.slice(base, end);
    this.len = base;
    this.ensure(end - base + 3 * order.length);
    for (const i of order) {
      this.put(lenOf(i));
      const from = starts[i] - base;
      this.buf.set(tuples.subarray(from, from + lenOf(i)), this.len);
      this.len += lenOf(i);
    }
  }
}

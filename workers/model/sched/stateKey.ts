// The canonical key of a machine state for the exhaustive search (explore.ts): every field that can change
// what the machine does next, and nothing else (no step counter, byte statistics, checker counters or trace).
// Two states with the same key have the same futures, so the search visits each key once. The key is also
// the search's stored form of a state: decodeInto() turns it back into a machine with the same futures (the
// frontier keeps keys, not machines). Which fields, in which order, is described once in stateFields.ts; the
// fields it leaves out, each with its reason, are listed in tests/model/machineFields.test.ts, which fails
// when a field is neither described nor listed, or described but not decoded.
import type { Machine } from './machine/core.ts';
import { NONE } from './machine/codes.ts';
import { allocFields, cpuFields, globalFields, rebuildDerived, resetUnkeyed, type KeyIO } from './stateFields.ts';

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
 * Builds canonical keys and decodes them. Allocation ids are renamed in order of first reference (ids are
 * only names), grace period numbers are stored relative to the completed count (only differences matter),
 * and, with symmetry, the per-CPU tuples of idle-symmetric CPUs are sorted. O(N + live allocations) per key.
 * Words are the field plus 2 (so NONE and -2 fit), 0xffff escaping anything outside 0 … 0xfffd.
 */
export class StateKeyer implements KeyIO {
  private readonly sym: number[];
  private readonly isSym: Uint8Array;
  /** symIndex[c]: c's place in `sym` (-1: not symmetric). */
  private readonly symIndex: Int32Array;
  private buf = new Uint16Array(256);
  private len = 0;
  /** Decode: the vector being read and the read position. */
  private src: Uint16Array = this.buf;
  private pos = 0;
  decoding = false;
  private remap = new Int32Array(64).fill(-1);
  /** The allocations named so far (ids, in canonical order): order[0 … nNamed). */
  private order = new Int32Array(64);
  private nNamed = 0;
  private done = 0;
  private readonly warnIds = new Map<string, number>();
  private readonly warnNames: string[] = [];
  private readonly siteIds: number[] = [];
  private readonly mapKeys: number[] = [];
  /** Encode with symmetry: the tuple order (indices into sym) of the last encode(); see realCpu(). */
  private tupleOrder: number[] = [];
  private starts: number[] = [];

  constructor(m: Machine, symmetry: boolean) {
    this.sym = symmetry ? symmetricCpus(m) : [];
    this.isSym = new Uint8Array(m.n);
    this.symIndex = new Int32Array(m.n).fill(-1);
    this.sym.forEach((c, i) => {
      this.isSym[c] = 1;
      this.symIndex[c] = i;
    });
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

  private put(v: number): void {
    if (this.len + 3 > this.buf.length) this.ensure(3);
    // In int32 arithmetic (fields from Float64Arrays come as doubles; the store stays an integer store).
    const u = (v | 0) + 2;
    if (u >= 0 && u < 0xffff && u - 2 === v) this.buf[this.len++] = u;
    else this.escape(v);
  }

  /** Anything outside the small-integer range (never seen in practice) as 0xffff and two 16-bit halves. */
  private escape(v: number): void {
    const x = v | 0;
    if (x !== v) throw new RangeError(`state key: non-integer field ${v}`);
    this.buf[this.len++] = 0xffff;
    this.buf[this.len++] = x >>> 16;
    this.buf[this.len++] = x & 0xffff;
  }

  private get(): number {
    const w = this.src[this.pos++];
    return w !== 0xffff ? w - 2 : this.unescape();
  }

  private unescape(): number {
    const hi = this.src[this.pos++];
    return (hi << 16) | this.src[this.pos++] | 0;
  }

  // ---- KeyIO: encode appends and gives the field back; decode gives the next value ----------------------

  int(v: number): number {
    if (this.decoding) return this.get();
    this.put(v);
    return v;
  }

  flag(v: boolean): boolean {
    if (this.decoding) return this.get() !== 0;
    this.put(v ? 1 : 0);
    return v;
  }

  ref(id: number): number {
    if (this.decoding) return this.get();
    this.put(this.canon(id));
    return id;
  }

  gp(n: number): number {
    if (this.decoding) return this.get();
    this.put(n > this.done ? n - this.done : 0);
    return n;
  }

  capped(v: number, cap: number): number {
    if (this.decoding) return this.get();
    this.put(v < cap ? v : cap);
    return v;
  }

  count(n: number): number {
    if (this.decoding) return this.get();
    this.put(n);
    return n;
  }

  map(x: Map<number, number> | undefined): Map<number, number> | undefined {
    if (this.decoding) {
      const n = this.get();
      return n === 0 ? undefined : this.fill(new Map<number, number>(), n);
    }
    return this.putMap(x);
  }

  ownMap(x: Map<number, number> | undefined): Map<number, number> | undefined {
    if (this.decoding) {
      const n = this.get();
      if (!x) return n === 0 ? undefined : this.fill(new Map<number, number>(), n);
      return this.refill(x, n);
    }
    return this.putMap(x);
  }

  private fill(out: Map<number, number>, n: number): Map<number, number> {
    for (let i = 0; i < n; i++) {
      const t = this.get();
      out.set(t, this.get());
    }
    return out;
  }

  /**
   * Make `x` hold the next `n` entries, in place (Map.clear() would allocate a new table; most entries are
   * already there when the same state is decoded again).
   */
  private refill(x: Map<number, number>, n: number): Map<number, number> {
    const ks = this.mapKeys;
    for (let i = 0; i < n; i++) {
      const t = (ks[i] = this.get());
      const v = this.get();
      if (x.get(t) !== v) x.set(t, v);
    }
    if (x.size !== n)
      for (const t of x.keys()) {
        let keep = false;
        for (let i = 0; i < n && !keep; i++) keep = ks[i] === t;
        if (!keep) x.delete(t);
      }
    return x;
  }

  /** The entries sorted by key (a few CPUs at most: insertion sort in a scratch array). */
  private putMap(x: Map<number, number> | undefined): Map<number, number> | undefined {
    if (!x || x.size === 0) {
      this.put(0);
      return x;
    }
    this.put(x.size);
    const ts = this.mapKeys;
    let n = 0;
    for (const t of x.keys()) {
      let i = n++;
      while (i > 0 && ts[i - 1] > t) {
        ts[i] = ts[i - 1];
        i--;
      }
      ts[i] = t;
    }
    for (let i = 0; i < n; i++) {
      this.put(ts[i]);
      this.put(x.get(ts[i])!);
    }
    return x;
  }

  sites(s: Set<string>): Set<string> {
    if (this.decoding) {
      const n = this.get();
      if (n === 0) return s.size === 0 ? s : new Set();
      const out = new Set<string>();
      for (let i = 0; i < n; i++) out.add(this.warnNames[this.get()]);
      return out;
    }
    this.put(s.size);
    if (s.size === 0) return s;
    const ids = this.siteIds;
    ids.length = 0;
    for (const w of s) {
      let id = this.warnIds.get(w);
      if (id === undefined) {
        this.warnIds.set(w, (id = this.warnNames.length));
        this.warnNames.push(w);
      }
      ids.push(id);
    }
    ids.sort((a, b) => a - b);
    for (const id of ids) this.put(id);
    return s;
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
      k = this.remap[id] = this.nNamed;
      if (k === this.order.length) {
        const o = new Int32Array(2 * k);
        o.set(this.order);
        this.order = o;
      }
      this.order[this.nNamed++] = id;
    }
    return k;
  }

  namedCount(): number {
    return this.nNamed;
  }

  namedId(i: number): number {
    return this.order[i];
  }

  // ---- whole vectors -----------------------------------------------------------------------------------

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
   * The canonical key of `m`'s state as a packed vector of 16-bit words: the global fields and slots, the
   * per-CPU fields (positional for CPUs with a role; length-prefixed tuples sorted lexicographically for
   * idle-symmetric ones), then the live allocations (stateFields.ts). A view into the keyer's buffer, valid
   * until the next call. Leaves `m` unchanged.
   */
  encode(m: Machine): Uint16Array {
    const n = this.encodeWords(m); // first: it may replace the buffer as it grows
    return this.buf.subarray(0, n);
  }

  /** encode() without making a view: the key is words[0 … the returned length) (the search's hot path). */
  encodeWords(m: Machine): number {
    this.decoding = false;
    this.len = 0;
    for (let i = 0; i < this.nNamed; i++) this.remap[this.order[i]] = -1;
    this.nNamed = 0;
    this.done = m.gpCompleted;
    globalFields(this, m);
    for (let c = 0; c < m.n; c++) if (!this.isSym[c]) cpuFields(this, m, c);
    if (this.sym.length) this.putSortedTuples(m);
    allocFields(this, m);
    return this.len;
  }

  /** The buffer encodeWords() writes into (valid until the next call; it may be replaced as it grows). */
  get words(): Uint16Array {
    return this.buf;
  }

  /**
   * Make `m` (a machine of the same run, e.g. one whose state is no longer needed) a machine with the state
   * `v` encodes: every described field from the vector, allocations renamed 0, 1, … in canonical order,
   * grace periods counted from 0, each interchangeable CPU given the tuple of its sorted place, the derived
   * indices rebuilt and the undescribed fields reset. It then has the same futures as any machine whose key
   * is `v` (with symmetry: up to which interchangeable CPU does what; see realCpu()). `from`, `to`: the
   * vector's words within `v` (a frontier's arena). O(|v| + N).
   */
  decodeInto(m: Machine, v: Uint16Array, from = 0, to = v.length): Machine {
    this.decoding = true;
    this.src = v;
    this.pos = from;
    try {
      resetUnkeyed(m);
      globalFields(this, m);
      for (let c = 0; c < m.n; c++) if (!this.isSym[c]) cpuFields(this, m, c);
      for (const c of this.sym) {
        this.get(); // the tuple's length
        cpuFields(this, m, c);
      }
      allocFields(this, m);
      if (this.pos !== to) throw new Error(`decode: read ${this.pos - from} words of ${to - from}`);
      rebuildDerived(m);
    } finally {
      this.decoding = false;
      this.src = this.buf;
    }
    return m;
  }

  /**
   * With symmetry, the decoded machine's interchangeable CPU `c` stands for a CPU of the machine last
   * encoded: the one whose tuple sorted into c's place. Other CPUs stand for themselves.
   */
  realCpu(c: number): number {
    const i = this.symIndex[c];
    return i < 0 ? c : this.sym[this.tupleOrder[i]];
  }

  /** The idle-symmetric CPUs' tuples, each prefixed with its length, in lexicographic order. */
  private putSortedTuples(m: Machine): void {
    const base = this.len;
    const starts = this.starts;
    starts.length = 0;
    for (const c of this.sym) {
      starts.push(this.len);
      cpuFields(this, m, c);
    }
    const end = this.len;
    const b = this.buf;
    const lenOf = (i: number) => (i + 1 < starts.length ? starts[i + 1] : end) - starts[i];
    const order = this.tupleOrder;
    order.length = 0;
    for (let i = 0; i < starts.length; i++) order.push(i);
    order.sort((x, y) => {
      const lx = lenOf(x),
        ly = lenOf(y);
      const n = Math.min(lx, ly);
      for (let k = 0; k < n; k++) {
        const d = b[starts[x] + k] - b[starts[y] + k];
        if (d) return d;
      }
      return lx - ly || x - y;
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

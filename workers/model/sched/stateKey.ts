// The canonical key of a machine state for the exhaustive search (explore.ts): every field that can change
// what the machine does next, and nothing else (no step counter, byte statistics, checker counters or trace).
// Two states with the same key have the same futures, so the search visits each key once. The key is also
// the search's stored form of a state: decodeInto() turns it back into a machine with the same futures (the
// frontier keeps keys, not machines). Which fields, in which order, is described once in stateFields.ts; the
// fields it leaves out, each with its reason, are listed in tests/model/machineFields.test.ts, which fails
// when a field is neither described nor listed, or described but not decoded.
import type { Machine } from './machine/core.ts';
import { NONE } from './machine/codes.ts';
import {
  allocFields,
  cpuFields,
  cpuIntColumns,
  globalFields,
  rebuildDerived,
  resetUnkeyed,
  type CpuColumn,
  type KeyIO,
} from './stateFields.ts';

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
 * Each field is one byte, its value plus 2 (so NONE and -2 fit), 0xff escaping anything outside -2 … 252; the
 * vector is zero-padded to whole 32-bit words, which the store hashes and compares (padding keeps keys
 * distinct: the encoding is prefix-free, so no key is another one followed by zeros).
 */
export class StateKeyer implements KeyIO {
  private readonly sym: number[];
  private readonly isSym: Uint8Array;
  /** symIndex[c]: c's place in `sym` (-1: not symmetric). */
  private readonly symIndex: Int32Array;
  /** Encode: the vector, as bytes (one per field, 0xff escaping) and as the 32-bit words the store keeps. */
  private buf = new Uint8Array(1024);
  private buf32 = new Uint32Array(this.buf.buffer);
  private len = 0;
  /** Decode: the vector being read (bytes of the words given) and the read position. */
  private src: Uint8Array<ArrayBufferLike> = this.buf;
  private pos = 0;
  /** Decode: the buffer last read, and a byte view of all of it. */
  private srcBuffer: ArrayBufferLike | null = null;
  private srcBytes: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
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

  private ensure(bytes: number): void {
    if (this.len + bytes <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, (this.len + bytes + 3) & ~3));
    b.set(this.buf);
    this.buf = b;
    this.buf32 = new Uint32Array(b.buffer);
  }

  private put(v: number): void {
    // In int32 arithmetic (fields from Float64Arrays come as doubles; the store stays an integer store).
    const u = (v | 0) + 2;
    if (u >= 0 && u < 0xff && u - 2 === v && this.len + 5 <= this.buf.length) this.buf[this.len++] = u;
    else this.putSlow(v);
  }

  /** put() when the buffer is nearly full or the value needs an escape (kept out of line: put() is inlined). */
  private putSlow(v: number): void {
    this.ensure(5);
    const u = (v | 0) + 2;
    if (u >= 0 && u < 0xff && u - 2 === v) this.buf[this.len++] = u;
    else this.escape(v);
  }

  /** Anything outside the small-integer range -2 … 252 as 0xff and the value's four bytes. */
  private escape(v: number): void {
    const x = v | 0;
    if (x !== v) throw new RangeError(`state key: non-integer field ${v}`);
    const b = this.buf;
    b[this.len++] = 0xff;
    b[this.len++] = x >>> 24;
    b[this.len++] = (x >>> 16) & 0xff;
    b[this.len++] = (x >>> 8) & 0xff;
    b[this.len++] = x & 0xff;
  }

  private get(): number {
    const w = this.src[this.pos++];
    return w !== 0xff ? w - 2 : this.unescape();
  }

  private unescape(): number {
    const b = this.src;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3];
  }

  // ---- KeyIO: encode appends and gives the field back; decode gives the next value ----------------------

  int(v: number): number {
    if (this.decoding) return this.get();
    this.put(v);
    return v;
  }

  ints(cols: readonly CpuColumn[], c: number): void {
    if (this.decoding) {
      const src = this.src;
      let pos = this.pos;
      for (let j = 0; j < cols.length; j++) {
        const w = src[pos++];
        if (w !== 0xff) cols[j][c] = w - 2;
        else {
          this.pos = pos;
          cols[j][c] = this.unescape();
          pos = this.pos;
        }
      }
      this.pos = pos;
      return;
    }
    if (this.len + 5 * cols.length > this.buf.length) this.ensure(5 * cols.length);
    const b = this.buf;
    let len = this.len;
    for (let j = 0; j < cols.length; j++) {
      const v = cols[j][c];
      const u = (v | 0) + 2;
      if (u >= 0 && u < 0xff && u - 2 === v) b[len++] = u;
      else {
        this.len = len;
        this.escape(v);
        len = this.len;
      }
    }
    this.len = len;
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

  /** The canonical key of `m`'s state as a string (tests and tools; the search uses encode()). */
  key(m: Machine): string {
    const n = 4 * this.encodeWords(m);
    let s = '';
    for (let i = 0; i < n; i += 4096)
      s += String.fromCharCode.apply(null, this.buf.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
    return s;
  }

  /**
   * The canonical key of `m`'s state as a packed vector of 32-bit words (four field bytes each): the global
   * fields and slots, the per-CPU fields (positional for CPUs with a role; length-prefixed tuples sorted
   * lexicographically for idle-symmetric ones), then the live allocations (stateFields.ts). A view into the
   * keyer's buffer, valid until the next call. Leaves `m` unchanged.
   */
  encode(m: Machine): Uint32Array {
    const n = this.encodeWords(m); // first: it may replace the buffer as it grows
    return this.buf32.subarray(0, n);
  }

  /** encode() without making a view: the key is words[0 … the returned length) (the search's hot path). */
  encodeWords(m: Machine): number {
    this.decoding = false;
    this.len = 0;
    for (let i = 0; i < this.nNamed; i++) this.remap[this.order[i]] = -1;
    this.nNamed = 0;
    this.done = m.gpCompleted;
    globalFields(this, m);
    const cols = cpuIntColumns(m);
    for (let c = 0; c < m.n; c++) if (!this.isSym[c]) cpuFields(this, m, c, cols);
    if (this.sym.length) this.putSortedTuples(m, cols);
    allocFields(this, m);
    // Zero padding to a whole word (put() left room for it).
    const b = this.buf;
    while (this.len & 3) b[this.len++] = 0;
    return this.len >> 2;
  }

  /** The words encodeWords() writes (valid until the next call; replaced as the buffer grows). */
  get words(): Uint32Array {
    return this.buf32;
  }

  /**
   * Make `m` (a machine of the same run, e.g. one whose state is no longer needed) a machine with the state
   * `v` encodes: every described field from the vector, allocations renamed 0, 1, … in canonical order,
   * grace periods counted from 0, each interchangeable CPU given the tuple of its sorted place, the derived
   * indices rebuilt and the undescribed fields reset. It then has the same futures as any machine whose key
   * is `v` (with symmetry: up to which interchangeable CPU does what; see realCpu()). `from`, `to`: the
   * vector's words within `v` (a frontier's arena). O(|v| + N).
   */
  decodeInto(m: Machine, v: Uint32Array, from = 0, to = v.length): Machine {
    this.decoding = true;
    this.src = this.bytesOf(v);
    const end = v.byteOffset + 4 * to;
    this.pos = v.byteOffset + 4 * from;
    try {
      resetUnkeyed(m);
      globalFields(this, m);
      const cols = cpuIntColumns(m);
      for (let c = 0; c < m.n; c++) if (!this.isSym[c]) cpuFields(this, m, c, cols);
      for (const c of this.sym) {
        this.get(); // the tuple's length
        cpuFields(this, m, c, cols);
      }
      allocFields(this, m);
      if (this.pos > end || end - this.pos > 3)
        throw new Error(`decode: read ${this.pos - 4 * from - v.byteOffset} bytes of ${4 * (to - from)}`);
      rebuildDerived(m);
    } finally {
      this.decoding = false;
      this.src = this.buf;
    }
    return m;
  }

  /** Decode: a byte view of the whole buffer under `v` (kept while `v`'s buffer is the same: a frontier's). */
  private bytesOf(v: Uint32Array): Uint8Array<ArrayBufferLike> {
    if (v.buffer !== this.srcBuffer) {
      this.srcBuffer = v.buffer;
      this.srcBytes = new Uint8Array(v.buffer);
    }
    return this.srcBytes;
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
  private putSortedTuples(m: Machine, cols: readonly CpuColumn[]): void {
    const base = this.len;
    const starts = this.starts;
    starts.length = 0;
    for (const c of this.sym) {
      starts.push(this.len);
      cpuFields(this, m, c, cols);
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
    this.ensure(end - base + 5 * order.length + 3);
    for (const i of order) {
      this.put(lenOf(i));
      const from = starts[i] - base;
      this.buf.set(tuples.subarray(from, from + lenOf(i)), this.len);
      this.len += lenOf(i);
    }
  }
}

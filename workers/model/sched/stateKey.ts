// The canonical key of a machine state for the exhaustive search (explore.ts): every field that can change
// what the machine does next, and nothing else (no step counter, byte statistics, checker counters or trace).
// Two states with the same key have the same futures, so the search visits each key once. The key is also
// the search's stored form of a state: decodeInto() turns it back into a machine with the same futures (the
// frontier keeps keys, not machines). Which fields, in which order, is described once in stateFields.ts; the
// fields it leaves out, each with its reason, are listed in tests/model/machineFields.test.ts, which fails
// when a field is neither described nor listed, or described but not decoded.
import type { Machine } from './machine/core.ts';
import { allocFields, cpuFields, cpuIntColumns, globalFields, rebuildDerived, resetUnkeyed, type CpuColumns } from './stateFields.ts';
import { KeyCodec } from './keyCodec.ts';

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
 * Builds canonical keys and decodes them, through the field description (stateFields.ts) and its byte codec
 * (keyCodec.ts); with symmetry, the per-CPU tuples of idle-symmetric CPUs are sorted. O(N + live allocations)
 * per key. The vector is zero-padded to whole 32-bit words, which the store hashes and compares (padding keeps
 * keys distinct: the encoding is prefix-free, so no key is another one followed by zeros).
 */
export class StateKeyer extends KeyCodec {
  private readonly sym: number[];
  private readonly isSym: Uint8Array;
  /** symIndex[c]: c's place in `sym` (-1: not symmetric). */
  private readonly symIndex: Int32Array;
  /** Encode with symmetry: the tuple order (indices into sym) of the last encode(); see realCpu(). */
  private tupleOrder: number[] = [];
  private starts: number[] = [];
  /**
   * Segment bounds (byte offsets) of the last encode, from its start, and of the last decode, in its source:
   * [start, after the global fields, after each CPU with a role, after the interchangeable CPUs' tuples, after
   * the allocations]. restoreInto() compares them.
   */
  private readonly encSeg: Int32Array;
  private readonly decSeg: Int32Array;
  /** What the last decode read: the machine, the buffer and where the vector started (restoreInto() checks). */
  private decoded: Machine | null = null;
  private decodedBuffer: ArrayBufferLike | null = null;
  private decodedAt = -1;
  /** cpuIntColumns() of the machine last encoded or decoded (see columnsOf()). */
  private cols: CpuColumns = { u8: [], i32: [], f64: [] };
  private colsOf: Machine | null = null;
  /** qsSuccessor(): its vector, and where qsOwed sits in a CPU's segment (-1: not at a fixed place). */
  private qsBuf = new Uint32Array(64);
  private qsBytes = new Uint8Array(this.qsBuf.buffer);
  private readonly qsAt: number;
  /** segIndex[c]: the decode segment of CPU c (-1: an interchangeable CPU, inside the sorted tuples). */
  private readonly segIndex: Int32Array;
  /** The machine last encoded (restoreInto() needs it to be the one it restores). */
  private encoded: Machine | null = null;

  constructor(m: Machine, symmetry: boolean) {
    super();
    this.sym = symmetry ? symmetricCpus(m) : [];
    this.isSym = new Uint8Array(m.n);
    this.symIndex = new Int32Array(m.n).fill(-1);
    this.sym.forEach((c, i) => {
      this.isSym[c] = 1;
      this.symIndex[c] = i;
    });
    this.encSeg = new Int32Array(m.n - this.sym.length + 4);
    this.decSeg = new Int32Array(m.n - this.sym.length + 4);
    this.segIndex = new Int32Array(m.n).fill(-1);
    for (let c = 0, s = 1; c < m.n; c++) if (!this.isSym[c]) this.segIndex[c] = s++;
    // A CPU's segment starts with its one-byte columns (values of 0 … 252 are never escaped): qsOwed's byte
    // is at its index among them.
    this.qsAt = cpuIntColumns(m).u8.indexOf(m.qsOwed);
  }

  /**
   * cpuIntColumns(m), made again only for another machine: the search encodes and decodes one machine a
   * million times, and a machine's per-CPU arrays are made with it and never replaced (machine/copy.ts
   * restoreFrom() copies into them; clone() makes a new machine).
   */
  private columnsOf(m: Machine): CpuColumns {
    if (this.colsOf !== m || this.cols.f64[0] !== m.pnt) {
      this.colsOf = m;
      this.cols = cpuIntColumns(m);
    }
    return this.cols;
  }

  /** The CPUs whose per-CPU state is sorted in the key (empty without symmetry). */
  get symmetric(): readonly number[] {
    return this.sym;
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
    this.encoded = m;
    this.startEncode(m.gpCompleted);
    this.walk(m, this.encSeg);
    return this.endEncode();
  }

  /**
   * The whole vector in the description's order, encoded or decoded (this.decoding), each segment's end
   * written to `seg` after its start: [start, globals, each CPU with a role, the interchangeable CPUs' tuples,
   * the allocations].
   */
  private walk(m: Machine, seg: Int32Array): void {
    let s = 0;
    seg[s++] = this.at;
    globalFields(this, m);
    seg[s++] = this.at;
    const cols = this.columnsOf(m);
    for (let c = 0; c < m.n; c++)
      if (!this.isSym[c]) {
        cpuFields(this, m, c, cols);
        seg[s++] = this.at;
      }
    if (this.decoding) this.getTuples(m, cols);
    else if (this.sym.length) this.putSortedTuples(m, cols);
    seg[s++] = this.at;
    allocFields(this, m);
    seg[s] = this.at;
  }

  /** Where the vector is being written (encode) or read (decode). */
  private get at(): number {
    return this.decoding ? this.pos : this.len;
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
    const end = this.startDecode(v, from, to);
    this.decoded = null;
    try {
      resetUnkeyed(m);
      this.walk(m, this.decSeg);
      if (this.pos > end || end - this.pos > 3)
        throw new Error(`decode: read ${this.pos - 4 * from - v.byteOffset} bytes of ${4 * (to - from)}`);
      rebuildDerived(m);
      this.decoded = m;
      this.decodedBuffer = v.buffer;
      this.decodedAt = v.byteOffset + 4 * from;
    } finally {
      this.endDecode();
    }
    return m;
  }

  /** Decode: the interchangeable CPUs' tuples, each given to the CPU of its sorted place. */
  private getTuples(m: Machine, cols: CpuColumns): void {
    for (const c of this.sym) {
      this.get(); // the tuple's length
      cpuFields(this, m, c, cols);
    }
  }

  /**
   * decodeInto(m, v, from, to) for the machine that was last decoded from that same vector and has taken steps
   * since, the last of which encodeWords() has just encoded (the search's next successor of one state): the
   * same machine as a full decode gives, reading only the segments whose bytes the steps changed. A segment
   * whose bytes are equal holds equal fields when no allocation was renamed (canonical order = decoded order),
   * no grace period ended (relative numbers keep their anchor) and the interchangeable CPUs' tuples kept
   * their places; otherwise, and for any other call, this is decodeInto(). The allocations are always read.
   */
  restoreInto(m: Machine, v: Uint32Array, from = 0, to = v.length): Machine {
    if (
      this.decoded !== m ||
      this.encoded !== m ||
      this.decodedBuffer !== v.buffer ||
      this.decodedAt !== v.byteOffset + 4 * from ||
      m.gpCompleted !== 0 ||
      !this.namesKept()
    )
      return this.decodeInto(m, v, from, to);
    this.startDecode(v, from, to);
    const enc = this.encSeg;
    const dec = this.decSeg;
    try {
      resetUnkeyed(m);
      let s = 0;
      if (!this.segmentKept(s)) globalFields(this, m);
      s++;
      const cols = this.columnsOf(m);
      for (let c = 0; c < m.n; c++)
        if (!this.isSym[c]) {
          if (!this.segmentKept(s)) cpuFields(this, m, c, cols);
          s++;
        }
      if (!this.segmentKept(s)) this.getTuples(m, cols);
      s++;
      this.pos = dec[s];
      allocFields(this, m);
      if (this.pos !== dec[s + 1] || enc.length !== dec.length) throw new Error('restore: the allocations did not read back');
      rebuildDerived(m);
    } finally {
      this.endDecode();
    }
    return m;
  }

  /**
   * The key of the successor by qs:c (stepQs(): rcu_note_context_switch() reports CPU c's quiescent state,
   * which clears qsOwed[c] and nothing else a key holds) of the state last decoded from v[from … to), made
   * from that vector by clearing the one byte, without stepping a machine: a view valid until the next call,
   * or null when CPU c's byte has no fixed place (an interchangeable CPU, whose tuple would sort again) or
   * the last decode was of another vector. qs:c must be enabled there (qsOwed[c] = 1).
   */
  qsSuccessor(v: Uint32Array, from: number, to: number, c: number): Uint32Array | null {
    const s = this.segIndex[c];
    if (s < 0 || this.qsAt < 0 || this.decodedBuffer !== v.buffer || this.decodedAt !== v.byteOffset + 4 * from) return null;
    const n = to - from;
    if (this.qsBuf.length < n) {
      this.qsBuf = new Uint32Array(2 * n);
      this.qsBytes = new Uint8Array(this.qsBuf.buffer);
    }
    const out = this.qsBuf;
    for (let i = 0; i < n; i++) out[i] = v[from + i];
    const bytes = this.qsBytes;
    const at = this.decSeg[s] - this.decodedAt + this.qsAt;
    if (bytes[at] !== 1 + 2) throw new Error(`qsSuccessor: CPU ${c} owes no quiescent state`);
    bytes[at] = 0 + 2;
    return out.subarray(0, n);
  }

  /** restoreInto(): every allocation kept its decoded name and the interchangeable CPUs their places. */
  private namesKept(): boolean {
    for (let i = 0; i < this.nNamed; i++) if (this.order[i] !== i) return false;
    const t = this.tupleOrder;
    for (let i = 0; i < t.length; i++) if (t[i] !== i) return false;
    return true;
  }

  /**
   * restoreInto(): whether segment s of the last encode has the bytes it had when decoded (then the machine
   * still holds its fields); if not, the read position is put at its start in the source, to read it again.
   */
  private segmentKept(s: number): boolean {
    const e = this.encSeg[s];
    const d = this.decSeg[s];
    const n = this.encSeg[s + 1] - e;
    this.pos = d;
    if (this.decSeg[s + 1] - d !== n) return false;
    const a = this.buf;
    const b = this.src;
    for (let i = 0; i < n; i++) if (a[e + i] !== b[d + i]) return false;
    return true;
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
  private putSortedTuples(m: Machine, cols: CpuColumns): void {
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

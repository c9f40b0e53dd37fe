// The byte codec under the state key (stateKey.ts): the KeyIO primitives the one field description
// (stateFields.ts) encodes and decodes with. Each field is one byte, its value plus 2 (so NONE and -2 fit),
// 0xff escaping anything outside -2 … 252 with the value's four bytes; allocation ids are renamed in order
// of first reference (ids are only names), grace-period numbers are stored relative to the completed count.
import { NONE } from './machine/codes.ts';
import type { CpuColumns, KeyIO } from './stateFields.ts';

/** The KeyIO primitives over one growable byte buffer (encode) or a vector being read (decode). */
export class KeyCodec implements KeyIO {
  /** Encode: the vector, as bytes (one per field) and as the 32-bit words the store keeps. */
  protected buf = new Uint8Array(1024);
  protected buf32 = new Uint32Array(this.buf.buffer);
  protected len = 0;
  /** Decode: the vector being read (bytes of the words given) and the read position. */
  protected src: Uint8Array<ArrayBufferLike> = this.buf;
  protected pos = 0;
  /** Decode: the buffer last read, and a byte view of all of it. */
  private srcBuffer: ArrayBufferLike | null = null;
  private srcBytes: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  decoding = false;
  private remap = new Int32Array(64).fill(-1);
  /** The allocations named so far (ids, in canonical order): order[0 … nNamed). */
  protected order = new Int32Array(64);
  protected nNamed = 0;
  /** The grace periods completed in the machine being encoded (k.gp() values are relative to it). */
  protected done = 0;
  private readonly warnIds = new Map<string, number>();
  private readonly warnNames: string[] = [];
  private readonly siteIds: number[] = [];
  private readonly mapKeys: number[] = [];

  /** Encode: start a new vector for a machine that completed `done` grace periods. */
  protected startEncode(done: number): void {
    this.decoding = false;
    this.len = 0;
    for (let i = 0; i < this.nNamed; i++) this.remap[this.order[i]] = -1;
    this.nNamed = 0;
    this.done = done;
  }

  /** Encode: zero padding to a whole word (put() leaves room for it); the vector's length in words. */
  protected endEncode(): number {
    const b = this.buf;
    while (this.len & 3) b[this.len++] = 0;
    return this.len >> 2;
  }

  /** Decode: read the vector v[from … to) (words); returns the byte offset where it ends. */
  protected startDecode(v: Uint32Array, from: number, to: number): number {
    this.decoding = true;
    if (v.buffer !== this.srcBuffer) {
      this.srcBuffer = v.buffer;
      this.srcBytes = new Uint8Array(v.buffer);
    }
    this.src = this.srcBytes;
    this.pos = v.byteOffset + 4 * from;
    return v.byteOffset + 4 * to;
  }

  protected endDecode(): void {
    this.decoding = false;
    this.src = this.buf;
  }

  protected ensure(bytes: number): void {
    if (this.len + bytes <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, (this.len + bytes + 3) & ~3));
    b.set(this.buf);
    this.buf = b;
    this.buf32 = new Uint32Array(b.buffer);
  }

  protected put(v: number): void {
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

  protected get(): number {
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

  ints(cols: CpuColumns, c: number): void {
    if (!this.decoding) {
      if (this.len + 5 * 16 > this.buf.length) this.ensure(5 * 16);
      for (const col of cols.u8) this.put(col[c]);
      for (const col of cols.i32) this.put(col[c]);
      for (const col of cols.f64) this.put(col[c]);
      return;
    }
    // One loop per element type, the read position in a local (the search's hottest loop).
    const src = this.src;
    let p = this.pos;
    for (const col of cols.u8) {
      const w = src[p++];
      if (w !== 0xff) col[c] = w - 2;
      else [col[c], p] = this.unescapeAt(p);
    }
    for (const col of cols.i32) {
      const w = src[p++];
      if (w !== 0xff) col[c] = w - 2;
      else [col[c], p] = this.unescapeAt(p);
    }
    for (const col of cols.f64) {
      const w = src[p++];
      if (w !== 0xff) col[c] = w - 2;
      else [col[c], p] = this.unescapeAt(p);
    }
    this.pos = p;
  }

  /** The escaped value whose four bytes start at p, and the position after them. */
  private unescapeAt(p: number): [number, number] {
    this.pos = p;
    return [this.unescape(), this.pos];
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
}

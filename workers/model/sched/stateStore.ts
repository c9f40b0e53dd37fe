// The visited-state store of the exhaustive search (explore.ts): packed state vectors (stateKey.ts encode())
// hashed to 64 bits and kept in an open-addressing table, with no per-state JS object.
// - exact (default): every vector is kept in one growable arena; a hash hit is confirmed word by word, so two
//   different states are never merged.
// - fingerprint (hash compaction): only the 64-bit hash is kept; two states with the same hash are merged,
//   which may (with the probability collisionProbability() gives) hide part of the state space.
// State ids are dense (0, 1, 2, … in insertion order), so the caller keeps parent links in flat arrays.
import { GrowU32, type Growable } from './typed.ts';

/** 64-bit hash of a word vector as two 32-bit halves (two multiply-rotate lanes, murmur3 finalizers). */
export function hash64(v: Uint16Array, out: Uint32Array): void {
  let h1 = 0x9747b28c ^ v.length;
  let h2 = 0x85ebca6b ^ Math.imul(v.length, 0xc2b2ae35);
  const n = v.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const w = v[i] | (v[i + 1] << 16);
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h1 = Math.imul(h1 ^ Math.imul(k, 0x1b873593), 5) + 0xe6546b64;
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 + w, 0x27d4eb2f);
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 ^= h1 >>> 7;
  }
  if (i < n) {
    h1 ^= Math.imul(v[i], 0xcc9e2d51);
    h2 = Math.imul(h2 + v[i], 0x27d4eb2f);
  }
  out[0] = fmix(h1 ^ (h2 >>> 3));
  out[1] = fmix(h2 + Math.imul(h1, 0x165667b1));
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type StoreMode = 'exact' | 'fingerprint';

export class StateStore {
  /** Open-addressing table of state id + 1 (0: empty), linear probing, at most half full. */
  private table = new Int32Array(1 << 16);
  private mask = (1 << 16) - 1;
  private readonly lo = new GrowU32(1 << 12);
  private readonly hi = new GrowU32(1 << 12);
  /** exact: where each state's vector starts in the arena (state i spans start[i]..start[i + 1]). */
  private readonly start = new GrowU32(1 << 12);
  private arena = new Uint16Array(0);
  private used = 0;
  private readonly h = new Uint32Array(2);
  /** The empty slot the last has() found (-1: none). */
  private slot = -1;

  /** `hash`: the 64-bit hash (tests pass a weak one to force collisions). */
  constructor(
    readonly mode: StoreMode = 'exact',
    private readonly hash: (v: Uint16Array, out: Uint32Array) => void = hash64,
  ) {
    if (mode === 'exact') {
      this.arena = new Uint16Array(1 << 16);
      this.start.push(0);
    }
  }

  get size(): number {
    return this.lo.n;
  }

  /** Bytes of typed arrays this store holds (table, hashes, arena and offsets). */
  get bytes(): number {
    return this.table.byteLength + this.lo.a.byteLength + this.hi.a.byteLength + this.start.a.byteLength + this.arena.byteLength;
  }

  /** What `bytes` becomes once one more state of `words` words is added (counting any array that grows). */
  bytesIfAdded(words: number): number {
    const full = (g: Growable<Uint32Array>) => (g.n === g.a.length ? g.a.byteLength : 0);
    let b = this.bytes + full(this.lo) + full(this.hi);
    if (2 * (this.size + 1) > this.table.length) b += this.table.byteLength;
    if (this.mode === 'exact') {
      b += full(this.start);
      if (this.used + words > this.arena.length) b += Math.max(this.arena.byteLength, 2 * (this.used + words) - this.arena.byteLength);
    }
    return b;
  }

  /** Whether the state is stored. */
  has(v: Uint16Array): boolean {
    this.slot = this.find(v);
    return this.slot < 0;
  }

  /** Adds the state; returns its new id, or -1 when it was already stored. */
  add(v: Uint16Array): number {
    return this.has(v) ? -1 : this.addMissing(v);
  }

  /** Adds the state has(v) just said is missing (no other call in between); returns its new id. */
  addMissing(v: Uint16Array): number {
    const i = this.slot;
    if (i < 0) throw new Error('addMissing: the state is stored');
    this.slot = -1;
    const id = this.lo.push(this.h[0]);
    this.hi.push(this.h[1]);
    this.table[i] = id + 1;
    if (this.mode === 'exact') this.append(v);
    if (2 * this.size > this.table.length) this.grow();
    return id;
  }

  /** Hashes v into this.h; -1 when stored, else the empty table slot where it goes. */
  private find(v: Uint16Array): number {
    this.hash(v, this.h);
    const lo = this.h[0],
      hi = this.h[1];
    const t = this.table;
    let i = lo & this.mask;
    for (;;) {
      const e = t[i];
      if (e === 0) return i;
      const id = e - 1;
      if (this.lo.a[id] === lo && this.hi.a[id] === hi && (this.mode === 'fingerprint' || this.equals(id, v))) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /**
   * Hash compaction only: the probability that some two of the stored states share a fingerprint (and one
   * was wrongly taken for the other), about n² / 2^65 for n states and an ideal 64-bit hash. 0 when exact.
   */
  collisionProbability(): number {
    if (this.mode === 'exact') return 0;
    const n = this.size;
    return Math.min(1, (n * (n - 1)) / 2 ** 65);
  }

  private equals(id: number, v: Uint16Array): boolean {
    const s = this.start.a[id];
    if (this.start.a[id + 1] - s !== v.length) return false;
    const a = this.arena;
    for (let k = 0; k < v.length; k++) if (a[s + k] !== v[k]) return false;
    return true;
  }

  private append(v: Uint16Array): void {
    if (this.used + v.length > this.arena.length) {
      const b = new Uint16Array(Math.max(this.arena.length * 2, this.used + v.length));
      b.set(this.arena.subarray(0, this.used));
      this.arena = b;
    }
    this.arena.set(v, this.used);
    this.used += v.length;
    this.start.push(this.used);
  }

  private grow(): void {
    const t = new Int32Array(this.table.length * 2);
    const mask = t.length - 1;
    for (let id = 0; id < this.size; id++) {
      let i = this.lo.a[id] & mask;
      while (t[i] !== 0) i = (i + 1) & mask;
      t[i] = id + 1;
    }
    this.table = t;
    this.mask = mask;
  }
}

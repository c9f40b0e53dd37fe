// The visited-state store of the exhaustive search (explore.ts): packed state vectors (stateKey.ts encode())
// hashed (to 32 bits when stored exactly, 64 as fingerprints) and kept in an open-addressing table, with no
// per-state JS object.
// - exact (default): every vector is kept in one growable arena; a hash hit is confirmed word by word, so two
//   different states are never merged.
// - fingerprint (hash compaction): only the 64-bit hash is kept; two states with the same hash are merged,
//   which may (with the probability collisionProbability() gives) hide part of the state space.
// State ids are dense (0, 1, 2, … in insertion order), so the caller keeps parent links in flat arrays.
import { GrowU32 } from './typed.ts';

/** 64-bit hash of a word vector as two 32-bit halves (two multiply-rotate lanes, murmur3 finalizers). */
export function hash64(v: Uint32Array, out: Uint32Array, n = v.length): void {
  let h1 = 0x9747b28c ^ n;
  let h2 = 0x85ebca6b ^ Math.imul(n, 0xc2b2ae35);
  for (let i = 0; i < n; i++) {
    const w = v[i];
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h1 = Math.imul(h1 ^ Math.imul(k, 0x1b873593), 5) + 0xe6546b64;
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 + w, 0x27d4eb2f);
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 ^= h1 >>> 7;
  }
  out[0] = fmix(h1 ^ (h2 >>> 3));
  out[1] = fmix(h2 + Math.imul(h1, 0x165667b1));
}

/**
 * 32-bit hash of a word vector, in out[0] (the exact store, where a hit is confirmed word by word): per word
 * an xor, a multiply by an odd constant and a rotation (each a bijection of the running hash, so vectors that
 * differ in one word never collide), then murmur3's finalizer.
 */
export function hash32(v: Uint32Array, out: Uint32Array, n = v.length): void {
  let h = 0x9747b28c ^ n;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ v[i], 0x9e3779b1);
    h = (h << 13) | (h >>> 19);
  }
  out[0] = fmix(h);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type StoreMode = 'exact' | 'fingerprint';

/**
 * Open-addressing table with linear probing, at most half full. Each slot holds the state's id + 1 (0: empty)
 * and the hash's low half, and in fingerprint mode also its high half, side by side: a probe reads one cache
 * line, and only a slot whose hash matches touches the arena. Ids are dense (the count so far).
 */
export class StateStore {
  /** Int32 words per slot: [id + 1, lo] (exact) or [id + 1, lo, hi] (fingerprint). */
  private readonly stride: number;
  private table: Int32Array;
  private mask = (1 << 16) - 1;
  private count = 0;
  /** exact: where each state's vector starts in the arena (state i spans start[i]..start[i + 1]). */
  private readonly start = new GrowU32(1 << 12);
  private arena = new Uint32Array(0);
  private used = 0;
  private readonly h = new Uint32Array(2);
  /** The empty slot the last has() found (-1: none). */
  private slot = -1;

  /** `hash`: the hash (tests pass a weak one to force collisions); by default hash32 (exact) or hash64. */
  constructor(
    readonly mode: StoreMode = 'exact',
    private readonly hash: (v: Uint32Array, out: Uint32Array, n: number) => void = mode === 'exact' ? hash32 : hash64,
  ) {
    this.stride = mode === 'exact' ? 2 : 3;
    this.table = new Int32Array((this.mask + 1) * this.stride);
    if (mode === 'exact') {
      this.arena = new Uint32Array(1 << 15);
      this.start.push(0);
    }
  }

  get size(): number {
    return this.count;
  }

  /** Bytes of typed arrays this store holds (table, arena and offsets). */
  get bytes(): number {
    return this.table.byteLength + this.start.a.byteLength + this.arena.byteLength;
  }

  /** What `bytes` becomes once one more state of `words` words is added (counting any array that grows). */
  bytesIfAdded(words: number): number {
    let b = this.bytes;
    if (2 * (this.count + 1) > this.mask + 1) b += this.table.byteLength;
    if (this.mode === 'exact') {
      if (this.start.n === this.start.a.length) b += this.start.a.byteLength;
      if (this.used + words > this.arena.length) b += Math.max(this.arena.byteLength, 4 * (this.used + words) - this.arena.byteLength);
    }
    return b;
  }

  /** Whether the state v[0 … n) is stored. */
  has(v: Uint32Array, n = v.length): boolean {
    this.slot = this.find(v, n);
    return this.slot < 0;
  }

  /** Adds the state; returns its new id, or -1 when it was already stored. */
  add(v: Uint32Array): number {
    return this.has(v) ? -1 : this.addMissing(v);
  }

  /** Adds the state has(v, n) just said is missing (no other call in between); returns its new id. */
  addMissing(v: Uint32Array, n = v.length): number {
    const i = this.slot;
    if (i < 0) throw new Error('addMissing: the state is stored');
    this.slot = -1;
    const id = this.count++;
    const t = this.table;
    const at = i * this.stride;
    t[at] = id + 1;
    t[at + 1] = this.h[0];
    if (this.stride === 3) t[at + 2] = this.h[1];
    if (this.mode === 'exact') this.append(v, n);
    if (2 * this.count > this.mask + 1) this.grow();
    return id;
  }

  /** Hashes v into this.h; -1 when stored, else the empty table slot where it goes. */
  private find(v: Uint32Array, n: number): number {
    this.hash(v, this.h, n);
    const lo = this.h[0] | 0;
    const hi = this.h[1] | 0;
    const t = this.table;
    const stride = this.stride;
    const exact = stride === 2;
    let i = lo & this.mask;
    for (;;) {
      const at = i * stride;
      const e = t[at];
      if (e === 0) return i;
      if (t[at + 1] === lo && (exact ? this.equals(e - 1, v, n) : t[at + 2] === hi)) return -1;
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

  private equals(id: number, v: Uint32Array, n: number): boolean {
    const s = this.start.a[id];
    if (this.start.a[id + 1] - s !== n) return false;
    const a = this.arena;
    for (let k = 0; k < n; k++) if (a[s + k] !== v[k]) return false;
    return true;
  }

  private append(v: Uint32Array, n: number): void {
    if (this.used + n > this.arena.length) {
      const b = new Uint32Array(Math.max(this.arena.length * 2, this.used + n));
      b.set(this.arena.subarray(0, this.used));
      this.arena = b;
    }
    // A loop, not set(): for a vector of tens of words set()'s fixed cost dominates.
    const a = this.arena;
    const at = this.used;
    for (let k = 0; k < n; k++) a[at + k] = v[k];
    this.used += n;
    this.start.push(this.used);
  }

  /** Twice the slots, each entry moved by its stored low hash (no vector is hashed again). */
  private grow(): void {
    const stride = this.stride;
    const old = this.table;
    const slots = 2 * (this.mask + 1);
    const t = new Int32Array(slots * stride);
    const mask = slots - 1;
    for (let at = 0; at < old.length; at += stride) {
      if (old[at] === 0) continue;
      let i = old[at + 1] & mask;
      while (t[i * stride] !== 0) i = (i + 1) & mask;
      for (let k = 0; k < stride; k++) t[i * stride + k] = old[at + k];
    }
    this.table = t;
    this.mask = mask;
  }
}

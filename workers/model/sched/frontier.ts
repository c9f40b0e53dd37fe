// One BFS level of the exhaustive search (explore.ts), packed: each state's key (stateKey.ts encode()) in one
// growing 32-bit arena, with its start offset and its state id. No per-state JS object: a level of 30 k
// states of 25 words holds about 3 MB (whole machines held 6.6 KB each).
import { GrowI32, GrowU32 } from './typed.ts';

export class Frontier {
  words = new Uint32Array(1 << 13);
  used = 0;
  /** start[i] … start[i + 1]: entry i's words (start[0] = 0). */
  readonly start = new GrowU32(1 << 10);
  readonly ids = new GrowI32(1 << 10);
  /** Each entry's sleep set (exploreSleep.ts), low and high words (0 when sleep sets are off). */
  readonly sleepLo = new GrowU32(1 << 10);
  readonly sleepHi = new GrowU32(1 << 10);

  constructor() {
    this.start.push(0);
  }

  get size(): number {
    return this.ids.n;
  }

  /** Bytes of typed arrays held. */
  get bytes(): number {
    return this.words.byteLength + this.start.a.byteLength + this.ids.a.byteLength + this.sleepLo.a.byteLength + this.sleepHi.a.byteLength;
  }

  /** What `bytes` becomes once an entry of `words` words is added (counting any array that grows). */
  bytesIfAdded(words: number): number {
    let b = this.bytes;
    if (this.used + words > this.words.length) b += Math.max(this.words.byteLength, 4 * (this.used + words) - this.words.byteLength);
    if (this.ids.n === this.ids.a.length) b += this.ids.a.byteLength + this.start.a.byteLength + 2 * this.sleepLo.a.byteLength;
    return b;
  }

  /** Appends v[0 … n) with its state id and sleep set. */
  push(v: Uint32Array, id: number, n = v.length, sleepLo = 0, sleepHi = 0): void {
    if (this.used + n > this.words.length) {
      const b = new Uint32Array(Math.max(this.words.length * 2, this.used + n));
      b.set(this.words.subarray(0, this.used));
      this.words = b;
    }
    const w = this.words;
    const at = this.used;
    for (let k = 0; k < n; k++) w[at + k] = v[k];
    this.used += n;
    this.start.push(this.used);
    this.ids.push(id);
    this.sleepLo.push(sleepLo);
    this.sleepHi.push(sleepHi);
  }

  /** Empty, keeping the arrays (the next level reuses them). */
  clear(): void {
    this.used = 0;
    this.start.n = 1;
    this.ids.n = 0;
    this.sleepLo.n = 0;
    this.sleepHi.n = 0;
  }
}

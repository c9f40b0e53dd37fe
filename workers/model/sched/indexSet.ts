/** A set of small integers with O(1) add, remove, has and pick-by-index (for seeded random choices). */
export class IndexSet {
  items: Int32Array;
  pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  has(x: number): boolean {
    return this.pos[x] >= 0;
  }

  add(x: number): void {
    if (this.pos[x] >= 0) return;
    this.pos[x] = this.size;
    this.items[this.size++] = x;
  }

  remove(x: number): void {
    const p = this.pos[x];
    if (p < 0) return;
    const last = this.items[--this.size];
    this.items[p] = last;
    this.pos[last] = p;
    this.pos[x] = -1;
  }

  /** Remove every member. O(size). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.items[i]] = -1;
    this.size = 0;
  }

  /** Become a copy of `src` (same capacity), reusing this set's arrays. */
  copyFrom(src: IndexSet): void {
    if (this.items.length === src.items.length) {
      this.items.set(src.items);
      this.pos.set(src.pos);
    } else {
      this.items = src.items.slice();
      this.pos = src.pos.slice();
    }
    this.size = src.size;
  }

  clone(): IndexSet {
    const s = new IndexSet(0);
    s.items = this.items.slice();
    s.pos = this.pos.slice();
    s.size = this.size;
    return s;
  }
}

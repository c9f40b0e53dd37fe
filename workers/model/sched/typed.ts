/** Any typed array the model grows by copying. */
export type GrowableArray = Int32Array | Uint32Array | Uint8Array | Int16Array | Float64Array;

/** A copy of `a` with capacity `cap` (the tail zeroed). O(cap). */
export function grown<T extends GrowableArray>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** A growable typed array of one element type: push() appends (doubling the capacity when full), done() trims. */
export interface Growable<T extends GrowableArray> {
  a: T;
  n: number;
  push(v: number): number;
  done(): T;
}

/**
 * One growable-array class per element type, all from this one definition. Each call makes its own class, so
 * each push() stays monomorphic in the hot loops that use it (the trace recorder, the explorer's links and
 * state store).
 */
function growable<T extends GrowableArray>(make: new (n: number) => T): new (cap?: number) => Growable<T> {
  return class implements Growable<T> {
    a: T;
    n = 0;
    constructor(cap = 1024) {
      this.a = new make(cap);
    }
    push(v: number): number {
      if (this.n === this.a.length) this.a = grown(this.a, this.a.length * 2);
      this.a[this.n] = v;
      return this.n++;
    }
    done(): T {
      return this.a.slice(0, this.n) as T;
    }
  };
}

export const GrowF64 = growable(Float64Array);
export const GrowI32 = growable(Int32Array);
export const GrowU32 = growable(Uint32Array);

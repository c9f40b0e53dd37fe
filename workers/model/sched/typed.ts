/** Any typed array the model grows by copying. */
export type GrowableArray = Int32Array | Uint32Array | Uint8Array | Int16Array | Float64Array;

/** A copy of `a` with capacity `cap` (the tail zeroed). O(cap). */
export function grown<T extends GrowableArray>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

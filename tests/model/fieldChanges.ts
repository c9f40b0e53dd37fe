// Every way the field tests know to change a machine field in place, found by the value's type (so a new
// field needs no entry here): used by machineFields.test.ts and stateEncoding.prop.test.ts.
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { writeEntry } from '../../workers/model/sched/machine/pseqs.ts';
import { IndexSet } from '../../workers/model/sched/indexSet.ts';

export type Fields = Record<string, unknown>;
export const fieldsOf = (m: Machine) => m as unknown as Fields;
export type Change = (m: Machine) => void;

/** What an empty slot of a per-CPU array may hold (a new array field with empty slots needs its entry). */
const HOLES: Record<string, () => unknown> = {
  masks: () => new Map([[0, 1]]),
  spinOn: () => [0],
};

/**
 * Every way this test knows to change a value in place, found by the value's type (so a new field needs no
 * entry here): numbers, flags and strings; each element of a typed array; each member of an index set;
 * each element, entry or property of a container, recursively; one more element of an array.
 */
function changesAt(value: unknown, get: (m: Machine) => unknown, set: (m: Machine, v: unknown) => void, hole?: () => unknown): Change[] {
  const sub = (k: number | string, v: unknown, h?: () => unknown) =>
    changesAt(
      v,
      (m) => (get(m) as Fields)[k],
      (m, x) => void ((get(m) as Fields)[k] = x),
      h,
    );
  if (typeof value === 'number') return [(m) => set(m, (get(m) as number) + 1), (m) => set(m, (get(m) as number) - 1)];
  if (typeof value === 'boolean') return [(m) => set(m, !get(m))];
  if (typeof value === 'string') return [(m) => set(m, `${get(m) as string}!`)];
  if (value === undefined) return hole ? [(m) => set(m, hole())] : [];
  if (value === null || typeof value !== 'object') return [];
  if (value instanceof IndexSet) {
    return [...value.pos.keys()].map((i) => (m: Machine) => {
      const s = get(m) as IndexSet;
      if (s.has(i)) s.remove(i);
      else s.add(i);
    });
  }
  if (ArrayBuffer.isView(value)) return [...(value as Int32Array).keys()].flatMap((i) => sub(i, (value as Int32Array)[i]));
  if (value instanceof Set) return [(m) => void (get(m) as Set<unknown>).add('__changed__')];
  if (value instanceof Map) {
    const entries = [...value.keys()].flatMap((k) =>
      changesAt(
        value.get(k),
        (m) => (get(m) as Map<unknown, unknown>).get(k),
        (m, x) => void (get(m) as Map<unknown, unknown>).set(k, x),
      ),
    );
    return [(m) => void (get(m) as Map<number, number>).set(1 << 20, 1), ...entries];
  }
  if (Array.isArray(value)) {
    const model: unknown = value.find((e) => e !== undefined);
    const more: Change = (m) => void (get(m) as unknown[]).push(model === undefined ? 0 : structuredClone(model));
    // Every index, holes of a sparse array included (flatMap would skip them).
    return [...[...value.keys()].flatMap((i) => sub(i, value[i] as unknown, hole)), more];
  }
  return Object.keys(value).flatMap((k) => sub(k, (value as Fields)[k]));
}

/** The same, for a field of the machine. */
export function fieldChanges(m: Machine, name: string): Change[] {
  if (name === 'writes') {
    // Copy-on-write by design: the maps are shared between copies and written only through writeEntry().
    const ids = m.writes.flatMap((w, id) => (w ? [id] : []));
    return ids.map((id) => (x: Machine) => writeEntry(x, id, 1 << 20, 1));
  }
  return changesAt(
    fieldsOf(m)[name],
    (x) => fieldsOf(x)[name],
    (x, v) => void (fieldsOf(x)[name] = v),
    HOLES[name],
  );
}

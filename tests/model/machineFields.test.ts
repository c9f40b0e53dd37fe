// A forgotten field cannot hide: this test reflects over the machine's own fields (Object.keys of a real
// Machine) and checks that (a) clone() and restoreFrom() copy every one of them, deeply, and (b) the state
// key (stateKey.ts with each path's key part) covers every one of them, except the fields listed below, each
// with the reason it is deliberately not copied or not keyed. A new field fails here until it is handled.
import { describe, it, expect } from 'vitest';
import { run, type RunRecord } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { machineAt } from '../../workers/model/sched/stepView.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { writeEntry } from '../../workers/model/sched/machine/pseqs.ts';
import { StateKeyer } from '../../workers/model/sched/stateKey.ts';
import { IndexSet } from '../../workers/model/sched/indexSet.ts';
import type { RunConfig } from '../../workers/model/sched/types.ts';

/** Inputs of the run, the same object in every copy, and never part of the state. */
const RUN_INPUTS: Record<string, string> = {
  cfg: 'the run config: immutable, shared by every copy',
  script: 'the scenario script: immutable, shared by every copy',
  n: 'the CPU count: fixed for the run',
};

/** Fields the copy routine deliberately does not copy. */
const NOT_COPIED: Record<string, string> = {
  sink: 'a copy records nothing until given a sink: reset to null',
  gen: 'copy-on-write generation of the write maps: the copy gets a fresh one on purpose',
  curCpu: 'step context: set by apply() before any step reads it',
  curKind: 'step context: set by apply() before any step reads it',
};

/** Fields the state key deliberately leaves out: none of them changes what the machine can do next. */
const UNKEYED: Record<string, string> = {
  step: 'the step counter: the same state reached by two schedules is one state',
  haltReason: 'words for the verdict; `halted` is keyed',
  allocCount: 'allocation ids are only names: the key renames the referenced ones',
  allocCpu: 'report detail of an array (and its owner, whose irq work holds it, is keyed through irqPtr)',
  allocNode: 'report detail of an array',
  allocRequest: 'byte statistics of an array',
  allocConsumed: 'byte statistics of an array',
  allocPath: 'report detail of an array',
  allocFreedStep: 'report detail of an array',
  allocAllocStep: 'report detail of an array',
  writesGen: 'copy-on-write bookkeeping of the write maps',
  gen: 'copy-on-write bookkeeping of the write maps',
  cbPending: 'a count of the keyed callback queues (cbq)',
  owed: 'index of the keyed qsOwed',
  cbCpus: 'index of the non-empty keyed callback queues (cbq)',
  irqActive: 'index for the policies, derived from the keyed irq state',
  spinners: 'index for the policies, derived from the keyed spin state',
  spinOn: 'index for the policies, derived from the keyed spin state',
  reschedSet: 'index of the keyed needResched',
  blocked: 'index of the keyed taskState',
  uafCount: 'checker counter',
  nullDeref: 'checker flag (the machine halts, and halted is keyed)',
  doubleFree: 'checker counter',
  leakedArrays: 'checker counter',
  leakedBytes: 'byte statistics',
  droppedKicks: 'checker counter',
  bootPanic: 'checker flag (the machine halts, and halted is keyed)',
  warnings: 'checker output (the WARN_ON_ONCE sites that fired are keyed through warnOnce)',
  enableErrors: "checker output (each loader's return value is keyed)",
  liveBytes: 'byte statistics',
  waitingBytes: 'byte statistics',
  freedBytes: 'byte statistics',
  sink: 'step context',
  curCpu: 'step context',
  curKind: 'step context',
};

type Fields = Record<string, unknown>;
const fieldsOf = (m: Machine) => m as unknown as Fields;
type Change = (m: Machine) => void;

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
function fieldChanges(m: Machine, name: string): Change[] {
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

// A state in which (nearly) every field holds something: two loaders, the second one's failed enable and
// error path, kicks and irq work, callbacks, a grace period in progress; a kvzalloc failure still ahead.
const CFG: RunConfig = makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 3, failAllocAt: 50 });
const rec: RunRecord = run(CFG);
const richSteps = [Math.floor(rec.result.steps / 3), Math.floor(rec.result.steps / 2), Math.floor((2 * rec.result.steps) / 3)];
const initial = machineAt(rec, 0);
const FIELDS = Object.keys(initial);

describe("the machine's field lists", () => {
  it('name only real fields (no stale entries)', () => {
    for (const name of [...Object.keys(RUN_INPUTS), ...Object.keys(NOT_COPIED), ...Object.keys(UNKEYED)]) expect(FIELDS).toContain(name);
    expect(FIELDS.length).toBeGreaterThan(50);
  });
});

describe('clone() and restoreFrom() copy every field deeply', () => {
  const copied = FIELDS.filter((f) => !(f in RUN_INPUTS) && !(f in NOT_COPIED));
  const copies: [string, (src: Machine) => Machine][] = [
    ['clone()', (src) => src.clone()],
    ['restoreFrom()', (src) => machineAt(rec, 0).restoreFrom(src)],
  ];
  for (const [how, copy] of copies) {
    it.each(copied)(`${how}: %s`, (name) => {
      const rich = machineAt(rec, richSteps[1]);
      // Make the source's value differ from the initial state's, so a field the copy forgets shows.
      const src = rich.clone();
      const keep: Change = () => {};
      const change = [keep, ...fieldChanges(src, name)].find((f) => {
        const probe = rich.clone();
        f(probe);
        return !isEqual(fieldsOf(probe)[name], fieldsOf(initial)[name]);
      });
      expect(change, `no way to make ${name} differ from its initial value`).toBeDefined();
      change!(src);
      const c = copy(src);
      expect(fieldsOf(c)[name], `${how} copies ${name}`).toEqual(fieldsOf(src)[name]);
      // Deep: changing the copy leaves the source alone, and the other way round.
      for (const f of fieldChanges(c, name)) {
        const before = structuredClone(fieldsOf(src)[name]);
        const c2 = copy(src);
        f(c2);
        expect(fieldsOf(src)[name], `${how}: a change to the copy's ${name} shows in the source`).toEqual(before);
        const s2 = src.clone();
        const c3 = copy(s2);
        const copyBefore = structuredClone(fieldsOf(c3)[name]);
        f(s2);
        expect(fieldsOf(c3)[name], `${how}: a change to the source's ${name} shows in the copy`).toEqual(copyBefore);
      }
    });
  }
});

describe('the state key covers every field', () => {
  const keyed = FIELDS.filter((f) => !(f in RUN_INPUTS) && !(f in UNKEYED));
  it.each(keyed)('a change to %s changes the key', (name) => {
    const changed = richSteps.some((k) => {
      const m = machineAt(rec, k);
      const keyer = new StateKeyer(m, false);
      const base = keyer.key(m);
      return fieldChanges(m, name).some((f) => {
        const x = m.clone();
        f(x);
        try {
          return keyer.key(x) !== base;
        } catch {
          return false; // a value of the wrong type for this field: not a state the machine can be in
        }
      });
    });
    expect(changed, `no change to ${name} changes the state key: key it in its path's key part, or list it in UNKEYED with a reason`).toBe(
      true,
    );
  });
  it.each(Object.keys(UNKEYED))('%s, listed as unkeyed, is not in the key', (name) => {
    for (const k of richSteps) {
      const m = machineAt(rec, k);
      const keyer = new StateKeyer(m, false);
      const base = keyer.key(m);
      for (const f of fieldChanges(m, name)) {
        const x = m.clone();
        f(x);
        expect(keyer.key(x), `${name} after step ${k}`).toBe(base);
      }
    }
  });
});

function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

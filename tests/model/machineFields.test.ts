// A forgotten field cannot hide: this test reflects over the machine's own fields (Object.keys of a real
// Machine) and checks that (a) clone() and restoreFrom() copy every one of them, deeply, and (b) the state
// key (the one field description, stateFields.ts) covers every one of them, except the fields listed below,
// each with the reason it is deliberately not copied or not keyed, and (c) the decoder (decodeInto) restores
// every keyed one and rebuilds the derived indices. A new field fails here until it is handled.
import { describe, it, expect } from 'vitest';
import { run, type RunRecord } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { machineAt } from '../../workers/model/sched/stepView.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { StateKeyer } from '../../workers/model/sched/stateKey.ts';
import { fieldChanges, fieldsOf, type Change } from './fieldChanges.ts';
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
    expect(changed, `no change to ${name} changes the state key: describe it in stateFields.ts, or list it in UNKEYED with a reason`).toBe(
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

describe('the decoder restores every field the key covers', () => {
  // Decode each rich state's key into a copy of it whose field `name` was changed (every way this test
  // knows) so that the key shows the change: a field the decoder leaves alone keeps the changed value, and
  // the decoded machine's key then differs from the one decoded.
  const keyed = FIELDS.filter((f) => !(f in RUN_INPUTS) && !(f in UNKEYED));
  it.each(keyed)('decodeInto() sets %s', (name) => {
    let tried = 0;
    for (const k of richSteps) {
      const src = machineAt(rec, k);
      const keyer = new StateKeyer(src, false);
      const want = keyer.key(src);
      const v = keyer.encode(src).slice();
      for (const f of fieldChanges(src, name)) {
        const target = src.clone();
        f(target);
        try {
          if (keyer.key(target) === want) continue; // not visible in the key (an array nothing references)
        } catch {
          continue; // a value of the wrong type for this field: not a state the machine can be in
        }
        if (target.loaders.length !== src.loaders.length) continue; // the script's loaders: fixed for the run
        keyer.decodeInto(target, v);
        expect(keyer.key(target), `${name}: a change to it survives decoding step ${k}`).toBe(want);
        tried++;
      }
    }
    expect(tried, `no change to ${name} shows in the key`).toBeGreaterThan(0);
  });
  it('decoding into the machine of another step gives the decoded key', () => {
    for (const k of richSteps) {
      const src = machineAt(rec, k);
      const keyer = new StateKeyer(src, false);
      const want = keyer.key(src);
      const v = keyer.encode(src).slice();
      for (const other of [0, ...richSteps]) expect(keyer.key(keyer.decodeInto(machineAt(rec, other), v)), `${k} into ${other}`).toBe(want);
    }
  });
  it('rebuilds the derived indices from the fields they index', () => {
    const members = (s: Machine['owed']) => Array.from(s.items.subarray(0, s.size)).sort((a, b) => a - b);
    for (const k of richSteps) {
      const src = machineAt(rec, k);
      const keyer = new StateKeyer(src, false);
      const d = keyer.decodeInto(machineAt(rec, 0), keyer.encode(src).slice());
      for (const name of ['owed', 'cbCpus', 'reschedSet', 'blocked', 'irqActive', 'spinners'] as const)
        expect(members(d[name]), `${name} after step ${k}`).toEqual(members(src[name]));
      expect(d.cbPending).toBe(src.cbPending);
      expect(d.enableErrors).toEqual(src.enableErrors);
      expect(d.spinOn.map((w) => (w?.length ? [...w].sort() : undefined))).toEqual(
        src.spinOn.map((w) => (w?.length ? [...w].sort() : undefined)),
      );
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

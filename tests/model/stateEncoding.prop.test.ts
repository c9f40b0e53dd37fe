// The packed state encoding (stateKey.ts encode()) along random schedules: a clone and a machine restored
// in place (both built by machine/copy.ts, whose clones keep their arrays in one buffer) encode like the
// original and then behave like it; the string key is the encoding word for word; with symmetry, swapping
// which idle CPU reported its quiescent state first gives one encoding. And its decoder (decodeInto): encode,
// decode, encode gives the same words, and the decoded machine steps like the original (every successor has
// the key of the original's matching successor, and trips the same checkers); machines that differ in any
// described per-CPU or global field get different keys; swapping two interchangeable CPUs' state changes
// nothing under symmetry.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { StateKeyer, symmetricCpus } from '../../workers/model/sched/stateKey.ts';
import { checkerHolds, CHECKERS } from '../../workers/model/sched/explore.ts';
import { ACTOR_CODE, actorCode, actorKindOf, actorSubOf } from '../../workers/model/sched/machine/codes.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { PNT_RULES, SCENARIOS, VARIANTS } from '../../workers/model/constants.ts';
import { fieldChanges, fieldsOf } from './fieldChanges.ts';

const words = (v: Uint32Array) => Array.from(v);

describe('state encoding', () => {
  it('clones and in-place restores encode like the original, and keep doing so step after step', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.constantFrom(...VARIANTS),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (scenario, variant, cpus, picks, symmetry) => {
          const cfg = makeRunConfig({ scenario, variant, cpus, stormKicks: 1 });
          const m = createMachine(cfg);
          const keyer = new StateKeyer(m, symmetry);
          const spare = m.clone(); // a machine of the same run, overwritten in place below
          for (const p of picks) {
            const enabled = m.enabledActors();
            if (!enabled.length) break;
            m.apply(enabled[p % enabled.length]);
            const mine = words(keyer.encode(m));
            expect(keyer.key(m)).toBe(String.fromCharCode(...new Uint8Array(Uint32Array.from(mine).buffer)));
            const c = m.clone();
            expect(words(keyer.encode(c))).toEqual(mine);
            spare.restoreFrom(m);
            expect(words(keyer.encode(spare))).toEqual(mine);
            // The copies then step exactly like the original.
            const next = c.enabledActors();
            expect(spare.enabledActors()).toEqual(next);
            if (next.length) {
              const probe = m.clone();
              probe.apply(next[0]);
              c.apply(next[0]);
              expect(words(keyer.encode(c))).toEqual(words(keyer.encode(probe)));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** A machine after following `picks` (each an index into the enabled actors) from the initial state. */
function walk(m: Machine, picks: number[]): Machine {
  for (const p of picks) {
    const enabled = m.enabledActors();
    if (!enabled.length) break;
    m.apply(enabled[p % enabled.length]);
  }
  return m;
}

const NOT_PER_CPU = new Set<number>([ACTOR_CODE.boot, ACTOR_CODE.enable, ACTOR_CODE.disable, ACTOR_CODE.gp]);

/** The event checkers that hold in `m` (cumulative counters), as a comparable list. */
const eventsOf = (m: Machine) => CHECKERS.filter((c) => c !== 'stuck' && c !== 'rcuStall' && checkerHolds(m, c));

describe('state decoding', () => {
  const arb = fc.record({
    scenario: fc.constantFrom(...SCENARIOS),
    variant: fc.constantFrom(...VARIANTS),
    pntRule: fc.constantFrom(...PNT_RULES),
    cpus: fc.integer({ min: 2, max: 6 }),
    picks: fc.array(fc.nat(), { maxLength: 60 }),
    symmetry: fc.boolean(),
  });

  it('encode → decode → encode is the identity, and the decoded machine steps like the original', () => {
    fc.assert(
      fc.property(arb, ({ scenario, variant, pntRule, cpus, picks, symmetry }) => {
        const cfg = makeRunConfig({ scenario, variant, pntRule, cpus, stormKicks: 2 });
        const m = walk(createMachine(cfg), picks);
        const keyer = new StateKeyer(m, symmetry);
        const v = keyer.encode(m).slice();
        // Into a machine of the same run in some other state (the search decodes into one working machine).
        const work = walk(createMachine(cfg), picks.slice(0, picks.length >> 1));
        const d = keyer.decodeInto(work, v);
        expect(Array.from(keyer.encode(d))).toEqual(Array.from(v));
        // The same futures: each enabled actor of the decoded machine stands for one of the original's
        // (with symmetry, its CPU may be another interchangeable one: realCpu), and their successors agree.
        keyer.encode(m); // realCpu() refers to the last encoded machine
        const real = (code: number) =>
          NOT_PER_CPU.has(actorKindOf(code)) ? code : actorCode(actorKindOf(code), keyer.realCpu(actorSubOf(code)));
        const mine = d.enabledActors();
        expect(mine.map(real).sort((a, b) => a - b)).toEqual(m.enabledActors().sort((a, b) => a - b));
        expect(d.halted).toBe(m.halted);
        // d is the working machine itself (each decode below refills it): keep what the steps compare against.
        const warnsBefore = d.warnOnce.size;
        for (const code of mine) {
          const a = keyer.decodeInto(work, v);
          const mapped = real(code);
          a.apply(code);
          const b = m.clone();
          const before = eventsOf(b);
          b.apply(mapped);
          expect(keyer.key(a), `${scenario}/${variant}/${cpus}: after ${code}`).toBe(keyer.key(b));
          // The decoded machine's checker counters start at 0: what it trips is what the step trips.
          expect(eventsOf(a).filter((c) => c !== 'warn')).toEqual(eventsOf(b).filter((c) => c !== 'warn' && !before.includes(c)));
          expect(a.warnOnce.size - warnsBefore).toBe(b.warnOnce.size - m.warnOnce.size);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('machines that differ in any described global or per-CPU field get different keys', () => {
    // Allocation fields are left out: an array no pointer refers to any more is rightly not in the key.
    const perAlloc = new Set(['allocState', 'allocRefs', 'writes']);
    const described = [
      'halted',
      'enableState',
      'scxTasks',
      'mutexOwner',
      'booted',
      'stormWakes',
      'loaders',
      'bypass',
      'disablePc',
      'disableCursor',
      'disablePhase',
      'disableLocal',
      'disableSyncGp',
      'stormIssued',
      'prWarnOnce',
      'gpInProgress',
      'maxGpNeeded',
      'warnOnce',
      'slot',
      'pnt',
      'taskState',
      'needResched',
      'wakesDone',
      'masks',
      'irqPending',
      'irqPc',
      'irqPtr',
      'irqShouldWait',
      'irqSpinTarget',
      'irqSpinSeenPnt',
      'irqSpinSeenFreed',
      'stormKicksDone',
      'kicksDone',
      'qsOwed',
      'cbq',
    ];
    fc.assert(
      fc.property(arb, fc.constantFrom(...described), fc.nat(), ({ scenario, variant, pntRule, cpus, picks }, name, which) => {
        if (perAlloc.has(name)) return;
        const cfg = makeRunConfig({ scenario, variant, pntRule, cpus, stormKicks: 2 });
        const m = walk(createMachine(cfg), picks);
        const keyer = new StateKeyer(m, false);
        const base = keyer.key(m);
        const changes = fieldChanges(m, name).filter((f) => {
          // Pointer fields: a change to another allocation id that names a live array is a different state;
          // an id beyond the arrays ever made is not a state the machine can be in.
          const x = m.clone();
          f(x);
          return sane(x) && (gpView(x) !== gpView(m)) === GP_FIELDS.has(name);
        });
        if (!changes.length) return;
        const x = m.clone();
        changes[which % changes.length](x);
        expect(keyer.key(x), name).not.toBe(base);
      }),
      { numRuns: 400 },
    );
  });

  it('swapping the whole state of two interchangeable CPUs keeps the key under symmetry', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('disable-vs-kick' as const, 'load-while-enabled' as const),
        fc.constantFrom(...VARIANTS),
        fc.integer({ min: 5, max: 7 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.nat(),
        (scenario, variant, cpus, picks, pick) => {
          const cfg = makeRunConfig({ scenario, variant, cpus });
          const m = walk(createMachine(cfg), picks);
          const sym = symmetricCpus(m);
          expect(sym.length).toBeGreaterThanOrEqual(2);
          const a = sym[pick % sym.length];
          const b = sym[(pick + 1) % sym.length];
          const swapped = m.clone();
          // Every per-CPU field except the slots (which stay in place: stateKey.ts symmetricCpus).
          for (const [name, value] of Object.entries(fieldsOf(swapped))) {
            if (name === 'slot' || !(ArrayBuffer.isView(value) || Array.isArray(value)) || (value as ArrayLike<unknown>).length !== cpus)
              continue;
            const arr = value as unknown[];
            [arr[a], arr[b]] = [arr[b], arr[a]];
          }
          expect(new StateKeyer(m, true).key(swapped)).toBe(new StateKeyer(m, true).key(m));
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** Fields that hold grace-period numbers: one that is already over is over, whatever its number. */
const GP_FIELDS = new Set(['disableSyncGp', 'maxGpNeeded', 'cbq']);
/** The grace-period fields as they matter: relative to the completed count, 0 when over. */
function gpView(m: Machine): string {
  const rel = (g: number) => Math.max(0, g - m.gpCompleted);
  return JSON.stringify([rel(m.disableSyncGp), rel(m.maxGpNeeded), m.cbq.map((q) => q.map((x, i) => (i % 2 ? rel(x) : x)))]);
}

/** One entry per CPU and per loader, and pointers that name arrays that exist (what fieldChanges may break). */
function sane(m: Machine): boolean {
  if (m.masks.length !== m.n || m.cbq.length !== m.n || m.loaders.length !== m.script.loaders.length) return false;
  const ok = (id: number) => id === -1 || (id >= 0 && id < m.allocCount);
  if (![...m.slot, ...m.irqPtr, m.disableLocal, ...m.loaders.map((l) => l.local)].every(ok)) return false;
  for (const q of m.cbq) for (let i = 0; i < q.length; i += 2) if (!ok(q[i])) return false;
  return true;
}

describe('long keys', () => {
  it('a key that outgrows the keyer buffer on the way is returned whole and decodes (4097 CPUs)', () => {
    for (const symmetry of [false, true]) {
      const cfg = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 4097 });
      const m = walk(createMachine(cfg), [0, 0, 0]);
      const keyer = new StateKeyer(m, symmetry);
      const v = keyer.encode(m).slice();
      expect(v.length).toBeGreaterThan(4097);
      expect(keyer.key(keyer.decodeInto(createMachine(cfg), v))).toBe(keyer.key(m));
    }
  });
});

// The explorer's restore (stateKey.ts restoreInto()): after a decoded machine took steps and its successor was
// encoded, restoring it from the same vector gives the machine a full decode gives (same key, same enabled
// actors, same derived indices, same successors), whichever segments it read again: along random schedules of
// every scenario, variant and rule, with and without symmetry. And the byte codec (keyCodec.ts): values outside
// one byte's range are escaped, so every integer a field can hold keys apart and decodes exactly.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { StateKeyer } from '../../workers/model/sched/stateKey.ts';
import { ACTOR_CODE, actorCode } from '../../workers/model/sched/machine/codes.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { PNT_RULES, SCENARIOS, VARIANTS } from '../../workers/model/constants.ts';

function walk(m: Machine, picks: readonly number[]): Machine {
  for (const p of picks) {
    const enabled = m.enabledActors();
    if (!enabled.length) break;
    m.apply(enabled[p % enabled.length]);
  }
  return m;
}

/** The members of the derived indices (what rebuildDerived() must leave as a full decode does). */
function derived(m: Machine): number[][] {
  const members = (s: Machine['owed']) => Array.from(s.items.subarray(0, s.size)).sort((a, b) => a - b);
  return [m.owed, m.cbCpus, m.reschedSet, m.blocked, m.irqActive, m.spinners].map(members);
}

describe('restoreInto()', () => {
  const arb = fc.record({
    scenario: fc.constantFrom(...SCENARIOS),
    variant: fc.constantFrom(...VARIANTS),
    pntRule: fc.constantFrom(...PNT_RULES),
    irqDelivery: fc.constantFrom('self-interrupt' as const, 'tick' as const),
    cpus: fc.integer({ min: 2, max: 6 }),
    picks: fc.array(fc.nat(), { maxLength: 50, size: 'max' }),
    /** Per successor: how many further steps it takes before the restore (the search takes none). */
    extra: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 1, maxLength: 8 }),
    symmetry: fc.boolean(),
  });

  it('gives the machine a full decode gives, after any steps, for every successor of a state', () => {
    let restores = 0;
    fc.assert(
      fc.property(arb, ({ scenario, variant, pntRule, irqDelivery, cpus, picks, extra, symmetry }) => {
        const cfg = makeRunConfig({ scenario, variant, pntRule, irqDelivery, cpus, stormKicks: 2 });
        const m = walk(createMachine(cfg), picks);
        const keyer = new StateKeyer(m, symmetry);
        const v = keyer.encode(m).slice();
        // The reference: a full decode by a second keyer (keys of one keyer are compared with each other only;
        // it encodes m first, so that it knows the WARN sites the vector names).
        const ref = new StateKeyer(m, symmetry);
        ref.encode(m);
        const full = ref.decodeInto(createMachine(cfg), v);
        const want = ref.key(full);
        const wantEnabled = full.enabledActors();
        const wantDerived = derived(full);
        const successorKey = (x: Machine, code: number) => {
          const c = x.clone();
          c.apply(code);
          return ref.key(c);
        };
        const wantNext = wantEnabled.map((code) => successorKey(full, code));

        // The search's machine: decoded once, then stepped and restored for each successor in turn.
        const work = keyer.decodeInto(createMachine(cfg), v);
        wantEnabled.forEach((code, i) => {
          if (i > 0) {
            keyer.restoreInto(work, v);
            restores++;
            expect(ref.key(work), `${scenario}/${variant}/${cpus}: restored before successor ${i}`).toBe(want);
            expect(work.enabledActors()).toEqual(wantEnabled);
            expect(derived(work)).toEqual(wantDerived);
            expect(wantEnabled.map((c) => successorKey(work, c))).toEqual(wantNext);
          }
          work.apply(code);
          walk(work, extra[i % extra.length]);
          keyer.encodeWords(work);
        });
      }),
      { numRuns: 300 },
    );
    // Most random states have one successor or none: make sure restores were exercised at all.
    expect(restores).toBeGreaterThan(60);
  });

  it('is a full decode when the machine was not the one last decoded from that vector', () => {
    const cfg = makeRunConfig({ scenario: 'load-while-enabled', variant: 'merged', cpus: 3 });
    const a = walk(createMachine(cfg), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    const b = walk(createMachine(cfg), [0, 0, 0, 0, 0, 1]);
    const keyer = new StateKeyer(a, true);
    const va = keyer.encode(a).slice();
    const vb = keyer.encode(b).slice();
    const work = keyer.decodeInto(createMachine(cfg), va);
    work.apply(work.enabledActors()[0]);
    keyer.encodeWords(work);
    // Restoring from another vector than the one decoded reads all of it.
    expect(keyer.key(keyer.restoreInto(work, vb))).toBe(keyer.key(b));
    // So does restoring a machine that was not the one decoded.
    const other = walk(createMachine(cfg), [0, 0, 0]);
    keyer.encodeWords(other);
    expect(keyer.key(keyer.restoreInto(other, vb))).toBe(keyer.key(b));
  });
});

describe('qsSuccessor()', () => {
  it('is the key of the stepped machine for every enabled qs:c of a CPU with a role, and null for others', () => {
    let patched = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.constantFrom(...VARIANTS),
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.nat(), { maxLength: 60, size: 'max' }),
        fc.boolean(),
        (scenario, variant, cpus, picks, symmetry) => {
          const cfg = makeRunConfig({ scenario, variant, cpus, stormKicks: 2, irqDelivery: 'tick' });
          const m = createMachine(cfg);
          const keyer = new StateKeyer(m, symmetry);
          // Every state along the schedule.
          for (const p of picks) {
            const v = keyer.encode(m).slice();
            const work = keyer.decodeInto(createMachine(cfg), v);
            for (let c = 0; c < cpus; c++) {
              const code = actorCode(ACTOR_CODE.qs, c);
              if (!work.isEnabled(code)) continue;
              const got = keyer.qsSuccessor(v, 0, v.length, c);
              if (keyer.symmetric.includes(c)) {
                expect(got).toBeNull();
                continue;
              }
              expect(got).not.toBeNull();
              const want = work.clone();
              want.apply(code);
              expect(Array.from(got!), `${scenario}/${variant}/${cpus}: qs:${c}`).toEqual(Array.from(keyer.encode(want)));
              patched++;
            }
            const enabled = m.enabledActors();
            if (!enabled.length) break;
            m.apply(enabled[p % enabled.length]);
          }
          const v = keyer.encode(m).slice();
          keyer.decodeInto(createMachine(cfg), v);
          // Only for the vector last decoded.
          const other = keyer.encode(walk(createMachine(cfg), [0])).slice();
          expect(keyer.qsSuccessor(other, 0, other.length, 0)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
    expect(patched).toBeGreaterThan(60);
  });
});

describe('restoreInto() with interchangeable CPUs', () => {
  it('reads the tuples again when the CPUs holding them swapped places, though the sorted bytes are equal', () => {
    const cfg = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 5, irqDelivery: 'tick' });
    const m = createMachine(cfg);
    const keyer = new StateKeyer(m, true);
    const [a, b] = keyer.symmetric;
    // Walk until exactly one of the two interchangeable CPUs owes a quiescent state.
    while (m.qsOwed[a] === m.qsOwed[b]) m.apply(m.enabledActors()[0]);
    const v = keyer.encode(m).slice();
    const full = new StateKeyer(m, true).decodeInto(createMachine(cfg), v);
    const work = keyer.decodeInto(createMachine(cfg), v);
    // A "step" that makes the two CPUs trade their states: same sorted tuples, other CPUs.
    [work.qsOwed[a], work.qsOwed[b]] = [work.qsOwed[b], work.qsOwed[a]];
    expect(Array.from(keyer.encode(work))).toEqual(Array.from(v));
    keyer.restoreInto(work, v);
    expect(Array.from(work.qsOwed)).toEqual(Array.from(full.qsOwed));
    expect(work.enabledActors()).toEqual(full.enabledActors());
  });
});

describe('restoreInto() with renamed allocations', () => {
  it('reads everything again when a pointer now names another array under the same canonical name', () => {
    const cfg = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 3, irqDelivery: 'tick' });
    const m = createMachine(cfg);
    while (!(m.slot[0] >= 0 && m.slot[1] >= 0 && m.slot[2] >= 0)) m.apply(m.enabledActors()[0]);
    // Arrays 1 and 2 differ (a kick wrote into 1), and CPU 1's irq work holds array 1.
    m.irqPtr[1] = m.slot[1];
    m.writes[m.slot[1]] = new Map([[0, 5]]);
    const keyer = new StateKeyer(m, false);
    const v = keyer.encode(m).slice();
    const full = new StateKeyer(m, false).decodeInto(createMachine(cfg), v);
    const work = keyer.decodeInto(createMachine(cfg), v);
    // A "step" that swaps which array slots 1 and 2 point to and moves CPU 1's pointer along: the slots and
    // CPU 1 encode as before (canonical names follow first reference), only the arrays' order changed.
    [work.slot[1], work.slot[2]] = [work.slot[2], work.slot[1]];
    work.irqPtr[1] = work.slot[1];
    keyer.encodeWords(work);
    keyer.restoreInto(work, v);
    expect(keyer.key(work)).toBe(keyer.key(full));
    expect([Array.from(work.slot), Array.from(work.irqPtr)]).toEqual([Array.from(full.slot), Array.from(full.irqPtr)]);
  });
});

describe('restoreInto() after a grace period ended', () => {
  it('reads everything again: grace-period numbers kept their bytes only relative to another anchor', () => {
    const cfg = makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 3, irqDelivery: 'tick' });
    const m = createMachine(cfg);
    while (!m.cbq.some((q) => q.length)) m.apply(m.enabledActors()[0]);
    const c = m.cbq.findIndex((q) => q.length);
    const keyer = new StateKeyer(m, false);
    const v = keyer.encode(m).slice();
    const full = new StateKeyer(m, false).decodeInto(createMachine(cfg), v);
    const work = keyer.decodeInto(createMachine(cfg), v);
    // A "step" after which the callback's grace period is one later, and so is the completed count: CPU c's
    // bytes are as before (relative numbers), its absolute numbers are not.
    work.gpCompleted++;
    work.cbq[c][1]++;
    keyer.encodeWords(work);
    keyer.restoreInto(work, v);
    expect(work.cbq[c]).toEqual(full.cbq[c]);
    expect(keyer.key(work)).toBe(keyer.key(full));
  });
});

describe('the byte codec', () => {
  it('escapes values outside one byte: each keys apart from its neighbours and decodes exactly', () => {
    const cfg = makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 3, stormKicks: 1 });
    const m = walk(createMachine(cfg), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const keyer = new StateKeyer(m, false);
    const values = [-2, -1, 0, 250, 251, 252, 253, 254, 255, 256, 300, 65535, 65536, 70000, -3, -300, 2 ** 31 - 1, -(2 ** 31)];
    const keys = new Set<string>();
    for (const x of values) {
      const c = m.clone();
      c.pnt[1] = x; // a Float64Array column
      c.kicksDone[2] = x; // an Int32Array column
      c.stormIssued = x; // a scalar
      keys.add(keyer.key(c));
      const d = keyer.decodeInto(createMachine(cfg), keyer.encode(c).slice());
      expect([d.pnt[1], d.kicksDone[2], d.stormIssued], `value ${x}`).toEqual([x, x, x]);
      expect(keyer.key(d)).toBe(keyer.key(c));
    }
    expect(keys.size).toBe(values.length);
  });

  it('refuses a field that is not an integer', () => {
    const cfg = makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 3, stormKicks: 1 });
    const m = createMachine(cfg);
    m.pnt[0] = 1.5;
    expect(() => new StateKeyer(m, false).encode(m)).toThrow(/non-integer field 1.5/);
  });
});

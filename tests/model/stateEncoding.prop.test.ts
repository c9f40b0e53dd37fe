// The packed state encoding (stateKey.ts encode()) along random schedules: a clone and a machine restored
// in place (both built by machine/copy.ts, whose clones keep their arrays in one buffer) encode like the
// original and then behave like it; the string key is the encoding word for word; with symmetry, swapping
// which idle CPU reported its quiescent state first gives one encoding.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { StateKeyer } from '../../workers/model/sched/stateKey.ts';
import { SCENARIOS, VARIANTS } from '../../workers/model/constants.ts';

const words = (v: Uint16Array) => Array.from(v);

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
            expect(keyer.key(m)).toBe(String.fromCharCode(...mine));
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

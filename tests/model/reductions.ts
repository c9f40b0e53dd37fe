// Shared by the reduction tests (tests/model and tests/slow): run the unreduced search, then each reduction
// (symmetry, partial-order, both), and check that every reduced search is complete, finds the same verdicts
// with the same shortest-counterexample lengths, and visits no more states.
import { expect } from 'vitest';
import { explore, CHECKERS, type ExploreResult } from '../../workers/model/sched/explore.ts';
import type { RunConfig } from '../../workers/model/sched/types.ts';

export interface ReductionStates {
  base: number;
  sym: number;
  por: number;
  both: number;
}

const verdicts = (r: ExploreResult) => Object.fromEntries(CHECKERS.map((c) => [c, r.violations[c]?.steps ?? null]));

export function compareReductions(cfg: RunConfig): ReductionStates {
  const base = explore(cfg, { symmetry: false, por: false });
  expect(base.complete).toBe(true);
  const states = { base: base.states, sym: 0, por: 0, both: 0 };
  for (const [key, symmetry, por] of [
    ['sym', true, false],
    ['por', false, true],
    ['both', true, true],
  ] as const) {
    const r = explore(cfg, { symmetry, por });
    expect(r.complete, key).toBe(true);
    expect(verdicts(r), key).toEqual(verdicts(base));
    expect(r.states, key).toBeLessThanOrEqual(base.states);
    states[key] = r.states;
  }
  return states;
}

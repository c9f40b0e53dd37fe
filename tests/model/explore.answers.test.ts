// Same answers (issue 12): the packed-state explorer gives every verdict, every shortest-counterexample length
// and every state count that the string-keyed explorer gave (tests/golden/exploreAnswers.json, written from it
// by exploreAnswers.ts before the change), for every scenario × variant × pnt_seq rule at 2–3 CPUs and at 4
// where small. Searches over 50,000 states run in the slow suite (tests/slow/explore.answers.test.ts).
import { describe, it, expect } from 'vitest';
import { explore } from '../../workers/model/sched/explore.ts';
import { answerCases, answerOf, loadAnswers } from './exploreAnswers.ts';

const PINNED = loadAnswers();
const cases = new Map(answerCases().map((c) => [c.key, c.cfg]));

describe('the explorer gives the pinned answers', () => {
  it('pins every case small enough (none lost)', () => {
    expect(PINNED.length).toBeGreaterThanOrEqual(100);
    for (const a of PINNED) expect(cases.has(a.key), a.key).toBe(true);
  });
  for (const a of PINNED.filter((x) => x.states <= 50_000))
    it(a.key, () => {
      expect(answerOf(a.key, explore(cases.get(a.key)!))).toEqual(a);
    });
  it('hash compaction gives the same answers on the larger cases, with a tiny collision probability', () => {
    for (const a of PINNED.filter((x) => x.states > 5_000 && x.states <= 50_000)) {
      const r = explore(cases.get(a.key)!, { store: 'fingerprint' });
      expect(answerOf(a.key, r), a.key).toEqual(a);
      expect(r.collisionProbability, a.key).toBeLessThan(1e-9);
    }
  });
});

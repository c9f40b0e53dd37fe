// The pinned answers too big for the unit suite (tests/model/explore.answers.test.ts has the rest).
import { describe, it, expect } from 'vitest';
import { explore } from '../../workers/model/sched/explore.ts';
import { answerCases, answerOf, loadAnswers } from '../model/exploreAnswers.ts';

const PINNED = loadAnswers();
const cases = new Map(answerCases().map((c) => [c.key, c.cfg]));

describe('the explorer gives the pinned answers (slow)', () => {
  for (const a of PINNED.filter((x) => x.states > 50_000))
    it(a.key, () => {
      expect(answerOf(a.key, explore(cases.get(a.key)!))).toEqual(a);
    });
});

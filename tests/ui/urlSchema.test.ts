// A link's schedule names actors as the model does: every id the model writes must pass the link
// schema's actor-id pattern, and the model must parse it back.
import { describe, expect, it } from 'vitest';
import { parseActor } from '../../workers/model/sched/describe.ts';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import { SCENARIOS } from '../../workers/model/constants.ts';
import { ACTOR_ID_RE } from '../../src/url/urlSchema.ts';

describe('the link schema’s actor ids', () => {
  it('accepts every actor id the model writes, and the model parses them back', () => {
    for (const scenario of SCENARIOS) {
      const r = run(makeRunConfig({ scenario, cpus: 12, stormKicks: 40, policy: 'random', seed: 3 })).result;
      for (const id of new Set(scheduleOf(r))) {
        expect(id).toMatch(ACTOR_ID_RE);
        expect(parseActor(id, r.loaderNames, 12)).not.toBeNull();
      }
    }
  });
});

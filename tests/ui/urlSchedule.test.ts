// Forked schedules in links: compact (300 hand-chosen steps well under 2,000 characters), exact, and
// refused with a reason when truncated, altered or naming actors that do not exist.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { scheduleOf } from '../../workers/model/sched/stepView.ts';
import { decodeSchedule, encodeSchedule, scheduleChecksum, scheduleToText, textToSchedule } from '../../src/url/scheduleCodec.ts';
import { encodeUrlState } from '../../src/url/urlCodec.ts';
import { ACTOR_ID_RE, DEFAULT_URL_STATE } from '../../src/url/urlSchema.ts';
import { actorIdArb } from './urlArbitraries.ts';

const withSum = (tokens: string) => `${tokens}.${scheduleChecksum(tokens)}`;

describe('schedule codec', () => {
  it('writes actor ids as short tokens with a checksum', () => {
    expect(scheduleToText(['boot', 'enable:B', 'irq:12', 'gp', 'qs:0'])).toBe(withSum('oeBi12gq0'));
  });

  it('round-trips any schedule of canonical actor ids', () => {
    fc.assert(
      fc.property(fc.array(actorIdArb, { maxLength: 500 }), (schedule) => {
        for (const id of schedule) expect(id).toMatch(ACTOR_ID_RE);
        expect(decodeSchedule(encodeSchedule(schedule))).toEqual({ ok: true, schedule });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 300 steps of a random interleaving at 8192 CPUs under 2,000 characters', () => {
    const r = run(makeRunConfig({ scenario: 'kick-storm', cpus: 8192, policy: 'random', seed: 5, stormKicks: 400 }), {
      trace: false,
    }).result;
    const schedule = scheduleOf(r, 300);
    expect(schedule).toHaveLength(300);
    const url = `http://127.0.0.1:4177/?${encodeUrlState({ ...DEFAULT_URL_STATE, view: 'races', cpus: 8192, scenario: 'kick-storm', schedule, step: 300 })}`;
    expect(url.length).toBeLessThan(2000);
  });

  it('refuses truncated or altered payloads', () => {
    const enc = encodeSchedule(['boot', 'enable:A', 'enable:A', 'bpf:0', 'irq:0', 'irq:0', 'qs:1', 'gp']);
    const schedule = ['boot', 'enable:A', 'enable:A', 'bpf:0', 'irq:0', 'irq:0', 'qs:1', 'gp'];
    // The last character may hold only padding bits: without it the payload is still whole.
    for (let cut = 0; cut < enc.length; cut++) {
      const d = decodeSchedule(enc.slice(0, cut));
      if (d.ok) expect(d.schedule).toEqual(schedule);
      else expect(d.reason).toBe('is truncated or corrupted');
    }
    expect(decodeSchedule(enc.slice(0, -2)).ok).toBe(false);
    expect(decodeSchedule('').ok).toBe(false);
    expect(decodeSchedule('%%%')).toEqual({ ok: false, reason: 'is truncated or corrupted' });
    expect(decodeSchedule('x'.repeat(300_000))).toEqual({ ok: false, reason: 'is too long' });
  });

  it('refuses actors that do not exist even under a valid checksum', () => {
    expect(textToSchedule(withSum('x1'))).toEqual({ ok: false, reason: 'has an unknown actor kind "x"' });
    expect(textToSchedule(withSum('i'))).toEqual({ ok: false, reason: 'names an actor that does not exist ("i")' });
    expect(textToSchedule(withSum('g3'))).toEqual({ ok: false, reason: 'names an actor that does not exist ("g3")' });
    expect(textToSchedule(withSum('i007'))).toEqual({ ok: false, reason: 'names an actor that does not exist ("i007")' });
    expect(textToSchedule(withSum('o!'))).toEqual({ ok: false, reason: 'has an unreadable actor at character 2' });
    expect(decodeSchedule(LZString.compressToEncodedURIComponent(withSum('oeAx')))).toEqual({
      ok: false,
      reason: 'has an unknown actor kind "x"',
    });
  });
});

// The step bar's sentence: one sentence per step, leading with why the step matters; findings turn it red.
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../workers/model/constants.ts';
import type { EventKind, TraceEvent } from '../../workers/api.ts';
import { isViolation, mainEvent, stepMeaning } from '../../src/races/stepMeaning.ts';

const ev = (kind: EventKind, cpu = 1): TraceEvent => ({
  step: 4,
  cpu,
  actor: 'irq:1',
  fn: 'kick_cpus_irq_workfn',
  kind,
  obj: 0,
  bytes: 0,
  arg: 0,
  line: 0,
  text: `${kind} text`,
});

describe('stepMeaning', () => {
  it('says nothing has run at step 0', () => {
    expect(stepMeaning(0, [])).toMatch(/^Nothing has run yet/);
  });
  it('is one sentence naming the CPU for every event kind', () => {
    for (const k of EVENT_KINDS) {
      const s = stepMeaning(3, [ev(k)]);
      expect(s, k).toMatch(/^CPU 1: [^.]+\.$/);
    }
  });
  it('leads with the finding of a step that has one', () => {
    const events = [ev('slot-load'), ev('uaf', 2)];
    expect(mainEvent(events)?.kind).toBe('uaf');
    expect(isViolation(events)).toBe(true);
    expect(stepMeaning(5, events)).toContain('CPU 2: this is memory corruption');
    expect(isViolation([ev('free'), ev('replace')])).toBe(false);
  });
});

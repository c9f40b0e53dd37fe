// What a step touched, for the CPU grid's emphasis.
import { describe, expect, it } from 'vitest';
import type { EventKind, TraceEvent } from '../../workers/api.ts';
import { cpuList, stepChanges } from '../../src/races/stepChanges.ts';

const ev = (kind: EventKind, cpu: number, arg = -1): TraceEvent => ({
  step: 1,
  cpu,
  actor: 'x',
  fn: 'scx_enable',
  kind,
  obj: 0,
  bytes: 0,
  arg,
  line: 0,
  text: '',
});

describe('stepChanges', () => {
  it('names the CPU of each event and the slot an allocation or publish acts on', () => {
    expect(stepChanges({ cpus: 4, events: [ev('assign', 3, 1), ev('mutex-lock', 3)] })).toEqual({ changed: [1, 3], violated: [] });
  });
  it('puts a CPU where a checker fired among the violations only', () => {
    expect(stepChanges({ cpus: 4, events: [ev('slot-load', 0, 0), ev('uaf', 0, 1)] })).toEqual({ changed: [], violated: [0] });
  });
  it('ignores CPUs outside the machine and steps with no events', () => {
    expect(stepChanges({ cpus: 2, events: [ev('kick', 1, 7)] })).toEqual({ changed: [1], violated: [] });
    expect(stepChanges({ cpus: 2, events: [] })).toEqual({ changed: [], violated: [] });
  });
  it('lists CPUs in words', () => {
    expect(cpuList([3])).toBe('CPU 3');
    expect(cpuList([0, 2])).toBe('CPUs 0, 2');
    expect(cpuList([0, 1, 2, 3, 4, 5, 6, 7], 3)).toBe('CPUs 0, 1, 2, … (8 in all)');
  });
});

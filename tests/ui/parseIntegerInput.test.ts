import { describe, expect, it } from 'vitest';
import { parseIntegerInput, type IntegerRange } from '../../src/memory/parseIntegerInput.ts';

const CPUS: IntegerRange = { min: 1, max: 16384, noun: 'CPU', maxReason: 'twice the largest mainline NR_CPUS' };

describe('parseIntegerInput', () => {
  it('accepts whole numbers in range', () => {
    expect(parseIntegerInput('4097', CPUS)).toEqual({ kind: 'ok', value: 4097 });
    expect(parseIntegerInput(' 1 ', CPUS)).toEqual({ kind: 'ok', value: 1 });
  });

  it('clamps out-of-range input and says why', () => {
    expect(parseIntegerInput('20000', CPUS)).toEqual({
      kind: 'adjusted',
      value: 16384,
      message: '20000 is above the maximum of 16384 CPUs (twice the largest mainline NR_CPUS); using 16384.',
    });
    expect(parseIntegerInput('-3', CPUS)).toEqual({
      kind: 'adjusted',
      value: 1,
      message: '-3 is below the minimum of 1 CPU; using 1.',
    });
  });

  it('rounds fractions, and clamps the rounded value', () => {
    expect(parseIntegerInput('12.5', CPUS)).toMatchObject({ kind: 'adjusted', value: 13 });
    expect(parseIntegerInput('16384.4', CPUS)).toMatchObject({ kind: 'adjusted', value: 16384 });
    expect(parseIntegerInput('0.6', CPUS)).toMatchObject({ kind: 'adjusted', value: 1 });
  });

  it('treats empty text as "still typing" and unreadable text as invalid, never throwing', () => {
    expect(parseIntegerInput('', CPUS)).toEqual({ kind: 'empty' });
    expect(parseIntegerInput('', CPUS, true)).toMatchObject({ kind: 'invalid' });
    expect(parseIntegerInput('abc', CPUS)).toMatchObject({ kind: 'invalid' });
    expect(parseIntegerInput('Infinity', CPUS)).toMatchObject({ kind: 'invalid' });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CPU_LADDER,
  SLIDER_MAX_POSITION,
  cpusToPosition,
  positionToCpus,
  stepCpusDown,
  stepCpusUp,
} from '../../src/memory/cpuSliderScale.ts';

describe('the CPUs slider mapping', () => {
  it('reaches 1 at the first position and 16384 at the last', () => {
    expect(positionToCpus(0)).toBe(1);
    expect(positionToCpus(SLIDER_MAX_POSITION)).toBe(16384);
  });

  it('is strictly increasing, so dragging right never lowers N', () => {
    for (let p = 1; p <= SLIDER_MAX_POSITION; p++) expect(positionToCpus(p)).toBeGreaterThan(positionToCpus(p - 1));
  });

  it('round-trips every position', () => {
    for (let p = 0; p <= SLIDER_MAX_POSITION; p++) expect(cpusToPosition(positionToCpus(p))).toBe(p);
  });

  it('has every count up to 16 and both sides of each threshold as exact stops', () => {
    for (let n = 1; n <= 16; n++) expect(CPU_LADDER).toContain(n);
    for (const n of [510, 511, 1022, 1023, 4096, 4097, 8192, 8193, 16384]) expect(positionToCpus(cpusToPosition(n))).toBe(n);
  });

  it('feels logarithmic: above 16 every doubling of N gets about 16 stops (at least 15), below it every integer is a stop', () => {
    const span = (a: number, b: number) => cpusToPosition(b) - cpusToPosition(a);
    expect(span(1, 16)).toBe(15);
    for (let n = 16; n < 16384; n *= 2) expect(span(n, 2 * n)).toBeGreaterThanOrEqual(15);
    expect(span(16, 16384)).toBeLessThan(SLIDER_MAX_POSITION);
  });

  it('shows an off-ladder N at the rung below it and steps to the neighbouring rungs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), (n) => {
        const p = cpusToPosition(n);
        expect(positionToCpus(p)).toBeLessThanOrEqual(n);
        if (n < 16384) {
          const up = stepCpusUp(n);
          expect(up).toBeGreaterThan(n);
          expect(CPU_LADDER.some((v) => v > n && v < up)).toBe(false);
        } else expect(stepCpusUp(n)).toBe(16384);
        if (n > 1) {
          const down = stepCpusDown(n);
          expect(down).toBeLessThan(n);
          expect(CPU_LADDER.some((v) => v < n && v > down)).toBe(false);
        } else expect(stepCpusDown(n)).toBe(1);
      }),
    );
  });

  it('clamps and rounds positions outside the track', () => {
    expect(positionToCpus(-5)).toBe(1);
    expect(positionToCpus(SLIDER_MAX_POSITION + 10)).toBe(16384);
    expect(positionToCpus(2.4)).toBe(positionToCpus(2));
  });
});

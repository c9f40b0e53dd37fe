// Play under prefers-reduced-motion: capped at one step per second, otherwise the chosen speed.
import { describe, expect, it } from 'vitest';
import { RACE_SPEEDS } from '../../src/state/racesSlice.ts';
import { effectivePlaySpeed, REDUCED_MOTION_MAX_SPEED } from '../../src/races/reducedMotion.ts';

describe('effectivePlaySpeed', () => {
  it('is the chosen speed without reduced motion', () => {
    for (const s of RACE_SPEEDS) expect(effectivePlaySpeed(s, false)).toBe(s);
  });
  it('never exceeds one step per second with reduced motion, and never speeds up a slower choice', () => {
    expect(REDUCED_MOTION_MAX_SPEED).toBe(1);
    for (const s of RACE_SPEEDS) expect(effectivePlaySpeed(s, true)).toBe(Math.min(s, 1));
    expect(effectivePlaySpeed(0.5, true)).toBe(0.5);
  });
});

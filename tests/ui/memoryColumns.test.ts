// Memory over time per pixel column: maxima of change-point series, against a per-step oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryAt, memoryColumns } from '../../src/races/memoryColumns.ts';

function makeSeries(points: { gap: number; live: number; waiting: number; leaked: number }[]) {
  let step = 0;
  const steps = points.map((p, i) => (i === 0 ? 0 : (step += p.gap)));
  return {
    step: Uint32Array.from(steps),
    live: Float64Array.from(points, (p) => p.live),
    waiting: Float64Array.from(points, (p) => p.waiting),
    leaked: Float64Array.from(points, (p) => p.leaked),
  };
}

const pointArb = fc.record({
  gap: fc.integer({ min: 1, max: 20 }),
  live: fc.integer({ min: 0, max: 1000 }),
  waiting: fc.integer({ min: 0, max: 1000 }),
  leaked: fc.integer({ min: 0, max: 1000 }),
});

describe('memoryAt', () => {
  it('reads the last entry at or before the step', () => {
    const s = makeSeries([
      { gap: 0, live: 0, waiting: 0, leaked: 0 },
      { gap: 5, live: 64, waiting: 0, leaked: 0 },
      { gap: 3, live: 0, waiting: 64, leaked: 0 },
    ]);
    expect(memoryAt(s, 4).live).toBe(0);
    expect(memoryAt(s, 5).live).toBe(64);
    expect(memoryAt(s, 100).waiting).toBe(64);
  });
});

describe('memoryColumns', () => {
  it('equals the max over the integer steps of each column (naive per-step oracle)', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 60 }), (points, cols) => {
        const s = makeSeries(points);
        const lastStep = s.step[s.step.length - 1] + 5;
        // One column per step: column c is exactly step c.
        const c = memoryColumns(s, 0, cols, cols, lastStep);
        for (let k = 0; k < cols; k++) {
          const v = k <= lastStep ? memoryAt(s, k) : { live: 0, waiting: 0, leaked: 0 };
          expect(c.live[k]).toBe(v.live);
          expect(c.liveWaiting[k]).toBe(v.live + v.waiting);
          expect(c.total[k]).toBe(v.live + v.waiting + v.leaked);
        }
      }),
    );
  });

  it('keeps a one-step spike visible in a column of many steps', () => {
    const s = makeSeries([
      { gap: 0, live: 0, waiting: 0, leaked: 0 },
      { gap: 500, live: 4096, waiting: 0, leaked: 0 },
      { gap: 1, live: 0, waiting: 0, leaked: 0 },
    ]);
    const c = memoryColumns(s, 0, 1000, 10, 1000);
    expect(c.live[5]).toBe(4096);
    expect(c.live[4]).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStepEmphasis, EMPHASIS_MS, lanesWithMarksAt } from '../../src/charts/timeline/stepEmphasis.ts';
import type { TimelineMarks } from '../../src/charts/timeline/timelineIndex.ts';

const marksOf = (items: [step: number, row: number][]): TimelineMarks => ({
  count: items.length,
  step: Float64Array.from(items.map(([s]) => s)),
  row: Int32Array.from(items.map(([, r]) => r)),
  cat: new Uint8Array(items.length),
  ref: new Int32Array(items.length).fill(-1),
  alsoRow: new Int32Array(items.length).fill(-1),
});

describe('lanesWithMarksAt', () => {
  // Rows 0..4; row 3 is not shown; rows 1 and 2 share lane 1 (a block lane).
  const laneOfRow = Int32Array.from([0, 1, 1, -1, 2]);
  const marks = marksOf([
    [2, 0],
    [3, 4],
    [3, 2],
    [3, 1],
    [3, 3],
    [4, 0],
  ]);

  it('gives each lane with a mark at exactly the step, once, ascending', () => {
    expect(lanesWithMarksAt(marks, laneOfRow, 3)).toEqual([1, 2]);
    expect(lanesWithMarksAt(marks, laneOfRow, 2)).toEqual([0]);
    expect(lanesWithMarksAt(marks, laneOfRow, 4)).toEqual([0]);
  });

  it('gives nothing between marks, before the first or after the last', () => {
    expect(lanesWithMarksAt(marks, laneOfRow, 3.5)).toEqual([]);
    expect(lanesWithMarksAt(marks, laneOfRow, 0)).toEqual([]);
    expect(lanesWithMarksAt(marks, laneOfRow, 9)).toEqual([]);
  });

  it('matches a naive filter on a larger trace', () => {
    const items: [number, number][] = [];
    for (let i = 0; i < 300; i++) items.push([Math.floor(i / 3), (i * 7) % 5]);
    const big = marksOf(items);
    for (let step = 0; step < 101; step++) {
      const naive = [...new Set(items.filter(([s]) => s === step).map(([, r]) => laneOfRow[r]))].filter((l) => l >= 0);
      expect(lanesWithMarksAt(big, laneOfRow, step)).toEqual(naive.sort((a, b) => a - b));
    }
  });
});

describe('createStepEmphasis', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('emphasises a new step for a moment, then asks for a redraw without it', () => {
    const onEnd = vi.fn();
    const e = createStepEmphasis(onEnd);
    expect(e.step()).toBe(-1);
    expect(e.start(5)).toBe(true);
    expect(e.step()).toBe(5);
    vi.advanceTimersByTime(EMPHASIS_MS - 1);
    expect(onEnd).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(e.step()).toBe(-1);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('ignores the same step again and restarts the moment on another one', () => {
    const onEnd = vi.fn();
    const e = createStepEmphasis(onEnd);
    e.start(5);
    vi.advanceTimersByTime(EMPHASIS_MS / 2);
    expect(e.start(5)).toBe(false);
    expect(e.start(6)).toBe(true);
    vi.advanceTimersByTime(EMPHASIS_MS - 1);
    expect(e.step()).toBe(6);
    expect(onEnd).not.toHaveBeenCalled();
    e.stop();
    vi.advanceTimersByTime(EMPHASIS_MS);
    expect(onEnd).not.toHaveBeenCalled();
  });
});

// The timeline's binary-search windows and pixel merges against naive oracles (STYLE.md: index versus
// a naive filter), with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeRowsBoth,
  activeRowsInWindow,
  createRowMarkBuckets,
  createSpans,
  findNearestMark,
  findVisibleMarks,
  forEachSpanInWindow,
  mergeMarksToRuns,
  mergeSpansToRuns,
  stepToPx,
  type StepScale,
  type TimelineMarks,
} from '../../src/charts/timeline/timelineIndex.ts';

interface RawMark {
  step: number;
  row: number;
  cat: number;
  alsoRow: number;
}
interface RawSpan {
  start: number;
  length: number;
  row: number;
  cat: number;
}

const ROWS = 6;
const CATS = 4;

function makeMarks(raw: RawMark[]): TimelineMarks {
  const sorted = [...raw].sort((a, b) => a.step - b.step);
  return {
    count: sorted.length,
    step: Float64Array.from(sorted, (m) => m.step),
    row: Int32Array.from(sorted, (m) => m.row),
    cat: Uint8Array.from(sorted, (m) => m.cat),
    ref: Int32Array.from(sorted, (_, i) => i),
    alsoRow: Int32Array.from(sorted, (m) => m.alsoRow),
  };
}

function makeSpans(raw: RawSpan[]) {
  return createSpans(
    raw.map((s) => s.start),
    raw.map((s) => s.start + s.length),
    raw.map((s) => s.row),
    raw.map((s) => s.cat),
  );
}

const markArb = fc.record({
  step: fc.integer({ min: 0, max: 400 }),
  row: fc.integer({ min: 0, max: ROWS - 1 }),
  cat: fc.integer({ min: 0, max: CATS - 1 }),
  alsoRow: fc.integer({ min: -1, max: ROWS - 1 }),
});
const spanArb = fc.record({
  start: fc.integer({ min: 0, max: 400 }),
  length: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 400 })),
  row: fc.integer({ min: 0, max: ROWS - 1 }),
  cat: fc.integer({ min: 0, max: CATS - 1 }),
});
const windowArb = fc
  .tuple(fc.double({ min: -20, max: 420, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true }))
  .map(([start, width]) => [start, start + width] as const);

describe('findVisibleMarks', () => {
  it('returns exactly the marks a filter over all marks finds', () => {
    fc.assert(
      fc.property(fc.array(markArb, { maxLength: 200 }), windowArb, (raw, [start, end]) => {
        const marks = makeMarks(raw);
        const [lo, hi] = findVisibleMarks(marks, start, end);
        const expected: number[] = [];
        for (let i = 0; i < marks.count; i++) if (marks.step[i] >= start && marks.step[i] <= end) expected.push(i);
        expect(Array.from({ length: hi - lo }, (_, k) => lo + k)).toEqual(expected);
      }),
    );
  });

  it('is empty for a window before every mark', () => {
    const marks = makeMarks([{ step: 5, row: 0, cat: 0, alsoRow: -1 }]);
    expect(findVisibleMarks(marks, 0, 4)).toEqual([0, 0]);
  });
});

describe('forEachSpanInWindow', () => {
  it('visits exactly the spans that overlap the window, in start order', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 200 }), windowArb, (raw, [start, end]) => {
        const spans = makeSpans(raw);
        const visited: number[] = [];
        forEachSpanInWindow(spans, start, end, (i) => visited.push(i));
        const expected: number[] = [];
        for (let i = 0; i < spans.count; i++) if (spans.start[i] <= end && spans.end[i] >= start) expected.push(i);
        expect(visited).toEqual(expected);
      }),
    );
  });

  it('sorts spans by start and records the longest duration', () => {
    const spans = makeSpans([
      { start: 9, length: 1, row: 0, cat: 0 },
      { start: 2, length: 30, row: 1, cat: 1 },
    ]);
    expect(Array.from(spans.start)).toEqual([2, 9]);
    expect(spans.maxDurationSteps).toBe(30);
  });
});

const scaleArb = fc.record({
  startStep: fc.integer({ min: 0, max: 100 }),
  pxPerStep: fc.double({ min: 0.05, max: 20, noNaN: true }),
  originPx: fc.constant(0),
});

function coveredColumns(runs: number[]): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k < runs.length; k += 3) for (let x = runs[k + 1]; x < runs[k + 1] + runs[k + 2]; x++) out.add(`${runs[k]}/${x}`);
  return out;
}

describe('mergeMarksToRuns', () => {
  it('covers the columns of every mark and nothing else, with runs that never touch', () => {
    fc.assert(
      fc.property(
        fc.array(markArb, { maxLength: 150 }),
        scaleArb,
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: -1, max: 2 }), { minLength: ROWS, maxLength: ROWS }),
        (raw, scale: StepScale, widthPx, lanes) => {
          const marks = makeMarks(raw);
          const laneOfRow = Int32Array.from(lanes);
          const { runs, total } = mergeMarksToRuns(marks, 0, marks.count, scale, laneOfRow, 3, CATS, widthPx);
          let counted = 0;
          for (let c = 0; c < CATS; c++) {
            counted += runs[c].length / 3;
            const expected = new Set<string>();
            for (let i = 0; i < marks.count; i++) {
              if (marks.cat[i] !== c || laneOfRow[marks.row[i]] < 0) continue;
              const x0 = Math.floor(stepToPx(scale, marks.step[i]) - widthPx / 2);
              for (let x = x0; x < x0 + widthPx; x++) expected.add(`${laneOfRow[marks.row[i]]}/${x}`);
            }
            expect(coveredColumns(runs[c])).toEqual(expected);
            // Merged: two runs of one lane never overlap or touch.
            const byLane = new Map<number, [number, number][]>();
            for (let k = 0; k < runs[c].length; k += 3) {
              const list = byLane.get(runs[c][k]) ?? [];
              list.push([runs[c][k + 1], runs[c][k + 1] + runs[c][k + 2]]);
              byLane.set(runs[c][k], list);
            }
            for (const list of byLane.values()) {
              list.sort((a, b) => a[0] - b[0]);
              for (let k = 1; k < list.length; k++) expect(list[k][0]).toBeGreaterThan(list[k - 1][1]);
            }
          }
          expect(total).toBe(counted);
        },
      ),
    );
  });

  it('merges a thousand marks in one pixel column into one run', () => {
    const raw = Array.from({ length: 1000 }, (_, i) => ({ step: 10 + i / 1000, row: 0, cat: 1, alsoRow: -1 }));
    const { runs, total } = mergeMarksToRuns(
      makeMarks(raw),
      0,
      1000,
      { startStep: 0, pxPerStep: 1, originPx: 0 },
      Int32Array.of(0),
      1,
      2,
      1,
    );
    expect(total).toBe(1);
    expect(runs[1]).toEqual([0, 9, 2]);
  });
});

describe('mergeSpansToRuns', () => {
  it('covers exactly the clipped pixel columns of the visible spans', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 80 }), scaleArb, fc.integer({ min: 20, max: 300 }), (raw, scale: StepScale, widthPx) => {
        const spans = makeSpans(raw);
        const laneOfRow = Int32Array.from({ length: ROWS }, (_, r) => (r === 5 ? -1 : r % 3));
        const startStep = scale.startStep;
        const endStep = startStep + widthPx / scale.pxPerStep;
        const { runs } = mergeSpansToRuns(spans, startStep, endStep, scale, widthPx, laneOfRow, 3, CATS);
        for (let c = 0; c < CATS; c++) {
          const expected = new Set<string>();
          for (let i = 0; i < spans.count; i++) {
            if (spans.cat[i] !== c || laneOfRow[spans.row[i]] < 0) continue;
            if (spans.start[i] > endStep || spans.end[i] < startStep) continue;
            const a = Math.floor(stepToPx(scale, spans.start[i]));
            let b = Math.floor(stepToPx(scale, spans.end[i]));
            if (b <= a) b = a + 1;
            for (let x = Math.max(0, a); x < Math.min(Math.ceil(widthPx), b); x++) expected.add(`${laneOfRow[spans.row[i]]}/${x}`);
          }
          expect(coveredColumns(runs[c])).toEqual(expected);
        }
      }),
    );
  });
});

describe('activeRowsInWindow', () => {
  it('flags rows with a mark, a span edge, or a covering span of a counted category', () => {
    fc.assert(
      fc.property(
        fc.array(markArb, { maxLength: 80 }),
        fc.array(spanArb, { maxLength: 80 }),
        windowArb,
        (rawMarks, rawSpans, [start, end]) => {
          const marks = makeMarks(rawMarks);
          const spans = makeSpans(rawSpans);
          const covers = (cat: number) => cat === 3;
          const active = activeRowsInWindow(marks, spans, start, end, ROWS, covers);
          const expected = new Uint8Array(ROWS);
          for (let i = 0; i < marks.count; i++) {
            if (marks.step[i] < start || marks.step[i] > end) continue;
            expected[marks.row[i]] = 1;
            if (marks.alsoRow[i] >= 0) expected[marks.alsoRow[i]] = 1;
          }
          for (let i = 0; i < spans.count; i++) {
            const s = spans.start[i];
            const e = spans.end[i];
            if (s > end || e < start) continue;
            if (covers(spans.cat[i]) || (s >= start && s <= end) || (e >= start && e <= end)) expected[spans.row[i]] = 1;
          }
          expect(Array.from(active)).toEqual(Array.from(expected));
        },
      ),
    );
  });
});

describe('activeRowsBoth', () => {
  it('gives both rules of activeRowsInWindow at once, with buckets of any width or none', () => {
    fc.assert(
      fc.property(
        fc.array(markArb, { maxLength: 120 }),
        fc.array(spanArb, { maxLength: 60 }),
        windowArb,
        fc.constantFrom(1, 2, 5, 16, 512),
        (rawMarks, rawSpans, [start, end], maxBuckets) => {
          const marks = makeMarks(rawMarks);
          const spans = makeSpans(rawSpans);
          const covers = (cat: number) => cat === 3;
          const want = {
            withEvents: Array.from(activeRowsInWindow(marks, spans, start, end, ROWS, () => false)),
            withCover: Array.from(activeRowsInWindow(marks, spans, start, end, ROWS, covers)),
          };
          const buckets = createRowMarkBuckets(marks, ROWS, maxBuckets);
          expect(buckets.buckets).toBeLessThanOrEqual(Math.max(1, maxBuckets));
          for (const b of [buckets, undefined]) {
            const got = activeRowsBoth(marks, spans, start, end, ROWS, covers, b);
            expect({ withEvents: Array.from(got.withEvents), withCover: Array.from(got.withCover) }).toEqual(want);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads rows past 32 from the right bit of the right word', () => {
    const rows = 70;
    const marks = makeMarks([
      { step: 10, row: 33, cat: 0, alsoRow: 69 },
      { step: 300, row: 31, cat: 0, alsoRow: -1 },
    ]);
    const spans = makeSpans([]);
    const got = activeRowsBoth(marks, spans, 0, 400, rows, () => false, createRowMarkBuckets(marks, rows, 8));
    expect([...got.withEvents.keys()].filter((r) => got.withEvents[r])).toEqual([31, 33, 69]);
  });
});

describe('findNearestMark', () => {
  it('finds the closest mark of an accepted row within the distance', () => {
    fc.assert(
      fc.property(
        fc.array(markArb, { maxLength: 100 }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (raw, step, distance) => {
          const marks = makeMarks(raw);
          const accept = (row: number) => row % 2 === 0;
          const found = findNearestMark(marks, step, distance, accept);
          let best = Infinity;
          for (let i = 0; i < marks.count; i++) {
            if (accept(marks.row[i]) && Math.abs(marks.step[i] - step) <= distance) best = Math.min(best, Math.abs(marks.step[i] - step));
          }
          if (best === Infinity) expect(found).toBe(-1);
          else expect(Math.abs(marks.step[found] - step)).toBe(best);
        },
      ),
    );
  });
});

describe('regressions found by fast-check', () => {
  // seed -236975285: a mark half off the left edge starts its run at column -1, which the first
  // version mistook for "no run open" and dropped.
  it('keeps a run that starts left of column 0', () => {
    const marks = makeMarks([{ step: 0, row: 0, cat: 0, alsoRow: 0 }]);
    const { runs } = mergeMarksToRuns(marks, 0, 1, { startStep: 0, pxPerStep: 0.05, originPx: 0 }, Int32Array.of(0), 1, 1, 1);
    expect(runs[0]).toEqual([0, -1, 1]);
  });
});

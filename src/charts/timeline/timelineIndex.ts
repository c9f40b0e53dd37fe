// Pure index over timeline data: struct-of-arrays marks (points) and spans (intervals) in step units,
// the visible-range binary searches, and the level-of-detail merge that turns thousands of sub-pixel
// marks into a few pixel runs. No DOM: unit- and property-tested against naive filters.

/** Point marks, sorted by `step` (ascending). */
export interface TimelineMarks {
  count: number;
  /** Position on the x axis, steps. */
  step: Float64Array;
  /** Row the mark is drawn in (a lane layout maps rows to lanes). */
  row: Int32Array;
  /** Category: colour and draw order. */
  cat: Uint8Array;
  /** Index of the source item (for click and hover); -1 when none. */
  ref: Int32Array;
  /** Row whose activity this mark also counts for (e.g. the CPU owning an array), or -1. */
  alsoRow: Int32Array;
}

/** Intervals [start, end], sorted by `start` (ascending). */
export interface TimelineSpans {
  count: number;
  start: Float64Array;
  end: Float64Array;
  row: Int32Array;
  cat: Uint8Array;
  /** Longest end − start, steps (bounds the backward search of a window query). */
  maxDurationSteps: number;
}

/** First index i in [lo, hi) with values[i] >= target (hi when none). O(log n). */
export function lowerBound(values: ArrayLike<number>, target: number, lo = 0, hi = values.length): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (values[mid] < target) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** First index i in [lo, hi) with values[i] > target (hi when none). O(log n). */
export function upperBound(values: ArrayLike<number>, target: number, lo = 0, hi = values.length): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (values[mid] <= target) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Index range [lo, hi) of the marks with startStep <= step <= endStep. O(log n). */
export function findVisibleMarks(marks: TimelineMarks, startStep: number, endStep: number): [number, number] {
  const lo = lowerBound(marks.step, startStep, 0, marks.count);
  const hi = upperBound(marks.step, endStep, lo, marks.count);
  return [lo, hi];
}

/**
 * Index range [lo, hi) that contains every span overlapping [startStep, endStep] (start <= endStep and
 * end >= startStep); spans inside it still need the end test. lo comes from start >= startStep −
 * maxDurationSteps, hi from start > endStep. O(log n).
 */
export function findSpanCandidates(spans: TimelineSpans, startStep: number, endStep: number): [number, number] {
  const lo = lowerBound(spans.start, startStep - spans.maxDurationSteps, 0, spans.count);
  const hi = upperBound(spans.start, endStep, lo, spans.count);
  return [lo, hi];
}

/** Calls `visit(i)` for every span overlapping [startStep, endStep], in start order. */
export function forEachSpanInWindow(spans: TimelineSpans, startStep: number, endStep: number, visit: (i: number) => void): void {
  const [lo, hi] = findSpanCandidates(spans, startStep, endStep);
  const end = spans.end;
  for (let i = lo; i < hi; i++) if (end[i] >= startStep) visit(i);
}

/** Builds spans from unsorted columns: sorts by start (stable) and computes maxDurationSteps. O(n log n). */
export function createSpans(
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  row: ArrayLike<number>,
  cat: ArrayLike<number>,
): TimelineSpans {
  const count = start.length;
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => start[a] - start[b] || a - b);
  const out: TimelineSpans = {
    count,
    start: new Float64Array(count),
    end: new Float64Array(count),
    row: new Int32Array(count),
    cat: new Uint8Array(count),
    maxDurationSteps: 0,
  };
  order.forEach((src, i) => {
    out.start[i] = start[src];
    out.end[i] = Math.max(start[src], end[src]);
    out.row[i] = row[src];
    out.cat[i] = cat[src];
    out.maxDurationSteps = Math.max(out.maxDurationSteps, out.end[i] - out.start[i]);
  });
  return out;
}

/** A linear step → px map: px = (step − startStep) · pxPerStep + originPx. */
export interface StepScale {
  startStep: number;
  pxPerStep: number;
  originPx: number;
}

export function stepToPx(scale: StepScale, step: number): number {
  return (step - scale.startStep) * scale.pxPerStep + scale.originPx;
}

export function pxToStep(scale: StepScale, px: number): number {
  return (px - scale.originPx) / scale.pxPerStep + scale.startStep;
}

/** Horizontal runs to fill, per category: lane, first pixel column and width (whole CSS px). */
export interface PixelRuns {
  /** Per category: flat [lane, x, width, lane, x, width, …]. */
  runs: number[][];
  /** Number of runs over all categories (what a draw costs). */
  total: number;
}

/**
 * Level of detail for marks: each mark i in [lo, hi) covers the pixel columns
 * [floor(px − halfWidth), floor(px − halfWidth) + widthPx) in lane laneOfRow[row]; marks of one lane and
 * category whose columns touch or overlap are merged into one run. Marks in lanes < 0 are skipped.
 * O(hi − lo) because marks are sorted by step. `widthPx` is at least 1.
 */
export function mergeMarksToRuns(
  marks: TimelineMarks,
  lo: number,
  hi: number,
  scale: StepScale,
  laneOfRow: Int32Array,
  laneCount: number,
  categoryCount: number,
  widthPx: number,
): PixelRuns {
  const w = Math.max(1, Math.round(widthPx));
  const half = w / 2;
  const runs: number[][] = Array.from({ length: categoryCount }, () => []);
  // Open run per (lane, category): start column and end column (exclusive). Columns can be negative
  // (a mark half off the left edge), so whether a run is open is kept apart.
  const slots = laneCount * categoryCount;
  const open = new Uint8Array(slots);
  const runStart = new Float64Array(slots);
  const runEnd = new Float64Array(slots);
  let total = 0;
  const { step, row, cat } = marks;
  // stepToPx inlined (same operations in the same order): this loop sees every mark in view each frame.
  const { startStep, pxPerStep, originPx } = scale;
  for (let i = lo; i < hi; i++) {
    const lane = laneOfRow[row[i]];
    if (lane === undefined || lane < 0) continue;
    const c = cat[i];
    const x = Math.floor((step[i] - startStep) * pxPerStep + originPx - half);
    const k = lane * categoryCount + c;
    if (open[k] && x <= runEnd[k]) {
      if (x + w > runEnd[k]) runEnd[k] = x + w;
      continue;
    }
    if (open[k]) {
      runs[c].push(lane, runStart[k], runEnd[k] - runStart[k]);
      total++;
    }
    open[k] = 1;
    runStart[k] = x;
    runEnd[k] = x + w;
  }
  for (let k = 0; k < slots; k++) {
    if (!open[k]) continue;
    const c = k % categoryCount;
    runs[c].push(Math.floor(k / categoryCount), runStart[k], runEnd[k] - runStart[k]);
    total++;
  }
  return { runs, total };
}

/**
 * Level of detail for spans: per lane and category, the union of the spans overlapping the window,
 * clipped to [0, widthPx) and snapped to whole pixels (at least 1 px wide), as runs. Uses one
 * difference array per (lane, category), so the cost is O(spans + lanes · categories · widthPx).
 */
export function mergeSpansToRuns(
  spans: TimelineSpans,
  startStep: number,
  endStep: number,
  scale: StepScale,
  widthPx: number,
  laneOfRow: Int32Array,
  laneCount: number,
  categoryCount: number,
  include: (cat: number) => boolean = () => true,
): PixelRuns {
  const cols = Math.max(1, Math.ceil(widthPx));
  const slots = laneCount * categoryCount;
  const runs: number[][] = Array.from({ length: categoryCount }, () => []);
  // One pass over the span candidates: a (lane, category) slot gets its difference array when its first
  // visible span comes (loops written out: this runs every frame).
  const compact = new Int32Array(slots).fill(-1);
  const usedSlots: number[] = [];
  const diffs: Int32Array[] = [];
  const [lo, hi] = findSpanCandidates(spans, startStep, endStep);
  const { start, end, row, cat } = spans;
  const { pxPerStep, originPx } = scale;
  const s0 = scale.startStep;
  let visibleColumns = 0;
  for (let i = lo; i < hi; i++) {
    if (end[i] < startStep) continue;
    const c = cat[i];
    if (!include(c)) continue;
    const lane = laneOfRow[row[i]];
    if (lane === undefined || lane < 0 || lane >= laneCount) continue;
    const a = Math.floor((start[i] - s0) * pxPerStep + originPx);
    let b = Math.floor((end[i] - s0) * pxPerStep + originPx);
    if (b <= a) b = a + 1;
    const x0 = Math.max(0, a);
    const x1 = Math.min(cols, b);
    if (x1 <= x0) continue;
    const k = lane * categoryCount + c;
    if (compact[k] < 0) {
      compact[k] = usedSlots.length;
      usedSlots.push(k);
      diffs.push(new Int32Array(cols + 1));
    }
    visibleColumns++;
    const diff = diffs[compact[k]];
    diff[x0]++;
    diff[x1]--;
  }
  let total = 0;
  if (visibleColumns === 0) return { runs, total };
  usedSlots.forEach((k, u) => {
    const diff = diffs[u];
    const lane = Math.floor(k / categoryCount);
    const c = k % categoryCount;
    let depth = 0;
    let open = -1;
    for (let x = 0; x <= cols; x++) {
      depth += diff[x];
      if (depth > 0 && open < 0) open = x;
      else if (depth <= 0 && open >= 0) {
        runs[c].push(lane, open, x - open);
        total++;
        open = -1;
      }
    }
  });
  return { runs, total };
}

/**
 * Rows with something happening in the window: a mark (on its row or alsoRow), an edge of any span,
 * or a span of a category for which `coverCounts(cat)` holds that merely overlaps it.
 * Returns one flag per row (rowCount rows). O(visible marks + span candidates). (activeRowsBoth's
 * second rule; the lane layout asks for both rules at once.)
 */
export function activeRowsInWindow(
  marks: TimelineMarks,
  spans: TimelineSpans,
  startStep: number,
  endStep: number,
  rowCount: number,
  coverCounts: (cat: number) => boolean,
): Uint8Array {
  return activeRowsBoth(marks, spans, startStep, endStep, rowCount, coverCounts).withCover;
}

/**
 * Which rows have a mark (on `row` or `alsoRow`) in each bucket of `bucketSteps` steps, as one bitset of
 * rows per bucket: a window's rows with marks are then the OR of its whole buckets plus the marks of its
 * two partial edges, instead of a pass over every mark in view (130,000 at a zoomed-out 8192-CPU storm).
 */
export interface RowMarkBuckets {
  bucketSteps: number;
  buckets: number;
  /** 32-bit words per bucket (rowCount / 32, rounded up). */
  words: number;
  rowCount: number;
  bits: Uint32Array;
}

/** O(marks) once; at most `maxBuckets` buckets of a power-of-two width. */
export function createRowMarkBuckets(marks: TimelineMarks, rowCount: number, maxBuckets = 512): RowMarkBuckets {
  const lastStep = marks.count ? Math.max(0, marks.step[marks.count - 1]) : 0;
  let bucketSteps = 1;
  while (lastStep / bucketSteps >= maxBuckets) bucketSteps *= 2;
  const buckets = Math.floor(lastStep / bucketSteps) + 1;
  const words = Math.max(1, Math.ceil(rowCount / 32));
  const bits = new Uint32Array(buckets * words);
  const put = (k: number, r: number) => {
    if (r >= 0 && r < rowCount) bits[k * words + (r >>> 5)] |= 1 << (r & 31);
  };
  for (let i = 0; i < marks.count; i++) {
    const st = marks.step[i];
    if (!(st >= 0)) continue; // marks before step 0 are left to the edge scan
    const k = Math.floor(st / bucketSteps);
    put(k, marks.row[i]);
    put(k, marks.alsoRow[i]);
  }
  return { bucketSteps, buckets, words, rowCount, bits };
}

/**
 * activeRowsInWindow for two rules at once — `withEvents` (marks and span edges) and `withCover` (also spans
 * of a category for which coverCounts holds that merely overlap) — in one pass over the span candidates,
 * and with `buckets` (made for these marks) without a pass over the marks in view.
 */
export function activeRowsBoth(
  marks: TimelineMarks,
  spans: TimelineSpans,
  startStep: number,
  endStep: number,
  rowCount: number,
  coverCounts: (cat: number) => boolean,
  buckets?: RowMarkBuckets,
): { withEvents: Uint8Array; withCover: Uint8Array } {
  const withEvents = new Uint8Array(rowCount);
  const markRange = (lo: number, hi: number) => {
    for (let i = lo; i < hi; i++) {
      const r = marks.row[i];
      if (r >= 0 && r < rowCount) withEvents[r] = 1;
      const r2 = marks.alsoRow[i];
      if (r2 >= 0 && r2 < rowCount) withEvents[r2] = 1;
    }
  };
  const B = buckets?.bucketSteps ?? 1;
  const k0 = Math.max(0, Math.ceil(startStep / B));
  const k1 = Math.min(buckets?.buckets ?? 0, Math.floor(endStep / B));
  if (buckets && buckets.rowCount === rowCount && k0 < k1) {
    // Whole buckets [k0, k1) lie inside the window; the edges [start, k0·B) and [k1·B, end] are scanned.
    const { words, bits } = buckets;
    const acc = new Uint32Array(words);
    for (let k = k0; k < k1; k++) {
      const base = k * words;
      for (let w = 0; w < words; w++) acc[w] |= bits[base + w];
    }
    for (let w = 0; w < words; w++) {
      let x = acc[w];
      while (x !== 0) {
        const bit = 31 - Math.clz32(x & -x);
        withEvents[(w << 5) + bit] = 1;
        x &= x - 1;
      }
    }
    markRange(lowerBound(marks.step, startStep, 0, marks.count), lowerBound(marks.step, k0 * B, 0, marks.count));
    markRange(lowerBound(marks.step, k1 * B, 0, marks.count), upperBound(marks.step, endStep, 0, marks.count));
  } else {
    const [lo, hi] = findVisibleMarks(marks, startStep, endStep);
    markRange(lo, hi);
  }
  const withCover = withEvents.slice();
  const [lo, hi] = findSpanCandidates(spans, startStep, endStep);
  for (let i = lo; i < hi; i++) {
    const e = spans.end[i];
    if (e < startStep) continue;
    const r = spans.row[i];
    if (r < 0 || r >= rowCount) continue;
    const s = spans.start[i];
    if ((s >= startStep && s <= endStep) || (e >= startStep && e <= endStep)) {
      withEvents[r] = 1;
      withCover[r] = 1;
    } else if (coverCounts(spans.cat[i])) withCover[r] = 1;
  }
  return { withEvents, withCover };
}

/** The mark nearest to `step` (within maxDistanceSteps) among rows accepted by `inLane`, or -1. O(log n + k). */
export function findNearestMark(marks: TimelineMarks, step: number, maxDistanceSteps: number, inLane: (row: number) => boolean): number {
  const [lo, hi] = findVisibleMarks(marks, step - maxDistanceSteps, step + maxDistanceSteps);
  let best = -1;
  let bestDistance = Infinity;
  for (let i = lo; i < hi; i++) {
    if (!inLane(marks.row[i])) continue;
    const d = Math.abs(marks.step[i] - step);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

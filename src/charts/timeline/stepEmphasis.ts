// What the current step changed, emphasised on the timeline: the marks at the cursor step get a halo on
// the overlay canvas for a moment after each step. The halo is still (no motion), so it needs nothing
// different under prefers-reduced-motion. The lane search is pure and unit-tested.
import type { Context2D } from '../shared/hiDpiCanvas.ts';
import { laneTopPx, markWidthPx, plotWidthPx, windowScale, type TimelineGeometry } from './drawTimeline.ts';
import { lowerBound, upperBound, type TimelineMarks } from './timelineIndex.ts';

/** How long the halo stays after a step, ms. */
export const EMPHASIS_MS = 1500;
const HALO_COLOR = '#0369a1';

/** The lanes (ascending, each once) holding a mark at exactly `step`; rows not shown (lane -1) are skipped. */
export function lanesWithMarksAt(marks: TimelineMarks, laneOfRow: ArrayLike<number>, step: number): number[] {
  const lanes = new Set<number>();
  const hi = upperBound(marks.step, step, 0, marks.count);
  for (let i = lowerBound(marks.step, step, 0, marks.count); i < hi; i++) {
    const lane = laneOfRow[marks.row[i]] ?? -1;
    if (lane >= 0) lanes.add(lane);
  }
  return [...lanes].sort((a, b) => a - b);
}

/** A halo around the marks at `step` in `lanes`, over whatever the overlay already holds. */
export function drawStepEmphasis(
  ctx: Context2D,
  g: TimelineGeometry,
  startStep: number,
  endStep: number,
  step: number,
  lanes: readonly number[],
): void {
  const scale = windowScale(g, startStep, endStep);
  const x = g.labelWidthPx + (step - scale.startStep) * scale.pxPerStep;
  if (x < g.labelWidthPx || x > g.labelWidthPx + plotWidthPx(g)) return;
  const w = Math.max(8, markWidthPx(scale.pxPerStep) + 8);
  ctx.strokeStyle = HALO_COLOR;
  ctx.lineWidth = 2;
  for (const lane of lanes) ctx.strokeRect(Math.round(x - w / 2), laneTopPx(g, lane) + 1, w, g.laneHeightPx - 2);
}

/**
 * The step being emphasised (-1: none). `start` on every cursor change (it returns false, and does nothing,
 * when the step is the one last started); `onEnd` (a redraw) runs when the halo is due to go.
 */
export function createStepEmphasis(onEnd: () => void) {
  let step = -1;
  let last = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    step: () => step,
    start(next: number): boolean {
      if (next === last) return false;
      clearTimeout(timer);
      step = last = next;
      timer = setTimeout(() => {
        step = -1;
        onEnd();
      }, EMPHASIS_MS);
      return true;
    },
    stop: () => clearTimeout(timer),
  };
}

// Warm-up: with a large trace, draw the data layer a few times off screen, in idle time after the data
// arrives, at narrower windows than the one shown. The draw loops then run compiled by the time the
// user first zooms (cold, the first zoom frames of a 130k-mark storm took ~30 ms). Nothing is shown.
import { useEffect, type RefObject } from 'react';
import { probe } from '../../lib/probe.ts';
import { offscreenContext, type CanvasSize, type Context2D } from '../shared/hiDpiCanvas.ts';
import type { TimelineData } from './drawTimeline.ts';
import { RunRaster } from './runRaster.ts';

/** Probe name: { draws } done so far for the data drawn last (0 when a warm-up starts). */
export const TIMELINE_WARM_UP_PROBE = 'timeline.warmUp';

const WARM_UP_MIN_ITEMS = 50_000;
/** Window widths of the warm-up draws, as fractions of the whole run. */
const FRACTIONS = [1, 0.5, 0.25, 0.5, 1];

type DrawWindow = (ctx: Context2D, raster: RunRaster, size: CanvasSize, a: number, b: number) => unknown;

/** requestIdleCallback, or a timer where it is missing. */
function idle(run: () => void): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : window.setTimeout(run, 50);
}
function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}

export function useTimelineWarmUp(
  data: TimelineData,
  sizeRef: RefObject<CanvasSize | null>,
  heightPx: number,
  drawWindow: DrawWindow,
): void {
  useEffect(() => {
    if (data.marks.count + data.spans.count < WARM_UP_MIN_ITEMS || typeof OffscreenCanvas === 'undefined') return;
    let handle = 0;
    let draws = 0;
    const scratch = new OffscreenCanvas(1, 1);
    const raster = new RunRaster();
    probe(TIMELINE_WARM_UP_PROBE, () => ({ draws }));
    const next = () => {
      handle = idle(() => {
        const size = sizeRef.current;
        if (!size || draws >= FRACTIONS.length) return;
        const width = data.endStep * FRACTIONS[draws];
        const a = (data.endStep - width) * (draws % 2 ? 0.3 : 0.6);
        drawWindow(offscreenContext(scratch, { ...size, heightPx }), raster, size, a, a + width);
        draws++;
        probe(TIMELINE_WARM_UP_PROBE, () => ({ draws }));
        next();
      });
    };
    next();
    return () => cancelIdle(handle);
  }, [data, sizeRef, heightPx, drawWindow]);
}

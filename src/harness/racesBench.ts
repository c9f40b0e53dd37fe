// window.__racesBench: in-page timing for the races benchmark (tests/bench/races.bench.ts). For a step
// or scrub input: the time to render it (input → view committed, plus the browser's work in the frame
// that shows it), the time until that frame is done (which adds the wait for the frame), and how many
// frames began in between still showing the old step. Pan/zoom: frame intervals and timeline draw
// times while synthetic wheel and drag events drive d3-zoom, one per frame.
import { TIMELINE_DRAW_PROBE } from '../charts/timeline/Timeline.tsx';
import { TIMELINE_WARM_UP_PROBE } from '../charts/timeline/useTimelineWarmUp.ts';
import { useAppStore } from '../state/store.ts';
import { afterNextFrame, FrameLog, nextFrame, setRangeValue, timing, whenCommitted, type InputTiming } from './frameTiming.ts';
import { lastSample, sampleCount } from './probeLog.ts';

export interface ScrubResult {
  /** Timing of every scrubbed step that was shown. */
  shown: InputTiming[];
  /** Inputs whose step was superseded before it could be shown (coalesced). */
  skipped: number;
  /** Timing of the last input (always shown). */
  last: InputTiming;
}

export interface PanZoomResult {
  /** rAF-to-rAF intervals while zooming and panning, ms. */
  intervalsMs: number[];
  /** Timeline data-layer draw time of each frame that drew, ms. */
  drawMs: number[];
  /** Largest number of marks in view and lanes seen. */
  maxVisibleMarks: number;
  maxLanes: number;
  /** Largest number of pixel runs (filled rectangles) drawn in a frame. */
  maxRuns: number;
}

export interface PlayResult {
  /** rAF-to-rAF intervals while playing, ms. */
  intervalsMs: number[];
  /** Frames that showed a new step, of all frames. */
  framesWithNewStep: number;
  /** Steps the cursor ran ahead of the step shown, sampled at each frame. */
  lagSteps: number[];
  /** Steps played. */
  steps: number;
}

export interface RacesBenchHooks {
  /** Play at the current speed for `frames` animation frames (Play as the button does), then pause. */
  play: (frames: number) => Promise<PlayResult>;
  /**
   * Press `key` `count` times, each after the previous step is shown. Key presses arrive at a
   * pseudo-random point of the frame (0–16 ms after a frame), as a person's do.
   */
  stepLatencies: (count: number, key: 'ArrowRight' | 'ArrowLeft') => Promise<InputTiming[]>;
  /**
   * The floor of `shownMs`: the same pseudo-random wait, then nothing to show, to the end of the next
   * frame (the wait for the frame alone, ms).
   */
  frameFloor: (count: number) => Promise<number[]>;
  scrubLatencies: (targets: number[]) => Promise<ScrubResult>;
  panZoom: (frames: number) => Promise<PanZoomResult>;
  lastTimelineDrawMs: () => number;
  /** Off-screen warm-up draws the timeline has done since the page loaded. */
  timelineWarmUpDraws: () => number;
}

declare global {
  interface Window {
    __racesBench?: RacesBenchHooks;
  }
}

/** The latest timeline draw (all zero before the first). */
function lastTimelineDraw() {
  const s = lastSample(TIMELINE_DRAW_PROBE);
  return {
    ms: s?.ms ?? 0,
    markRuns: s?.markRuns ?? 0,
    spanRuns: s?.spanRuns ?? 0,
    visibleMarks: s?.visibleMarks ?? 0,
    lanes: s?.lanes ?? 0,
  };
}

export function installRacesBench(): void {
  window.__racesBench = {
    lastTimelineDrawMs: () => lastTimelineDraw().ms,
    timelineWarmUpDraws: () => lastSample(TIMELINE_WARM_UP_PROBE)?.draws ?? 0,
    async play(frames) {
      const intervalsMs: number[] = [];
      const lagSteps: number[] = [];
      let framesWithNewStep = 0;
      const s0 = useAppStore.getState();
      const from = s0.raceStep;
      let shown = s0.raceView?.step ?? -1;
      s0.setRacePlaying(true);
      let last = await nextFrame();
      for (let i = 0; i < frames; i++) {
        const t = await nextFrame();
        intervalsMs.push(t - last);
        last = t;
        const s = useAppStore.getState();
        const step = s.raceView?.step ?? -1;
        if (step !== shown) framesWithNewStep++;
        shown = step;
        lagSteps.push(s.raceStep - step);
      }
      useAppStore.getState().setRacePlaying(false);
      return { intervalsMs, framesWithNewStep, lagSteps, steps: useAppStore.getState().raceStep - from };
    },
    async stepLatencies(count, key) {
      const out: InputTiming[] = [];
      const log = new FrameLog();
      log.start();
      let seed = 12345;
      for (let i = 0; i < count; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        await new Promise((resolve) => setTimeout(resolve, (seed >>> 8) % 16));
        const target = useAppStore.getState().raceStep + (key === 'ArrowRight' ? 1 : -1);
        const committed = whenCommitted(target);
        const t0 = performance.now();
        const firstFrame = log.next;
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        out.push(await timing(log, t0, firstFrame, await committed, null));
        await nextFrame();
      }
      log.stop();
      return out;
    },
    async frameFloor(count) {
      const out: number[] = [];
      let seed = 12345;
      for (let i = 0; i < count; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        await new Promise((resolve) => setTimeout(resolve, (seed >>> 8) % 16));
        const t0 = performance.now();
        out.push((await afterNextFrame()) - t0);
        await nextFrame();
      }
      return out;
    },
    async scrubLatencies(targets) {
      const slider = [...document.querySelectorAll<HTMLInputElement>('input[type="range"]')].find(
        (el) => el.labels?.[0]?.textContent?.trim() === 'Step',
      );
      const status = document.querySelector('[role="status"]');
      if (!slider || !status) throw new Error('no Step slider or status line');
      const log = new FrameLog();
      log.start();
      /** Inputs not yet shown: step → [input time, index of the frame whose callback dispatched it]. */
      const started = new Map<number, [number, number]>();
      const pending: Promise<void>[] = [];
      const shown: InputTiming[] = [];
      const last = targets[targets.length - 1];
      const end: { last: InputTiming | null } = { last: null };
      /** Index of the frame whose callback is dispatching an input, or null outside one. */
      let inFrame: number | null = null;
      const mo = new MutationObserver(() => {
        const m = /^Step (\d+) of /.exec(status.textContent ?? '');
        const step = m ? Number(m[1]) : NaN;
        const start = started.get(step);
        if (!start) return;
        started.delete(step);
        const tCommit = performance.now();
        // A view committed while the input's frame callback runs (a prefetched step) is drawn in that frame.
        const p = timing(log, start[0], start[1] + 1, tCommit, inFrame === start[1] ? start[1] : null).then((t) => {
          shown.push(t);
          if (step === last) end.last = t;
        });
        pending.push(p);
      });
      mo.observe(status, { childList: true, characterData: true, subtree: true });
      for (const target of targets) {
        await nextFrame();
        const frame = log.starts.length - 1;
        const t0 = performance.now();
        started.set(target, [t0, frame]);
        inFrame = frame;
        setRangeValue(slider, target);
        // React commits a discrete input in a microtask and the observer runs in a later one: let a few
        // microtask hops pass while still inside the frame (no task and no rendering runs before they end).
        for (let hop = 0; hop < 16; hop++) await Promise.resolve();
        inFrame = null;
      }
      while (!end.last) {
        await afterNextFrame();
        await Promise.all(pending);
      }
      mo.disconnect();
      log.stop();
      return { shown, skipped: targets.length - shown.length, last: end.last };
    },
    async panZoom(frames) {
      const region = document.querySelector('[role="region"][aria-label="Timeline"]');
      const canvases = region?.querySelectorAll('canvas');
      const target = canvases?.[canvases.length - 1];
      if (!target) throw new Error('no timeline canvas');
      const rect = target.getBoundingClientRect();
      const x0 = rect.left + rect.width * 0.6;
      const y = rect.top + rect.height * 0.5;
      const intervalsMs: number[] = [];
      const drawMs: number[] = [];
      let maxVisibleMarks = 0;
      let maxLanes = 0;
      let maxRuns = 0;
      let last = await nextFrame();
      const zoomFrames = Math.floor(frames / 2);
      let draws = sampleCount(TIMELINE_DRAW_PROBE);
      const sample = (t: number) => {
        intervalsMs.push(t - last);
        last = t;
        const stats = lastTimelineDraw();
        if (sampleCount(TIMELINE_DRAW_PROBE) !== draws) {
          drawMs.push(stats.ms);
          draws = sampleCount(TIMELINE_DRAW_PROBE);
        }
        maxVisibleMarks = Math.max(maxVisibleMarks, stats.visibleMarks);
        maxLanes = Math.max(maxLanes, stats.lanes);
        maxRuns = Math.max(maxRuns, stats.markRuns + stats.spanRuns);
      };
      // Zoom: in for a quarter of the frames, out for the next quarter, at the pointer.
      for (let i = 0; i < zoomFrames; i++) {
        const zoomIn = i < zoomFrames / 2;
        target.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: zoomIn ? -60 : 60,
            deltaMode: 0,
            clientX: x0,
            clientY: y,
            bubbles: true,
            cancelable: true,
            view: window,
          }),
        );
        sample(await nextFrame());
      }
      // Pan: drag left then right, a few pixels per frame, after zooming in (pan needs room).
      for (let i = 0; i < 10; i++) {
        target.dispatchEvent(
          new WheelEvent('wheel', { deltaY: -120, clientX: x0, clientY: y, bubbles: true, cancelable: true, view: window }),
        );
      }
      await nextFrame();
      last = await nextFrame();
      target.dispatchEvent(
        new MouseEvent('mousedown', { clientX: x0, clientY: y, button: 0, bubbles: true, cancelable: true, view: window }),
      );
      const panFrames = frames - zoomFrames;
      for (let i = 0; i < panFrames; i++) {
        const dx = i < panFrames / 2 ? -6 * i : -6 * (panFrames - i);
        window.dispatchEvent(
          new MouseEvent('mousemove', { clientX: x0 + dx, clientY: y, button: 0, buttons: 1, bubbles: true, view: window }),
        );
        sample(await nextFrame());
      }
      window.dispatchEvent(new MouseEvent('mouseup', { clientX: x0, clientY: y, button: 0, bubbles: true, view: window }));
      return { intervalsMs, drawMs, maxVisibleMarks, maxLanes, maxRuns };
    },
  };
}

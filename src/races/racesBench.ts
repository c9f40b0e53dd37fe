// window.__racesBench: in-page timing for the races benchmark (tests/bench/races.bench.ts). Latency of
// a step or scrub input = performance.now() at the input → the first task after the animation frame
// in which the view of that step was drawn. Pan/zoom: frame intervals and timeline draw times while
// synthetic wheel and drag events drive d3-zoom, one per frame.
import { getLastTimelineDrawMs, getLastTimelineFrameStats } from '../charts/timeline/Timeline.tsx';
import { useAppStore } from '../state/store.ts';

export interface ScrubResult {
  /** Latency of every scrubbed step that was shown, ms. */
  shownMs: number[];
  /** Inputs whose step was superseded before it could be shown (coalesced). */
  skipped: number;
  /** Latency of the last input (always shown), ms. */
  lastMs: number;
}

export interface PanZoomResult {
  /** rAF-to-rAF intervals while zooming and panning, ms. */
  intervalsMs: number[];
  /** Timeline data-layer draw time of each frame that drew, ms. */
  drawMs: number[];
  /** Largest number of marks in view and lanes seen. */
  maxVisibleMarks: number;
  maxLanes: number;
}

export interface RacesBenchHooks {
  /**
   * Press `key` `count` times, each waiting for the previous step to show. Key presses arrive at a
   * pseudo-random point of the frame (0–16 ms after a frame), as a person's do.
   */
  stepLatencies: (count: number, key: 'ArrowRight' | 'ArrowLeft') => Promise<number[]>;
  /**
   * The floor of stepLatencies: the same pseudo-random wait, then nothing to show, to the first task
   * after the next frame (the wait for the frame alone, ms).
   */
  frameFloor: (count: number) => Promise<number[]>;
  scrubLatencies: (targets: number[]) => Promise<ScrubResult>;
  panZoom: (frames: number) => Promise<PanZoomResult>;
  lastTimelineDrawMs: () => number;
}

declare global {
  interface Window {
    __racesBench?: RacesBenchHooks;
  }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The next task: posted from an animation frame callback, it runs once that frame is drawn. */
function nextTask(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });
}

/** The first task after the next animation frame (its drawing done). */
function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));
}

/** Resolves (with the time after its frame) once the view of `step` is in the store. */
function whenShown(step: number): Promise<number> {
  return new Promise((resolve) => {
    if (useAppStore.getState().raceView?.step === step) {
      void afterNextFrame().then(resolve);
      return;
    }
    const off = useAppStore.subscribe(
      (s) => s.raceView,
      (view) => {
        if (view?.step !== step) return;
        off();
        void afterNextFrame().then(resolve);
      },
    );
  });
}

function setRangeValue(input: HTMLInputElement, value: number): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function installRacesBench(): void {
  window.__racesBench = {
    lastTimelineDrawMs: getLastTimelineDrawMs,
    async stepLatencies(count, key) {
      const out: number[] = [];
      let seed = 12345;
      for (let i = 0; i < count; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        await new Promise((resolve) => setTimeout(resolve, (seed >>> 8) % 16));
        const s = useAppStore.getState();
        const target = s.raceStep + (key === 'ArrowRight' ? 1 : -1);
        const t0 = performance.now();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
        out.push((await whenShown(target)) - t0);
        await nextFrame();
      }
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
      if (!slider) throw new Error('no Step slider');
      const started = new Map<number, number>();
      const shownMs: number[] = [];
      const last = targets[targets.length - 1];
      let lastT0 = 0;
      let resolveLast: (t1: number) => void = () => {};
      const lastShown = new Promise<number>((resolve) => (resolveLast = resolve));
      /** True while an input is dispatched from inside an animation frame callback. */
      let inFrame = false;
      const off = useAppStore.subscribe(
        (s) => s.raceView,
        (view) => {
          const t0 = view ? started.get(view.step) : undefined;
          if (t0 === undefined || !view) return;
          started.delete(view.step);
          // A view in the store before the input's frame callback returns (a prefetched step) is drawn in
          // that very frame: the next task runs after it. Waiting for another frame would count the next
          // input's frame too. A view that arrives later from the worker is drawn in the next frame.
          void (inFrame ? nextTask() : afterNextFrame()).then((t1) => {
            shownMs.push(t1 - t0);
            if (view.step === last && t0 === lastT0) resolveLast(t1);
          });
        },
      );
      for (const target of targets) {
        await nextFrame();
        lastT0 = performance.now();
        started.set(target, lastT0);
        inFrame = true;
        setRangeValue(slider, target);
        inFrame = false;
      }
      const lastEnd = started.has(last) ? await lastShown : await whenShown(last);
      await afterNextFrame();
      off();
      return { shownMs, skipped: targets.length - shownMs.length, lastMs: lastEnd - lastT0 };
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
      let last = await nextFrame();
      const zoomFrames = Math.floor(frames / 2);
      let lastDraw = getLastTimelineDrawMs();
      const sample = (t: number) => {
        intervalsMs.push(t - last);
        last = t;
        const d = getLastTimelineDrawMs();
        if (d !== lastDraw) {
          drawMs.push(d);
          lastDraw = d;
        }
        const stats = getLastTimelineFrameStats();
        maxVisibleMarks = Math.max(maxVisibleMarks, stats.visibleMarks);
        maxLanes = Math.max(maxLanes, stats.lanes);
      };
      // Zoom: in for a quarter of the frames, out for the next quarter, at the pointer.
      for (let i = 0; i < zoomFrames; i++) {
        const zoomIn = i < zoomFrames / 2;
        target.dispatchEvent(
          new WheelEvent('wheel', { deltaY: zoomIn ? -60 : 60, deltaMode: 0, clientX: x0, clientY: y, bubbles: true, cancelable: true, view: window }),
        );
        sample(await nextFrame());
      }
      // Pan: drag left then right, a few pixels per frame, after zooming in (pan needs room).
      for (let i = 0; i < 10; i++) {
        target.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: x0, clientY: y, bubbles: true, cancelable: true, view: window }));
      }
      await nextFrame();
      last = await nextFrame();
      target.dispatchEvent(new MouseEvent('mousedown', { clientX: x0, clientY: y, button: 0, bubbles: true, cancelable: true, view: window }));
      const panFrames = frames - zoomFrames;
      for (let i = 0; i < panFrames; i++) {
        const dx = i < panFrames / 2 ? -6 * i : -6 * (panFrames - i);
        window.dispatchEvent(new MouseEvent('mousemove', { clientX: x0 + dx, clientY: y, button: 0, buttons: 1, bubbles: true, view: window }));
        sample(await nextFrame());
      }
      window.dispatchEvent(new MouseEvent('mouseup', { clientX: x0, clientY: y, button: 0, bubbles: true, view: window }));
      return { intervalsMs, drawMs, maxVisibleMarks, maxLanes };
    },
  };
}

// Frame timing in the page, for the races benchmark (racesBench.ts): when each animation frame began and
// when its rendering was done, when a step's view was committed, and one input's timing from those.

/**
 * One input's timing. `renderMs` is the time it takes to render the step: input → the step's view
 * committed (worker reply, React commit, canvases drawn), plus the browser's own work in the frame that
 * shows it (rAF callbacks, style, layout, paint) — without the idle wait for that frame's vsync, which
 * no amount of work can shorten. `shownMs` includes that wait (input → the end of the frame showing it).
 * `framesLate`: frames that began after the input and still showed the old state (0 = shown in the
 * first frame after the input).
 */
export interface InputTiming {
  /** Input → the view committed (including the worker's reply when it was not prefetched). */
  commitMs: number;
  /** The browser's work in the frame that shows it (its callbacks, style, layout, paint). */
  frameMs: number;
  renderMs: number;
  shownMs: number;
  framesLate: number;
}

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** The next task: posted from an animation frame callback, it runs once that frame is drawn. */
export function nextTask(): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });
}

/** The first task after the next animation frame (its drawing done). */
export function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));
}

/**
 * Every animation frame while running: when its callbacks began (this callback is registered first, at
 * the start of the previous frame's, so it runs before any other of the frame) and when its rendering
 * was done (the first task after it).
 */
export class FrameLog {
  readonly starts: number[] = [];
  readonly dones: number[] = [];
  private handle = 0;
  private waiters: { after: number; resolve: (i: number) => void }[] = [];

  start(): void {
    const tick = () => {
      this.handle = requestAnimationFrame(tick);
      const i = this.starts.push(performance.now()) - 1;
      void nextTask().then((t) => {
        this.dones[i] = t;
        this.waiters = this.waiters.filter((w) => {
          if (this.starts[i] < w.after) return true;
          w.resolve(i);
          return false;
        });
      });
    };
    this.handle = requestAnimationFrame(tick);
  }

  stop(): void {
    cancelAnimationFrame(this.handle);
  }

  /** Resolves with the index of the first frame that began at or after `t`, once it is drawn. */
  frameAfter(t: number): Promise<number> {
    return new Promise((resolve) => {
      const i = this.starts.findIndex((s) => s >= t);
      if (i >= 0 && this.dones[i] !== undefined) resolve(i);
      else this.waiters.push({ after: t, resolve });
    });
  }

  /** Index of the next frame to begin. */
  get next(): number {
    return this.starts.length;
  }
}

/**
 * Resolves with the time the view of `step` was committed: the microtask after React's commit wrote
 * the status line for that step (layout effects, canvases included, run in the same commit).
 */
export function whenCommitted(step: number): Promise<number> {
  const el = document.querySelector('[role="status"]');
  if (!el) return Promise.reject(new Error('no status line'));
  const want = `Step ${step} of `;
  return new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (!el.textContent?.startsWith(want)) return;
      mo.disconnect();
      resolve(performance.now());
    });
    mo.observe(el, { childList: true, characterData: true, subtree: true });
  });
}

/**
 * Timing of one input at `t0` whose step is committed at `tCommit`; `firstFrame` is the index of the first
 * frame to begin after the input. If the commit ran inside an animation frame callback, that frame shows
 * it; otherwise the first frame that begins after the commit does.
 */
export async function timing(
  log: FrameLog,
  t0: number,
  firstFrame: number,
  tCommit: number,
  inFrameIndex: number | null,
): Promise<InputTiming> {
  const i = inFrameIndex ?? (await log.frameAfter(tCommit));
  if (inFrameIndex !== null) while (log.dones[i] === undefined) await nextTask();
  const start = log.starts[i];
  const done = log.dones[i];
  const renderMs = inFrameIndex !== null ? done - t0 : tCommit - t0 + (done - start);
  const commitMs = tCommit - t0;
  const frameMs = inFrameIndex !== null ? done - tCommit : done - start;
  return { commitMs, frameMs, renderMs, shownMs: done - t0, framesLate: Math.max(0, i - firstFrame) };
}

export function setRangeValue(input: HTMLInputElement, value: number): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

// Coalescing "show step k" requests to the worker: at most one stepView call is in flight; while it
// runs, only the newest requested step is remembered and asked for next (a scrub of 500 positions
// costs a handful of calls, and the last position always arrives). Replies for another run are dropped.
// When idle after a small move (stepping, playing), the fetcher prefetches the step one stride further in
// the direction of travel into a small cache, so stepping through a run shows each step in the next frame
// without waiting for the worker.

export interface StepFetcherOptions<V> {
  fetch: (runId: number, step: number) => Promise<V>;
  /** A view arrived for the current run. */
  onView: (runId: number, step: number, view: V) => void;
  /** A call failed for the current run (cancellations are filtered by `isCancellation`). */
  onError: (runId: number, error: unknown) => void;
  isCancellation?: (error: unknown) => boolean;
  /** Steps that exist (prefetch never asks outside 0..lastStep); prefetch is off without it. */
  lastStep?: () => number;
  /** Views kept for prefetch (default 16). */
  cacheSize?: number;
}

export interface StepFetcher {
  /** Switch to another run (null: none); a request in flight for the old run is ignored when it lands. */
  setRun: (runId: number | null, shownStep?: number) => void;
  /** Ask for `step` of the current run. */
  request: (step: number) => void;
  /** True while a call is in flight. */
  busy: () => boolean;
  dispose: () => void;
}

/** Largest move between requests that is still "stepping" (playing fast moves several steps a frame). */
export const MAX_PREFETCH_STRIDE = 16;

export function createStepFetcher<V>(options: StepFetcherOptions<V>): StepFetcher {
  const cacheSize = options.cacheSize ?? 16;
  let runId: number | null = null;
  let inFlight: { runId: number; step: number; prefetch: boolean } | null = null;
  let pending: number | null = null;
  /** Step of the newest view delivered (or being fetched) for the current run. */
  let shown: number | null = null;
  /** Last move between requested steps (the prefetch stride), ±1 at first. */
  let stride = 1;
  let disposed = false;
  const cache = new Map<number, V>();

  const remember = (step: number, view: V) => {
    cache.delete(step);
    cache.set(step, view);
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  };

  const deliver = (step: number, view: V) => {
    shown = step;
    if (runId !== null) options.onView(runId, step, view);
  };

  const send = (step: number, prefetch: boolean) => {
    if (runId === null || disposed) return;
    const call = { runId, step, prefetch };
    inFlight = call;
    if (!prefetch) shown = step;
    options.fetch(call.runId, call.step).then(
      (view) => {
        if (inFlight === call) inFlight = null;
        if (disposed || call.runId !== runId) return next();
        remember(call.step, view);
        if (!call.prefetch) options.onView(call.runId, call.step, view);
        next();
      },
      (error: unknown) => {
        if (inFlight === call) inFlight = null;
        const current = !disposed && call.runId === runId;
        if (current && !call.prefetch && !options.isCancellation?.(error)) options.onError(call.runId, error);
        if (current && !call.prefetch) shown = null;
        next();
      },
    );
  };

  const prefetch = () => {
    if (inFlight || disposed || runId === null || shown === null || !options.lastStep) return;
    // Only while stepping or playing: a scrub jumps too far for a guess to pay for the worker's time.
    if (Math.abs(stride) > MAX_PREFETCH_STRIDE) return;
    const step = shown + stride;
    if (step < 0 || step > options.lastStep() || cache.has(step)) return;
    send(step, true);
  };

  const next = () => {
    if (inFlight) return;
    if (pending === null) return prefetch();
    const step = pending;
    pending = null;
    if (step === shown) return prefetch();
    const cached = cache.get(step);
    if (cached !== undefined) {
      deliver(step, cached);
      return prefetch();
    }
    send(step, false);
  };

  return {
    setRun(nextRunId, shownStep) {
      if (nextRunId === runId) return;
      runId = nextRunId;
      pending = null;
      cache.clear();
      shown = shownStep ?? null;
    },
    request(step) {
      if (runId === null || disposed) return;
      const from = pending ?? shown;
      if (from !== null && step !== from) stride = step - from;
      if (inFlight) {
        pending = step;
        return;
      }
      if (step === shown) return;
      const cached = cache.get(step);
      if (cached !== undefined) {
        deliver(step, cached);
        prefetch();
        return;
      }
      send(step, false);
    },
    busy: () => inFlight !== null,
    dispose() {
      disposed = true;
      pending = null;
      cache.clear();
    },
  };
}

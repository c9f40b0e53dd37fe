// Coalescing "show step k" requests to the worker: at most one stepView call is in flight; while it
// runs, only the newest requested step is remembered and asked for next (a scrub of 500 positions
// costs a handful of calls, and the last position always arrives). Replies for another run are dropped.

export interface StepFetcherOptions<V> {
  fetch: (runId: number, step: number) => Promise<V>;
  /** A view arrived for the current run. */
  onView: (runId: number, step: number, view: V) => void;
  /** A call failed for the current run (cancellations are filtered by `isCancellation`). */
  onError: (runId: number, error: unknown) => void;
  isCancellation?: (error: unknown) => boolean;
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

export function createStepFetcher<V>(options: StepFetcherOptions<V>): StepFetcher {
  let runId: number | null = null;
  let inFlight: { runId: number; step: number } | null = null;
  let pending: number | null = null;
  /** Step of the newest view delivered (or being fetched) for the current run. */
  let shown: number | null = null;
  let disposed = false;

  const send = (step: number) => {
    if (runId === null || disposed) return;
    const call = { runId, step };
    inFlight = call;
    shown = step;
    options.fetch(call.runId, call.step).then(
      (view) => {
        if (inFlight === call) inFlight = null;
        if (disposed || call.runId !== runId) return next();
        options.onView(call.runId, call.step, view);
        next();
      },
      (error: unknown) => {
        if (inFlight === call) inFlight = null;
        if (!disposed && call.runId === runId && !options.isCancellation?.(error)) options.onError(call.runId, error);
        if (call.runId === runId) shown = null;
        next();
      },
    );
  };

  const next = () => {
    if (inFlight || pending === null) return;
    const step = pending;
    pending = null;
    if (step !== shown) send(step);
  };

  return {
    setRun(nextRunId, shownStep) {
      if (nextRunId === runId) return;
      runId = nextRunId;
      pending = null;
      shown = shownStep ?? null;
    },
    request(step) {
      if (runId === null || disposed) return;
      if (inFlight) {
        pending = step;
        return;
      }
      if (step === shown) return;
      send(step);
    },
    busy: () => inFlight !== null,
    dispose() {
      disposed = true;
      pending = null;
    },
  };
}

// React binding for "latest request wins": each new key aborts the previous request, stale replies
// are dropped, and a superseded request that has run too long is killed by restarting the worker.
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { getSimEpoch, resetSim, subscribeSimEpoch } from './simClient.ts';
import { nextRequestId } from './requestId.ts';
import { errorMessage, isCancellation, requestSim, type SimCall } from './simRequest.ts';

export interface SimQuery<T> {
  /** Identity of the request: a new key supersedes the request in flight. */
  key: string;
  /** The call to make; read when the key (or the worker) changes. */
  run: SimCall<T>;
  onStart: (runId: number) => void;
  onResult: (runId: number, value: T) => void;
  onError: (runId: number, message: string) => void;
  enabled?: boolean;
  /** A superseded request still running after this many ms is cancelled by terminating the worker. */
  terminateAfterMs?: number;
}

/** The worker epoch: changes whenever resetSim() starts a fresh worker. */
export function useSimEpoch(): number {
  return useSyncExternalStore(subscribeSimEpoch, getSimEpoch, getSimEpoch);
}

/** Start a fresh worker; every query re-runs on it. This is what a "Retry" button does. */
export function restartSim(): void {
  resetSim();
}

/**
 * Runs `query.run` in the worker whenever `key` changes or the worker restarts, reporting through
 * the callbacks with a run id unique across all requests (nextRequestId). Only the latest run reports.
 */
export function useSimQuery<T>(query: SimQuery<T>): void {
  const { key, enabled = true, terminateAfterMs = 250 } = query;
  const epoch = useSimEpoch();
  const latest = useRef(query);
  useLayoutEffect(() => {
    latest.current = query;
  });

  useEffect(() => {
    if (!enabled) return;
    const runId = nextRequestId();
    const controller = new AbortController();
    const startedAt = performance.now();
    let settled = false;
    latest.current.onStart(runId);
    requestSim((sim) => latest.current.run(sim), { signal: controller.signal }).then(
      (value) => {
        settled = true;
        if (!controller.signal.aborted) latest.current.onResult(runId, value);
      },
      (error: unknown) => {
        settled = true;
        if (controller.signal.aborted || isCancellation(error)) return;
        latest.current.onError(runId, errorMessage(error));
      },
    );
    return () => {
      controller.abort();
      if (!settled && performance.now() - startedAt > terminateAfterMs) resetSim();
    };
  }, [key, epoch, enabled, terminateAfterMs]);
}

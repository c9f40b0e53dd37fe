// The single comlink `wrap` site: the UI reaches the model only through this typed remote.
// It also owns the worker's lifetime: a failed worker stays failed until resetSim() starts a fresh one.
import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../workers/api.ts';

/** The worker was terminated by resetSim() while a call was in flight (a cancellation, not a failure). */
export class SimResetError extends Error {
  override name = 'SimResetError';
}

/** The worker raised an 'error' or 'messageerror' event: it failed to load or crashed. */
export class SimWorkerError extends Error {
  override name = 'SimWorkerError';
}

/** One worker's lifetime. `ended` rejects (SimResetError or SimWorkerError) when the worker goes away. */
export interface SimLease {
  remote: Remote<SimApi>;
  ended: Promise<never>;
  /** Set once the worker has failed; later calls fail fast with it. */
  failure: SimWorkerError | null;
}

interface LiveWorker {
  worker: Worker;
  lease: SimLease;
  end: (error: Error) => void;
}

let live: LiveWorker | undefined;
let epoch = 0;
const epochListeners = new Set<() => void>();

function startWorker(): LiveWorker {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
  let end: (error: Error) => void = () => {};
  const ended = new Promise<never>((_, reject) => {
    end = reject;
  });
  ended.catch(() => {}); // observed by requests in flight; nobody else has to
  const lease: SimLease = { remote: wrap<SimApi>(worker), ended, failure: null };
  const fail = (detail: string) => {
    if (lease.failure) return;
    lease.failure = new SimWorkerError(detail ? `The model worker failed: ${detail}` : 'The model worker failed to load or crashed.');
    end(lease.failure);
  };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    fail(e instanceof ErrorEvent ? e.message : '');
  });
  worker.addEventListener('messageerror', () => fail('a message from the worker could not be read'));
  return { worker, lease, end };
}

/** The current worker's lease; a fresh worker is started lazily after resetSim(). */
export function acquireSim(): SimLease {
  live ??= startWorker();
  return live.lease;
}

/** The current remote (see acquireSim for failure tracking). */
export function getSim(): Remote<SimApi> {
  return acquireSim().remote;
}

/**
 * Terminate the worker (cancelling whatever it is doing); the next call starts a fresh one.
 * Calls in flight reject with SimResetError, and the epoch advances so queries re-run.
 */
export function resetSim(): void {
  if (live) {
    live.worker.terminate();
    live.end(new SimResetError('The model worker was restarted.'));
    live = undefined;
  }
  epoch++;
  for (const listener of epochListeners) listener();
}

/** Increments on every resetSim(): queries keyed on it re-run on the fresh worker. */
export function getSimEpoch(): number {
  return epoch;
}

export function subscribeSimEpoch(listener: () => void): () => void {
  epochListeners.add(listener);
  return () => epochListeners.delete(listener);
}

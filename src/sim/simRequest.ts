// One cancellable call to the model worker: races the call against an AbortSignal and the worker's
// death, and counts calls in flight. Generic: any view's request goes through here.
import type { Remote } from 'comlink';
import type { SimApi } from '../../workers/api.ts';
import { acquireSim, SimResetError } from './simClient.ts';

export type SimCall<T> = (sim: Remote<SimApi>) => Promise<T>;

export interface SimRequestOptions {
  /** Aborting rejects the request at once with an AbortError; the worker's reply is then dropped. */
  signal?: AbortSignal;
}

let inFlight = 0;

/** Number of requests not yet settled. */
export function simRequestsInFlight(): number {
  return inFlight;
}

/** True for errors that mean "cancelled or superseded", which a view ignores rather than shows. */
export function isCancellation(error: unknown): boolean {
  return error instanceof SimResetError || (error instanceof Error && error.name === 'AbortError');
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function abortError(): Error {
  return new DOMException('The request was superseded or cancelled.', 'AbortError');
}

/**
 * Run `call` on the worker. Rejects with an AbortError when `signal` aborts, with SimResetError when
 * the worker is reset meanwhile, and with SimWorkerError when the worker fails (or already had).
 */
export async function requestSim<T>(call: SimCall<T>, options: SimRequestOptions = {}): Promise<T> {
  const { signal } = options;
  if (signal?.aborted) throw abortError();
  const lease = acquireSim();
  if (lease.failure) throw lease.failure;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  inFlight++;
  try {
    return await Promise.race([call(lease.remote), lease.ended, aborted]);
  } finally {
    inFlight--;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

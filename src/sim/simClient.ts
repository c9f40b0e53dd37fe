// The single comlink `wrap` site: the UI reaches the model only through this typed remote.
import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../workers/api.ts';

let worker: Worker | undefined;
let remote: Remote<SimApi> | undefined;

/** The current remote; a fresh worker is started lazily after `resetSim()`. */
export function getSim(): Remote<SimApi> {
  if (!remote) {
    worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module' });
    remote = wrap<SimApi>(worker);
  }
  return remote;
}

/** Terminate the worker (cancelling whatever it is doing); the next call starts a fresh one. */
export function resetSim(): void {
  worker?.terminate();
  worker = undefined;
  remote = undefined;
}

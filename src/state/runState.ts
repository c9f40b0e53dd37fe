// The lifecycle of one worker request, shared by the memory and races slices (a search, which can also
// be stopped, keeps its own in the explore slice).
// Pure reducers: a result or error for a run that is no longer current returns the same object.

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

/** The latest request of one kind. `data` survives a new run so views do not flicker while it runs. */
export interface RunState<T> {
  status: RunStatus;
  /** Id of the current run; results carrying another id are stale and ignored. 0 before any run. */
  runId: number;
  data: T | null;
  error: string | null;
}

export function createIdleRun<T>(): RunState<T> {
  return { status: 'idle', runId: 0, data: null, error: null };
}

/** Marks `runId` as the current run, keeping the previous data on screen. */
export function startRun<T>(run: RunState<T>, runId: number): RunState<T> {
  if (run.runId === runId && run.status === 'running') return run;
  return { status: 'running', runId, data: run.data, error: null };
}

/** Stores the result of the current run; a stale `runId` changes nothing. */
export function finishRun<T>(run: RunState<T>, runId: number, data: T): RunState<T> {
  if (run.runId !== runId) return run;
  return { status: 'done', runId, data, error: null };
}

/** Records the failure of the current run; a stale `runId` changes nothing. */
export function failRun<T>(run: RunState<T>, runId: number, error: string): RunState<T> {
  if (run.runId !== runId) return run;
  return { status: 'error', runId, data: run.data, error };
}

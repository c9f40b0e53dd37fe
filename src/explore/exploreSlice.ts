// The explore view's state: which search is running or was last run (its inputs are a snapshot of the
// races view's inputs and the CPU count, so a counterexample can be loaded into the stepper later even
// after the inputs changed), its live progress, its result, and the reduction switches.
import type { ExploreProgressReport, ExploreReply } from '../../workers/api.ts';
import type { RaceParams } from '../races/raceConfig.ts';
import type { AppStateCreator } from '../state/store.ts';

export type ExploreStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';

/** What a search is for: the races inputs (without a schedule) and the CPU count. */
export interface ExploreTarget {
  params: RaceParams;
  cpus: number;
}

export interface ExploreSlice {
  exploreStatus: ExploreStatus;
  /** Id of the current search; progress and results of other ids are ignored. 0 before any search. */
  exploreRequestId: number;
  exploreTarget: ExploreTarget | null;
  exploreProgress: ExploreProgressReport | null;
  exploreResult: ExploreReply | null;
  exploreError: string | null;
  exploreSymmetry: boolean;
  explorePor: boolean;

  setExploreReductions: (symmetry: boolean, por: boolean) => void;
  startExplore: (requestId: number, target: ExploreTarget) => void;
  reportExploreProgress: (requestId: number, progress: ExploreProgressReport) => void;
  finishExplore: (requestId: number, result: ExploreReply) => void;
  /** The search was stopped (the worker terminated): keep the last progress, no result. */
  stopExplore: (requestId: number) => void;
  failExplore: (requestId: number, error: string) => void;
}

export const createExploreSlice: AppStateCreator<ExploreSlice> = (set) => {
  const current = (requestId: number, f: (s: ExploreSlice) => Partial<ExploreSlice>, action: string) =>
    set((s) => (s.exploreRequestId !== requestId ? s : f(s)), undefined, action);
  return {
    exploreStatus: 'idle',
    exploreRequestId: 0,
    exploreTarget: null,
    exploreProgress: null,
    exploreResult: null,
    exploreError: null,
    exploreSymmetry: true,
    explorePor: true,

    setExploreReductions: (symmetry, por) =>
      set((s) => (s.exploreSymmetry === symmetry && s.explorePor === por ? s : { exploreSymmetry: symmetry, explorePor: por }), undefined, 'explore/setReductions'),
    startExplore: (requestId, target) =>
      set(
        { exploreStatus: 'running', exploreRequestId: requestId, exploreTarget: target, exploreProgress: null, exploreResult: null, exploreError: null },
        undefined,
        'explore/start',
      ),
    reportExploreProgress: (requestId, progress) =>
      current(requestId, (s) => (s.exploreStatus === 'running' ? { exploreProgress: progress } : {}), 'explore/progress'),
    finishExplore: (requestId, result) => current(requestId, () => ({ exploreStatus: 'done', exploreResult: result }), 'explore/finish'),
    stopExplore: (requestId) =>
      current(requestId, (s) => (s.exploreStatus === 'running' ? { exploreStatus: 'stopped' } : {}), 'explore/stop'),
    failExplore: (requestId, error) => current(requestId, () => ({ exploreStatus: 'error', exploreError: error }), 'explore/fail'),
  };
};

// The explore view's state: which search is running or was last run (its inputs are a snapshot of the
// races view's inputs and the CPU count, so a counterexample can be loaded into the stepper later even
// after the inputs changed), its live progress, its result, and the reduction switches.
import type { CheckerName, ExploreProgressReport, ExploreReply } from '../../workers/api.ts';
import { buildRaceConfig, raceBaseKey, type RaceParams } from '../races/raceConfig.ts';
import type { AppStateCreator } from '../state/store.ts';

export type ExploreStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';

/** What a search is for: the races inputs (without a schedule) and the CPU count. */
export interface ExploreTarget {
  params: RaceParams;
  cpus: number;
}

/** Both reductions are on unless a link or the user turns them off. */
export const DEFAULT_EXPLORE_REDUCTIONS = { exploreSymmetry: true, explorePor: true } as const;

/** The memory budgets offered (MiB); 512 is the browser's default (workers/exploreApi.ts). */
export const EXPLORE_BUDGETS_MIB = [64, 128, 256, 512, 1024, 2048] as const;
export const DEFAULT_EXPLORE_BUDGET_MIB = 512;

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
  /** Memory budget of the next search, in MiB. */
  exploreBudgetMiB: number;

  setExploreReductions: (symmetry: boolean, por: boolean) => void;
  setExploreBudget: (mib: number) => void;
  startExplore: (requestId: number, target: ExploreTarget) => void;
  reportExploreProgress: (requestId: number, progress: ExploreProgressReport) => void;
  finishExplore: (requestId: number, result: ExploreReply) => void;
  /** The search was stopped (the worker terminated): keep the last progress, no result. */
  stopExplore: (requestId: number) => void;
  failExplore: (requestId: number, error: string) => void;
  /**
   * Load the shortest schedule that trips `checker` into the race stepper, with the cursor on the step
   * where the violation shows, and switch to the Races tab: one update (so one history entry). Uses the
   * searched inputs, not the current ones.
   */
  showCounterexample: (checker: CheckerName) => void;
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
    ...DEFAULT_EXPLORE_REDUCTIONS,
    exploreBudgetMiB: DEFAULT_EXPLORE_BUDGET_MIB,
    setExploreBudget: (mib) => set({ exploreBudgetMiB: mib }, undefined, 'explore/setBudget'),

    setExploreReductions: (symmetry, por) =>
      set(
        (s) => (s.exploreSymmetry === symmetry && s.explorePor === por ? s : { exploreSymmetry: symmetry, explorePor: por }),
        undefined,
        'explore/setReductions',
      ),
    startExplore: (requestId, target) =>
      set(
        {
          exploreStatus: 'running',
          exploreRequestId: requestId,
          exploreTarget: target,
          exploreProgress: null,
          exploreResult: null,
          exploreError: null,
        },
        undefined,
        'explore/start',
      ),
    reportExploreProgress: (requestId, progress) =>
      current(requestId, (s) => (s.exploreStatus === 'running' ? { exploreProgress: progress } : {}), 'explore/progress'),
    finishExplore: (requestId, result) => current(requestId, () => ({ exploreStatus: 'done', exploreResult: result }), 'explore/finish'),
    stopExplore: (requestId) =>
      current(requestId, (s) => (s.exploreStatus === 'running' ? { exploreStatus: 'stopped' } : {}), 'explore/stop'),
    failExplore: (requestId, error) => current(requestId, () => ({ exploreStatus: 'error', exploreError: error }), 'explore/fail'),
    showCounterexample: (checker) =>
      set(
        (s) => {
          const target = s.exploreTarget;
          const cx = s.exploreResult?.violations[checker];
          if (!target || !cx) return s;
          const config = buildRaceConfig(target.params, { cpus: target.cpus, nodes: s.nodes, pageSize: s.pageSize }, s.raceCatalog);
          if (!config) return s;
          // target.cpus is a built config's CPU count, so it is in range: no clamping as setCpus does.
          return {
            cpus: target.cpus,
            raceParams: { ...target.params, schedule: [...cx.schedule], scheduleBase: raceBaseKey(config) },
            raceStep: cx.steps,
            raceScheduleSource: 'explorer' as const,
            raceWindow: null,
            racePlaying: false,
            activeView: 'races',
          };
        },
        undefined,
        'explore/showCounterexample',
      ),
  };
};

// Stepping and scrubbing never re-run the model: every cursor move asks the worker for that step's
// view of the loaded run, through the coalescing step fetcher (one call in flight, newest step next,
// the next step in the direction of travel prefetched while idle).
import { useEffect } from 'react';
import { shallow } from 'zustand/shallow';
import type { StepView } from '../../workers/api.ts';
import { getSimEpoch } from '../sim/simClient.ts';
import { errorMessage, isCancellation, requestSim } from '../sim/simRequest.ts';
import { useAppStore } from '../state/store.ts';
import { createStepFetcher } from './stepFetcher.ts';

export function useRaceStepper(): void {
  useEffect(() => {
    const fetcher = createStepFetcher<StepView>({
      fetch: (runId, step) => requestSim((sim) => sim.stepView(runId, step)),
      onView: (runId, _step, view) => {
        useAppStore.getState().showRaceView(runId, view);
        // After React's render of the view (queued first): lay the page out now, while the frame is
        // still to come, so that the frame itself has only painting left.
        queueMicrotask(() => void document.documentElement.offsetHeight);
      },
      onError: (_runId, error) => {
        const s = useAppStore.getState();
        // A run kept by a worker that has since been restarted is re-run anyway: not worth an alert.
        if (s.raceRun.status === 'running' || s.raceRun.data?.epoch !== getSimEpoch()) return;
        s.failRaceRun(s.raceRun.runId, errorMessage(error));
      },
      isCancellation,
      lastStep: () => useAppStore.getState().raceRun.data?.result.steps ?? 0,
    });
    const sync = () => {
      const s = useAppStore.getState();
      const race = s.raceRun.data;
      fetcher.setRun(race ? race.workerRunId : null, s.raceView?.step);
      fetcher.request(s.raceStep);
    };
    const off = useAppStore.subscribe((s) => [s.raceStep, s.raceRun.data?.workerRunId] as const, sync, { equalityFn: shallow });
    sync();
    return () => {
      off();
      fetcher.dispose();
    };
  }, []);
}

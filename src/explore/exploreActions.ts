// Starting and stopping a search (loading a counterexample is a store action: showCounterexample). The
// search is one long worker call; progress comes back through a comlink proxy, and Stop terminates the
// worker (the next request starts a fresh one, and the races view re-runs its scenario there).
import { proxy } from 'comlink';
import type { ExploreProgressReport } from '../../workers/api.ts';
import { resetSim } from '../sim/simClient.ts';
import { nextRequestId } from '../sim/requestId.ts';
import { errorMessage, isCancellation, requestSim } from '../sim/simRequest.ts';
import { useAppStore } from '../state/store.ts';
import { buildRaceConfig } from '../races/raceConfig.ts';
import { exploreCpusProblem } from './exploreConfig.ts';

/** Explore every interleaving of the current scenario, variant, rule and CPU count. */
export async function runExplore(): Promise<void> {
  const s = useAppStore.getState();
  if (s.exploreStatus === 'running') return;
  const params = { ...s.raceParams, schedule: [], scheduleBase: '' };
  const minCpus = s.raceCatalog?.scenarios.find((c) => c.name === params.scenario)?.minCpus ?? 1;
  if (exploreCpusProblem(s.cpus, minCpus)) return;
  const config = buildRaceConfig(params, { cpus: s.cpus, nodes: s.nodes, pageSize: s.pageSize }, s.raceCatalog);
  if (!config) return;
  const requestId = nextRequestId();
  s.startExplore(requestId, { params, cpus: config.cpus });
  const onProgress = proxy((p: ExploreProgressReport) => useAppStore.getState().reportExploreProgress(requestId, p));
  try {
    const reply = await requestSim((sim) =>
      sim.explore(config, { symmetry: s.exploreSymmetry, por: s.explorePor, maxMemory: s.exploreBudgetMiB * 2 ** 20 }, onProgress),
    );
    useAppStore.getState().finishExplore(requestId, reply);
  } catch (error) {
    if (isCancellation(error)) useAppStore.getState().stopExplore(requestId);
    else useAppStore.getState().failExplore(requestId, errorMessage(error));
  }
}

/** Stop the search in flight by terminating the worker. */
export function stopExploring(): void {
  if (useAppStore.getState().exploreStatus === 'running') resetSim();
}

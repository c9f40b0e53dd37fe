// The compare view's worker request: both runs and their diff whenever the inputs name another
// comparison. Each run's schedule (actor ids for the lanes) and timeline index are built once here.
import type { Remote } from 'comlink';
import type { SimApi } from '../../workers/api.ts';
import { useSimEpoch, useSimQuery } from '../sim/useSimQuery.ts';
import { buildRaceTimeline } from '../races/raceTimeline.ts';
import { useAppStore } from '../state/store.ts';
import type { AppState } from '../state/store.ts';
import { buildCompareConfig, compareConfigKey } from './compareConfig.ts';
import type { CompareRun, LoadedCompare } from './compareSlice.ts';

/** The comparison the inputs name (a fresh object: derive a key from it). */
export const selectCompareConfig = (s: AppState) =>
  buildCompareConfig(s.compareParams, { cpus: s.cpus, nodes: s.nodes, pageSize: s.pageSize });

async function loadCompare(sim: Remote<SimApi>, state: AppState): Promise<Omit<LoadedCompare, 'epoch'>> {
  const config = selectCompareConfig(state);
  const h = await sim.compare(config, { a: state.compareCursor.a, b: state.compareCursor.b }, Math.max(0, state.compareCursor.a - 1));
  const side = async (run: typeof h.a): Promise<CompareRun> => {
    const actorIds = await sim.schedule(run.runId);
    return { workerRunId: run.runId, result: run.result, actorIds, timeline: buildRaceTimeline(run.result, actorIds) };
  };
  return {
    key: compareConfigKey(config),
    a: await side(h.a),
    b: await side(h.b),
    diff: h.diff,
    status: h.status,
    schedule: h.schedule,
    blocked: h.blocked,
  };
}

/** Mounts the comparison query (the result and error are in the store). */
export function useCompareRun(): void {
  const epoch = useSimEpoch();
  const key = useAppStore((s) => compareConfigKey(selectCompareConfig(s)));
  const loaded = useAppStore((s) => s.compareRun.data);
  const startCompareRun = useAppStore((s) => s.startCompareRun);
  const finishCompareRun = useAppStore((s) => s.finishCompareRun);
  const failCompareRun = useAppStore((s) => s.failCompareRun);
  const upToDate = loaded !== null && loaded.key === key && loaded.epoch === epoch;
  useSimQuery<Omit<LoadedCompare, 'epoch'>>({
    key: `compare/${key}`,
    enabled: !upToDate,
    terminateAfterMs: 400,
    run: (sim) => loadCompare(sim, useAppStore.getState()),
    onStart: startCompareRun,
    onResult: (id, reply) => finishCompareRun(id, { ...reply, epoch }),
    onError: failCompareRun,
  });
}

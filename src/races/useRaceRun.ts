// The races view's worker requests: the catalog once, and a run whenever the inputs name a config
// that is not the loaded run (a fork loads its own run, so its schedule does not re-run it). The run
// arrives with the view at the cursor's step and the whole schedule (actor ids for the lanes).
import type { Remote } from 'comlink';
import { useState } from 'react';
import type { RunConfig, SimApi, StepView } from '../../workers/api.ts';
import { useSimEpoch, useSimQuery } from '../sim/useSimQuery.ts';
import { useAppStore } from '../state/store.ts';
import type { LoadedRace } from '../state/racesSlice.ts';
import { raceConfigKey } from './raceConfig.ts';
import { selectLoadedRace, selectRaceConfig } from './raceSelectors.ts';
import { buildRaceTimeline } from './raceTimeline.ts';

export interface RaceRunReply {
  race: Omit<LoadedRace, 'epoch'>;
  view: StepView;
}

/** Load a run's schedule and build its timeline index (once per run, on the main thread). */
export async function completeRace(
  sim: Remote<SimApi>,
  handle: Awaited<ReturnType<SimApi['runScenario']>>,
  key: string,
): Promise<RaceRunReply> {
  const actorIds = await sim.schedule(handle.runId);
  const timeline = buildRaceTimeline(handle.result, actorIds);
  return { race: { workerRunId: handle.runId, key, result: handle.result, actorIds, timeline }, view: handle.view };
}

/** Run `config` with the view at `atStep`, keyed by the config as sent. */
export async function loadRace(sim: Remote<SimApi>, config: RunConfig, atStep: number): Promise<RaceRunReply> {
  return completeRace(sim, await sim.runScenario(config, atStep), raceConfigKey(config));
}

/** Mounts the catalog and run queries; returns the catalog's error, if any (the run's is in the store). */
export function useRaceRun(): string | null {
  const [catalogError, setCatalogError] = useState<string | null>(null);
  const epoch = useSimEpoch();
  const catalogLoaded = useAppStore((s) => s.raceCatalog !== null);
  const setRaceCatalog = useAppStore((s) => s.setRaceCatalog);
  useSimQuery({
    key: 'races/catalog',
    enabled: !catalogLoaded,
    run: (sim) => sim.catalog(),
    onStart: () => setCatalogError(null),
    onResult: (_id, catalog) => setRaceCatalog(catalog),
    onError: (_id, message) => setCatalogError(message),
  });

  const configKey = useAppStore((s) => {
    const c = selectRaceConfig(s);
    return c ? raceConfigKey(c) : null;
  });
  const loaded = useAppStore(selectLoadedRace);
  const startRaceRun = useAppStore((s) => s.startRaceRun);
  const finishRaceRun = useAppStore((s) => s.finishRaceRun);
  const failRaceRun = useAppStore((s) => s.failRaceRun);
  const upToDate = loaded !== null && loaded.key === configKey && loaded.epoch === epoch;
  useSimQuery<RaceRunReply>({
    key: `races/run/${configKey}`,
    enabled: configKey !== null && !upToDate,
    // Long runs (8192-CPU storms) are abandoned by terminating the worker when superseded.
    terminateAfterMs: 400,
    run: (sim) => {
      const state = useAppStore.getState();
      const config = selectRaceConfig(state);
      if (!config) throw new Error('The scenario catalog has not loaded yet.');
      return loadRace(sim, config, state.raceStep);
    },
    onStart: startRaceRun,
    onResult: (id, reply) => finishRaceRun(id, { ...reply.race, epoch }, reply.view),
    onError: failRaceRun,
  });
  return catalogError;
}

// Choosing the next step yourself: fork the loaded run at the cursor with another actor. The worker
// replays the first `step` choices, takes the chosen actor, then lets the scenario's policy continue;
// the new run replaces the current one, and its schedule becomes the config's (for links).
import { nextRequestId } from '../sim/requestId.ts';
import { errorMessage, isCancellation, requestSim } from '../sim/simRequest.ts';
import { useAppStore } from '../state/store.ts';
import { buildRaceConfig, raceBaseKey, raceConfigKey } from './raceConfig.ts';
import { selectRaceConfig } from './raceSelectors.ts';
import { completeRace } from './useRaceRun.ts';

export async function forkRace(actorId: string): Promise<void> {
  const start = useAppStore.getState();
  const race = start.raceRun.data;
  const config = selectRaceConfig(start);
  if (!race || !config) return;
  const step = start.raceView?.step ?? start.raceStep;
  const requestId = nextRequestId();
  start.startRaceRun(requestId);
  start.setRacePlaying(false);
  try {
    const reply = await requestSim(async (sim) => {
      const handle = await sim.fork(race.workerRunId, step, actorId);
      const loaded = await completeRace(sim, handle, '');
      // The config's schedule: the new run's actor ids (schedule(runId)) up to and including the choice.
      const schedule = loaded.race.actorIds.slice(0, handle.result.config.schedule.length);
      const base = raceBaseKey(config);
      const s = useAppStore.getState();
      const forked = buildRaceConfig(
        { ...start.raceParams, schedule, scheduleBase: base },
        { cpus: s.cpus, nodes: s.nodes, pageSize: s.pageSize },
        s.raceCatalog,
      );
      return { ...loaded, race: { ...loaded.race, key: forked ? raceConfigKey(forked) : '' }, schedule, base };
    });
    useAppStore.getState().finishRaceRun(requestId, { ...reply.race, epoch: race.epoch }, reply.view, {
      schedule: reply.schedule,
      scheduleBase: reply.base,
    });
  } catch (error) {
    if (!isCancellation(error)) useAppStore.getState().failRaceRun(requestId, errorMessage(error));
  }
}

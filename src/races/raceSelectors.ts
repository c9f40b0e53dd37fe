// Named selectors of the races view (components pick the narrowest value).
import type { AppState } from '../state/store.ts';
import { buildRaceConfig, clampRaceCpus, effectiveToggles } from './raceConfig.ts';

export const selectRaceParams = (s: AppState) => s.raceParams;
export const selectRaceScenario = (s: AppState) => s.raceParams.scenario;
export const selectRaceCatalog = (s: AppState) => s.raceCatalog;
export const selectRaceRun = (s: AppState) => s.raceRun;
export const selectLoadedRace = (s: AppState) => s.raceRun.data;
export const selectRaceResult = (s: AppState) => s.raceRun.data?.result ?? null;
export const selectRaceTimeline = (s: AppState) => s.raceRun.data?.timeline ?? null;
export const selectRaceView = (s: AppState) => s.raceView;
export const selectRaceStep = (s: AppState) => s.raceStep;
export const selectRaceSteps = (s: AppState) => s.raceRun.data?.result.steps ?? 0;
export const selectRaceAtStart = (s: AppState) => s.raceStep <= 0;
export const selectRaceAtEnd = (s: AppState) => s.raceStep >= selectRaceSteps(s);
export const selectRaceLoaded = (s: AppState) => s.raceRun.data !== null;
export const selectRacePlaying = (s: AppState) => s.racePlaying;
export const selectRaceSpeed = (s: AppState) => s.raceSpeed;
export const selectRaceWindow = (s: AppState) => s.raceWindow;
export const selectRaceError = (s: AppState) => s.raceRun.error;
export const selectRaceBusy = (s: AppState) => s.raceRun.status === 'running';
/** The status line of the step shown ("Step k of n · …"), or null before the first view. */
export const selectRaceStatusText = (s: AppState) =>
  s.raceView ? `Step ${s.raceView.step} of ${s.raceView.steps} · ${s.raceView.status}` : null;

/** The toggles in effect (explicit or the variant's preset), or null before the catalog loads. */
export const selectRaceToggles = (s: AppState) => effectiveToggles(s.raceParams, s.raceCatalog);

/** The minimum CPU count of the current scenario (1 before the catalog loads). */
export const selectRaceMinCpus = (s: AppState) => s.raceCatalog?.scenarios.find((c) => c.name === s.raceParams.scenario)?.minCpus ?? 1;

/** The CPU count the races model runs (the shared count, clamped), and why when it differs. */
export const selectRaceCpus = (s: AppState) => {
  const scenario = s.raceCatalog?.scenarios.find((c) => c.name === s.raceParams.scenario);
  return clampRaceCpus(s.cpus, scenario?.minCpus ?? 1, scenario?.title);
};

/** The RunConfig of the current inputs (a fresh object: derive a key from it, do not select it raw). */
export const selectRaceConfig = (s: AppState) =>
  buildRaceConfig(s.raceParams, { cpus: s.cpus, nodes: s.nodes, pageSize: s.pageSize }, s.raceCatalog);

/**
 * Where the run's schedule comes from, in words, or null for the scenario's own (or a seeded random)
 * interleaving. A forked prefix comes from a hand-picked fork, the explorer's counterexample or a link.
 */
export const selectRaceScheduleNote = (s: AppState): string | null => {
  const n = s.raceParams.schedule.length;
  if (!n) return null;
  const steps = `${n} step${n === 1 ? '' : 's'}`;
  const then = s.raceParams.policy === 'random' ? 'a seeded random interleaving' : 'the scenario’s own interleaving';
  switch (s.raceScheduleSource) {
    case 'explorer':
      return `Schedule from the explorer’s counterexample: its ${steps}, then ${then}.`;
    case 'hand':
      return `Forked schedule: the first ${steps} chosen by hand, then ${then}.`;
    case 'link':
      return `Schedule from the link: its first ${steps}, then ${then}.`;
  }
};

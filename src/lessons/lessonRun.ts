// Between a lesson step and the races view's inputs: the lesson's run becomes the races view's params,
// CPU count and cursor, so that the lessons view shows the very timeline, CPU grid and code the races
// view shows, and "Try it yourself" opens the same run there.
import type { StepView, Verdict } from '../../workers/api.ts';
import { DEFAULT_RACE_PARAMS, type RaceParams } from '../races/raceConfig.ts';
import { PNT_RULE_PRESETS } from '../../workers/model/constants.ts';
import { MIN_WINDOW_STEPS } from '../state/racesSlice.ts';
import type { AppState } from '../state/store.ts';
import type { QueryContext } from './lessonQuery.ts';
import type { LessonRun } from './lessonSchema.ts';

/** The machine every lesson runs on (a lesson's run only sets the CPU count). */
export const LESSON_MACHINE = { nodes: 1, pageSize: 4096 } as const;

/** The races inputs of a lesson run: the scenario's own interleaving, default seed and allocator path. */
export function raceParamsOf(run: LessonRun): RaceParams {
  return {
    ...DEFAULT_RACE_PARAMS,
    scenario: run.scenario,
    variant: run.variant,
    pntRule: run.pntRule,
    ...PNT_RULE_PRESETS[run.pntRule],
    irqWork: run.irqWork,
    irqDelivery: run.irqDelivery,
  };
}

function sameParams(a: RaceParams, b: RaceParams): boolean {
  return (
    a.scenario === b.scenario &&
    a.variant === b.variant &&
    a.toggles === b.toggles &&
    a.pntRule === b.pntRule &&
    a.skipHigherClass === b.skipHigherClass &&
    a.bumpOnPick === b.bumpOnPick &&
    a.irqWork === b.irqWork &&
    a.irqDelivery === b.irqDelivery &&
    a.seed === b.seed &&
    a.stormKicks === b.stormKicks &&
    a.policy === b.policy &&
    a.kvmallocPath === b.kvmallocPath &&
    a.failAllocAt === b.failAllocAt &&
    a.schedule.length === 0 &&
    b.schedule.length === 0
  );
}

/**
 * Points the races inputs at `run`, paused at `modelStep` (no-op writes keep the loaded run). The timeline
 * shows the run up to that step, so the marks of what comes next do not give a prediction away ("Fit"
 * shows the rest).
 */
export function showLessonRun(s: AppState, run: LessonRun, modelStep: number): void {
  s.setCpus(run.cpus);
  s.setNodes(LESSON_MACHINE.nodes);
  s.setPageSize(LESSON_MACHINE.pageSize);
  const params = raceParamsOf(run);
  s.restoreRace(sameParams(s.raceParams, params) ? s.raceParams : params, modelStep, [0, Math.max(modelStep + 1, MIN_WINDOW_STEPS)]);
}

/** The query context of the loaded run at `modelStep`, when the loaded run is `run` and that step is shown. */
export function lessonContext(s: Pick<AppState, 'raceRun' | 'raceView'>, run: LessonRun, modelStep: number): QueryContext | null {
  const data = s.raceRun.data;
  const view: StepView | null = s.raceView;
  if (!data || !view || s.raceRun.status !== 'done' || view.step !== modelStep) return null;
  const c = data.result.config;
  const same =
    c.scenario === run.scenario &&
    c.variant === run.variant &&
    c.cpus === run.cpus &&
    c.pntRule === run.pntRule &&
    c.irqWork === run.irqWork &&
    c.irqDelivery === run.irqDelivery;
  if (!same) return null;
  const verdict: Verdict = data.result.verdict;
  return { view, verdict };
}

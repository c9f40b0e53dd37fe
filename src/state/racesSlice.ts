// The races view's state: its inputs (in the link, through src/url/: scenario, variant/toggles, rule,
// seed, forked schedule, the visible step window), the loaded run with its timeline index (replaced
// whole, never mutated), the step view shown, and the cursor and player.
import type { Catalog, KickRules, PntRule, RunResult, ScenarioName, StepView, Toggles, VariantName } from '../../workers/api.ts';
import { IRQ_DELIVERIES, IRQ_WORK_MODES, isKvmallocPath, PNT_RULE_PRESETS, PNT_RULES, pntRuleOf } from '../../workers/model/constants.ts';
import type { RaceTimeline } from '../races/raceTimeline.ts';
import {
  DEFAULT_RACE_PARAMS,
  effectiveToggles,
  FAIL_ALLOC_MAX,
  FAIL_ALLOC_NEVER,
  RACE_POLICIES,
  type IrqDelivery,
  type IrqWork,
  type KvmallocPath,
  type RaceParams,
  type RacePolicy,
  type ToggleName,
} from '../races/raceConfig.ts';
import { createIdleRun, failRun, finishRun, startRun, type RunState } from './runState.ts';
import type { AppStateCreator } from './store.ts';

/** A run as the races view holds it: the worker's handle, the result and what was derived from it once. */
export interface LoadedRace {
  /** Id of the run inside the worker (for stepView and fork). */
  workerRunId: number;
  /** raceConfigKey of the config this run is (a fork sets it to its own config's key). */
  key: string;
  /** Worker epoch the run lives in; a restarted worker no longer has it. */
  epoch: number;
  result: RunResult;
  /** The run's whole schedule as actor ids (index = trace step). */
  actorIds: readonly string[];
  timeline: RaceTimeline;
}

/** Visible step window of the timeline [startStep, endStep]; null = the whole run. */
export type StepWindow = readonly [number, number];

export const RACE_SPEEDS = [1, 2, 5, 10, 25, 100, 500] as const;
export const DEFAULT_RACE_SPEED = 5;
/** Narrowest window the timeline zooms to, steps. */
export const MIN_WINDOW_STEPS = 4;

export interface RacesSlice {
  raceParams: RaceParams;
  raceCatalog: Catalog | null;
  raceRun: RunState<LoadedRace>;
  raceView: StepView | null;
  /** The step the cursor is on (the view may still be on its way). */
  raceStep: number;
  racePlaying: boolean;
  /** Steps per second while playing. */
  raceSpeed: number;
  raceWindow: StepWindow | null;
  /** Where a non-empty schedule came from: forked by hand, an explorer counterexample, or a link. */
  raceScheduleSource: RaceScheduleSource;

  setRaceCatalog: (catalog: Catalog) => void;
  setRaceScenario: (scenario: ScenarioName) => void;
  setRaceVariant: (variant: VariantName) => void;
  setRaceToggle: (name: ToggleName, value: boolean) => void;
  /** A pnt_seq rule preset: sets both a379fa1e2cae-series switches. */
  setRacePntRule: (rule: PntRule) => void;
  /** One of the two a379fa1e2cae-series commits on its own (the rule becomes 'custom' when they are mixed). */
  setRaceKickRule: (name: keyof KickRules, on: boolean) => void;
  setRaceSeed: (seed: number) => void;
  setRaceStormKicks: (kicks: number) => void;
  /** The schedule after a forked prefix: the scenario's own interleaving or a seeded random one. */
  setRacePolicy: (policy: RacePolicy) => void;
  /** Which allocator kvzalloc_node() uses when S > PAGE_SIZE. */
  setRaceKvmallocPath: (path: KvmallocPath) => void;
  /** Kick irq work: hard irq or threaded (PREEMPT_RT before 36c6f3c03d10). */
  setRaceIrqWork: (irqWork: IrqWork) => void;
  /** irq_work delivery: self-interrupt (x86, arm64) or timer tick. */
  setRaceIrqDelivery: (irqDelivery: IrqDelivery) => void;
  /** The 0-based kvzalloc_node() call that fails with -ENOMEM; a negative or non-finite value = never. */
  setRaceFailAllocAt: (call: number) => void;
  /** Whether every scx_alloc_and_add_sched() fails with -ENOMEM (the err_free_pseqs path). */
  setRaceFailSchedAlloc: (fail: boolean) => void;
  /** A schedule (actor ids from step 0); `base` limits it to the config with that base key ('' = any). */
  setRaceSchedule: (schedule: readonly string[], base?: string) => void;
  startRaceRun: (requestId: number) => void;
  /** The run of request `requestId` arrived (with `params` changed in the same update, e.g. a fork's schedule). */
  finishRaceRun: (requestId: number, race: LoadedRace, view: StepView, params?: Partial<RaceParams>) => void;
  failRaceRun: (requestId: number, error: string) => void;
  /** Show a step view of the current run (ignored for any other run). */
  showRaceView: (workerRunId: number, view: StepView) => void;
  setRaceStep: (step: number) => void;
  stepRaceBy: (delta: number) => void;
  setRacePlaying: (playing: boolean) => void;
  toggleRacePlaying: () => void;
  setRaceSpeed: (stepsPerSecond: number) => void;
  zoomRaceToRange: (startStep: number, endStep: number) => void;
  resetRaceZoom: () => void;
  /** Back to step 0 of the scenario's own interleaving, paused, zoomed out. */
  resetRace: () => void;
  /** Inputs, cursor and window from a shared link, paused; the run clamps the cursor and window when it arrives. */
  restoreRace: (params: RaceParams, step: number, window: StepWindow | null) => void;
}

export type RaceScheduleSource = 'hand' | 'explorer' | 'link';

/** Number of states of the loaded run's cursor: steps (the cursor goes 0..steps). */
function lastStepOf(s: { raceRun: RunState<LoadedRace> }): number {
  return s.raceRun.data?.result.steps ?? 0;
}

function clampStep(step: number, last: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(last, Math.max(0, Math.round(step)));
}

/** A window clamped into [0, domainEnd] and at least MIN_WINDOW_STEPS wide (or the domain, if smaller). */
export function clampWindow(startStep: number, endStep: number, domainEnd: number): StepWindow {
  const end = Math.max(domainEnd, 1);
  let a = Math.min(startStep, endStep);
  let b = Math.max(startStep, endStep);
  const width = Math.min(end, Math.max(MIN_WINDOW_STEPS, b - a));
  if (b - a < width) {
    const mid = (a + b) / 2;
    a = mid - width / 2;
    b = mid + width / 2;
  }
  if (a < 0) {
    b -= a;
    a = 0;
  }
  if (b > end) {
    a -= b - end;
    b = end;
  }
  return [Math.max(0, a), b];
}

export const createRacesSlice: AppStateCreator<RacesSlice> = (set, get) => {
  const setParams = (patch: Partial<RaceParams>, action: string) =>
    set(
      (s) => {
        const next = { ...s.raceParams, ...patch };
        const same = (Object.keys(patch) as (keyof RaceParams)[]).every((k) => s.raceParams[k] === next[k]);
        return same ? s : { raceParams: next };
      },
      undefined,
      action,
    );
  /** Changing what the run is (variant, rule, policy, allocator path, failing call) drops a forked schedule: it was chosen for the old run. */
  const setInput = (patch: Partial<RaceParams>, action: string) =>
    set(
      (s) => {
        const same = (Object.keys(patch) as (keyof RaceParams)[]).every((k) => s.raceParams[k] === patch[k]);
        return same ? s : { raceParams: { ...s.raceParams, ...patch, schedule: [], scheduleBase: '' } };
      },
      undefined,
      action,
    );
  const updateRun = (
    f: (run: RunState<LoadedRace>) => RunState<LoadedRace>,
    extra: (s: RacesSlice) => Partial<RacesSlice>,
    action: string,
  ) =>
    set(
      (s) => {
        const next = f(s.raceRun);
        return next === s.raceRun ? s : { raceRun: next, ...extra(s) };
      },
      undefined,
      action,
    );

  return {
    raceParams: DEFAULT_RACE_PARAMS,
    raceCatalog: null,
    raceRun: createIdleRun(),
    raceView: null,
    raceStep: 0,
    raceScheduleSource: 'link',
    racePlaying: false,
    raceSpeed: DEFAULT_RACE_SPEED,
    raceWindow: null,

    setRaceCatalog: (catalog) => set((s) => (s.raceCatalog === catalog ? s : { raceCatalog: catalog }), undefined, 'races/setCatalog'),
    setRaceScenario: (scenario) =>
      set(
        (s) =>
          s.raceParams.scenario === scenario
            ? s
            : {
                raceParams: { ...s.raceParams, scenario, schedule: [], scheduleBase: '' },
                raceStep: 0,
                raceWindow: null,
                racePlaying: false,
              },
        undefined,
        'races/setScenario',
      ),
    setRaceVariant: (variant) => setInput({ variant, toggles: null }, 'races/setVariant'),
    setRaceToggle: (name, value) =>
      set(
        (s) => {
          const current = effectiveToggles(s.raceParams, s.raceCatalog);
          if (!current || current[name] === value) return s;
          // Any hand-set toggle makes the variant 'custom' (the explanation names a preset with the same toggles).
          const toggles: Toggles = { ...current, [name]: value };
          return { raceParams: { ...s.raceParams, variant: 'custom', toggles, schedule: [], scheduleBase: '' } };
        },
        undefined,
        'races/setToggle',
      ),
    setRacePntRule: (pntRule) => {
      if (PNT_RULES.includes(pntRule)) setInput({ pntRule, ...PNT_RULE_PRESETS[pntRule] }, 'races/setPntRule');
    },
    setRaceKickRule: (name, on) => {
      const p = get().raceParams;
      const rules: KickRules = { skipHigherClass: p.skipHigherClass, bumpOnPick: p.bumpOnPick, [name]: on };
      setInput({ ...rules, pntRule: pntRuleOf(rules) }, 'races/setKickRule');
    },
    setRaceSeed: (seed) => {
      const next = Math.min(0xffffffff, Math.max(0, Math.round(Number.isFinite(seed) ? seed : 0)));
      // The seed and storm size keep a forked schedule: its prefix usually still replays.
      setParams({ seed: next }, 'races/setSeed');
    },
    setRaceStormKicks: (kicks) => {
      const next = Math.min(10_000_000, Math.max(1, Math.round(Number.isFinite(kicks) ? kicks : 1)));
      setParams({ stormKicks: next }, 'races/setStormKicks');
    },
    setRacePolicy: (policy) => {
      if (RACE_POLICIES.includes(policy)) setInput({ policy }, 'races/setPolicy');
    },
    setRaceKvmallocPath: (kvmallocPath) => {
      if (isKvmallocPath(kvmallocPath)) setInput({ kvmallocPath }, 'races/setKvmallocPath');
    },
    setRaceIrqWork: (irqWork) => {
      if (IRQ_WORK_MODES.includes(irqWork)) setInput({ irqWork }, 'races/setIrqWork');
    },
    setRaceIrqDelivery: (irqDelivery) => {
      if (IRQ_DELIVERIES.includes(irqDelivery)) setInput({ irqDelivery }, 'races/setIrqDelivery');
    },
    setRaceFailAllocAt: (call) => {
      const failAllocAt = Number.isFinite(call) && call >= 0 ? Math.min(FAIL_ALLOC_MAX, Math.round(call)) : FAIL_ALLOC_NEVER;
      setInput({ failAllocAt }, 'races/setFailAllocAt');
    },
    setRaceFailSchedAlloc: (fail) => setInput({ failSchedAlloc: fail === true }, 'races/setFailSchedAlloc'),
    setRaceSchedule: (schedule, base = '') =>
      set(
        (s) => ({ raceParams: { ...s.raceParams, schedule: [...schedule], scheduleBase: base }, raceScheduleSource: 'link' }),
        undefined,
        'races/setSchedule',
      ),

    startRaceRun: (requestId) =>
      updateRun(
        (r) => startRun(r, requestId),
        () => ({}),
        'races/startRun',
      ),
    finishRaceRun: (requestId, race, view, params) =>
      updateRun(
        (r) => finishRun(r, requestId, race),
        (s) => ({
          ...(params ? { raceParams: { ...s.raceParams, ...params } } : {}),
          ...(params?.schedule ? { raceScheduleSource: 'hand' as const } : {}),
          raceView: view,
          raceStep: view.step,
          raceWindow: s.raceWindow ? clampWindow(s.raceWindow[0], s.raceWindow[1], race.timeline.endStep) : null,
        }),
        'races/finishRun',
      ),
    failRaceRun: (requestId, error) =>
      updateRun(
        (r) => failRun(r, requestId, error),
        () => ({ racePlaying: false }),
        'races/failRun',
      ),
    showRaceView: (workerRunId, view) =>
      set(
        (s) => (s.raceRun.data?.workerRunId !== workerRunId || s.raceView === view ? s : { raceView: view }),
        undefined,
        'races/showView',
      ),

    setRaceStep: (step) =>
      set(
        (s) => {
          const next = clampStep(step, lastStepOf(s));
          return next === s.raceStep ? s : { raceStep: next };
        },
        undefined,
        'races/setStep',
      ),
    stepRaceBy: (delta) => get().setRaceStep(get().raceStep + delta),
    setRacePlaying: (playing) =>
      set(
        (s) => {
          // Playing from the last step starts over.
          const restart = playing && !s.racePlaying && s.raceStep >= lastStepOf(s) && lastStepOf(s) > 0;
          if (s.racePlaying === playing) return s;
          return restart ? { racePlaying: playing, raceStep: 0 } : { racePlaying: playing };
        },
        undefined,
        'races/setPlaying',
      ),
    toggleRacePlaying: () => get().setRacePlaying(!get().racePlaying),
    setRaceSpeed: (raceSpeed) =>
      set((s) => (s.raceSpeed === raceSpeed || !(raceSpeed > 0) ? s : { raceSpeed }), undefined, 'races/setSpeed'),

    zoomRaceToRange: (startStep, endStep) =>
      set(
        (s) => {
          const end = s.raceRun.data?.timeline.endStep ?? 1;
          const next = clampWindow(startStep, endStep, end);
          if (next[0] <= 0 && next[1] >= end) return s.raceWindow === null ? s : { raceWindow: null };
          const w = s.raceWindow;
          return w && w[0] === next[0] && w[1] === next[1] ? s : { raceWindow: next };
        },
        undefined,
        'races/zoomToRange',
      ),
    resetRaceZoom: () => set((s) => (s.raceWindow === null ? s : { raceWindow: null }), undefined, 'races/resetZoom'),
    resetRace: () =>
      set(
        (s) => ({
          raceStep: 0,
          racePlaying: false,
          raceWindow: null,
          raceParams: s.raceParams.schedule.length ? { ...s.raceParams, schedule: [], scheduleBase: '' } : s.raceParams,
        }),
        undefined,
        'races/reset',
      ),
    restoreRace: (raceParams, step, raceWindow) =>
      set(
        { raceParams, raceStep: Math.max(0, Math.round(step)), raceWindow, racePlaying: false, raceScheduleSource: 'link' },
        undefined,
        'races/restore',
      ),
  };
};

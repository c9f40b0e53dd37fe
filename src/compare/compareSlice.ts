// The compare view's state: its inputs (in the link, through src/url/), the loaded comparison (both runs
// with their timeline indexes and the diff, replaced whole), the two cursors and the shared zoom window.
import type { CompareHandle, IrqDelivery, PntRule, ScenarioName, Toggles, VariantName } from '../../workers/api.ts';
import { SEED_MAX, TOGGLE_NAMES, VARIANT_TOGGLES, VARIANTS } from '../../workers/model/constants.ts';
import type { LoadedRace, StepWindow } from '../state/racesSlice.ts';
import { clampWindow } from '../state/racesSlice.ts';
import { createIdleRun, failRun, finishRun, startRun, type RunState } from '../state/runState.ts';
import type { AppStateCreator } from '../state/store.ts';
import type { ToggleName } from '../races/raceConfig.ts';
import { matchingStep, type Side } from './alignSteps.ts';
import {
  COMPARE_SCHEDULE_KINDS,
  DEFAULT_COMPARE_PARAMS,
  sideOfKernel,
  sideToggles,
  type CompareParams,
  type CompareScheduleKind,
  type CompareSide,
} from './compareConfig.ts';

export type CompareRun = Omit<LoadedRace, 'key' | 'epoch'>;

export interface LoadedCompare {
  key: string;
  epoch: number;
  a: CompareRun;
  b: CompareRun;
  diff: CompareHandle['diff'];
  status: string;
  schedule: readonly string[];
  blocked: CompareHandle['blocked'];
}

export interface CompareCursor {
  a: number;
  b: number;
}

export interface CompareSlice {
  compareParams: CompareParams;
  compareRun: RunState<LoadedCompare>;
  /** View steps of the two cursors (the state after k steps of each run). */
  compareCursor: CompareCursor;
  /** Shared step window of both timelines, or null for the whole of the longer run. */
  compareWindow: StepWindow | null;

  setCompareScenario: (scenario: ScenarioName) => void;
  setCompareKernel: (side: Side, id: string | null) => void;
  setCompareVariant: (side: Side, variant: VariantName) => void;
  setCompareRule: (side: Side, rule: PntRule) => void;
  setCompareToggle: (side: Side, name: ToggleName, value: boolean) => void;
  setCompareScheduleKind: (kind: CompareScheduleKind) => void;
  /** A hand-chosen schedule (e.g. the races view's forked one): switches the schedule to 'hand'. */
  setCompareSchedule: (schedule: readonly string[]) => void;
  setCompareSeed: (seed: number) => void;
  setCompareIrqDelivery: (d: IrqDelivery) => void;
  startCompareRun: (requestId: number) => void;
  finishCompareRun: (requestId: number, loaded: LoadedCompare) => void;
  failCompareRun: (requestId: number, error: string) => void;
  /** A new alignment of the loaded runs (a window around the cursor); ignored for other runs. */
  setCompareDiff: (key: string, diff: LoadedCompare['diff'], status: string) => void;
  /** Both cursors at once (clamped to each run). */
  setCompareCursor: (cursor: CompareCursor) => void;
  /** One side's cursor; the other follows to the matching step of the alignment. */
  setCompareStep: (side: Side, step: number) => void;
  zoomCompareToRange: (startStep: number, endStep: number) => void;
  resetCompareZoom: () => void;
  /** Inputs, cursors and window from a link; the run clamps them when it arrives. */
  restoreCompare: (params: CompareParams, cursor: CompareCursor, window: StepWindow | null) => void;
}

const clampStep = (step: number, last: number) => (Number.isFinite(step) ? Math.min(last, Math.max(0, Math.round(step))) : 0);

/** Last step of the shared axis: the longer run's. */
export const compareEndStep = (c: LoadedCompare | null) => Math.max(1, c?.a.timeline.endStep ?? 1, c?.b.timeline.endStep ?? 1);

export const createCompareSlice: AppStateCreator<CompareSlice> = (set) => {
  const setSide = (side: Side, f: (s: CompareSide) => CompareSide, action: string) =>
    set(
      (s) => {
        const next = f(s.compareParams[side]);
        return next === s.compareParams[side] ? s : { compareParams: { ...s.compareParams, [side]: next } };
      },
      undefined,
      action,
    );
  const setParams = (patch: Partial<CompareParams>, action: string) =>
    set(
      (s) => {
        const same = (Object.keys(patch) as (keyof CompareParams)[]).every((k) => s.compareParams[k] === patch[k]);
        return same ? s : { compareParams: { ...s.compareParams, ...patch } };
      },
      undefined,
      action,
    );
  const clampCursor = (s: CompareSlice, c: CompareCursor): CompareCursor => {
    const run = s.compareRun.data;
    return run
      ? { a: clampStep(c.a, run.a.result.steps), b: clampStep(c.b, run.b.result.steps) }
      : { a: clampStep(c.a, Infinity), b: clampStep(c.b, Infinity) };
  };
  return {
    compareParams: DEFAULT_COMPARE_PARAMS,
    compareRun: createIdleRun(),
    compareCursor: { a: 0, b: 0 },
    compareWindow: null,

    setCompareScenario: (scenario) =>
      set(
        (s) =>
          s.compareParams.scenario === scenario
            ? s
            : {
                compareParams: {
                  ...s.compareParams,
                  scenario,
                  schedule: [],
                  scheduleKind: s.compareParams.scheduleKind === 'hand' ? 'default' : s.compareParams.scheduleKind,
                },
                compareCursor: { a: 0, b: 0 },
                compareWindow: null,
              },
        undefined,
        'compare/setScenario',
      ),
    setCompareKernel: (side, id) =>
      setSide(
        side,
        (prev) =>
          id === null ? (prev.kernel === null ? prev : { ...prev, kernel: null }) : prev.kernel === id ? prev : sideOfKernel(id, prev),
        'compare/setKernel',
      ),
    setCompareVariant: (side, variant) =>
      setSide(
        side,
        (prev) =>
          VARIANTS.includes(variant) && (prev.variant !== variant || prev.kernel !== null)
            ? { kernel: null, variant, toggles: null, pntRule: prev.pntRule }
            : prev,
        'compare/setVariant',
      ),
    setCompareRule: (side, pntRule) =>
      setSide(
        side,
        (prev) => (prev.pntRule === pntRule && prev.kernel === null ? prev : { ...prev, kernel: null, pntRule }),
        'compare/setRule',
      ),
    setCompareToggle: (side, name, value) =>
      setSide(
        side,
        (prev) => {
          const current = sideToggles(prev);
          if (current[name] === value) return prev;
          const toggles: Toggles = { ...current, [name]: value };
          const preset = VARIANTS.find((v) => TOGGLE_NAMES.every((t) => VARIANT_TOGGLES[v][t] === toggles[t]));
          return preset
            ? { kernel: null, variant: preset, toggles: null, pntRule: prev.pntRule }
            : { kernel: null, variant: 'custom', toggles, pntRule: prev.pntRule };
        },
        'compare/setToggle',
      ),
    setCompareScheduleKind: (scheduleKind) => {
      if (COMPARE_SCHEDULE_KINDS.includes(scheduleKind)) setParams({ scheduleKind }, 'compare/setScheduleKind');
    },
    setCompareSchedule: (schedule) =>
      set(
        (s) => ({ compareParams: { ...s.compareParams, scheduleKind: 'hand', schedule: [...schedule] } }),
        undefined,
        'compare/setSchedule',
      ),
    setCompareSeed: (seed) =>
      setParams({ seed: Math.min(SEED_MAX, Math.max(0, Math.round(Number.isFinite(seed) ? seed : 0))) }, 'compare/setSeed'),

    setCompareIrqDelivery: (irqDelivery) => setParams({ irqDelivery }, 'compare/setIrqDelivery'),

    startCompareRun: (requestId) =>
      set(
        (s) => {
          const next = startRun(s.compareRun, requestId);
          return next === s.compareRun ? s : { compareRun: next };
        },
        undefined,
        'compare/startRun',
      ),
    finishCompareRun: (requestId, loaded) =>
      set(
        (s) => {
          const next = finishRun(s.compareRun, requestId, loaded);
          if (next === s.compareRun) return s;
          const end = compareEndStep(loaded);
          return {
            compareRun: next,
            compareCursor: {
              a: clampStep(s.compareCursor.a, loaded.a.result.steps),
              b: clampStep(s.compareCursor.b, loaded.b.result.steps),
            },
            compareWindow: s.compareWindow ? clampWindow(s.compareWindow[0], s.compareWindow[1], end) : null,
          };
        },
        undefined,
        'compare/finishRun',
      ),
    failCompareRun: (requestId, error) =>
      set(
        (s) => {
          const next = failRun(s.compareRun, requestId, error);
          return next === s.compareRun ? s : { compareRun: next };
        },
        undefined,
        'compare/failRun',
      ),
    setCompareDiff: (key, diff, status) =>
      set(
        (s) => {
          const run = s.compareRun.data;
          return !run || run.key !== key ? s : { compareRun: { ...s.compareRun, data: { ...run, diff, status } } };
        },
        undefined,
        'compare/setDiff',
      ),
    setCompareCursor: (cursor) =>
      set(
        (s) => {
          const next = clampCursor(s, cursor);
          return next.a === s.compareCursor.a && next.b === s.compareCursor.b ? s : { compareCursor: next };
        },
        undefined,
        'compare/setCursor',
      ),
    setCompareStep: (side, step) =>
      set(
        (s) => {
          const hunks = s.compareRun.data?.diff.hunks ?? [];
          const mine = Math.max(0, Math.round(step));
          const theirs = matchingStep(hunks, side, mine);
          const next = clampCursor(s, side === 'a' ? { a: mine, b: theirs } : { a: theirs, b: mine });
          return next.a === s.compareCursor.a && next.b === s.compareCursor.b ? s : { compareCursor: next };
        },
        undefined,
        'compare/setStep',
      ),
    zoomCompareToRange: (startStep, endStep) =>
      set(
        (s) => {
          const end = compareEndStep(s.compareRun.data);
          const next = clampWindow(startStep, endStep, end);
          if (next[0] <= 0 && next[1] >= end) return s.compareWindow === null ? s : { compareWindow: null };
          const w = s.compareWindow;
          return w && w[0] === next[0] && w[1] === next[1] ? s : { compareWindow: next };
        },
        undefined,
        'compare/zoomToRange',
      ),
    resetCompareZoom: () => set((s) => (s.compareWindow === null ? s : { compareWindow: null }), undefined, 'compare/resetZoom'),
    restoreCompare: (compareParams, cursor, compareWindow) =>
      set(
        { compareParams, compareCursor: { a: Math.max(0, Math.round(cursor.a)), b: Math.max(0, Math.round(cursor.b)) }, compareWindow },
        undefined,
        'compare/restore',
      ),
  };
};

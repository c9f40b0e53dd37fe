// What a shared link may hold: the URL state's type, its valibot schema (the definition of a valid
// state) and its defaults, which are the store's. Lists of names come from workers/model/constants.ts.
import * as v from 'valibot';
import type { PageSize, Toggles } from '../../workers/api.ts';
import {
  SEED_MAX,
  STORM_KICKS_MAX,
  STORM_KICKS_MIN,
  IRQ_DELIVERIES,
  IRQ_WORK_MODES,
  isKvmallocPath,
  MAX_CPUS,
  MAX_NODES,
  MIN_CPUS,
  MIN_NODES,
  PAGE_SIZES,
  PNT_RULES,
  SCENARIOS,
  pntRuleOf,
  VARIANT_TOGGLES,
  VARIANTS,
} from '../../workers/model/constants.ts';
import { DEFAULT_RACE_PARAMS, FAIL_ALLOC_MAX, FAIL_ALLOC_NEVER, RACE_MAX_STEPS, RACE_POLICIES } from '../races/raceConfig.ts';
import type { KvmallocPath, RaceParams, RaceVariant } from '../races/raceConfig.ts';
import { DEFAULT_MEMORY_VIEW, type GridDesign } from '../state/memorySlice.ts';
import { DEFAULT_EXPLORE_REDUCTIONS } from '../explore/exploreSlice.ts';
import { DEFAULT_PARAMS, DEFAULT_VIEW, VIEW_IDS, type ViewId } from '../state/paramsSlice.ts';
import { findLesson, LESSON_IDS } from '../lessons/lessonCatalog.ts';
import { DEFAULT_COMPARE_URL_STATE, type CompareUrlState } from '../compare/compareConfig.ts';
import { isValidCompareUrlState } from '../compare/compareUrl.ts';

/** Version of the link format (the `v` parameter). Bump when a key changes meaning. */
export const URL_SCHEMA_VERSION = 1;

export const URL_GRID_DESIGNS: readonly GridDesign[] = ['new', 'old'];
export const URL_RACE_VARIANTS: readonly RaceVariant[] = [...VARIANTS, 'custom'];

// Ranges of the numeric fields (the store's setters clamp to the same): SEED_MAX and STORM_KICKS_* are the model's.
export { SEED_MAX, STORM_KICKS_MAX, STORM_KICKS_MIN };
/** Longest schedule a link carries (actor ids). */
export const SCHEDULE_MAX = 100_000;

/** An actor id in the model's canonical spelling ("irq:0", "enable:B", "gp"). */
export const ACTOR_ID_RE = /^(?:boot|disable|gp|enable:[A-Z]|(?:bpf|irq|sched|wake|qs|cb):(?:0|[1-9][0-9]{0,4}))$/;

/**
 * Everything a link restores: the shared machine, the memory view's choices, and the races inputs (the
 * fields of RaceParams without its internal schedule base key), cursor and zoom window. `toggles` is set
 * exactly when `variant` is 'custom'.
 */
export interface UrlState extends Omit<RaceParams, 'scheduleBase'> {
  view: ViewId;
  cpus: number;
  pageSize: PageSize;
  nodes: number;
  /** Memory chart axes: log (true) or linear. */
  logScale: boolean;
  /** Memory view's CPU grid: the new kvzalloc arrays or the old percpu units. */
  gridDesign: GridDesign;
  /** The races cursor (state after `step` steps). */
  step: number;
  /** The races timeline's zoom window [startStep, endStep], or null for the whole run. */
  window: readonly [number, number] | null;
  /** The explore view's reductions: idle-CPU symmetry and the quiescent-state partial-order reduction. */
  exploreSymmetry: boolean;
  explorePor: boolean;
  /** The open lesson (lessons view), or null for the list of lessons. */
  lesson: string | null;
  /** 0-based step of the open lesson (0 when none is open); the link writes it 1-based as `lstep`. */
  lessonStep: number;
  /** The compare view: its inputs, both cursors and the zoom window (keys starting with "c"). */
  compare: CompareUrlState;
}

const { scheduleBase: _scheduleBase, ...DEFAULT_RACE_INPUTS } = DEFAULT_RACE_PARAMS;

/** The store's defaults: a link leaves out every field equal to them. */
export const DEFAULT_URL_STATE: UrlState = {
  view: DEFAULT_VIEW,
  ...DEFAULT_PARAMS,
  logScale: DEFAULT_MEMORY_VIEW.memoryLogScale,
  gridDesign: DEFAULT_MEMORY_VIEW.memoryGridDesign,
  ...DEFAULT_RACE_INPUTS,
  step: 0,
  window: null,
  exploreSymmetry: DEFAULT_EXPLORE_REDUCTIONS.exploreSymmetry,
  explorePor: DEFAULT_EXPLORE_REDUCTIONS.explorePor,
  lesson: null,
  lessonStep: 0,
  compare: DEFAULT_COMPARE_URL_STATE,
};

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const TogglesSchema = v.strictObject({
  lazyAlloc: v.boolean(),
  rcuFree: v.boolean(),
  nullCheck: v.boolean(),
  allocAfterStateCheck: v.boolean(),
});

/** Window edges are steps with one decimal (the zoom is continuous; a tenth of a step is plenty). */
export const roundWindowEdge = (x: number) => Math.round(x * 10) / 10;
const windowEdge = v.pipe(
  v.number(),
  v.minValue(0),
  v.maxValue(RACE_MAX_STEPS),
  v.check((x) => roundWindowEdge(x) === x, 'window edges have at most one decimal'),
);

/** The variant whose preset these toggles are, or 'custom'. */
export function presetOfToggles(t: Toggles): RaceVariant {
  return (
    VARIANTS.find((name) => {
      const p = VARIANT_TOGGLES[name];
      return (
        p.lazyAlloc === t.lazyAlloc &&
        p.rcuFree === t.rcuFree &&
        p.nullCheck === t.nullCheck &&
        p.allocAfterStateCheck === t.allocAfterStateCheck
      );
    }) ?? 'custom'
  );
}

/** True when the toggles equal one variant's preset. */
export function isPresetToggles(t: Toggles): boolean {
  return presetOfToggles(t) !== 'custom';
}

/** A valid URL state: every field in range, custom toggles iff variant 'custom' (and not a preset's). */
export const UrlStateSchema = v.pipe(
  v.strictObject({
    view: v.picklist(VIEW_IDS),
    cpus: int(MIN_CPUS, MAX_CPUS),
    pageSize: v.picklist(PAGE_SIZES),
    nodes: int(MIN_NODES, MAX_NODES),
    logScale: v.boolean(),
    gridDesign: v.picklist(URL_GRID_DESIGNS),
    scenario: v.picklist(SCENARIOS),
    variant: v.picklist(URL_RACE_VARIANTS),
    toggles: v.nullable(TogglesSchema),
    pntRule: v.picklist([...PNT_RULES, 'custom'] as const),
    skipHigherClass: v.boolean(),
    bumpOnPick: v.boolean(),
    seed: int(0, SEED_MAX),
    stormKicks: int(STORM_KICKS_MIN, STORM_KICKS_MAX),
    policy: v.picklist(RACE_POLICIES),
    kvmallocPath: v.custom<KvmallocPath>(isKvmallocPath, 'a kvzalloc_node path'),
    irqWork: v.picklist(IRQ_WORK_MODES),
    irqDelivery: v.picklist(IRQ_DELIVERIES),
    failAllocAt: int(FAIL_ALLOC_NEVER, FAIL_ALLOC_MAX),
    failSchedAlloc: v.boolean(),
    schedule: v.pipe(v.array(v.pipe(v.string(), v.regex(ACTOR_ID_RE))), v.maxLength(SCHEDULE_MAX)),
    step: int(0, RACE_MAX_STEPS),
    window: v.nullable(
      v.pipe(
        v.tuple([windowEdge, windowEdge]),
        v.check(([a, b]) => a < b, 'the window must start before it ends'),
      ),
    ),
    exploreSymmetry: v.boolean(),
    explorePor: v.boolean(),
    lesson: v.nullable(v.picklist(LESSON_IDS)),
    lessonStep: v.pipe(v.number(), v.integer(), v.minValue(0)),
    compare: v.custom<CompareUrlState>((c) => isValidCompareUrlState(c)),
  }),
  v.check((s) => (s.variant === 'custom') === (s.toggles !== null), 'toggles are given exactly for the custom variant'),
  v.check((s) => s.toggles === null || !isPresetToggles(s.toggles), 'custom toggles differ from every preset'),
  v.check((s) => s.pntRule === pntRuleOf(s), 'the pnt_seq rule is the preset its two switches make, or custom'),
  v.check((s) => s.lessonStep < (findLesson(s.lesson)?.steps.length ?? 1), 'the lesson step is a step of the open lesson (0 without one)'),
);

/** True when `s` is a state the codec can write and read back unchanged. */
export function isValidUrlState(s: unknown): s is UrlState {
  return v.is(UrlStateSchema, s);
}

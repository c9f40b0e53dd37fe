// What a shared link may hold: the URL state's type, its valibot schema (the definition of a valid
// state) and the few model constants the codec needs. src/ cannot import the model, so the constants
// are copies; tests/ui/urlSchema.test.ts checks that they equal the model's.
import * as v from 'valibot';
import type { PageSize, PntRule, ScenarioName, Toggles, VariantName } from '../../workers/api.ts';
import type { KvmallocPath, RaceParams, RacePolicy, RaceVariant } from '../races/raceConfig.ts';
import type { GridDesign } from '../state/memorySlice.ts';
import { MAX_CPUS, MAX_NODES, MIN_CPUS, MIN_NODES, type ViewId } from '../state/paramsSlice.ts';

/** Version of the link format (the `v` parameter). Bump when a key changes meaning. */
export const URL_SCHEMA_VERSION = 1;
/** The model version this build runs (copy of MODEL_VERSION in workers/model/sched/types.ts). */
export const UI_MODEL_VERSION = 1;

export const URL_VIEWS: readonly ViewId[] = ['memory', 'races', 'explore'];
export const URL_GRID_DESIGNS: readonly GridDesign[] = ['new', 'old'];
export const URL_PAGE_SIZES: readonly PageSize[] = [4096, 65536];
/** Copy of SCENARIOS (workers/model/sched/types.ts). */
export const URL_SCENARIOS: readonly ScenarioName[] = ['boot', 'enable-disable', 'disable-vs-kick', 'load-while-enabled', 'kick-storm'];
/** Copy of VARIANTS (workers/model/sched/types.ts). */
export const URL_VARIANTS: readonly VariantName[] = ['before', 'no-rcu', 'merged', 'fixed'];
export const URL_RACE_VARIANTS: readonly RaceVariant[] = [...URL_VARIANTS, 'custom'];
export const URL_PNT_RULES: readonly PntRule[] = ['6.17', 'a379fa1e2cae'];
export const URL_POLICIES: readonly RacePolicy[] = ['default', 'random'];
export const URL_KVMALLOC_PATHS: readonly KvmallocPath[] = ['kmalloc', 'vmalloc'];
/** Copy of VARIANT_TOGGLES (workers/model/sched/run.ts). */
export const URL_VARIANT_TOGGLES: Readonly<Record<VariantName, Toggles>> = {
  before: { lazyAlloc: false, rcuFree: false, nullCheck: false, allocAfterStateCheck: false },
  'no-rcu': { lazyAlloc: true, rcuFree: false, nullCheck: false, allocAfterStateCheck: false },
  merged: { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: false },
  fixed: { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: true },
};
/** Copy of each scenario's minCpus (SCENARIO_INFO in workers/model/sched/scenarios.ts). */
export const URL_SCENARIO_MIN_CPUS: Readonly<Record<ScenarioName, number>> = {
  boot: 1,
  'enable-disable': 1,
  'disable-vs-kick': 2,
  'load-while-enabled': 2,
  'kick-storm': 1,
};
/** Copy of ACTOR_KINDS (workers/model/sched/types.ts): actor ids are `<kind>` or `<kind>:<cpu or loader>`. */
export const URL_ACTOR_KINDS = ['boot', 'enable', 'disable', 'bpf', 'irq', 'sched', 'wake', 'qs', 'cb', 'gp'] as const;

/** Ranges of the numeric fields (the store's setters clamp to the same). */
export const SEED_MAX = 0xffffffff;
export const STORM_KICKS_MIN = 1;
export const STORM_KICKS_MAX = 10_000_000;
/** failAllocAt: -1 = no kvzalloc_node() call fails, else the 0-based call that does (FAIL_ALLOC_MAX in raceConfig). */
export const ENOMEM_NEVER = -1;
export const ENOMEM_MAX = 1_000_000;
/** Steps of a races run are bounded by buildRaceConfig's maxSteps. */
export const STEP_MAX = 2_000_000;
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
}

export const DEFAULT_URL_STATE: UrlState = {
  view: 'memory',
  cpus: 512,
  pageSize: 4096,
  nodes: 1,
  logScale: true,
  gridDesign: 'new',
  scenario: 'disable-vs-kick',
  variant: 'merged',
  toggles: null,
  pntRule: '6.17',
  seed: 1,
  stormKicks: 5000,
  policy: 'default',
  kvmallocPath: 'kmalloc',
  failAllocAt: ENOMEM_NEVER,
  schedule: [],
  step: 0,
  window: null,
  exploreSymmetry: true,
  explorePor: true,
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
  v.maxValue(STEP_MAX),
  v.check((x) => roundWindowEdge(x) === x, 'window edges have at most one decimal'),
);

/** The variant whose preset these toggles are, or 'custom'. */
export function presetOfToggles(t: Toggles): RaceVariant {
  return (
    URL_VARIANTS.find((name) => {
      const p = URL_VARIANT_TOGGLES[name];
      return p.lazyAlloc === t.lazyAlloc && p.rcuFree === t.rcuFree && p.nullCheck === t.nullCheck && p.allocAfterStateCheck === t.allocAfterStateCheck;
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
    view: v.picklist(URL_VIEWS),
    cpus: int(MIN_CPUS, MAX_CPUS),
    pageSize: v.picklist(URL_PAGE_SIZES),
    nodes: int(MIN_NODES, MAX_NODES),
    logScale: v.boolean(),
    gridDesign: v.picklist(URL_GRID_DESIGNS),
    scenario: v.picklist(URL_SCENARIOS),
    variant: v.picklist(URL_RACE_VARIANTS),
    toggles: v.nullable(TogglesSchema),
    pntRule: v.picklist(URL_PNT_RULES),
    seed: int(0, SEED_MAX),
    stormKicks: int(STORM_KICKS_MIN, STORM_KICKS_MAX),
    policy: v.picklist(URL_POLICIES),
    kvmallocPath: v.picklist(URL_KVMALLOC_PATHS),
    failAllocAt: int(ENOMEM_NEVER, ENOMEM_MAX),
    schedule: v.pipe(v.array(v.pipe(v.string(), v.regex(ACTOR_ID_RE))), v.maxLength(SCHEDULE_MAX)),
    step: int(0, STEP_MAX),
    window: v.nullable(
      v.pipe(
        v.tuple([windowEdge, windowEdge]),
        v.check(([a, b]) => a < b, 'the window must start before it ends'),
      ),
    ),
    exploreSymmetry: v.boolean(),
    explorePor: v.boolean(),
  }),
  v.check((s) => (s.variant === 'custom') === (s.toggles !== null), 'toggles are given exactly for the custom variant'),
  v.check((s) => s.toggles === null || !isPresetToggles(s.toggles), 'custom toggles differ from every preset'),
);

/** True when `s` is a state the codec can write and read back unchanged. */
export function isValidUrlState(s: unknown): s is UrlState {
  return v.is(UrlStateSchema, s);
}

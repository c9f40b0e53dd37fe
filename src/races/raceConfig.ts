// Pure helpers between the races view's inputs and the model's RunConfig: CPU clamping (the races
// model stops at 8192 CPUs and each scenario has a minimum), variant presets from the catalog, and a
// canonical key per config so that equal configs are run once.
import type { Catalog, KickRules, PntRule, RunConfig, ScenarioName, Toggles, VariantName } from '../../workers/api.ts';
import {
  DEFAULT_IRQ_DELIVERY,
  DEFAULT_IRQ_WORK,
  DEFAULT_MAX_STEPS,
  MAX_SCHED_CPUS,
  PNT_RULE_PRESETS,
  TOGGLE_NAMES,
} from '../../workers/model/constants.ts';

export type RaceVariant = VariantName | 'custom';
export type ToggleName = keyof Toggles;
/** 'default': the scenario's interesting interleaving; 'random': a seeded random schedule over the enabled actors. */
export type RacePolicy = RunConfig['policy'];
export const RACE_POLICIES: readonly RacePolicy[] = ['default', 'random'];
/** Which allocator kvzalloc_node() ends up using when S > PAGE_SIZE (fragmentation-dependent: workers/model/README.md#kvzalloc_node-kmalloc-first-then-vmalloc). */
export type KvmallocPath = RunConfig['kvmallocPath'];
/** How the kick irq work runs, and when a queued one is delivered (workers/model/README.md#how-the-kick-irq-work-runs-two-options). */
export type IrqWork = RunConfig['irqWork'];
export type IrqDelivery = RunConfig['irqDelivery'];
/** failAllocAt meaning "no kvzalloc_node() call fails". */
export const FAIL_ALLOC_NEVER = -1;
/** Largest 0-based kvzalloc_node() call index the view takes (a run makes at most a few per CPU). */
export const FAIL_ALLOC_MAX = 1_000_000;
/** Steps a races run is bounded by (its RunConfig's maxSteps): the model's default bound. */
export const RACE_MAX_STEPS = DEFAULT_MAX_STEPS;

export interface RaceParams extends KickRules {
  scenario: ScenarioName;
  variant: RaceVariant;
  /** Explicit toggles (after a toggle was changed), or null for the variant's preset from the catalog. */
  toggles: Toggles | null;
  /** The preset skipHigherClass and bumpOnPick make (workers/model/constants.ts pntRuleOf), or 'custom'. */
  pntRule: PntRule | 'custom';
  seed: number;
  /** kick-storm: kicks BPF issues in all. */
  stormKicks: number;
  /** The schedule after any forked prefix: the scenario's interleaving or a random one driven by `seed`. */
  policy: RacePolicy;
  /** kvzalloc_node() for S = 16 + 8·N > PAGE_SIZE: kmalloc's first try succeeds, or it fell back to vmalloc. */
  kvmallocPath: KvmallocPath;
  /** Kick irq work: hard irq (IRQ_WORK_INIT_HARD, any non-RT kernel) or threaded (PREEMPT_RT before 36c6f3c03d10). */
  irqWork: IrqWork;
  /** irq_work delivery: self-interrupt (x86, arm64) or timer tick. */
  irqDelivery: IrqDelivery;
  /** 0-based index of the kvzalloc_node() call that fails with -ENOMEM, or FAIL_ALLOC_NEVER. */
  failAllocAt: number;
  /** Every scx_alloc_and_add_sched() fails with -ENOMEM, after the arrays were allocated (err_free_pseqs). */
  failSchedAlloc: boolean;
  /** Actor ids from step 0 (a forked schedule's prefix); empty = the scenario's own interleaving. */
  schedule: readonly string[];
  /**
   * raceBaseKey of the config the schedule was made for (a fork in the UI); the schedule is then not
   * applied to any other config (e.g. after the shared CPU count changed). '' = apply it to any config
   * (a schedule from a link: a schedule that does not fit fails with the model's one-line reason).
   */
  scheduleBase: string;
}

export const DEFAULT_RACE_PARAMS: RaceParams = {
  scenario: 'disable-vs-kick',
  variant: 'merged',
  toggles: null,
  pntRule: '6.17',
  ...PNT_RULE_PRESETS['6.17'],
  seed: 1,
  stormKicks: 5000,
  policy: 'default',
  kvmallocPath: 'kmalloc',
  irqWork: DEFAULT_IRQ_WORK,
  irqDelivery: DEFAULT_IRQ_DELIVERY,
  failAllocAt: FAIL_ALLOC_NEVER,
  failSchedAlloc: false,
  schedule: [],
  scheduleBase: '',
};

/** The machine inputs the races view shares with the memory view. */
export interface SharedMachine {
  cpus: number;
  nodes: number;
  pageSize: RunConfig['pageSize'];
}

export interface ClampedCpus {
  cpus: number;
  /** Why the shared CPU count was not used as is, or null. */
  note: string | null;
}

/** The CPU count the races model runs for a shared count: 1..8192 and at least the scenario's minimum. */
export function clampRaceCpus(cpus: number, minCpus: number, scenarioTitle = 'this scenario'): ClampedCpus {
  const min = Math.max(1, minCpus);
  if (!Number.isFinite(cpus)) return { cpus: min, note: null };
  const n = Math.round(cpus);
  if (n > MAX_SCHED_CPUS)
    return { cpus: MAX_SCHED_CPUS, note: `The races model runs at most ${MAX_SCHED_CPUS} CPUs: using ${MAX_SCHED_CPUS}, not ${n}.` };
  if (n < min) return { cpus: min, note: `${scenarioTitle} needs at least ${min} CPUs: using ${min}, not ${n}.` };
  return { cpus: n, note: null };
}

/** The toggles of a variant preset, from the catalog (null until it has loaded). */
export function presetToggles(catalog: Catalog | null, variant: VariantName): Toggles | null {
  return catalog?.variants.find((v) => v.name === variant)?.toggles ?? null;
}

/** The toggles in effect: explicit ones, else the preset of the variant ('custom' without toggles: null). */
export function effectiveToggles(params: RaceParams, catalog: Catalog | null): Toggles | null {
  if (params.toggles) return params.toggles;
  return params.variant === 'custom' ? null : presetToggles(catalog, params.variant);
}

/** The preset whose toggles are exactly these, or 'custom'. */
export function variantOfToggles(toggles: Toggles, catalog: Catalog | null): RaceVariant {
  const match = catalog?.variants.find((v) => TOGGLE_NAMES.every((t) => v.toggles[t] === toggles[t]));
  return match ? match.name : 'custom';
}

function togglesKey(t: Toggles): string {
  return TOGGLE_NAMES.map((name) => (t[name] ? '1' : '0')).join('');
}

/** Key of everything but the schedule: a fork's schedule only applies to configs with this key. */
export function raceBaseKey(c: Omit<RunConfig, 'schedule'>): string {
  return [
    c.scenario,
    togglesKey(c.toggles),
    `${+c.skipHigherClass}${+c.bumpOnPick}`,
    c.cpus,
    c.nodes,
    c.pageSize,
    c.seed,
    c.stormKicks,
    c.policy,
    c.maxSteps,
    c.kvmallocPath,
    c.failAllocAt,
    c.irqWork,
    c.irqDelivery,
    c.failSchedAlloc ? 'schedfail' : '',
  ].join('|');
}

/** Canonical key of a whole config (equal keys: the same run). */
export function raceConfigKey(c: RunConfig): string {
  return `${raceBaseKey(c)}|${c.schedule.join(',')}`;
}

/** The full RunConfig of the view's inputs, or null while the toggles are unknown (catalog not loaded). */
export function buildRaceConfig(params: RaceParams, machine: SharedMachine, catalog: Catalog | null): RunConfig | null {
  const toggles = effectiveToggles(params, catalog);
  if (!toggles || !catalog) return null;
  const minCpus = catalog.scenarios.find((s) => s.name === params.scenario)?.minCpus ?? 1;
  const base: Omit<RunConfig, 'schedule'> = {
    scenario: params.scenario,
    variant: params.variant,
    toggles: { ...toggles },
    cpus: clampRaceCpus(machine.cpus, minCpus).cpus,
    nodes: machine.nodes,
    pageSize: machine.pageSize,
    pntRule: params.pntRule,
    skipHigherClass: params.skipHigherClass,
    bumpOnPick: params.bumpOnPick,
    kvmallocPath: params.kvmallocPath,
    irqWork: params.irqWork,
    irqDelivery: params.irqDelivery,
    failAllocAt: params.failAllocAt,
    failSchedAlloc: params.failSchedAlloc,
    seed: params.seed,
    policy: params.policy,
    maxSteps: RACE_MAX_STEPS,
    stormKicks: params.stormKicks,
  };
  const applies = params.scheduleBase === '' || params.scheduleBase === raceBaseKey(base);
  const schedule = params.schedule.length > 0 && applies ? [...params.schedule] : [];
  return { ...base, schedule };
}

// Every constant the model, the worker API, the CLI and the UI share, defined once. src/ may import this
// file (and no other under workers/) as values, so it stays pure: no imports but types, no side effects.
import type { PageSize } from './memory.ts';
import type { CheckerName } from './sched/explore.ts';
import type { KvmallocPath, PntRule, ScenarioName, Toggles, VariantName } from './sched/types.ts';

// ---- the memory model ----------------------------------------------------------------------------------

/** nr_cpu_ids bounds: 1 to 16384, twice the largest mainline NR_CPUS (workers/model/README.md#nr_cpus-and-nr_cpu_ids). */
export const MIN_CPUS = 1;
export const MAX_CPUS = 16384;
export const MIN_NODES = 1;
export const MAX_NODES = 16;
export const PAGE_SIZES: readonly PageSize[] = [4096, 65536];
/** sizeof(struct scx_kick_pseqs) = sizeof(struct rcu_head): two pointers (workers/model/README.md#request-size). */
export const PSEQS_HEADER_BYTES = 16;
/** sizeof(unsigned long) on 64-bit: one sequence slot, and the percpu alignment of the old design. */
export const SEQ_BYTES = 8;

/** Bytes one kvzalloc_node() call asks for at N CPUs: S = 16 + 8·N (an rcu_head and N sequence slots). */
export function kickPseqsRequestBytes(cpus: number): number {
  return PSEQS_HEADER_BYTES + SEQ_BYTES * cpus;
}

/** Smallest CPU count whose request S exceeds a page (where kvzalloc_node() may take either path): 511 at 4 KiB. */
export function kvmallocMinCpus(pageSize: number): number {
  return Math.floor((pageSize - PSEQS_HEADER_BYTES) / SEQ_BYTES) + 1;
}
/**
 * The last CPU count of every named threshold memoryThresholds() derives, at either page size (4 KiB:
 * 510, 1022, 4096; 64 KiB: 8190, 16382, 8192; the mainline NR_CPUS maximum 8192, and 16384, the range's top). tests/model/memory.test.ts
 * checks the derivation gives exactly these.
 */
export const THRESHOLD_LAST_CPUS: readonly number[] = [510, 1022, 4096, 8190, 8192, 16382, 16384];

// ---- the scheduler-core model ------------------------------------------------------------------------

/** Bumped whenever the same inputs would give a different trace. Shared links carry it. */
export const MODEL_VERSION = 2;

/** Largest CPU count the scheduler-core model runs. */
export const MAX_SCHED_CPUS = 8192;

export const SCENARIOS: readonly ScenarioName[] = ['boot', 'enable-disable', 'disable-vs-kick', 'load-while-enabled', 'kick-storm'];

/** Smallest CPU count each scenario makes sense with. */
export const SCENARIO_MIN_CPUS: Readonly<Record<ScenarioName, number>> = {
  boot: 1,
  'enable-disable': 1,
  'disable-vs-kick': 2,
  'load-while-enabled': 2,
  'kick-storm': 1,
};

export const VARIANTS: readonly VariantName[] = ['before', 'no-rcu', 'merged', 'fixed'];

export const TOGGLE_NAMES: readonly (keyof Toggles)[] = ['lazyAlloc', 'rcuFree', 'nullCheck', 'allocAfterStateCheck'];

/** Each variant's preset of the four toggles. */
export const VARIANT_TOGGLES: Readonly<Record<VariantName, Toggles>> = {
  before: { lazyAlloc: false, rcuFree: false, nullCheck: false, allocAfterStateCheck: false },
  'no-rcu': { lazyAlloc: true, rcuFree: false, nullCheck: false, allocAfterStateCheck: false },
  merged: { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: false },
  fixed: { lazyAlloc: true, rcuFree: true, nullCheck: true, allocAfterStateCheck: true },
};

export const PNT_RULES: readonly PntRule[] = ['6.17', 'a379fa1e2cae'];
/** Run inputs' ranges: the seed is a u32; a kick storm has at least one kick. */
export const SEED_MAX = 0xffffffff;
export const STORM_KICKS_MIN = 1;
export const STORM_KICKS_MAX = 10_000_000;
/** Steps a run is bounded by unless it says otherwise (the races view's runs too). */
export const DEFAULT_MAX_STEPS = 2_000_000;
export const KVMALLOC_PATHS: readonly KvmallocPath[] = ['kmalloc', 'vmalloc'];
/** The per-CPU patterns of kvzalloc_node()'s path besides "every-K" (workers/model/README.md#kvzalloc_node-kmalloc-first-then-vmalloc). */
export const KVMALLOC_PATTERNS = ['kmalloc', 'vmalloc', 'every', 'seeded'] as const;
/** Range of K in "every-K" (every K-th CPU's array falls back to vmalloc). */
export const KVMALLOC_EVERY_MIN = 2;
export const KVMALLOC_EVERY_MAX = 1024;

/** Whether `s` is a kvzalloc_node() path pattern: kmalloc, vmalloc, seeded or every-K (K in range). */
export function isKvmallocPath(s: unknown): s is KvmallocPath {
  if (s === 'kmalloc' || s === 'vmalloc' || s === 'seeded') return true;
  if (typeof s !== 'string') return false;
  const m = /^every-([0-9]{1,5})$/.exec(s);
  return !!m && Number(m[1]) >= KVMALLOC_EVERY_MIN && Number(m[1]) <= KVMALLOC_EVERY_MAX;
}

// The code tables of the struct-of-arrays trace: a code is an index into its table.

export const EVENT_KINDS = [
  'boot',
  'percpu-alloc',
  'percpu-fail',
  'panic',
  'mutex-lock',
  'mutex-unlock',
  'warn',
  'alloc',
  'alloc-fail',
  'assign',
  'state-check',
  'set-state',
  'switch-in',
  'switch-out',
  'bypass',
  'sync-call',
  'sync-return',
  'replace',
  'call-rcu',
  'free',
  'kick',
  'kick-bypassed',
  'irq-queue',
  'irq-enter',
  'slot-load',
  'null-return',
  'kick-one',
  'kick-skip',
  'kick-idle',
  'snapshot',
  'spin',
  'spin-done',
  'irq-leave',
  'uaf',
  'null-deref',
  'leak',
  'double-free',
  'ctx-switch',
  'pnt-bump',
  'wake',
  'gp-start',
  'qs',
  'gp-end',
  'cb-invoke',
  'enable-return',
  'stuck',
  'rcu-stall',
  'sched-alloc',
] as const;

/** Kernel functions a step can stand for (the code view has our own pseudo-code for each). */
export const KERNEL_FNS = [
  'init_sched_ext_class',
  'scx_enable',
  'alloc_kick_pseqs',
  'free_kick_pseqs',
  'scx_disable_workfn',
  'scx_bpf_kick_cpu',
  'kick_cpus_irq_workfn',
  'kick_one_cpu',
  'kick_one_cpu_if_idle',
  '__schedule',
  'try_to_wake_up',
  'rcu_gp_kthread',
  'rcu_note_context_switch',
  'rcu_do_batch',
  'synchronize_rcu',
] as const;

/** What the CPU grid shows per CPU: the state of the array that CPU owns (or its slot). */
export const CELL_STATES = ['null', 'live', 'unpublished', 'waiting-gp', 'freed', 'leaked', 'percpu', 'null-enabled'] as const;

/** Actor kinds; an actor id is `<kind>` or `<kind>:<cpu or name>` (e.g. "irq:0", "enable:B", "gp"). */
export const ACTOR_KINDS = ['boot', 'enable', 'disable', 'bpf', 'irq', 'sched', 'wake', 'qs', 'cb', 'gp'] as const;

/** Actor kinds with a single instance: their id is the kind alone. */
const SINGLE_ACTOR_KINDS: readonly string[] = ['boot', 'disable', 'gp'];

/** An actor's id: `<kind>` for the single ones, else `<kind>:<sub>` (a CPU, or a loader's name for enable). */
export function actorId(kind: (typeof ACTOR_KINDS)[number], sub: number | string): string {
  return SINGLE_ACTOR_KINDS.includes(kind) ? kind : `${kind}:${sub}`;
}

// ---- the exhaustive search ---------------------------------------------------------------------------

/** Largest CPU count the exhaustive search accepts: it grows exponentially with the CPU count. */
export const EXPLORE_MAX_CPUS = 8;

/** The checkers, in the order results list them. */
export const CHECKERS: readonly CheckerName[] = [
  'useAfterFree',
  'nullDeref',
  'leak',
  'doubleFree',
  'warn',
  'droppedKicks',
  'stuck',
  'rcuStall',
  'bootPanic',
];

/** Each checker in words, as the CLI and the UI name it. */
export const CHECKER_TITLES: Readonly<Record<CheckerName, string>> = {
  useAfterFree: 'use-after-free',
  nullDeref: 'NULL dereference',
  leak: 'leak',
  doubleFree: 'double free',
  warn: 'WARN',
  droppedKicks: 'dropped kicks',
  stuck: 'stuck spin (SCX_KICK_WAIT)',
  rcuStall: 'RCU stall',
  bootPanic: 'boot panic',
};

// Every constant the model, the worker API, the CLI and the UI share, defined once. src/ may import this
// file (and no other under workers/) as values, so it stays pure: no imports but types, no side effects.
import type { PageSize } from './memory.ts';
import type { CheckerName } from './sched/explore.ts';
import type { IrqDelivery, IrqWork, KickRules, KvmallocPath, PntRule, ScenarioName, Toggles, VariantName } from './sched/types.ts';

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

export const SCENARIOS: readonly ScenarioName[] = [
  'boot',
  'enable-disable',
  'disable-vs-kick',
  'load-while-enabled',
  'kick-storm',
  'kick-wait-repick',
];

/** Smallest CPU count each scenario makes sense with. */
export const SCENARIO_MIN_CPUS: Readonly<Record<ScenarioName, number>> = {
  boot: 1,
  'enable-disable': 1,
  'disable-vs-kick': 2,
  'load-while-enabled': 2,
  'kick-storm': 1,
  'kick-wait-repick': 2,
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

/** Each pnt_seq rule preset's two switches: 6.17 has neither commit, a379fa1e2cae (as shipped) both. */
export const PNT_RULE_PRESETS: Readonly<Record<PntRule, KickRules>> = {
  '6.17': { skipHigherClass: false, bumpOnPick: false },
  a379fa1e2cae: { skipHigherClass: true, bumpOnPick: true },
};

export const KICK_RULE_NAMES: readonly (keyof KickRules)[] = ['skipHigherClass', 'bumpOnPick'];

/** The two commits as the UI and the CLI name them (workers/model/README.md#commits-and-versions). */
export const KICK_RULE_INFO: Readonly<
  Record<keyof KickRules, { title: string; commit: string; what: string; cli: string; urlKey: string }>
> = {
  skipHigherClass: {
    title: "Don't kick CPUs running higher classes",
    commit: 'a9c1fbbd6dad',
    what: 'kick_one_cpu() leaves a CPU running a class above ext alone, and snapshots pnt_seq only of a CPU running an SCX task',
    cli: 'skip-higher-class',
    urlKey: 'hc',
  },
  bumpOnPick: {
    title: 'Fix SCX_KICK_WAIT to work reliably',
    commit: 'a379fa1e2cae',
    what: 'pnt_seq moves at the top of put_prev_task_scx() and of pick_task_scx(), so also when an SCX task is picked again, not only in switch_class()',
    cli: 'kick-wait-fix',
    urlKey: 'kw',
  },
};

/** The rule in words: the preset's name, or which one commit of the two is on. */
export function pntRuleLabel(r: KickRules): string {
  const p = pntRuleOf(r);
  if (p !== 'custom') return p;
  return `custom (${r.skipHigherClass ? KICK_RULE_INFO.skipHigherClass.commit : KICK_RULE_INFO.bumpOnPick.commit} only)`;
}

/** The preset these two switches are, or 'custom' when they are mixed. */
export function pntRuleOf(r: KickRules): PntRule | 'custom' {
  for (const name of PNT_RULES) {
    const p = PNT_RULE_PRESETS[name];
    if (p.skipHigherClass === r.skipHigherClass && p.bumpOnPick === r.bumpOnPick) return name;
  }
  return 'custom';
}
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

// How the kick irq work runs (workers/model/README.md#how-the-kick-irq-work-runs-two-options).
export const IRQ_WORK_MODES: readonly IrqWork[] = ['hard', 'threaded'];
export const IRQ_DELIVERIES: readonly IrqDelivery[] = ['self-interrupt', 'tick'];
/** The defaults: what a reader most likely runs (x86 or arm64, not PREEMPT_RT). */
export const DEFAULT_IRQ_WORK: IrqWork = 'hard';
export const DEFAULT_IRQ_DELIVERY: IrqDelivery = 'self-interrupt';
/** Model versions before this one had only the timer-tick delivery (links of model version 1 open with it). */
export const IRQ_DELIVERY_SINCE_MODEL = 2;

/** Each option in words, with the kernels it stands for and its source. */
export const IRQ_WORK_INFO: Readonly<Record<IrqWork, { label: string; what: string; source: string }>> = {
  hard: {
    label: 'hard irq',
    what: 'IRQ_WORK_INIT_HARD: runs in hardirq with IRQs off, so it is an RCU reader (any non-RT kernel; PREEMPT_RT from 36c6f3c03d10 on)',
    source: 'kernel/irq_work.c __irq_work_queue_local(), irq_work_run_list(); 36c6f3c03d10',
  },
  threaded: {
    label: 'threaded (PREEMPT_RT before 36c6f3c03d10)',
    what: 'init_irq_work() on PREEMPT_RT: runs in the preemptible irq_work/N kthread, not an RCU reader; a quiescent state can be reported while it runs',
    source: '36c6f3c03d10 commit message; kernel/irq_work.c (lazy list, irq_workd)',
  },
};
export const IRQ_DELIVERY_INFO: Readonly<Record<IrqDelivery, { label: string; what: string; source: string }>> = {
  'self-interrupt': {
    label: 'self-interrupt (x86, arm64)',
    what: 'irq_work_queue() raises a self-IPI, taken as soon as IRQs are on again: the work runs before the CPU can pass another quiescent state',
    source: 'kernel/irq_work.c arch_irq_work_raise(); kernel/sched/core.c __schedule() (rcu_note_context_switch() first)',
  },
  tick: {
    label: 'timer tick (no irq_work interrupt)',
    what: 'without an arch irq_work interrupt the work waits for the next tick (irq_work_tick()): a context switch, a quiescent state, may come first',
    source: 'kernel/irq_work.c irq_work_tick()',
  },
};

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

// ---- kernel versions (the compare view's and the races view's "Kernel version" picker) ---------------------

/** A released kernel and what the model runs for it (workers/model/README.md#kernel-versions-and-what-the-model-runs). */
export interface KernelVersion {
  /** Stable id, used in links and by `sim diff --kernel-a`. */
  id: string;
  /** What the picker shows. */
  label: string;
  variant: VariantName;
  pntRule: PntRule;
  /** How the kick irq work runs: threaded on PREEMPT_RT before 36c6f3c03d10, hard everywhere else. */
  irqWork: IrqWork;
  /** False when the mapping could not be checked against a primary source: the picker says "unverified". */
  verified: boolean;
  /** Why this kernel runs as it does, in a few words (with the source's short name). */
  basis: string;
  // Room for more version-dependent options: add a field here and give every row a value.
}

export const KERNEL_VERSIONS: readonly KernelVersion[] = [
  {
    id: 'v6.17',
    label: 'v6.17 (before)',
    variant: 'before',
    pntRule: '6.17',
    irqWork: 'hard',
    verified: true,
    basis: 'percpu arrays at boot; 14c1da3895a1 first reached mainline in v6.18-rc4 (tip merge log)',
  },
  {
    id: '6.17.9',
    label: '6.17.y with the AUTOSEL backport of 14c1da3895a1 alone',
    variant: 'merged',
    pntRule: '6.17',
    irqWork: 'hard',
    verified: false,
    basis: 'AUTOSEL backport mail of 3 Nov 2025; which 6.17.y release first shipped it (before 6.17.10) is not checked',
  },
  {
    id: '6.17.10',
    label: '6.17.10 with 05e63305c85c',
    variant: 'fixed',
    pntRule: '6.17',
    irqWork: 'hard',
    verified: true,
    basis: 'stable review series "[PATCH 6.17 174/175]", 27 Nov 2025',
  },
  {
    id: 'v6.18-rc4',
    label: 'v6.18-rc4 to 6.18.9',
    variant: 'fixed',
    pntRule: '6.17',
    irqWork: 'hard',
    verified: false,
    basis:
      'both commits came in with the sched_ext-for-6.18-rc3-fixes merge (verified); pnt_seq stays in switch_class() until the a379fa1e2cae backport, whose first 6.18.y release is not pinned (6.18.9-rc1 or 6.18.10)',
  },
  {
    id: '6.18.10',
    label: '6.18.10 and v6.19 with a379fa1e2cae',
    variant: 'fixed',
    pntRule: 'a379fa1e2cae',
    irqWork: 'hard',
    verified: false,
    basis:
      '6.18.y backport of a9c1fbbd6dad and a379fa1e2cae ("Fix SCX_KICK_WAIT to work reliably"), for-6.19 series by Tejun Heo; the 6.18.9-rc1 stable review already lists both, so the first 6.18.y release is not pinned',
  },
  {
    id: '6.17.10-rt',
    label: '6.17.10 PREEMPT_RT, without 36c6f3c03d10',
    variant: 'fixed',
    pntRule: '6.17',
    irqWork: 'threaded',
    verified: true,
    basis:
      'before 36c6f3c03d10 the kick irq work is set up with init_irq_work(): on PREEMPT_RT it runs in the irq_work/N kthread, not an RCU reader (its commit message); 6.17 RT needs 14c1da3895a1 + 05e63305c85c + 36c6f3c03d10',
  },
  {
    id: '6.17.y-rt-36c6',
    label: '6.17.y PREEMPT_RT with 36c6f3c03d10',
    variant: 'fixed',
    pntRule: '6.17',
    irqWork: 'hard',
    verified: false,
    basis:
      'AUTOSEL queued 36c6f3c03d10 (IRQ_WORK_INIT_HARD) for 6.17 on 24 Nov 2025, against 6.17.8; the release that shipped it is not checked',
  },
];

/** The kernel version with this id, or undefined. */
export function kernelVersion(id: string): KernelVersion | undefined {
  return KERNEL_VERSIONS.find((k) => k.id === id);
}

/** The kernel version that runs exactly this variant, rule and irq work, or undefined (the first row when several do). */
export function kernelVersionOf(variant: string, pntRule: string, irqWork: IrqWork = 'hard'): KernelVersion | undefined {
  return KERNEL_VERSIONS.find((k) => k.variant === variant && k.pntRule === pntRule && k.irqWork === irqWork);
}

/** Whether the explorer used sleep sets (workers/model/sched/exploreSleep.ts). */
export type SleepSetsUse = 'on' | 'off' | 'not applicable';

/**
 * How the explorer's sleep sets went, in the CLI's and the explore view's words; `fmt` formats the count, and
 * `why` adds why they did not apply (the explore view says it in its About text).
 */
export function sleepSetsText(
  r: { sleepSets: SleepSetsUse; sleptTransitions: number },
  fmt: (n: number) => string = String,
  why = true,
): string {
  if (r.sleepSets === 'on') return `sleep sets on (${fmt(r.sleptTransitions)} transitions skipped)`;
  if (r.sleepSets === 'off') return 'sleep sets off';
  return why ? 'sleep sets not applicable (interchangeable CPUs, or a partial-order reduction that can fire)' : 'sleep sets not applicable';
}

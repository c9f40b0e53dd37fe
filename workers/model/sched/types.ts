// Types of the scheduler-core model: configuration, actors, events, the per-step view and the run result.
// The UI imports these as types only (through workers/api.ts); the model is the only producer.
import type { PageSize } from '../memory.ts';
import type { ACTOR_KINDS, CELL_STATES, EVENT_KINDS, KERNEL_FNS } from '../constants.ts';

export { ACTOR_KINDS, CELL_STATES, EVENT_KINDS, KERNEL_FNS, MAX_SCHED_CPUS, MODEL_VERSION, SCENARIOS, VARIANTS } from '../constants.ts';

export type ScenarioName = 'boot' | 'enable-disable' | 'disable-vs-kick' | 'load-while-enabled' | 'kick-storm' | 'kick-wait-repick';

export type VariantName = 'before' | 'no-rcu' | 'merged' | 'fixed';

/** The four switches a variant is made of (issue: "named presets of four toggles"). */
export interface Toggles {
  /** Arrays come from kvzalloc_node() in scx_enable() (true) or from __alloc_percpu() at boot (false). */
  lazyAlloc: boolean;
  /** free_kick_pseqs() hands arrays to call_rcu() (true) or kvfree()s them at once (false). */
  rcuFree: boolean;
  /** kick_cpus_irq_workfn() checks the loaded pointer for NULL (true) or dereferences it (false). */
  nullCheck: boolean;
  /** scx_enable() checks scx_enable_state() before alloc_kick_pseqs() (05e63305c85c) or after (14c1da3895a1). */
  allocAfterStateCheck: boolean;
}

/**
 * The named presets of the two a379fa1e2cae-series switches (KickRules; workers/model/README.md#pnt_seq-where-it-is-bumped,
 * #kick_one_cpu-and-kick_one_cpu_if_idle).
 * '6.17': neither commit: pnt_seq moves in switch_class() only; every WAIT target is snapshotted.
 * 'a379fa1e2cae': both commits, as v6.19 and the 6.18.y backport ship them.
 */
export type PntRule = '6.17' | 'a379fa1e2cae';

/** The two commits of the series, each a switch of its own (PNT_RULE_PRESETS gives the presets' values). */
export interface KickRules {
  /** a9c1fbbd6dad "Don't kick CPUs running higher classes": kick_one_cpu() skips a target running a class above
   *  ext, and takes the SCX_KICK_WAIT snapshot only of a target running an SCX task. */
  skipHigherClass: boolean;
  /** a379fa1e2cae "Fix SCX_KICK_WAIT to work reliably": pnt_seq is bumped at the top of put_prev_task_scx() and of
   *  pick_task_scx() (so also when the same task is picked again), instead of in switch_class(). */
  bumpOnPick: boolean;
}

/**
 * How the kick irq work runs (workers/model/README.md#how-the-kick-irq-work-runs-two-options).
 * 'hard': IRQ_WORK_INIT_HARD (36c6f3c03d10 and later, or any non-RT kernel): hardirq, IRQs off, an RCU reader.
 * 'threaded': PREEMPT_RT before 36c6f3c03d10: the preemptible irq_work/N kthread, not an RCU reader.
 */
export type IrqWork = 'hard' | 'threaded';

/**
 * When queued irq work runs. 'self-interrupt' (x86, arm64): as soon as IRQs are back on, before the CPU's
 * next quiescent state. 'tick' (no arch irq_work interrupt): at the next timer tick; a quiescent state may come first.
 */
export type IrqDelivery = 'self-interrupt' | 'tick';

/**
 * Which allocator each CPU's kvzalloc_node() call ends up using when S > PAGE_SIZE: the kernel chooses per call
 * (#kvzalloc_node-kmalloc-first-then-vmalloc). 'kmalloc' / 'vmalloc': every array; 'every-K': CPUs K−1, 2K−1, …
 * fall back to vmalloc, the rest stay on kmalloc; 'seeded': each CPU's choice comes from the run's seed.
 */
export type KvmallocPath = 'kmalloc' | 'vmalloc' | 'seeded' | `every-${number}`;

export interface RunConfig extends KickRules {
  scenario: ScenarioName;
  /** The preset the toggles came from, or 'custom' when a toggle was changed on its own. */
  variant: VariantName | 'custom';
  toggles: Toggles;
  cpus: number;
  nodes: number;
  pageSize: PageSize;
  /** The preset skipHigherClass and bumpOnPick match, or 'custom' when they are mixed. */
  pntRule: PntRule | 'custom';
  kvmallocPath: KvmallocPath;
  /** How the kick irq work runs: hard irq or (PREEMPT_RT before 36c6f3c03d10) threaded. */
  irqWork: IrqWork;
  /** When a queued kick irq work runs: at once by self-interrupt, or at the next timer tick. */
  irqDelivery: IrqDelivery;
  /** 0-based index of the kvzalloc_node() call that fails with -ENOMEM, or -1 (never). */
  failAllocAt: number;
  /** Every scx_alloc_and_add_sched() call fails with -ENOMEM (after the arrays were allocated: err_free_pseqs). */
  failSchedAlloc: boolean;
  /** Seed of the PRNG for scenarios with random choices (kick-storm) and for the seeded schedule. */
  seed: number;
  /** 'default': the scenario's interesting interleaving; 'random': choose among enabled actors with the seed. */
  policy: 'default' | 'random';
  /** Actor choices from step 0 (a prefix); after it the policy continues. */
  schedule: string[];
  /** Upper bound on steps (kick-storm and random schedules). */
  maxSteps: number;
  /** kick-storm: how many kicks BPF issues in all. */
  stormKicks: number;
}

export type EventKind = (typeof EVENT_KINDS)[number];

export type KernelFn = (typeof KERNEL_FNS)[number];

export type ActorKind = (typeof ACTOR_KINDS)[number];

/** One event of the trace, as the CLI prints it. The UI gets the same data as columns (TraceColumns). */
export interface TraceEvent {
  step: number;
  cpu: number;
  actor: string;
  fn: KernelFn;
  kind: EventKind;
  /** Allocation id, or -1. */
  obj: number;
  bytes: number;
  /** Target CPU, a value, or -1: see describeEvent(). */
  arg: number;
  /** Line of our pseudo-code of `fn` (0-based), or -1. */
  line: number;
  text: string;
}

/** Struct-of-arrays form of the trace for transfer to the UI (indices into the tables above). */
export interface TraceColumns {
  count: number;
  step: Uint32Array;
  cpu: Int32Array;
  actorKind: Uint8Array;
  fn: Uint8Array;
  kind: Uint8Array;
  obj: Int32Array;
  bytes: Uint32Array;
  arg: Int32Array;
  line: Int16Array;
}

export type AllocState = 'live' | 'unpublished' | 'waiting-gp' | 'freed' | 'leaked';

export type CellState = (typeof CELL_STATES)[number];

export type ReportKind = 'uaf' | 'null-deref' | 'leak' | 'double-free' | 'warn' | 'dropped-kicks' | 'boot-panic' | 'stuck' | 'rcu-stall';

/** A checker's finding, printed the way the kernel's own tool would print it. */
export interface Report {
  kind: ReportKind;
  /** 0-based index of the step whose events show it; the state right after it is view step `step + 1`. */
  step: number;
  cpu: number;
  title: string;
  /** Kernel-log style lines (our wording of the kernel's format). */
  lines: string[];
  /** Plain-words explanation for the UI. */
  explanation: string;
  /** New with this kernel, or already in `before` (v6.17): see origin.ts. */
  origin: 'introduced' | 'pre-existing';
  /** Why, in a few words. */
  originWhy: string;
  /** The kick-irq-work options in force, in words ("kick irq work: hard irq · irq_work delivery: …"). */
  options: string;
}

export interface Verdict {
  useAfterFree: boolean;
  nullDeref: boolean;
  doubleFree: boolean;
  leakedArrays: number;
  leakedBytes: number;
  warnings: string[];
  droppedKicks: number;
  bootPanic: boolean;
  stuck: boolean;
  rcuStall: boolean;
  enableErrors: number[];
}

/** An actor that can move at a step, for "choose the next step yourself". */
export interface EnabledActor {
  id: string;
  cpu: number;
  fn: KernelFn;
  /** What its next step would do, in words. */
  next: string;
}

/** Where each active actor is in its kernel function (for the code view). */
export interface ActorPosition {
  actor: string;
  cpu: number;
  fn: KernelFn;
  line: number;
}

/** Everything the views need about the state after `step` steps (step 0 = initial state). */
export interface StepView {
  step: number;
  steps: number;
  cpus: number;
  nodes: number;
  /** Per CPU: index into CELL_STATES. */
  cell: Uint8Array;
  /** Per CPU: 1 while inside hard-irq kick_cpus_irq_workfn() (IRQs off: an RCU read-side section; never in threaded mode). */
  inReader: Uint8Array;
  /** Per CPU: 1 while it still owes a quiescent state for the current grace period. */
  qsOwed: Uint8Array;
  /** Per CPU: 0 idle, 1 SCX task, 2 fair (higher class). */
  curClass: Uint8Array;
  /** Per CPU: 1 irq work pending, 2 running, 3 spinning in the SCX_KICK_WAIT loop. */
  irq: Uint8Array;
  needResched: Uint8Array;
  pntSeq: Float64Array;
  /** Events of this step (the one that led to this state), described in words. */
  events: TraceEvent[];
  /** "Step k of n" status line body: e.g. "CPU 3 · free_kick_pseqs() · rcu_replace_pointer(slot[0], NULL)". */
  status: string;
  enableState: 'DISABLED' | 'ENABLING' | 'ENABLED' | 'DISABLING';
  mutexOwner: string | null;
  bypass: boolean;
  rcu: { completed: number; inProgress: boolean; owed: number; callbacks: number; waitingSync: boolean };
  memory: { liveBytes: number; waitingBytes: number; leakedBytes: number; freedBytes: number };
  /** Counts per cell state, and a one-line summary for tests and screen readers. */
  summary: string;
  enabled: EnabledActor[];
  /** True when more actors are enabled than listed in `enabled`. */
  enabledTruncated: boolean;
  positions: ActorPosition[];
  halted: boolean;
}

/**
 * Memory over time, recorded where it changes: entry i holds the bytes from step `step[i]` (the state after
 * step[i] steps) until the next entry. step[0] = 0. The value at step k is the last entry with step ≤ k.
 */
export interface MemorySeries {
  step: Uint32Array;
  live: Float64Array;
  waiting: Float64Array;
  leaked: Float64Array;
}

export interface RunResult {
  modelVersion: number;
  config: RunConfig;
  steps: number;
  /** Actor chosen at each step, as codes (length = steps): replaying them gives the same trace. */
  actors: Int32Array;
  /** Names of the loaders (scx_enable callers) of this scenario, for actor ids like "enable:B". */
  loaderNames: string[];
  /** Index of the first event of each step (length steps + 1). */
  stepEventStart: Uint32Array;
  trace: TraceColumns;
  verdict: Verdict;
  reports: Report[];
  memory: MemorySeries;
  /** FNV-1a-style 64-bit hash of every event, hex. Same inputs → same hash. */
  traceHash: string;
  /** Number of events (trace.count, or the count when the run kept no trace). */
  eventCount: number;
  /** True when the run stopped at maxSteps rather than because no actor could move. */
  truncated: boolean;
  pntRule: PntRule | 'custom';
  /** The kick-irq-work options the run was made with (also in config), in words. */
  irqOptions: string;
}

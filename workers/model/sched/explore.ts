// Exhaustive search over every interleaving of a scenario (issue "Find every bad interleaving"): breadth-first
// over machine states from the initial state, one successor per enabled actor, each canonical state once.
// BFS reaches every state first by a shortest schedule, so the first transition that trips a checker gives a
// shortest counterexample. The model stays clock-free: the caller measures time.
import type { IrqDelivery, IrqWork, RunConfig, PntRule, ScenarioName, Toggles, VariantName } from './types.ts';
import type { Machine } from './machine/core.ts';
import { ACTOR_CODE, actorCode, actorKindOf, actorSubOf } from './machine/codes.ts';
import { createMachine } from './run.ts';
import { actorName } from './describe.ts';
import { StateKeyer } from './stateKey.ts';
import { ampleQs, porTables } from './explorePor.ts';
import { inSleep, sleepBit, sleepTables } from './exploreSleep.ts';
import { StateStore, type StoreMode } from './stateStore.ts';
import { GrowI32 } from './typed.ts';
import { Frontier } from './frontier.ts';
import { CHECKERS, type SleepSetsUse } from '../constants.ts';

export type CheckerName =
  'useAfterFree' | 'nullDeref' | 'leak' | 'doubleFree' | 'warn' | 'droppedKicks' | 'stuck' | 'rcuStall' | 'bootPanic';

export { CHECKERS };

/** A shortest schedule (actor ids, as `sim run --schedule` takes them) whose last step trips the checker. */
export interface Counterexample {
  schedule: string[];
  /** schedule.length: the violation shows in the state after this many steps. */
  steps: number;
}

export interface ExploreProgress {
  states: number;
  transitions: number;
  /** BFS level being expanded (= schedule length of the states in it). */
  depth: number;
  /** States waiting at this level and the next. */
  frontier: number;
  /** Bytes the search holds (memoryOf): the state store, the parent links and the packed frontier. */
  memoryBytes: number;
  /** The budget (ExploreOptions.maxMemory; Infinity: none). */
  maxMemory: number;
  /** The checkers some schedule already tripped. */
  found: CheckerName[];
}

export interface ExploreOptions {
  /** Schedules longer than this are cut off (the result then says complete: false). Default 1000. */
  maxSteps?: number;
  /** Stop once this many distinct states were seen (complete: false). Default: no limit. */
  maxStates?: number;
  /** Sort the per-CPU state of idle-symmetric CPUs in the state key (stateKey.ts). Default true. */
  symmetry?: boolean;
  /** Ample-set reduction of quiescent-state reports (see ampleQs). Default true. */
  por?: boolean;
  /** Sleep sets for quiescent-state reports where they apply (exploreSleep.ts). Default true. */
  sleepSets?: boolean;
  /** Called every `progressEvery` expanded states and at the end of each BFS level. */
  onProgress?: (p: ExploreProgress) => void;
  /** Polled with the progress cadence; true stops the search (result: stopped, not complete). */
  shouldStop?: () => boolean;
  progressEvery?: number;
  /** How visited states are stored (stateStore.ts): exactly (default) or as 64-bit fingerprints. */
  store?: StoreMode;
  /** Stop (complete: false, cutBy 'max-memory') before the search holds more bytes than this. Default: none. */
  maxMemory?: number;
}

export interface ExploreResult {
  scenario: ScenarioName;
  variant: VariantName | 'custom';
  cpus: number;
  /** The pnt_seq rule preset searched, or 'custom' (skipHigherClass and bumpOnPick say which commits are in). */
  pntRule: PntRule | 'custom';
  skipHigherClass: boolean;
  bumpOnPick: boolean;
  /** The kick-irq-work options searched (workers/model/README.md#how-the-kick-irq-work-runs-two-options). */
  irqWork: IrqWork;
  irqDelivery: IrqDelivery;
  /** The toggles searched (the variant's preset, or a custom set). */
  toggles: Toggles;
  /** The kvzalloc_node() call that fails with -ENOMEM in every schedule, or -1. */
  failAllocAt: number;
  /** Every scx_alloc_and_add_sched() fails with -ENOMEM (the err_free_pseqs path). */
  failSchedAlloc: boolean;
  /** Distinct canonical states reached (the initial state included). */
  states: number;
  /** Steps taken (successors generated), including those into states already seen. */
  transitions: number;
  /** Deepest BFS level reached. */
  depth: number;
  /** True when no state was cut off by maxSteps, maxStates was not hit and the search was not stopped. */
  complete: boolean;
  /** Why the search is incomplete: a schedule reached maxSteps, maxStates was hit, shouldStop said so. */
  cutBy: 'max-steps' | 'max-states' | 'max-memory' | 'stopped' | null;
  stopped: boolean;
  maxSteps: number;
  symmetry: boolean;
  /** The CPUs symmetry reduction treated as interchangeable (empty: none). */
  symmetricCpus: number[];
  por: boolean;
  /** States where the ample-set rule explored one quiescent-state report instead of every actor. */
  reducedStates: number;
  /** Sleep sets (exploreSleep.ts): used, switched off, or not applicable here; and the transitions they skipped. */
  sleepSets: SleepSetsUse;
  sleptTransitions: number;
  violations: Record<CheckerName, Counterexample | null>;
  store: StoreMode;
  /** Hash compaction: the probability that two states shared a fingerprint (0 when stored exactly). */
  collisionProbability: number;
  /** Peak bytes held (memoryOf) and the budget (Infinity: none). */
  memoryBytes: number;
  maxMemory: number;
}

// ---- checkers ----------------------------------------------------------------------------------------

/** True when no actor can move (the end of every schedule through this state). */
export function isTerminal(m: Machine): boolean {
  return m.halted || m.enabledActors(1).length === 0;
}

/**
 * Whether the checker has fired by state `m` (cumulative counters for the event checkers; for stuck and
 * rcuStall, `m` must be a terminal state that did not oops). This is what a replay is checked against.
 */
export function checkerHolds(m: Machine, name: CheckerName): boolean {
  switch (name) {
    case 'useAfterFree':
      return m.uafCount > 0;
    case 'nullDeref':
      return m.nullDeref;
    case 'leak':
      return m.leakedArrays > 0;
    case 'doubleFree':
      return m.doubleFree > 0;
    case 'warn':
      // WARN_ON_ONCE splats (alloc_kick_pseqs, scx_enable, scx_disable_workfn), not the pr_warn_once.
      return m.warnOnce.size > 0;
    case 'droppedKicks':
      return m.droppedKicks > 0;
    case 'bootPanic':
      return m.bootPanic;
    case 'stuck':
      return !m.halted && isTerminal(m) && m.spinningCpus().length > 0;
    case 'rcuStall':
      return !m.halted && isTerminal(m) && m.stalledGp();
  }
}

const EVENT_CHECKERS: readonly CheckerName[] = ['useAfterFree', 'nullDeref', 'leak', 'doubleFree', 'warn', 'droppedKicks', 'bootPanic'];

/**
 * The event checkers that fired on the step just taken by a machine decoded from the search's stored form
 * (whose checker counters start at 0, stateFields.ts resetUnkeyed) that held `warnsBefore` WARN sites.
 */
function firedOnStep(after: Machine, warnsBefore: number, out: CheckerName[]): void {
  out.length = 0;
  if (after.uafCount > 0) out.push('useAfterFree');
  if (after.nullDeref) out.push('nullDeref');
  if (after.leakedArrays > 0) out.push('leak');
  if (after.doubleFree > 0) out.push('doubleFree');
  if (after.warnOnce.size > warnsBefore) out.push('warn');
  if (after.droppedKicks > 0) out.push('droppedKicks');
  if (after.bootPanic) out.push('bootPanic');
}

// ---- schedules ---------------------------------------------------------------------------------------

/**
 * Replays actor codes from the initial state. Returns the number of steps after which `name` first holds
 * (for stuck/rcuStall: all of them, ending in a terminal state), or -1 when a step cannot move or it never
 * holds.
 */
export function replayCodes(config: RunConfig, codes: readonly number[], name: CheckerName): number {
  const m = createMachine(config);
  const terminalChecker = name === 'stuck' || name === 'rcuStall';
  if (!terminalChecker && checkerHolds(m, name)) return 0;
  for (let i = 0; i < codes.length; i++) {
    if (!m.isEnabled(codes[i])) return -1;
    m.apply(codes[i]);
    if (!terminalChecker && checkerHolds(m, name)) return i + 1;
  }
  return terminalChecker && checkerHolds(m, name) ? codes.length : -1;
}

/** Drop quiescent-state reports the counterexample does not need (greedy, last first). */
function minimizeQs(config: RunConfig, codes: number[], name: CheckerName): number[] {
  let cur = codes;
  for (let i = cur.length - 1; i >= 0; i--) {
    if (actorKindOf(cur[i]) !== ACTOR_CODE.qs) continue;
    const cand = cur.slice(0, i).concat(cur.slice(i + 1));
    const k = replayCodes(config, cand, name);
    if (k >= 0) cur = cand.slice(0, k);
  }
  return cur;
}

/** The actors with the quiescent-state reports moved to the end, each group in its order. */
function reportsLast(codes: number[]): number[] {
  const out: number[] = [];
  for (const c of codes) if (actorKindOf(c) !== ACTOR_CODE.qs) out.push(c);
  for (const c of codes) if (actorKindOf(c) === ACTOR_CODE.qs) out.push(c);
  return out;
}

// ---- the search --------------------------------------------------------------------------------------

/** Actor kinds whose sub-code is not a CPU (a loader index or nothing); every other kind's is its CPU. */
const NOT_PER_CPU = new Set<number>([ACTOR_CODE.boot, ACTOR_CODE.enable, ACTOR_CODE.disable, ACTOR_CODE.gp]);

/**
 * The search steps machines decoded from keys; with symmetry, a decoded machine's interchangeable CPUs may
 * stand for others of the real run (stateKey.ts realCpu()). This replays `codes` from the initial state and
 * renames each step's CPU to the one it stands for, giving a schedule that `sim run --schedule` replays.
 */
function realSchedule(config: RunConfig, keyer: StateKeyer, codes: number[]): number[] {
  if (!keyer.symmetric.length) return codes;
  const r = createMachine(config);
  const out: number[] = [];
  for (const code of codes) {
    const kind = actorKindOf(code);
    let real = code;
    if (!NOT_PER_CPU.has(kind)) {
      keyer.encode(r);
      real = actorCode(kind, keyer.realCpu(actorSubOf(code)));
    }
    out.push(real);
    r.apply(real);
  }
  return out;
}

/**
 * Every schedule of the scenario in `config` (its schedule and policy are ignored), up to maxSteps steps.
 * States are kept packed: the visited store holds each key once, and each BFS level holds its states' keys
 * in one arena (frontier.ts); a state is decoded into one working machine to expand it, and again for each
 * further successor (decoding is cheaper than copying a machine). Time O(transitions · (decode + step +
 * key)); memory: the store, two parent-link words per state and two packed levels, and no machine per state.
 */
export function explore(config: RunConfig, opts: ExploreOptions = {}): ExploreResult {
  const maxSteps = opts.maxSteps ?? 1000;
  const symmetry = opts.symmetry ?? true;
  const por = opts.por ?? true;
  const every = opts.progressEvery ?? 4096;
  const maxStates = opts.maxStates ?? Infinity;
  const root = createMachine(config);
  const loaderNames = root.script.loaders.map((l) => l.name);
  const keyer = new StateKeyer(root, symmetry);
  const tables = porTables(root);
  // Sleep sets for quiescent-state reports, where they apply (exploreSleep.ts): none with POR that can fire.
  const sleepSets = opts.sleepSets ?? true;
  const sleep = sleepSets ? sleepTables(root, keyer.symmetric, por && !tables.storm) : null;
  let slept = 0;

  const parent = new GrowI32(1 << 12);
  const action = new GrowI32(1 << 12);
  const seen = new StateStore(opts.store ?? 'exact');
  const maxMemory = opts.maxMemory ?? Infinity;
  const found = new Map<CheckerName, number[]>();
  const codesTo = (id: number, last = -1): number[] => {
    const out: number[] = [];
    if (last >= 0) out.push(last);
    for (let i = id; i > 0; i = parent.a[i]) out.push(action.a[i]);
    return realSchedule(config, keyer, out.reverse());
  };

  let level = new Frontier();
  let next = new Frontier();
  const rootKey = keyer.encode(root);
  seen.add(rootKey);
  level.push(rootKey, 0);
  parent.push(-1);
  action.push(-1);
  // The one machine every state is decoded into and stepped (root is not needed any more).
  const work = root;
  let transitions = 0;
  let depth = 0;
  let cut = false;
  let stopped = false;
  let full = false;
  let overBudget = false;
  let peak = 0;
  const linkBytes = (grow: boolean) => (grow && parent.n === parent.a.length ? 4 : 2) * parent.a.byteLength;
  /** Bytes held; `words`: as if one more state of that size were added (to the store and the next level). */
  const memoryOf = (words = -1) =>
    words < 0
      ? seen.bytes + linkBytes(false) + level.bytes + next.bytes
      : seen.bytesIfAdded(words) + linkBytes(true) + level.bytes + next.bytesIfAdded(words);
  let expanded = 0;
  let reducedStates = 0;
  const fired: CheckerName[] = [];
  for (const name of EVENT_CHECKERS) if (checkerHolds(root, name)) found.set(name, []);

  const progress = (done: number) => {
    const frontier = level.size - done + next.size;
    const memoryBytes = memoryOf();
    peak = Math.max(peak, memoryBytes);
    opts.onProgress?.({ states: seen.size, transitions, depth, frontier, memoryBytes, maxMemory, found: [...found.keys()] });
  };

  search: while (level.size) {
    const starts = level.start;
    for (let qi = 0; qi < level.size; qi++) {
      const id = level.ids.a[qi];
      const from = starts.a[qi];
      const to = starts.a[qi + 1];
      if (++expanded % every === 0) {
        progress(qi);
        if (opts.shouldStop?.()) {
          stopped = true;
          break search;
        }
      }
      const m = keyer.decodeInto(work, level.words, from, to);
      const enabled = m.enabledActors();
      if (enabled.length === 0) {
        for (const name of ['stuck', 'rcuStall'] as const) if (!found.has(name) && checkerHolds(m, name)) found.set(name, codesTo(id));
        continue;
      }
      if (depth >= maxSteps) {
        cut = true;
        continue;
      }
      let choices = enabled;
      if (por) {
        const a = ampleQs(m, tables);
        if (a >= 0) {
          choices = [a];
          reducedStates++;
        }
      }
      // With sleep sets, the reports last: every stepped action explored here can then sleep in their successors.
      if (sleep) choices = reportsLast(choices);
      const warnsBefore = m.warnOnce.size;
      // Whether `work` has left the decoded state (then the next stepped successor restores it first, reading
      // again only what the step changed).
      let stepped = false;
      // This state's sleep set, and the stepped actions explored here so far (exploreSleep.ts).
      const zLo = level.sleepLo.a[qi];
      const zHi = level.sleepHi.a[qi];
      let exLo = 0;
      let exHi = 0;
      for (let i = 0; i < choices.length; i++) {
        const code = choices[i];
        const isQs = actorKindOf(code) === ACTOR_CODE.qs;
        let nextLo = 0;
        let nextHi = 0;
        if (sleep) {
          if (isQs) {
            const c = actorSubOf(code);
            nextLo = (zLo | exLo) & sleep.indep[2 * c];
            nextHi = (zHi | exHi) & sleep.indep[2 * c + 1];
          } else {
            const b = sleepBit(sleep, code);
            if (inSleep(zLo, zHi, b)) {
              slept++; // reached from the state that explored it, then this report
              continue;
            }
            if (b >= 0 && b < 32) exLo |= 1 << b;
            else if (b >= 32) exHi |= 1 << (b - 32);
          }
        }
        transitions++;
        // qs:c clears one byte of the key and trips no checker: its successor's key is patched, not stepped.
        const patched = isQs ? keyer.qsSuccessor(level.words, from, to, actorSubOf(code)) : null;
        let enc: Uint32Array;
        let n: number;
        if (patched) {
          enc = patched;
          n = patched.length;
        } else {
          if (stepped) keyer.restoreInto(work, level.words, from, to);
          work.apply(code);
          stepped = true;
          firedOnStep(work, warnsBefore, fired);
          for (const name of fired) if (!found.has(name)) found.set(name, codesTo(id, code));
          n = keyer.encodeWords(work);
          enc = keyer.words;
        }
        if (seen.has(enc, n)) continue;
        // A new state: stop if there is no room for it (a state already seen needs none).
        if (seen.size >= maxStates) {
          full = true;
          break search;
        }
        const after = memoryOf(n);
        if (after > maxMemory) {
          overBudget = true;
          break search;
        }
        seen.addMissing(enc, n);
        peak = Math.max(peak, after);
        const cid = parent.push(id);
        action.push(code);
        next.push(enc, cid, n, nextLo >>> 0, nextHi >>> 0);
      }
    }
    progress(level.size);
    if (!next.size) break;
    depth++;
    const t = level;
    level = next;
    next = t;
    next.clear();
  }

  const violations = {} as Record<CheckerName, Counterexample | null>;
  for (const name of CHECKERS) {
    let codes = found.get(name);
    if (codes && por) codes = minimizeQs(config, codes, name);
    violations[name] = codes ? { schedule: codes.map((c) => actorName(c, loaderNames)), steps: codes.length } : null;
  }
  return {
    scenario: config.scenario,
    variant: config.variant,
    cpus: config.cpus,
    pntRule: config.pntRule,
    skipHigherClass: config.skipHigherClass,
    bumpOnPick: config.bumpOnPick,
    irqWork: config.irqWork,
    irqDelivery: config.irqDelivery,
    toggles: { ...config.toggles },
    failAllocAt: config.failAllocAt,
    failSchedAlloc: config.failSchedAlloc,
    states: seen.size,
    transitions,
    depth,
    complete: !cut && !stopped && !full && !overBudget,
    cutBy: stopped ? 'stopped' : full ? 'max-states' : overBudget ? 'max-memory' : cut ? 'max-steps' : null,
    stopped,
    maxSteps,
    symmetry,
    symmetricCpus: [...keyer.symmetric],
    por,
    reducedStates,
    sleepSets: sleep ? 'on' : sleepSets ? 'not applicable' : 'off',
    sleptTransitions: slept,
    violations,
    store: seen.mode,
    collisionProbability: seen.collisionProbability(),
    memoryBytes: peak,
    maxMemory,
  };
}

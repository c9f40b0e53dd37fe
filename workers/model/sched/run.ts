// run(config): drive the machine with a schedule (a chosen prefix, then the scenario's policy) and record
// the trace, memory over time, snapshots for random access, the checkers' verdict and kernel-style reports.
import type {
  RunConfig, RunResult, TraceColumns, Verdict, StepView, TraceEvent, EnabledActor, ActorPosition,
  VariantName, Toggles, ScenarioName,
} from './types.ts';
import { MODEL_VERSION, EVENT_KINDS, KERNEL_FNS, CELL_STATES, MAX_SCHED_CPUS, SCENARIOS, VARIANTS } from './types.ts';
import {
  Machine, type Sink, A, K, F, NONE, actorKindOf, actorSubOf, actorCode,
  AL_LIVE, AL_UNPUBLISHED, AL_WAITING, AL_FREED, AL_LEAKED, AL_PERCPU, STATE_NAMES,
  IRQ_IDLE, IRQ_WAIT, IRQ_LOAD, IRQ_KICK, IRQ_IDLEKICK, IRQ_LEAVE, CLS_IDLE,
  L_START, L_ALLOC, L_CHECK, L_ERRFREE, L_ENABLING, L_SWITCHIN, L_ENABLED, L_UNLOCK, L_DONE,
  D_START, D_DISABLING, D_LOCK, D_SWITCHOUT, D_SYNC, D_SYNC_WAIT, D_FREE, D_UNLOCK, D_DISABLED, D_UNBYPASS, D_DONE,
} from './machine.ts';
import { buildScript, defaultPolicy, randomPolicy, SCENARIO_INFO, type Policy } from './scenarios.ts';
import { describeEvent, actorName, parseActor, arrayName } from './describe.ts';
import { lineOf } from './code.ts';
import { Rng } from '../rng.ts';
import { buildReports } from './reports.ts';
import { grown, type GrowableArray } from './typed.ts';
import { VARIANT_TOGGLES } from '../constants.ts';

export { VARIANT_TOGGLES };

export const VARIANT_INFO: Record<VariantName, { title: string; commit: string; what: string }> = {
  before: { title: 'before', commit: 'v6.17', what: 'percpu arrays allocated at boot, never freed' },
  'no-rcu': { title: 'no-rcu', commit: '14c1da3895a1 v1 (pre-RCU)', what: 'lazy kvzalloc, plain pointer, kvfree at once: the race v2 closed' },
  merged: { title: 'merged', commit: '14c1da3895a1', what: 'RCU-protected lazy arrays, allocated before the enable-state check' },
  fixed: { title: 'fixed', commit: '14c1da3895a1 + 05e63305c85c', what: 'allocation moved after the enable-state check' },
};

export const DEFAULT_RUN_CONFIG: RunConfig = {
  scenario: 'disable-vs-kick',
  variant: 'merged',
  toggles: VARIANT_TOGGLES.merged,
  cpus: 4,
  nodes: 1,
  pageSize: 4096,
  pntRule: '6.17',
  kvmallocPath: 'kmalloc',
  failAllocAt: -1,
  seed: 1,
  policy: 'default',
  schedule: [],
  maxSteps: 2_000_000,
  stormKicks: 5000,
};

/** The variant whose toggles these are, or 'custom'. */
export function variantOf(t: Toggles): VariantName | 'custom' {
  for (const v of VARIANTS) {
    const p = VARIANT_TOGGLES[v];
    if (!p.lazyAlloc && !t.lazyAlloc) return 'before';
    if (p.lazyAlloc === t.lazyAlloc && p.rcuFree === t.rcuFree && p.nullCheck === t.nullCheck && p.allocAfterStateCheck === t.allocAfterStateCheck) return v;
  }
  return 'custom';
}

/** Build a complete config from a partial one: a variant name sets the toggles unless toggles are given. */
export function makeRunConfig(p: Partial<RunConfig> & { variant?: VariantName | 'custom' }): RunConfig {
  const variant = p.variant ?? DEFAULT_RUN_CONFIG.variant;
  const toggles = p.toggles ?? (variant === 'custom' ? DEFAULT_RUN_CONFIG.toggles : VARIANT_TOGGLES[variant]);
  return { ...DEFAULT_RUN_CONFIG, ...p, toggles: { ...toggles }, variant: variantOf(toggles), schedule: [...(p.schedule ?? [])] };
}

/** What is wrong with a config, in one line each; empty when it can run. */
export function validateRunConfig(c: RunConfig): string[] {
  const errs: string[] = [];
  if (!SCENARIOS.includes(c.scenario)) errs.push(`unknown scenario "${c.scenario}" (one of ${SCENARIOS.join(', ')})`);
  if (!Number.isInteger(c.cpus) || c.cpus < 1 || c.cpus > MAX_SCHED_CPUS) errs.push(`cpus must be an integer from 1 to ${MAX_SCHED_CPUS} (got ${c.cpus})`);
  else if (SCENARIOS.includes(c.scenario) && c.cpus < SCENARIO_INFO[c.scenario].minCpus)
    errs.push(`scenario ${c.scenario} needs at least ${SCENARIO_INFO[c.scenario].minCpus} CPUs (got ${c.cpus})`);
  if (!Number.isInteger(c.nodes) || c.nodes < 1 || c.nodes > 16) errs.push(`nodes must be an integer from 1 to 16 (got ${c.nodes})`);
  if (c.pageSize !== 4096 && c.pageSize !== 65536) errs.push(`page size must be 4096 or 65536 (got ${c.pageSize})`);
  if (c.pntRule !== '6.17' && c.pntRule !== 'a379fa1e2cae') errs.push(`pnt_seq rule must be 6.17 or a379fa1e2cae (got ${c.pntRule})`);
  if (!Number.isInteger(c.seed) || c.seed < 0 || c.seed > 0xffffffff) errs.push(`seed must be an integer from 0 to 4294967295 (got ${c.seed})`);
  if (!Number.isInteger(c.maxSteps) || c.maxSteps < 1 || c.maxSteps > 20_000_000) errs.push(`maxSteps must be an integer from 1 to 20000000 (got ${c.maxSteps})`);
  if (!Number.isInteger(c.stormKicks) || c.stormKicks < 1 || c.stormKicks > 10_000_000) errs.push(`stormKicks must be an integer from 1 to 10000000 (got ${c.stormKicks})`);
  return errs;
}

export class ScheduleError extends Error {
  override name = 'ScheduleError';
  constructor(
    message: string,
    readonly stepIndex: number,
  ) {
    super(message);
  }
}

// ---- trace recording ----------------------------------------------------------------------------------

/** Event kinds the checkers' reports are built from (kept even when the full trace is not). */
const NOTABLE = new Set<number>([K.uaf, K['null-deref'], K.leak, K['double-free'], K.warn, K['null-return'], K['percpu-fail'], K.stuck, K['rcu-stall']]);

/** FNV-1a style mixing into two 32-bit lanes; the trace hash is computed as events are emitted. */
class TraceHash {
  h1 = 0x811c9dc5 | 0;
  h2 = 0xcbf29ce4 | 0;
  mix(v: number): void {
    this.h1 = Math.imul(this.h1 ^ (v & 0xffff), 0x01000193);
    this.h2 = Math.imul(this.h2 ^ ((v >>> 16) ^ (v & 0xff)), 0x01000193);
    this.h1 = Math.imul(this.h1 ^ (v >>> 16), 0x01000193);
  }
  event(step: number, cpu: number, actorKind: number, fn: number, kind: number, obj: number, bytes: number, arg: number): void {
    this.mix(step);
    this.mix(cpu);
    this.mix(actorKind | (fn << 8) | (kind << 16));
    this.mix(obj);
    this.mix(bytes);
    this.mix(arg);
  }
  hex(count: number, steps: number): string {
    this.mix(count);
    this.mix(steps);
    return (this.h2 >>> 0).toString(16).padStart(8, '0') + (this.h1 >>> 0).toString(16).padStart(8, '0');
  }
}

class Columns {
  count = 0;
  step = new Uint32Array(1024);
  cpu = new Int32Array(1024);
  actorKind = new Uint8Array(1024);
  fn = new Uint8Array(1024);
  kind = new Uint8Array(1024);
  obj = new Int32Array(1024);
  bytes = new Uint32Array(1024);
  arg = new Int32Array(1024);
  line = new Int16Array(1024);

  push(step: number, cpu: number, actorKind: number, fn: number, kind: number, obj: number, bytes: number, arg: number, line: number): void {
    if (this.count === this.step.length) this.grow();
    const i = this.count++;
    this.step[i] = step;
    this.cpu[i] = cpu;
    this.actorKind[i] = actorKind;
    this.fn[i] = fn;
    this.kind[i] = kind;
    this.obj[i] = obj;
    this.bytes[i] = bytes;
    this.arg[i] = arg;
    this.line[i] = line;
  }

  private grow(): void {
    const cap = this.step.length * 2;
    const g = <T extends GrowableArray>(a: T): T => grown(a, cap);
    this.step = g(this.step);
    this.cpu = g(this.cpu);
    this.actorKind = g(this.actorKind);
    this.fn = g(this.fn);
    this.kind = g(this.kind);
    this.obj = g(this.obj);
    this.bytes = g(this.bytes);
    this.arg = g(this.arg);
    this.line = g(this.line);
  }

  /** Views of the filled part (no copy). */
  done(): TraceColumns {
    const n = this.count;
    return {
      count: n,
      step: this.step.subarray(0, n),
      cpu: this.cpu.subarray(0, n),
      actorKind: this.actorKind.subarray(0, n),
      fn: this.fn.subarray(0, n),
      kind: this.kind.subarray(0, n),
      obj: this.obj.subarray(0, n),
      bytes: this.bytes.subarray(0, n),
      arg: this.arg.subarray(0, n),
      line: this.line.subarray(0, n),
    };
  }
}

/** Records a run's events: the hash always, the full columns unless asked not to, the notable ones always. */
class TraceBuilder implements Sink {
  count = 0;
  readonly hash = new TraceHash();
  readonly all: Columns | null;
  readonly notable = new Columns();

  constructor(store: boolean) {
    this.all = store ? new Columns() : null;
  }

  emit(step: number, cpu: number, actorKind: number, fn: number, kind: number, obj: number, bytes: number, arg: number, line: number): void {
    this.count++;
    this.hash.event(step, cpu, actorKind, fn, kind, obj, bytes, arg);
    this.all?.push(step, cpu, actorKind, fn, kind, obj, bytes, arg, line);
    if (NOTABLE.has(kind)) this.notable.push(step, cpu, actorKind, fn, kind, obj, bytes, arg, line);
  }
}

class GrowF64 {
  a = new Float64Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Float64Array {
    return this.a.slice(0, this.n);
  }
}

class GrowI32 {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

/** The trace hash recomputed from stored columns (equals RunResult.traceHash of a full run). */
export function hashTrace(t: TraceColumns, steps: number): string {
  const h = new TraceHash();
  for (let i = 0; i < t.count; i++) h.event(t.step[i], t.cpu[i], t.actorKind[i], t.fn[i], t.kind[i], t.obj[i], t.bytes[i], t.arg[i]);
  return h.hex(t.count, steps);
}

// ---- the run -----------------------------------------------------------------------------------------

export interface Snapshot {
  step: number;
  machine: Machine;
}

/** A finished run plus what it takes to show any step (kept by the worker; not sent to the UI whole). */
export interface RunRecord {
  result: RunResult;
  snapshots: Snapshot[];
  /** The final machine (for checks and the explorer). */
  final: Machine;
  /**
   * The stepper's cursor: the machine last shown, owned by this record and moved in place. Stepping
   * forwards replays only the gap; a jump restores it from the nearest snapshot without allocating.
   */
  cursor?: Machine;
}

const MAX_SNAPSHOTS = 32;

export interface RunOptions {
  /** Keep every event and snapshots (default). false: keep only the hash, verdict and the notable events. */
  trace?: boolean;
}

function makePolicy(cfg: RunConfig): Policy {
  if (cfg.scenario === 'kick-storm' || cfg.policy === 'random') return randomPolicy(new Rng(cfg.seed ^ 0x5eed));
  return defaultPolicy(cfg.scenario);
}

export function createMachine(cfg: RunConfig): Machine {
  return new Machine(cfg, buildScript(cfg.scenario, cfg.cpus, cfg.stormKicks));
}

/**
 * Run a scenario. Same config → byte-identical trace. Throws ScheduleError when the given schedule names
 * an actor that cannot move at its step, and RangeError on an invalid config.
 */
export function run(cfgIn: RunConfig, opts: RunOptions = {}): RunRecord {
  const errs = validateRunConfig(cfgIn);
  if (errs.length) throw new RangeError(errs.join('; '));
  const cfg = makeRunConfig(cfgIn);
  const m = createMachine(cfg);
  const loaderNames = m.script.loaders.map((l) => l.name);
  const tb = new TraceBuilder(opts.trace !== false);
  m.sink = tb;
  const policy = makePolicy(cfg);
  const actors = new GrowI32();
  const stepStart = new GrowI32();
  const memStep = new GrowI32();
  const live = new GrowF64();
  const waiting = new GrowF64();
  const leaked = new GrowF64();
  const snapshots: Snapshot[] = [];
  // Snapshots: every `interval` steps, thinned to at most MAX_SNAPSHOTS (memory stays bounded); a bigger
  // machine starts with a wider spacing since each copy costs O(N).
  // At 8192 CPUs a snapshot is ~1.4 MB and replaying 4096 steps ~1.5 ms: a jump anywhere stays well
  // inside a frame (see `npm run bench`).
  let interval = cfg.cpus >= 4096 ? 4096 : cfg.cpus >= 512 ? 1024 : 256;
  const recordMem = () => {
    const i = live.n - 1;
    if (i >= 0 && live.a[i] === m.liveBytes && waiting.a[i] === m.waitingBytes && leaked.a[i] === m.leakedBytes) return;
    memStep.push(m.step);
    live.push(m.liveBytes);
    waiting.push(m.waitingBytes);
    leaked.push(m.leakedBytes);
  };
  recordMem();
  let truncated = false;
  for (;;) {
    if (m.step === 0 || (opts.trace !== false && m.step % interval === 0)) {
      snapshots.push({ step: m.step, machine: m.clone() });
      if (snapshots.length > MAX_SNAPSHOTS) {
        // Keep every other snapshot and space new ones twice as far apart: memory stays bounded.
        const kept = snapshots.filter((_, i) => i % 2 === 0);
        snapshots.length = 0;
        snapshots.push(...kept);
        interval *= 2;
      }
    }
    let code: number;
    if (m.step < cfg.schedule.length) {
      const id = cfg.schedule[m.step];
      const parsed = parseActor(id, loaderNames, m.n);
      if (parsed === null) throw new ScheduleError(`schedule step ${m.step + 1}: "${id}" is not an actor of this scenario`, m.step);
      if (!m.isEnabled(parsed)) {
        const can = m.enabledActors(12).map((a) => actorName(a, loaderNames));
        throw new ScheduleError(`schedule step ${m.step + 1}: actor "${id}" cannot move (can move: ${can.join(', ') || 'none'})`, m.step);
      }
      code = parsed;
    } else {
      code = policy.pick(m);
    }
    if (code < 0) break;
    if (m.step >= cfg.maxSteps) {
      truncated = true;
      break;
    }
    stepStart.push(tb.count);
    actors.push(code);
    m.apply(code);
    recordMem();
  }
  stepStart.push(tb.count);
  // End-of-run checkers mark the step where the condition began.
  if (!truncated) {
    const endStep = Math.max(0, m.step - 1);
    for (const c of m.spinningCpus()) tb.emit(endStep, c, A.irq, F.kick_cpus_irq_workfn, K.stuck, m.irqPtr[c], 0, m.irqSpinTarget[c], lineOf('kick_cpus_irq_workfn', 'spin'));
    if (m.stalledGp()) tb.emit(endStep, 0, A.gp, F.rcu_gp_kthread, K['rcu-stall'], NONE, 0, m.gpCompleted + 1, lineOf('rcu_gp_kthread', 'start'));
  }
  const trace = tb.all ? tb.all.done() : new Columns().done();
  const stepEventStart = new Uint32Array(stepStart.done());
  stepEventStart[stepEventStart.length - 1] = tb.count;
  const verdict = makeVerdict(m, truncated);
  const result: RunResult = {
    modelVersion: MODEL_VERSION,
    config: cfg,
    steps: m.step,
    actors: actors.done(),
    loaderNames,
    stepEventStart,
    trace,
    verdict,
    reports: [],
    memory: { step: new Uint32Array(memStep.done()), live: live.done(), waiting: waiting.done(), leaked: leaked.done() },
    traceHash: tb.hash.hex(tb.count, m.step),
    eventCount: tb.count,
    truncated,
    pntRule: cfg.pntRule,
  };
  result.reports = buildReports(result, tb.notable.done(), m);
  m.sink = null;
  return { result, snapshots, final: m };
}

function makeVerdict(m: Machine, truncated: boolean): Verdict {
  return {
    useAfterFree: m.uafCount > 0,
    nullDeref: m.nullDeref,
    doubleFree: m.doubleFree > 0,
    leakedArrays: m.leakedArrays,
    leakedBytes: m.leakedBytes,
    warnings: m.warnings.slice(),
    droppedKicks: m.droppedKicks,
    bootPanic: m.bootPanic,
    stuck: !truncated && m.spinningCpus().length > 0,
    rcuStall: !truncated && m.stalledGp(),
    enableErrors: m.enableErrors.slice(),
  };
}

// ---- reading a run back -------------------------------------------------------------------------------

/** The events of the trace, as objects (CLI output and the step view). */
export function traceEvents(r: RunResult, from = 0, to = r.trace.count): TraceEvent[] {
  const t = r.trace;
  const out: TraceEvent[] = [];
  for (let i = from; i < to; i++) out.push(eventAt(r, i));
  void t;
  return out;
}

export function eventAt(r: RunResult, i: number): TraceEvent {
  const t = r.trace;
  const kind = EVENT_KINDS[t.kind[i]];
  const fn = KERNEL_FNS[t.fn[i]];
  const actorKind = t.actorKind[i];
  const cpu = t.cpu[i];
  let actor: string;
  if (actorKind === A.enable) {
    // The loader's name is not in the columns; find the actor of that step.
    const s = t.step[i];
    actor = s < r.actors.length ? actorName(r.actors[s], r.loaderNames) : 'enable';
  } else actor = actorName(actorCode(actorKind, actorKind === A.boot || actorKind === A.disable || actorKind === A.gp ? 0 : cpu), r.loaderNames);
  return {
    step: t.step[i],
    cpu,
    actor,
    fn,
    kind,
    obj: t.obj[i],
    bytes: t.bytes[i],
    arg: t.arg[i],
    line: t.line[i],
    text: describeEvent(kind, fn, t.obj[i], t.bytes[i], t.arg[i], r.loaderNames),
  };
}

/** The schedule of a run as actor ids. */
export function scheduleOf(r: RunResult, upTo = r.steps): string[] {
  const out: string[] = [];
  for (let i = 0; i < upTo; i++) out.push(actorName(r.actors[i], r.loaderNames));
  return out;
}

/** The snapshot nearest before `step` (steps already clamped to the run). */
function snapshotBefore(rec: RunRecord, k: number): Snapshot {
  const snaps = rec.snapshots;
  let lo = 0;
  let hi = snaps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (snaps[mid].step <= k) lo = mid;
    else hi = mid - 1;
  }
  return snaps[lo];
}

/** The machine after `step` steps, a copy of its own, from the nearest snapshot or the cursor. */
export function machineAt(rec: RunRecord, step: number, sink: Sink | null = null): Machine {
  const k = Math.max(0, Math.min(step, rec.result.steps));
  let base: { step: number; machine: Machine } = snapshotBefore(rec, k);
  const cur = rec.cursor;
  if (cur && cur.step <= k && cur.step > base.step) base = { step: cur.step, machine: cur };
  const m = base.machine.clone();
  m.sink = sink;
  for (let i = base.step; i < k; i++) m.apply(rec.result.actors[i]);
  m.sink = null;
  return m;
}

/**
 * The record's cursor moved to `step` (read it, do not keep it: the next call moves it again). Forwards
 * from where it is when that is nearer than a snapshot, else restored in place from the snapshot.
 */
export function cursorAt(rec: RunRecord, step: number): Machine {
  const k = Math.max(0, Math.min(step, rec.result.steps));
  const snap = snapshotBefore(rec, k);
  let m = rec.cursor;
  if (!m || m.step > k || m.step < snap.step) {
    m = m ? m.restoreFrom(snap.machine) : snap.machine.clone();
    rec.cursor = m;
  }
  const actors = rec.result.actors;
  for (let i = m.step; i < k; i++) m.apply(actors[i]);
  return m;
}

const IRQ_TEXT = ['', 'enter', 'load', 'kick', 'idle-kick', 'wait', 'leave'];

/** What the next step of an enabled actor would do, in words. */
function nextStepText(m: Machine, code: number): { fn: (typeof KERNEL_FNS)[number]; text: string; line: number } {
  const kind = actorKindOf(code);
  const c = actorSubOf(code);
  switch (kind) {
    case A.boot:
      return { fn: 'init_sched_ext_class', text: 'boot: init_sched_ext_class()', line: lineOf('init_sched_ext_class', 'start') };
    case A.enable: {
      const l = m.loaders[c];
      const t = m.cfg.toggles;
      const map: Record<number, [string, string, string]> = {
        [L_START]: ['scx_enable', 'lock', 'mutex_lock(&scx_enable_mutex)'],
        [L_ALLOC]: ['alloc_kick_pseqs', 'alloc', `kvzalloc_node() + rcu_assign_pointer(slot[${l.cursor}])`],
        [L_CHECK]: ['scx_enable', 'check', 'check scx_enable_state()'],
        [L_ERRFREE]: ['free_kick_pseqs', l.phase ? (t.rcuFree ? 'call-rcu' : 'kvfree') : 'replace', l.phase ? (t.rcuFree ? 'call_rcu()' : 'kvfree()') : `rcu_replace_pointer(slot[${l.cursor}], NULL)`],
        [L_ENABLING]: ['scx_enable', 'enabling', 'scx_set_enable_state(ENABLING)'],
        [L_SWITCHIN]: ['scx_enable', 'switch-in', 'move tasks to SCX'],
        [L_ENABLED]: ['scx_enable', 'enabled', 'scx_set_enable_state(ENABLED)'],
        [L_UNLOCK]: ['scx_enable', 'unlock', 'mutex_unlock(), return'],
        [L_DONE]: ['scx_enable', 'unlock', 'done'],
      };
      const [fn, label, text] = map[l.pc];
      return { fn: fn as (typeof KERNEL_FNS)[number], text, line: lineOf(fn as (typeof KERNEL_FNS)[number], label) };
    }
    case A.disable: {
      const t = m.cfg.toggles;
      const map: Record<number, [string, string, string]> = {
        [D_START]: ['scx_disable_workfn', 'bypass', 'scx_bypass(true)'],
        [D_DISABLING]: ['scx_disable_workfn', 'disabling', 'scx_set_enable_state(DISABLING)'],
        [D_LOCK]: ['scx_disable_workfn', 'lock', 'mutex_lock(&scx_enable_mutex)'],
        [D_SWITCHOUT]: ['scx_disable_workfn', 'switch-out', 'move tasks off SCX'],
        [D_SYNC]: ['synchronize_rcu', 'call', 'synchronize_rcu()'],
        [D_SYNC_WAIT]: ['synchronize_rcu', 'return', 'synchronize_rcu() returns'],
        [D_FREE]: ['free_kick_pseqs', m.disablePhase ? (t.rcuFree ? 'call-rcu' : 'kvfree') : 'replace', m.disablePhase ? (t.rcuFree ? `call_rcu(${arrayName(m.disableLocal)})` : `kvfree(${arrayName(m.disableLocal)})`) : `rcu_replace_pointer(slot[${m.disableCursor}], NULL)`],
        [D_UNLOCK]: ['scx_disable_workfn', 'unlock', 'mutex_unlock()'],
        [D_DISABLED]: ['scx_disable_workfn', 'disabled', 'scx_set_enable_state(DISABLED)'],
        [D_UNBYPASS]: ['scx_disable_workfn', 'done', 'scx_bypass(false)'],
        [D_DONE]: ['scx_disable_workfn', 'done', 'done'],
      };
      const [fn, label, text] = map[m.disablePc];
      return { fn: fn as (typeof KERNEL_FNS)[number], text, line: lineOf(fn as (typeof KERNEL_FNS)[number], label) };
    }
    case A.bpf:
      return { fn: 'scx_bpf_kick_cpu', text: `CPU ${c}: scx_bpf_kick_cpu()`, line: lineOf('scx_bpf_kick_cpu', 'bits') };
    case A.irq: {
      const pc = m.irqPc[c];
      const label = ['enter', m.cfg.toggles.lazyAlloc ? 'load' : 'load-percpu', 'kick-loop', 'idle-loop', 'spin', 'leave'][pc];
      const text = pc === IRQ_WAIT && m.irqSpinTarget[c] !== NONE ? `re-read CPU ${m.irqSpinTarget[c]}'s pnt_seq` : `kick_cpus_irq_workfn(): ${IRQ_TEXT[pc + 1]}`;
      return { fn: 'kick_cpus_irq_workfn', text: `CPU ${c}: ${text}`, line: lineOf('kick_cpus_irq_workfn', label) };
    }
    case A.sched:
      return { fn: '__schedule', text: `CPU ${c}: context switch`, line: lineOf('__schedule', 'switch') };
    case A.wake:
      return { fn: 'try_to_wake_up', text: `CPU ${c}: its task wakes up`, line: lineOf('try_to_wake_up', 'wake') };
    case A.qs:
      return { fn: 'rcu_note_context_switch', text: `CPU ${c}: quiescent state`, line: lineOf('rcu_note_context_switch', 'qs') };
    case A.cb:
      return { fn: 'rcu_do_batch', text: `CPU ${c}: run an RCU callback (kvfree)`, line: lineOf('rcu_do_batch', 'invoke') };
    default:
      return m.gpInProgress
        ? { fn: 'rcu_gp_kthread', text: `end grace period ${m.gpCompleted + 1}`, line: lineOf('rcu_gp_kthread', 'end') }
        : { fn: 'rcu_gp_kthread', text: `start grace period ${m.gpCompleted + 1}`, line: lineOf('rcu_gp_kthread', 'start') };
  }
}

/** Where each active actor is (the code view): loaders, the disable worker, and running irq works. */
function positionsOf(m: Machine, loaderNames: string[]): ActorPosition[] {
  const out: ActorPosition[] = [];
  m.loaders.forEach((l, i) => {
    if (l.pc !== L_START && l.pc !== L_DONE) {
      const n = nextStepText(m, actorCode(A.enable, i));
      out.push({ actor: `enable:${loaderNames[i]}`, cpu: m.script.helperCpu, fn: n.fn, line: n.line });
    }
  });
  if (m.disablePc !== D_START && m.disablePc !== D_DONE) {
    const n = nextStepText(m, actorCode(A.disable, 0));
    out.push({ actor: 'disable', cpu: m.script.helperCpu, fn: n.fn, line: n.line });
  }
  for (let c = 0; c < m.n && out.length < 64; c++) {
    if (m.irqPc[c] !== IRQ_IDLE) {
      const n = nextStepText(m, actorCode(A.irq, c));
      out.push({ actor: `irq:${c}`, cpu: c, fn: n.fn, line: n.line });
    }
  }
  return out;
}

const ENABLED_LIST_LIMIT = 200;

/** Everything the views need for the state after `step` steps. */
export function stepView(rec: RunRecord, step: number): StepView {
  const r = rec.result;
  const k = Math.max(0, Math.min(step, r.steps));
  const m = cursorAt(rec, k);
  const n = m.n;
  const cell = new Uint8Array(n);
  const inReader = new Uint8Array(n);
  const curClass = new Uint8Array(n);
  const irq = new Uint8Array(n);
  // The array each CPU owns: the one in its slot, else its most recent one.
  const latest = new Int32Array(n).fill(NONE);
  for (let id = 0; id < m.allocCount; id++) latest[m.allocCpu[id]] = id;
  const counts = new Array<number>(CELL_STATES.length).fill(0);
  for (let c = 0; c < n; c++) {
    const id = m.slot[c] !== NONE ? m.slot[c] : latest[c];
    let s = 0;
    if (id !== NONE) {
      const st = m.allocState[id];
      s = st === AL_LIVE ? 1 : st === AL_UNPUBLISHED ? 2 : st === AL_WAITING ? 3 : st === AL_FREED ? 4 : st === AL_LEAKED ? 5 : st === AL_PERCPU ? 6 : 0;
      if (m.slot[c] === NONE && st === AL_FREED) s = 0; // freed and gone: the slot is simply NULL again
      if (m.slot[c] === NONE && st === AL_FREED && m.irqPtr[c] === id) s = 4; // …unless a reader still holds it
    }
    cell[c] = s;
    counts[s]++;
    inReader[c] = m.irqPc[c] !== IRQ_IDLE ? 1 : 0;
    curClass[c] = m.cls(c);
    irq[c] = m.irqPc[c] === IRQ_IDLE ? (m.irqPending[c] ? 1 : 0) : m.irqPc[c] === IRQ_WAIT && m.irqSpinTarget[c] !== NONE ? 3 : 2;
  }
  const evFrom = k > 0 ? r.stepEventStart[k - 1] : 0;
  const evTo = k > 0 ? r.stepEventStart[k] : 0;
  const events = traceEvents(r, evFrom, evTo);
  const summary =
    `${n} CPUs: ` +
    CELL_STATES.map((s, i) => (counts[i] ? `${counts[i]} ${s}` : ''))
      .filter(Boolean)
      .join(', ') +
    ` · readers ${inReader.reduce((a, b) => a + b, 0)} · owe QS ${m.owed.size}`;
  const enabledCodes = m.enabledActors(ENABLED_LIST_LIMIT + 1);
  const enabled: EnabledActor[] = enabledCodes.slice(0, ENABLED_LIST_LIMIT).map((code) => {
    const t = nextStepText(m, code);
    return { id: actorName(code, r.loaderNames), cpu: actorKindOf(code) >= A.bpf && actorKindOf(code) !== A.gp ? actorSubOf(code) : m.script.helperCpu, fn: t.fn, next: t.text };
  });
  let status = 'initial state';
  if (events.length) {
    const main = events.find((e) => e.kind === 'uaf' || e.kind === 'null-deref' || e.kind === 'leak' || e.kind === 'warn') ?? events[0];
    status = `CPU ${main.cpu} · ${main.fn}() · ${main.text}`;
  } else if (k > 0) {
    status = `${actorName(r.actors[k - 1], r.loaderNames)} · (no event)`;
  }
  return {
    step: k,
    steps: r.steps,
    cpus: n,
    nodes: r.config.nodes,
    cell,
    inReader,
    qsOwed: m.qsOwed.slice(),
    curClass,
    irq,
    needResched: m.needResched.slice(),
    pntSeq: m.pnt.slice(),
    events,
    status,
    enableState: STATE_NAMES[m.enableState],
    mutexOwner: m.mutexOwner === NONE ? null : actorName(m.mutexOwner, r.loaderNames),
    bypass: m.bypass,
    rcu: { completed: m.gpCompleted, inProgress: m.gpInProgress, owed: m.owed.size, callbacks: m.cbPending, waitingSync: m.disablePc === D_SYNC_WAIT },
    memory: { liveBytes: m.liveBytes, waitingBytes: m.waitingBytes, leakedBytes: m.leakedBytes, freedBytes: m.freedBytes },
    summary,
    enabled,
    enabledTruncated: enabledCodes.length > ENABLED_LIST_LIMIT,
    positions: positionsOf(m, r.loaderNames),
    halted: m.halted,
  };
}

// Silence "unused" for program-counter names kept for readers of this file.
void [IRQ_LOAD, IRQ_KICK, IRQ_IDLEKICK, IRQ_LEAVE, CLS_IDLE];

export type { ScenarioName };

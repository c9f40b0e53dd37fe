// run(config): drive the machine with a schedule (a chosen prefix, then the scenario's policy) and record
// the trace, memory over time, snapshots for random access, the checkers' verdict and kernel-style reports.
import type { RunConfig, RunResult, Verdict } from './types.ts';
import { MODEL_VERSION } from './types.ts';
import { Machine } from './machine/core.ts';
import { ACTOR_CODE, EVENT_CODE, FN_CODE, NONE } from './machine/codes.ts';
import { buildScript, defaultPolicy, randomPolicy, type Policy } from './scenarios.ts';
import { actorName, parseActor } from './describe.ts';
import { lineOf } from './code.ts';
import { Rng } from '../rng.ts';
import { buildReports } from './reports.ts';
import { irqOptionsText } from './irqOptions.ts';
import { TraceBuilder, Columns } from './trace.ts';
import { GrowF64, GrowI32 } from './typed.ts';
import { makeRunConfig, validateRunConfig } from './variants.ts';

export class ScheduleError extends Error {
  override name = 'ScheduleError';
  constructor(
    message: string,
    readonly stepIndex: number,
  ) {
    super(message);
  }
}

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
  /** Steps where the given schedule's actor could not move and the scenario's default choice ran instead (onBlocked 'default'). */
  blocked: BlockedStep[];
}

/** A schedule step this kernel could not follow (compare view): what the schedule asked for and what ran. */
export interface BlockedStep {
  step: number;
  wanted: string;
  used: string;
}

const MAX_SNAPSHOTS = 32;

export interface RunOptions {
  /** Keep every event and snapshots (default). false: keep only the hash, verdict and the notable events. */
  trace?: boolean;
  /**
   * When the schedule names an actor that cannot move: 'throw' a ScheduleError (default), or 'default':
   * take the scenario's default choice instead and record the step in RunRecord.blocked (the compare view).
   */
  onBlocked?: 'throw' | 'default';
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
  const fallback = opts.onBlocked === 'default' ? defaultPolicy(cfg.scenario) : null;
  const blocked: BlockedStep[] = [];
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
      if (fallback && (parsed === null || !m.isEnabled(parsed))) {
        code = fallback.pick(m);
        if (code >= 0) blocked.push({ step: m.step, wanted: id, used: actorName(code, loaderNames) });
      } else if (parsed === null) throw new ScheduleError(`schedule step ${m.step + 1}: "${id}" is not an actor of this scenario`, m.step);
      else if (!m.isEnabled(parsed)) {
        const can = m.enabledActors(12).map((a) => actorName(a, loaderNames));
        throw new ScheduleError(`schedule step ${m.step + 1}: actor "${id}" cannot move (can move: ${can.join(', ') || 'none'})`, m.step);
      } else code = parsed;
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
    for (const c of m.spinningCpus())
      tb.emit(
        endStep,
        c,
        ACTOR_CODE.irq,
        FN_CODE.kick_cpus_irq_workfn,
        EVENT_CODE.stuck,
        m.irqPtr[c],
        0,
        m.irqSpinTarget[c],
        lineOf('kick_cpus_irq_workfn', 'spin'),
      );
    if (m.stalledGp())
      tb.emit(
        endStep,
        0,
        ACTOR_CODE.gp,
        FN_CODE.rcu_gp_kthread,
        EVENT_CODE['rcu-stall'],
        NONE,
        0,
        m.gpCompleted + 1,
        lineOf('rcu_gp_kthread', 'start'),
      );
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
    irqOptions: irqOptionsText(cfg),
  };
  result.reports = buildReports(result, tb.notable.done(), m);
  m.sink = null;
  return { result, snapshots, final: m, blocked };
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

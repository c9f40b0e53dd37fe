// Reading a finished run back: its events and schedule in words, the machine after any step (from the
// nearest snapshot or the stepper's cursor), and the step view the UI draws.
import type { RunResult, StepView, TraceEvent, EnabledActor, ActorPosition } from './types.ts';
import { EVENT_KINDS, KERNEL_FNS, CELL_STATES } from './types.ts';
import type { Machine, Sink, NextStep } from './machine/core.ts';
import {
  ACTOR_CODE,
  NONE,
  actorKindOf,
  actorSubOf,
  actorCode,
  STATE_NAMES,
  ST_ENABLED,
  AL_LIVE,
  AL_UNPUBLISHED,
  AL_WAITING,
  AL_FREED,
  AL_LEAKED,
  AL_PERCPU,
  IRQ_IDLE,
  IRQ_WAIT,
  L_START,
  L_DONE,
  D_START,
  D_DONE,
  D_SYNC_WAIT,
} from './machine/codes.ts';
import { bootNextStep, schedNextStep, wakeNextStep } from './machine/task.ts';
import { enableNextStep } from './machine/enable.ts';
import { disableNextStep } from './machine/disable.ts';
import { bpfNextStep, irqNextStep } from './machine/kick.ts';
import { qsNextStep, cbNextStep, gpNextStep } from './machine/rcu.ts';
import { describeEvent, actorName } from './describe.ts';
import type { RunRecord, Snapshot } from './run.ts';

/** The events of the trace, as objects (CLI output and the step view). */
export function traceEvents(r: RunResult, from = 0, to = r.trace.count): TraceEvent[] {
  const out: TraceEvent[] = [];
  for (let i = from; i < to; i++) out.push(eventAt(r, i));
  return out;
}

export function eventAt(r: RunResult, i: number): TraceEvent {
  const t = r.trace;
  const kind = EVENT_KINDS[t.kind[i]];
  const fn = KERNEL_FNS[t.fn[i]];
  const actorKind = t.actorKind[i];
  const cpu = t.cpu[i];
  let actor: string;
  if (actorKind === ACTOR_CODE.enable) {
    // The loader's name is not in the columns; find the actor of that step.
    const s = t.step[i];
    actor = s < r.actors.length ? actorName(r.actors[s], r.loaderNames) : 'enable';
  } else
    actor = actorName(
      actorCode(actorKind, actorKind === ACTOR_CODE.boot || actorKind === ACTOR_CODE.disable || actorKind === ACTOR_CODE.gp ? 0 : cpu),
      r.loaderNames,
    );
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
    text: describeEvent(kind, fn, t.obj[i], t.bytes[i], t.arg[i], r.loaderNames, t.line[i]),
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

/** What the next step of an enabled actor would do, in words (each kernel path words its own). */
function nextStep(m: Machine, code: number): NextStep {
  const c = actorSubOf(code);
  switch (actorKindOf(code)) {
    case ACTOR_CODE.boot:
      return bootNextStep();
    case ACTOR_CODE.enable:
      return enableNextStep(m, c);
    case ACTOR_CODE.disable:
      return disableNextStep(m);
    case ACTOR_CODE.bpf:
      return bpfNextStep(c);
    case ACTOR_CODE.irq:
      return irqNextStep(m, c);
    case ACTOR_CODE.sched:
      return schedNextStep(c);
    case ACTOR_CODE.wake:
      return wakeNextStep(c);
    case ACTOR_CODE.qs:
      return qsNextStep(c);
    case ACTOR_CODE.cb:
      return cbNextStep(c);
    default:
      return gpNextStep(m);
  }
}

/** Where each active actor is (the code view): loaders, the disable worker, and running irq works. */
function positionsOf(m: Machine, loaderNames: string[]): ActorPosition[] {
  const out: ActorPosition[] = [];
  m.loaders.forEach((l, i) => {
    if (l.pc !== L_START && l.pc !== L_DONE) {
      const n = enableNextStep(m, i);
      out.push({ actor: `enable:${loaderNames[i]}`, cpu: m.script.helperCpu, fn: n.fn, line: n.line });
    }
  });
  if (m.disablePc !== D_START && m.disablePc !== D_DONE) {
    const n = disableNextStep(m);
    out.push({ actor: 'disable', cpu: m.script.helperCpu, fn: n.fn, line: n.line });
  }
  for (let c = 0; c < m.n && out.length < 64; c++) {
    if (m.irqPc[c] !== IRQ_IDLE) {
      const n = irqNextStep(m, c);
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
  const nullWhileEnabled = m.cfg.toggles.lazyAlloc && m.enableState === ST_ENABLED;
  for (let c = 0; c < n; c++) {
    const id = m.slot[c] !== NONE ? m.slot[c] : latest[c];
    let s = 0;
    if (id !== NONE) {
      const st = m.allocState[id];
      s =
        st === AL_LIVE
          ? 1
          : st === AL_UNPUBLISHED
            ? 2
            : st === AL_WAITING
              ? 3
              : st === AL_FREED
                ? 4
                : st === AL_LEAKED
                  ? 5
                  : st === AL_PERCPU
                    ? 6
                    : 0;
      if (m.slot[c] === NONE && st === AL_FREED) s = 0; // freed and gone: the slot is simply NULL again
      if (m.slot[c] === NONE && st === AL_FREED && m.irqPtr[c] === id) s = 4; // …unless a reader still holds it
    }
    // The second-load bug: a lazy slot NULL while the scheduler is ENABLED (every kick of this CPU is lost);
    // a freed array a reader still holds stays shown as such.
    if (nullWhileEnabled && m.slot[c] === NONE && s !== 4) s = 7;
    cell[c] = s;
    counts[s]++;
    inReader[c] = m.inHardIrq(c) ? 1 : 0; // the threaded irq work is no RCU reader
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
    const t = nextStep(m, code);
    return {
      id: actorName(code, r.loaderNames),
      cpu: actorKindOf(code) >= ACTOR_CODE.bpf && actorKindOf(code) !== ACTOR_CODE.gp ? actorSubOf(code) : m.script.helperCpu,
      fn: t.fn,
      next: t.text,
    };
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
    bypass: m.bypassDepth > 0,
    rcu: {
      completed: m.gpCompleted,
      inProgress: m.gpInProgress,
      owed: m.owed.size,
      callbacks: m.cbPending,
      waitingSync: m.disablePc === D_SYNC_WAIT,
    },
    memory: { liveBytes: m.liveBytes, waitingBytes: m.waitingBytes, leakedBytes: m.leakedBytes, freedBytes: m.freedBytes },
    summary,
    enabled,
    enabledTruncated: enabledCodes.length > ENABLED_LIST_LIMIT,
    positions: positionsOf(m, r.loaderNames),
    halted: m.halted,
  };
}

// What the races timeline draws, derived once per run from the trace columns (pure): one mark per
// trace event in the lane of the actor that did it, each pseqs array's life as a ribbon in its CPU's
// lane (allocated → published → unpublished → waiting for a grace period → freed or leaked), the irq
// work's read-side sections (irq-enter → irq-leave) over it, and grace periods in the RCU lane.
//
// Steps: the trace numbers a step's events 0-based; the UI numbers states, "step k" being the state
// after k steps. An event of trace step s is therefore drawn (and jumped to) at step s + 1.
import type { Report, RunResult } from '../../workers/api.ts';
import { createSpans, type TimelineMarks, type TimelineSpans } from '../charts/timeline/timelineIndex.ts';
import type { ExtraLane } from '../charts/timeline/timelineLanes.ts';
import { ACTOR, KIND } from './traceCodes.ts';

/** Mark categories, in draw order (later ones are drawn on top). */
export const MARK_CATEGORIES = [
  'other',
  'context switch',
  'kick',
  'irq work',
  'allocation',
  'assign',
  'replace',
  'call_rcu',
  'grace period',
  'quiescent state',
  'free',
  'warning',
  'leak',
  'use-after-free',
  'NULL deref',
  'stuck',
] as const;
export type MarkCategory = (typeof MARK_CATEGORIES)[number];
const M = Object.fromEntries(MARK_CATEGORIES.map((c, i) => [c, i])) as Record<MarkCategory, number>;

/** Marks drawn over the whole lane height: what went wrong. */
export const SEVERE_MARKS: ReadonlySet<number> = new Set([M.warning, M.leak, M['use-after-free'], M['NULL deref'], M.stuck]);

/** The states of an array's ribbon (they mirror the CPU grid's cell states). */
export const RIBBON_STATES = ['allocated', 'published', 'unpublished', 'waiting for GP', 'freed', 'leaked', 'percpu'] as const;
export type RibbonState = (typeof RIBBON_STATES)[number];
const R = Object.fromEntries(RIBBON_STATES.map((c, i) => [c, i])) as Record<RibbonState, number>;

/**
 * Span categories: the ribbon states, the read-side section, the grace period, then the ribbon states
 * again for a CPU's second array alive at the same time (a second load's arrays, drawn under the first).
 */
export const SPAN_CATEGORIES: readonly string[] = [
  ...RIBBON_STATES,
  'read-side section',
  'grace period',
  ...RIBBON_STATES.map((state) => `${state} (second array)`),
];
export const READER_SPAN = RIBBON_STATES.length;
export const GP_SPAN = RIBBON_STATES.length + 1;
const SECOND_TRACK = RIBBON_STATES.length + 2;

/** Span category of a ribbon state on track 0 (the CPU's first live array) or 1 (a second one). */
export function ribbonCategory(state: number, track: number): number {
  return track === 0 ? state : SECOND_TRACK + state;
}

export type TimelineResult = Pick<RunResult, 'steps' | 'trace' | 'loaderNames' | 'reports'> & {
  config: Pick<RunResult['config'], 'cpus' | 'nodes'>;
};

export interface RaceTimeline {
  cpus: number;
  nodes: number;
  steps: number;
  /** The x domain is [0, endStep]: one step past the last state, where open spans end. */
  endStep: number;
  extraLanes: ExtraLane[];
  marks: TimelineMarks;
  spans: TimelineSpans;
  /** Array id → CPU whose slot it was allocated for (-1 unknown). */
  arrayCpu: Int32Array;
  /** Reports as (view step, kind, title), sorted by step. */
  reportMarks: { step: number; kind: Report['kind']; title: string }[];
}

/** The UI step (state after the event) of trace step s. */
export const eventStepToViewStep = (traceStep: number) => traceStep + 1;

function markCategory(kind: number): number {
  switch (kind) {
    case KIND.kick:
    case KIND['kick-bypassed']:
    case KIND['kick-one']:
    case KIND['kick-skip']:
    case KIND['kick-idle']:
      return M.kick;
    case KIND['irq-queue']:
    case KIND['irq-enter']:
    case KIND['slot-load']:
    case KIND['null-return']:
    case KIND.snapshot:
    case KIND.spin:
    case KIND['spin-done']:
    case KIND['irq-leave']:
      return M['irq work'];
    case KIND.alloc:
    case KIND['percpu-alloc']:
      return M.allocation;
    case KIND.assign:
      return M.assign;
    case KIND.replace:
      return M.replace;
    case KIND['call-rcu']:
      return M.call_rcu;
    case KIND['gp-start']:
    case KIND['gp-end']:
    case KIND['sync-call']:
    case KIND['sync-return']:
      return M['grace period'];
    case KIND.qs:
      return M['quiescent state'];
    case KIND.free:
    case KIND['cb-invoke']:
      return M.free;
    case KIND.warn:
    case KIND['percpu-fail']:
    case KIND['alloc-fail']:
      return M.warning;
    case KIND.leak:
      return M.leak;
    case KIND.uaf:
    case KIND['double-free']:
      return M['use-after-free'];
    case KIND['null-deref']:
    case KIND.panic:
      return M['NULL deref'];
    case KIND.stuck:
    case KIND['rcu-stall']:
      return M.stuck;
    case KIND['ctx-switch']:
    case KIND['pnt-bump']:
    case KIND.wake:
      return M['context switch'];
    default:
      return M.other;
  }
}

/** Growable columns for spans before sorting. */
class SpanBuilder {
  start: number[] = [];
  end: number[] = [];
  row: number[] = [];
  cat: number[] = [];
  push(start: number, end: number, row: number, cat: number): void {
    if (!(end > start)) return;
    this.start.push(start);
    this.end.push(end);
    this.row.push(row);
    this.cat.push(cat);
  }
}

/**
 * Build the timeline of a run. `actorIds` (the run's schedule) names the loader of each enable step;
 * without it all loaders share one lane. O(events + arrays log arrays).
 */
export function buildRaceTimeline(result: TimelineResult, actorIds: readonly string[] | null): RaceTimeline {
  const { trace, steps } = result;
  const cpus = result.config.cpus;
  const n = trace.count;

  // Extra rows after the CPU rows: boot, one per loader, disable (top); RCU (bottom).
  const extraLanes: ExtraLane[] = [];
  const addExtra = (label: string, top: boolean) => {
    const row = cpus + extraLanes.length;
    extraLanes.push({ label, row, top });
    return row;
  };
  // Helper lanes only for the actors this scenario has (boot and RCU always).
  const has = new Set<number>();
  for (let i = 0; i < n; i++) has.add(trace.actorKind[i]);
  const bootRow = addExtra('boot', true);
  const loaderRows = new Map<string, number>();
  const loaderNames = result.loaderNames.length ? result.loaderNames : ['A'];
  if (has.has(ACTOR.enable)) for (const name of loaderNames) loaderRows.set(`enable:${name}`, addExtra(`enable:${name}`, true));
  const disableRow = has.has(ACTOR.disable) ? addExtra('disable', true) : bootRow;
  const rcuRow = addExtra('RCU', false);
  const firstLoaderRow = loaderRows.get(`enable:${loaderNames[0]}`) ?? bootRow;

  const marks: TimelineMarks = {
    count: n,
    step: new Float64Array(n),
    row: new Int32Array(n),
    cat: new Uint8Array(n),
    ref: new Int32Array(n),
    alsoRow: new Int32Array(n).fill(-1),
  };

  let arrays = 0;
  for (let i = 0; i < n; i++) arrays = Math.max(arrays, trace.obj[i] + 1);
  const arrayCpu = new Int32Array(arrays).fill(-1);
  const arrayState = new Int32Array(arrays).fill(-1);
  const arraySince = new Float64Array(arrays);
  const arrayTrack = new Uint8Array(arrays);
  /** Array drawn on track t of CPU c: trackHolder[2c + t], or -1. */
  const trackHolder = new Int32Array(2 * cpus).fill(-1);
  const slotHolder = new Int32Array(cpus).fill(-1);
  const spans = new SpanBuilder();
  const readerSince = new Float64Array(cpus).fill(-1);
  let gpSince = -1;

  const moveArray = (id: number, state: number, at: number) => {
    if (id < 0 || id >= arrays) return;
    const cpu = arrayCpu[id];
    if (arrayState[id] >= 0 && cpu >= 0) spans.push(arraySince[id], at, cpu, ribbonCategory(arrayState[id], arrayTrack[id]));
    arrayState[id] = state;
    arraySince[id] = at;
  };
  /** A new array of `cpu` takes the first track that is free or only holds a freed array (whose tail ends here). */
  const placeArray = (id: number, cpu: number, at: number) => {
    let track = 1;
    for (let t = 0; t < 2; t++) {
      const holder = trackHolder[2 * cpu + t];
      if (holder >= 0 && arrayState[holder] !== R.freed) continue;
      if (holder >= 0) {
        moveArray(holder, -1, at);
      }
      track = t;
      break;
    }
    arrayTrack[id] = track;
    trackHolder[2 * cpu + track] = id;
  };

  for (let i = 0; i < n; i++) {
    const at = eventStepToViewStep(trace.step[i]);
    const kind = trace.kind[i];
    const actor = trace.actorKind[i];
    const cpu = trace.cpu[i];
    const obj = trace.obj[i];
    const arg = trace.arg[i];
    let row: number;
    switch (actor) {
      case ACTOR.boot:
        row = bootRow;
        break;
      case ACTOR.enable:
        row = loaderRows.get(actorIds?.[trace.step[i]] ?? '') ?? firstLoaderRow;
        break;
      case ACTOR.disable:
        row = disableRow;
        break;
      case ACTOR.gp:
      case ACTOR.qs:
      case ACTOR.cb:
        row = rcuRow;
        break;
      default:
        row = cpu >= 0 && cpu < cpus ? cpu : rcuRow;
    }
    marks.step[i] = at;
    marks.row[i] = row;
    marks.cat[i] = markCategory(kind);
    marks.ref[i] = i;

    switch (kind) {
      case KIND.alloc:
      case KIND['percpu-alloc']:
        if (obj >= 0 && obj < arrays) {
          arrayCpu[obj] = arg >= 0 && arg < cpus ? arg : cpu;
          if (arrayCpu[obj] >= 0 && arrayCpu[obj] < cpus) placeArray(obj, arrayCpu[obj], at);
          moveArray(obj, kind === KIND.alloc ? R.allocated : R.percpu, at);
        }
        break;
      case KIND.assign:
        if (arg >= 0 && arg < cpus) {
          const previous = slotHolder[arg];
          if (previous >= 0 && previous !== obj && arrayState[previous] === R.published) moveArray(previous, R.unpublished, at);
          slotHolder[arg] = obj;
        }
        moveArray(obj, R.published, at);
        break;
      case KIND.replace:
        if (arg >= 0 && arg < cpus) slotHolder[arg] = -1;
        moveArray(obj, R.unpublished, at);
        break;
      case KIND['call-rcu']:
        moveArray(obj, R['waiting for GP'], at);
        break;
      case KIND.free:
        moveArray(obj, R.freed, at);
        break;
      case KIND.leak:
        moveArray(obj, R.leaked, at);
        break;
      case KIND['irq-enter']:
        if (cpu >= 0 && cpu < cpus && readerSince[cpu] < 0) readerSince[cpu] = at;
        break;
      case KIND['irq-leave']:
        if (cpu >= 0 && cpu < cpus && readerSince[cpu] >= 0) {
          spans.push(readerSince[cpu], at, cpu, READER_SPAN);
          readerSince[cpu] = -1;
        }
        break;
      case KIND['gp-start']:
        if (gpSince < 0) gpSince = at;
        break;
      case KIND['gp-end']:
        if (gpSince >= 0) spans.push(gpSince, at, rcuRow, GP_SPAN);
        gpSince = -1;
        break;
      default:
        break;
    }
    if (obj >= 0 && obj < arrays && arrayCpu[obj] >= 0 && arrayCpu[obj] !== row) marks.alsoRow[i] = arrayCpu[obj];
  }

  // Whatever is still open runs on to the open end of the axis.
  const end = steps + 1;
  for (let id = 0; id < arrays; id++) {
    if (arrayState[id] >= 0 && arrayCpu[id] >= 0)
      spans.push(arraySince[id], end, arrayCpu[id], ribbonCategory(arrayState[id], arrayTrack[id]));
  }
  for (let cpu = 0; cpu < cpus; cpu++) if (readerSince[cpu] >= 0) spans.push(readerSince[cpu], end, cpu, READER_SPAN);
  if (gpSince >= 0) spans.push(gpSince, end, rcuRow, GP_SPAN);

  const reportMarks = result.reports
    .map((r) => ({ step: eventStepToViewStep(r.step), kind: r.kind, title: r.title }))
    .sort((a, b) => a.step - b.step);

  return {
    cpus,
    nodes: result.config.nodes,
    steps,
    endStep: end,
    extraLanes,
    marks,
    spans: createSpans(spans.start, spans.end, spans.row, spans.cat),
    arrayCpu,
    reportMarks,
  };
}

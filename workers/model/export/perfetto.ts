// A run as a Perfetto trace (Chrome's Trace Event JSON), streamed in chunks so that an 8192-CPU kick
// storm never exists twice in memory: a generator of strings (a Blob in the UI, stdout in the CLI).
// One model step is one microsecond of trace time (the Trace Event format's `ts` unit). Tracks: one
// thread per CPU, named threads for each loader, the disable kthread, RCU and boot; array lives as
// async slices and the memory counters under a "memory" process.
import type { RunResult } from '../sched/types.ts';
import { ACTOR_KINDS, EVENT_KINDS, KERNEL_FNS, MODEL_VERSION } from '../constants.ts';
import { ACTOR_CODE, EVENT_CODE, actorKindOf, actorSubOf } from '../sched/machine/codes.ts';
import { arrayName, describeEvent } from '../sched/describe.ts';
import { PerfettoPairs } from './perfettoPairs.ts';

export const PID_CPUS = 1;
export const PID_KERNEL = 2;
export const PID_MEMORY = 3;
const TID_DISABLE = 100;
const TID_RCU = 101;
const TID_BOOT = 102;
/** Chunks of about this many characters are yielded. */
const CHUNK_CHARS = 1 << 16;

const q = (s: string) => JSON.stringify(s);

/** The thread (track) an actor's steps go on: [pid, tid]. */
function trackOf(actor: number): readonly [number, number] {
  const kind = actorKindOf(actor);
  const sub = actorSubOf(actor);
  switch (kind) {
    case ACTOR_CODE.enable:
      return [PID_KERNEL, 1 + sub];
    case ACTOR_CODE.disable:
      return [PID_KERNEL, TID_DISABLE];
    case ACTOR_CODE.gp:
      return [PID_KERNEL, TID_RCU];
    case ACTOR_CODE.boot:
      return [PID_KERNEL, TID_BOOT];
    default:
      return [PID_CPUS, sub];
  }
}

const PHASE_OF_EVENT: Partial<Record<number, string>> = {
  [EVENT_CODE['percpu-alloc']]: 'percpu unit (allocated at boot)',
  [EVENT_CODE.alloc]: 'allocated',
  [EVENT_CODE.assign]: 'published',
  [EVENT_CODE.replace]: 'unpublished',
  [EVENT_CODE['call-rcu']]: 'waiting for a grace period',
  [EVENT_CODE.leak]: 'leaked',
};

/**
 * The Trace Event JSON of a run (which must keep its trace), as chunks whose concatenation is one JSON
 * object. O(events + steps + CPUs) time; memory O(CPUs + arrays + flows) besides one chunk.
 */
export function* perfettoChunks(r: RunResult): Generator<string, void, undefined> {
  const t = r.trace;
  const c = r.config;
  let buf =
    '{"displayTimeUnit":"ms","otherData":' +
    JSON.stringify({
      what: 'sched_ext kick pseqs model run',
      timeUnit: 'one model step = 1 us of trace time (ts 0 = before step 1)',
      scenario: c.scenario,
      variant: c.variant,
      toggles: c.toggles,
      pntRule: c.pntRule,
      cpus: c.cpus,
      steps: r.steps,
      traceHash: r.traceHash,
      modelVersion: MODEL_VERSION,
    }) +
    ',"traceEvents":[\n';
  let first = true;
  const put = (ev: string) => {
    buf += first ? ev : ',\n' + ev;
    first = false;
  };
  const meta = (pid: number, tid: number | null, name: string, sort: number) => {
    if (tid === null) {
      put(`{"ph":"M","pid":${pid},"name":"process_name","args":{"name":${q(name)}}}`);
      put(`{"ph":"M","pid":${pid},"name":"process_sort_index","args":{"sort_index":${sort}}}`);
    } else {
      put(`{"ph":"M","pid":${pid},"tid":${tid},"name":"thread_name","args":{"name":${q(name)}}}`);
      put(`{"ph":"M","pid":${pid},"tid":${tid},"name":"thread_sort_index","args":{"sort_index":${sort}}}`);
    }
  };
  meta(PID_CPUS, null, 'CPUs', 1);
  meta(PID_KERNEL, null, 'kernel threads', 0);
  meta(PID_MEMORY, null, 'memory (kick pseqs arrays)', 2);
  r.loaderNames.forEach((name, i) => meta(PID_KERNEL, 1 + i, `loader ${name} (scx_enable)`, i));
  meta(PID_KERNEL, TID_DISABLE, 'disable kthread (scx_disable_workfn)', 50);
  meta(PID_KERNEL, TID_RCU, 'RCU (grace periods)', 51);
  meta(PID_KERNEL, TID_BOOT, 'boot', 52);
  for (let cpu = 0; cpu < c.cpus; cpu++) {
    meta(PID_CPUS, cpu, `CPU ${cpu}`, cpu);
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }

  const pairs = new PerfettoPairs(r);
  const irqOpen = new Uint8Array(c.cpus);
  let gpOpen = -1;
  let syncOpen = false;
  /** Per array: its open phase name ('' none) and whether its outer life slice is open. */
  const phase = new Map<number, string>();
  const reports = r.reports.map((rep, i) => [rep.step, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let nextReport = 0;
  const mem = r.memory;
  let memIdx = 0;
  let lastLive = -1;
  let lastWaiting = -1;
  const counters = (upTo: number) => {
    for (; memIdx < mem.step.length && mem.step[memIdx] <= upTo; memIdx++) {
      const ts = mem.step[memIdx];
      if (mem.live[memIdx] !== lastLive) {
        lastLive = mem.live[memIdx];
        put(`{"ph":"C","pid":${PID_MEMORY},"ts":${ts},"name":"live bytes","args":{"bytes":${lastLive}}}`);
      }
      if (mem.waiting[memIdx] !== lastWaiting) {
        lastWaiting = mem.waiting[memIdx];
        put(`{"ph":"C","pid":${PID_MEMORY},"ts":${ts},"name":"bytes waiting on a GP","args":{"bytes":${lastWaiting}}}`);
      }
    }
  };
  const asyncEv = (ph: 'b' | 'e' | 'n', id: number, name: string, ts: number, args = '') =>
    put(`{"ph":"${ph}","cat":"array","id":"0x${id.toString(16)}","pid":${PID_MEMORY},"tid":0,"ts":${ts},"name":${q(name)}${args}}`);
  const endPhase = (id: number, ts: number) => {
    const open = phase.get(id);
    if (open) asyncEv('e', id, open, ts);
    phase.set(id, '');
  };

  for (let s = 0; s < r.steps; s++) {
    counters(s);
    const [pid, tid] = trackOf(r.actors[s]);
    const from = r.stepEventStart[s];
    const to = r.stepEventStart[s + 1];
    const at = `"pid":${pid},"tid":${tid}`;
    // Slices that start at this step open before the step's own slice, so that it nests inside them.
    for (let i = from; i < to; i++) {
      const k = t.kind[i];
      if (k === EVENT_CODE['irq-enter'] && pid === PID_CPUS && !irqOpen[tid]) {
        irqOpen[tid] = 1;
        put(`{"ph":"B",${at},"ts":${s},"name":"irq work (kick_cpus_irq_workfn)","cat":"irq"}`);
        put(`{"ph":"B",${at},"ts":${s},"name":"RCU read-side (IRQs off)","cat":"rcu"}`);
      } else if (k === EVENT_CODE['gp-start'] && gpOpen < 0) {
        gpOpen = t.arg[i];
        put(`{"ph":"B",${at},"ts":${s},"name":"grace period ${gpOpen}","cat":"rcu"}`);
      } else if (k === EVENT_CODE['sync-call'] && !syncOpen) {
        syncOpen = true;
        put(`{"ph":"B",${at},"ts":${s},"name":"synchronize_rcu()","cat":"rcu"}`);
      }
    }
    const texts: string[] = [];
    for (let i = from; i < to; i++)
      texts.push(describeEvent(EVENT_KINDS[t.kind[i]], KERNEL_FNS[t.fn[i]], t.obj[i], t.bytes[i], t.arg[i], r.loaderNames));
    const name = from < to ? `${KERNEL_FNS[t.fn[from]]}()` : ACTOR_KINDS[actorKindOf(r.actors[s])];
    put(`{"ph":"X",${at},"ts":${s},"dur":1,"name":${q(name)},"args":{"step":${s + 1},"events":${JSON.stringify(texts)}}}`);
    for (let i = from; i < to; i++) {
      const k = t.kind[i];
      const obj = t.obj[i];
      for (let f = pairs.startAt(i); f >= 0; f = pairs.nextStart(f))
        put(`{"ph":"s",${at},"ts":${s},"id":${f},"cat":"flow","name":${q(pairs.name(f))}}`);
      for (let f = pairs.endAt(i); f >= 0; f = pairs.nextEnd(f))
        put(`{"ph":"f","bp":"e",${at},"ts":${s},"id":${f},"cat":"flow","name":${q(pairs.name(f))}}`);
      const ph = PHASE_OF_EVENT[k];
      if (ph !== undefined && obj >= 0) {
        if (!phase.has(obj)) asyncEv('b', obj, arrayName(obj), s, `,"args":{"cpu":${t.arg[i]},"bytes":${t.bytes[i]}}`);
        else endPhase(obj, s);
        phase.set(obj, ph);
        asyncEv('b', obj, ph, s);
      } else if (k === EVENT_CODE.free && obj >= 0 && phase.has(obj) && phase.get(obj) !== 'freed') {
        endPhase(obj, s + 1);
        asyncEv('n', obj, 'freed (kvfree)', s + 1);
        asyncEv('e', obj, arrayName(obj), s + 1);
        phase.set(obj, 'freed');
      }
    }
    for (; nextReport < reports.length && reports[nextReport][0] <= s; nextReport++) {
      const rep = r.reports[reports[nextReport][1]];
      put(
        `{"ph":"i","s":"t","pid":${PID_CPUS},"tid":${rep.cpu},"ts":${s},"cat":"report","name":${q(rep.title)},"args":{"kind":${q(rep.kind)},"log":${JSON.stringify(rep.lines.join('\n'))}}}`,
      );
    }
    for (let i = from; i < to; i++) {
      const k = t.kind[i];
      if (k === EVENT_CODE['irq-leave'] && pid === PID_CPUS && irqOpen[tid]) {
        irqOpen[tid] = 0;
        put(`{"ph":"E",${at},"ts":${s + 1}}`);
        put(`{"ph":"E",${at},"ts":${s + 1}}`);
      } else if (k === EVENT_CODE['gp-end'] && gpOpen >= 0) {
        gpOpen = -1;
        put(`{"ph":"E",${at},"ts":${s + 1}}`);
      } else if (k === EVENT_CODE['sync-return'] && syncOpen) {
        syncOpen = false;
        put(`{"ph":"E",${at},"ts":${s + 1}}`);
      }
    }
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  // What is still open at the end (a CPU spinning forever, a grace period that never ends, arrays never
  // freed) closes at the end of the run.
  const end = r.steps;
  counters(end);
  for (let cpu = 0; cpu < c.cpus; cpu++)
    if (irqOpen[cpu]) {
      put(`{"ph":"E","pid":${PID_CPUS},"tid":${cpu},"ts":${end}}`);
      put(`{"ph":"E","pid":${PID_CPUS},"tid":${cpu},"ts":${end}}`);
    }
  if (gpOpen >= 0) put(`{"ph":"E","pid":${PID_KERNEL},"tid":${TID_RCU},"ts":${end}}`);
  if (syncOpen) put(`{"ph":"E","pid":${PID_KERNEL},"tid":${TID_DISABLE},"ts":${end}}`);
  for (const [id, open] of phase) {
    if (open === 'freed') continue;
    endPhase(id, end);
    asyncEv('e', id, arrayName(id), end);
  }
  yield buf + '\n]}\n';
}

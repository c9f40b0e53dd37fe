// The Perfetto export: valid Trace Event JSON (a valibot schema of the events we write), and over random
// runs: every B has its E on the same track and slices nest, every flow start has exactly one end, async
// begin and end share an id (and nest per id), ts never decreases within a track, and one counter
// sample per change.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { run } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { SCENARIOS, VARIANTS } from '../../workers/model/sched/types.ts';
import type { RunResult } from '../../workers/model/sched/types.ts';
import { perfettoChunks, PID_CPUS } from '../../workers/model/export/perfetto.ts';

const Ts = v.pipe(v.number(), v.integer(), v.minValue(0));
const Track = { pid: v.pipe(v.number(), v.integer()), tid: v.pipe(v.number(), v.integer()) };
const EventSchema = v.variant('ph', [
  v.strictObject({
    ph: v.literal('M'),
    pid: v.number(),
    tid: v.optional(v.number()),
    name: v.string(),
    args: v.record(v.string(), v.unknown()),
  }),
  v.strictObject({ ph: v.literal('B'), ...Track, ts: Ts, name: v.string(), cat: v.string() }),
  v.strictObject({ ph: v.literal('E'), ...Track, ts: Ts }),
  v.strictObject({
    ph: v.literal('X'),
    ...Track,
    ts: Ts,
    dur: v.pipe(v.number(), v.minValue(0)),
    name: v.string(),
    args: v.object({ step: v.number(), events: v.array(v.string()) }),
  }),
  v.strictObject({
    ph: v.literal('i'),
    s: v.picklist(['t', 'p', 'g']),
    ...Track,
    ts: Ts,
    cat: v.string(),
    name: v.string(),
    args: v.record(v.string(), v.unknown()),
  }),
  v.strictObject({
    ph: v.picklist(['s', 'f']),
    bp: v.optional(v.literal('e')),
    ...Track,
    ts: Ts,
    id: v.number(),
    cat: v.string(),
    name: v.string(),
  }),
  v.strictObject({
    ph: v.picklist(['b', 'e', 'n']),
    cat: v.string(),
    id: v.pipe(v.string(), v.regex(/^0x[0-9a-f]+$/)),
    ...Track,
    ts: Ts,
    name: v.string(),
    args: v.optional(v.record(v.string(), v.unknown())),
  }),
  v.strictObject({ ph: v.literal('C'), pid: v.number(), ts: Ts, name: v.string(), args: v.object({ bytes: v.number() }) }),
]);
const TraceSchema = v.strictObject({
  displayTimeUnit: v.picklist(['ms', 'ns']),
  otherData: v.record(v.string(), v.unknown()),
  traceEvents: v.array(EventSchema),
});
type TraceEvent = v.InferOutput<typeof EventSchema>;

function exportOf(r: RunResult): { events: TraceEvent[]; chunks: number } {
  let text = '';
  let chunks = 0;
  for (const c of perfettoChunks(r)) {
    text += c;
    chunks++;
  }
  const parsed = v.safeParse(TraceSchema, JSON.parse(text));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues[0].path?.map((p) => p.key)) + ' ' + parsed.issues[0].message);
  return { events: parsed.output.traceEvents, chunks };
}

function checkProperties(r: RunResult, events: TraceEvent[]): void {
  /** Open B slices per track, with the latest end of anything drawn inside each. */
  const stacks = new Map<string, { name: string; ts: number; innerEnd: number }[]>();
  const asyncTs = new Map<string, number>();
  const lastTs = new Map<string, number>();
  const flows = new Map<number, { s: number; f: number }>();
  const asyncStacks = new Map<string, string[]>();
  const counters = new Map<string, number[]>();
  for (const e of events) {
    if (e.ph === 'M') continue;
    const track = 'tid' in e ? `${e.pid}/${e.tid}` : `${e.pid}/counter/${e.name}`;
    if (e.ph !== 'b' && e.ph !== 'e' && e.ph !== 'n') {
      expect(e.ts, `ts order on ${track}`).toBeGreaterThanOrEqual(lastTs.get(track) ?? 0);
      lastTs.set(track, e.ts);
    } else {
      const key = `${e.cat}/${e.id}`;
      expect(e.ts, `ts order of async ${key}`).toBeGreaterThanOrEqual(asyncTs.get(key) ?? 0);
      asyncTs.set(key, e.ts);
    }
    const stack = stacks.get(track) ?? [];
    stacks.set(track, stack);
    switch (e.ph) {
      case 'B':
        if (stack.length) expect(e.ts).toBeGreaterThanOrEqual(stack[stack.length - 1].ts);
        stack.push({ name: e.name, ts: e.ts, innerEnd: e.ts });
        break;
      case 'E': {
        expect(stack.length, `E without B on ${track} at ${e.ts}`).toBeGreaterThan(0);
        const open = stack.pop()!;
        // Nesting: the slice ends after everything drawn inside it, and its parent after it.
        expect(open.ts).toBeLessThanOrEqual(e.ts);
        expect(e.ts, `${open.name} on ${track} ends before a slice inside it`).toBeGreaterThanOrEqual(open.innerEnd);
        if (stack.length) stack[stack.length - 1].innerEnd = Math.max(stack[stack.length - 1].innerEnd, e.ts);
        break;
      }
      case 'X':
        expect(e.dur).toBe(1);
        if (stack.length) {
          const top = stack[stack.length - 1];
          expect(e.ts).toBeGreaterThanOrEqual(top.ts);
          top.innerEnd = Math.max(top.innerEnd, e.ts + e.dur);
        }
        break;
      case 's':
      case 'f': {
        const f = flows.get(e.id) ?? { s: 0, f: 0 };
        f[e.ph]++;
        flows.set(e.id, f);
        break;
      }
      case 'b':
      case 'e':
      case 'n': {
        const key = `${e.cat}/${e.id}`;
        const st = asyncStacks.get(key) ?? [];
        asyncStacks.set(key, st);
        if (e.ph === 'b') st.push(e.name);
        else if (e.ph === 'e') expect(st.pop(), `async end ${e.name} of ${key}`).toBe(e.name);
        break;
      }
      case 'C': {
        const list = counters.get(e.name) ?? [];
        list.push(e.args.bytes);
        counters.set(e.name, list);
        break;
      }
      case 'i':
        expect(e.pid).toBe(PID_CPUS);
        break;
    }
  }
  for (const [track, stack] of stacks) expect(stack, `unclosed slices on ${track}`).toEqual([]);
  for (const [key, st] of asyncStacks) expect(st, `unclosed async slices of ${key}`).toEqual([]);
  for (const [id, f] of flows) expect(f, `flow ${id}`).toEqual({ s: 1, f: 1 });
  for (const [name, list] of counters) for (let i = 1; i < list.length; i++) expect(list[i], name).not.toBe(list[i - 1]);
  // Every report is an instant; the counters end at the run's final memory.
  expect(events.filter((e) => e.ph === 'i')).toHaveLength(r.reports.length);
  const live = counters.get('live bytes')!;
  expect(live[live.length - 1]).toBe(r.memory.live[r.memory.live.length - 1]);
}

describe('the Perfetto export', () => {
  it('is a valid Trace Event file with sound slices, flows, async slices and counters over random runs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.constantFrom(...VARIANTS),
        fc.integer({ min: 2, max: 12 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10_000 }),
        (scenario, variant, cpus, random, seed) => {
          const r = run(makeRunConfig({ scenario, variant, cpus, seed, policy: random ? 'random' : 'default', stormKicks: 40 })).result;
          const { events } = exportOf(r);
          checkProperties(r, events);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draws the flows the races are about: kick to irq work, and free to the use-after-free', () => {
    // Timer-tick delivery: the irq work runs after the free (the use-after-free this flow ends at).
    const r = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4, irqDelivery: 'tick' })).result;
    const { events } = exportOf(r);
    const names = events.flatMap((e) => (e.ph === 's' ? [e.name] : []));
    expect(names).toContain('kick -> irq work');
    expect(names).toContain('free -> use-after-free');
    const merged = exportOf(run(makeRunConfig({ scenario: 'enable-disable', variant: 'merged', cpus: 4 })).result).events;
    expect(merged.flatMap((e) => (e.ph === 's' ? [e.name] : []))).toContain('call_rcu -> callback');
    expect(merged.some((e) => e.ph === 'B' && e.name.startsWith('grace period'))).toBe(true);
    expect(merged.some((e) => e.ph === 'b' && e.name === 'waiting for a grace period')).toBe(true);
  });

  it('stays sound at 8192 CPUs (kick storm), written in many chunks', () => {
    const r = run(makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 8192, stormKicks: 500 })).result;
    const { events, chunks } = exportOf(r);
    expect(chunks).toBeGreaterThan(10);
    checkProperties(r, events);
    expect(new Set(events.flatMap((e) => (e.ph === 'M' && e.name === 'thread_name' && e.pid === PID_CPUS ? [e.tid] : []))).size).toBe(8192);
  });
});

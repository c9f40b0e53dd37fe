// The stepper's cursor (stepView.ts cursorAt / Machine.restoreFrom): moving one machine in place between
// arbitrary steps — forwards from where it is, or restored from a snapshot without allocating — must
// give exactly the machine and the step view that replaying the schedule from step 0 gives.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { run, createMachine, type RunRecord } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { cursorAt, machineAt, stepView } from '../../workers/model/sched/stepView.ts';
import type { Machine } from '../../workers/model/sched/machine/core.ts';
import { IndexSet } from '../../workers/model/sched/indexSet.ts';
import type { PntRule, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

const SKIP = new Set(['sink', 'gen', 'writesGen', 'cfg', 'script', 'curCpu', 'curKind']);

/** Every field of a machine as plain data (write maps by content; bookkeeping of copy-on-write left out). */
function stateOf(m: Machine): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rec = m as unknown as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (SKIP.has(key)) continue;
    const v = rec[key];
    if (key === 'writes') {
      out[key] = Array.from({ length: m.allocCount }, (_, id) => (m.writes[id] ? [...m.writes[id]].sort((a, b) => a[0] - b[0]) : null));
    } else if (v instanceof IndexSet) {
      out[key] = Array.from(v.items.subarray(0, v.size)).sort((a, b) => a - b);
    } else if (ArrayBuffer.isView(v)) {
      out[key] = Array.from(v as Int32Array);
    } else if (Array.isArray(v)) {
      // Per-CPU containers: an empty one and none mean the same (copies drop empty ones).
      out[key] = Array.from(v as unknown[], (x) => {
        if (x instanceof Map) return x.size ? [...x].sort((a, b) => a[0] - b[0]) : null;
        if (Array.isArray(x)) return x.length ? x : null;
        return x ?? null;
      });
    } else if (v instanceof Set) {
      out[key] = [...v].sort();
    } else {
      out[key] = v;
    }
  }
  return out;
}

function replayed(rec: RunRecord, k: number): Machine {
  const m = createMachine(rec.result.config);
  for (let i = 0; i < k; i++) m.apply(rec.result.actors[i]);
  return m;
}

const scenario = fc.constantFrom<ScenarioName>('kick-storm', 'disable-vs-kick', 'load-while-enabled', 'enable-disable');
const variant = fc.constantFrom<VariantName>('no-rcu', 'merged', 'fixed');
const rule = fc.constantFrom<PntRule>('6.17', 'a379fa1e2cae');

describe('the stepper cursor', () => {
  it('lands on the replayed machine and view at every step of a random walk of jumps and steps', () => {
    fc.assert(
      fc.property(
        scenario,
        variant,
        rule,
        fc.integer({ min: 2, max: 24 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, 1, 2)), { minLength: 4, maxLength: 14 }),
        (sc, v, pntRule, cpus, seed, moves) => {
          // Long enough storms for several snapshots (one every 256 steps at these sizes).
          const cfg = makeRunConfig({ scenario: sc, variant: v, cpus, seed, pntRule, policy: 'random', stormKicks: 300, maxSteps: 6_000 });
          const rec = run(cfg);
          const fresh = run(cfg); // no cursor: every view from a snapshot copy
          const steps = rec.result.steps;
          let k = 0;
          for (const mv of moves) {
            k = Number.isInteger(mv) ? Math.max(0, Math.min(steps, k + mv)) : Math.round(mv * steps);
            const view = stepView(rec, k);
            expect(stateOf(cursorAt(rec, k))).toEqual(stateOf(replayed(rec, k)));
            fresh.cursor = undefined;
            expect(view).toEqual(stepView(fresh, k));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is restored from a snapshot when it is past the step asked for, and never shares state with the snapshot', () => {
    const rec = run(makeRunConfig({ scenario: 'kick-storm', variant: 'fixed', cpus: 16, seed: 3, stormKicks: 400, policy: 'random' }));
    expect(rec.snapshots.length).toBeGreaterThan(2);
    const snap = rec.snapshots[1];
    const before = stateOf(snap.machine);
    const end = cursorAt(rec, rec.result.steps);
    const back = cursorAt(rec, snap.step + 5);
    expect(back).toBe(end); // the same machine, moved back in place
    expect(stateOf(back)).toEqual(stateOf(replayed(rec, snap.step + 5)));
    cursorAt(rec, snap.step + 200); // writing forwards again must not touch the snapshot
    expect(stateOf(snap.machine)).toEqual(before);
  });

  it('gives machineAt() callers a copy of their own', () => {
    const rec = run(makeRunConfig({ scenario: 'disable-vs-kick', variant: 'merged', cpus: 4, seed: 1 }));
    const k = Math.floor(rec.result.steps / 2);
    cursorAt(rec, k);
    const copy = machineAt(rec, k + 1);
    const cursorState = stateOf(cursorAt(rec, k));
    for (let i = k + 1; i < rec.result.steps; i++) copy.apply(rec.result.actors[i]);
    expect(stateOf(cursorAt(rec, k))).toEqual(cursorState);
  });
});

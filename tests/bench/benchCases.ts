// Benchmark cases of the scheduler-core model, one per process (so peak memory is the case's own).
// Run through tests/bench/bench.ts, which bundles this file (plain ESM, as in the browser) and spawns it.
import { run, createMachine } from '../../workers/model/sched/run.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { stepView } from '../../workers/model/sched/stepView.ts';
import { randomPolicy } from '../../workers/model/sched/scenarios.ts';
import { Rng } from '../../workers/model/rng.ts';
import type { RunConfig } from '../../workers/model/sched/types.ts';
import { compareRuns, kernelChoice } from '../../workers/model/sched/compare.ts';
import { diffRuns } from '../../workers/model/sched/diff.ts';
import { perfettoChunks } from '../../workers/model/export/perfetto.ts';

const now = () => performance.now();

function storm(rule: RunConfig['pntRule'], stormKicks: number, maxSteps: number): RunConfig {
  return makeRunConfig({ scenario: 'kick-storm', variant: 'fixed', cpus: 8192, pntRule: rule, stormKicks, maxSteps, seed: 7 });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const CASES: Record<string, () => Record<string, number | string | boolean>> = {
  /** Machine.apply() + the seeded storm policy, nothing recorded: the model's own step rate. */
  'raw-steps'() {
    const out: Record<string, number> = {};
    for (const rule of ['6.17', 'a379fa1e2cae'] as const) {
      const cfg = storm(rule, 250_000, 1_000_000);
      const rates: number[] = [];
      for (let rep = 0; rep < 4; rep++) {
        const m = createMachine(cfg);
        const p = randomPolicy(new Rng(cfg.seed ^ 0x5eed));
        const t0 = now();
        let steps = 0;
        for (; steps < cfg.maxSteps; steps++) {
          const a = p.pick(m);
          if (a < 0) break;
          m.apply(a);
        }
        const dt = now() - t0;
        if (rep > 0) rates.push(steps / (dt / 1000)); // the first repetition warms the JIT up
        out[`steps_${rule}`] = steps;
      }
      out[`stepsPerSecond_${rule}`] = Math.round(median(rates));
    }
    return out;
  },
  /** run() of 1M steps keeping only hash, verdict and notable events (what `sim run --summary` does). */
  'run-summary-1M'() {
    const cfg = storm('a379fa1e2cae', 250_000, 1_000_000);
    run(storm('a379fa1e2cae', 5_000, 50_000), { trace: false });
    const t0 = now();
    const r = run(cfg, { trace: false }).result;
    const dt = now() - t0;
    return {
      steps: r.steps,
      events: r.eventCount,
      stepsPerSecond: Math.round(r.steps / (dt / 1000)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  },
  /** run() of 1M steps with the whole trace and snapshots kept (what the stepper holds). */
  'run-full-1M'() {
    const cfg = storm('a379fa1e2cae', 250_000, 1_000_000);
    run(storm('a379fa1e2cae', 5_000, 50_000));
    const t0 = now();
    const rec = run(cfg);
    const dt = now() - t0;
    return {
      steps: rec.result.steps,
      events: rec.result.trace.count,
      snapshots: rec.snapshots.length,
      stepsPerSecond: Math.round(rec.result.steps / (dt / 1000)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  },
  /** stepView() at random steps of a ≥100k-event kick storm at 8192 CPUs (the worker's side of a scrub). */
  'step-view'() {
    const rec = run(storm('6.17', 15_000, 2_000_000));
    const r = rec.result;
    const rng = new Rng(3);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const k = rng.below(r.steps + 1);
      const t0 = now();
      stepView(rec, k);
      times.push(now() - t0);
    }
    const fwd: number[] = [];
    let k = Math.floor(r.steps / 3);
    stepView(rec, k);
    for (let i = 0; i < 300; i++) {
      const t0 = now();
      stepView(rec, ++k);
      fwd.push(now() - t0);
    }
    return {
      steps: r.steps,
      events: r.trace.count,
      randomP50ms: +quantile(times, 0.5).toFixed(2),
      randomP95ms: +quantile(times, 0.95).toFixed(2),
      randomMaxMs: +Math.max(...times).toFixed(2),
      forwardP50ms: +quantile(fwd, 0.5).toFixed(2),
      forwardP95ms: +quantile(fwd, 0.95).toFixed(2),
    };
  },
  /** The compare view's alignment (diffRuns) of two kick storms at 8192 CPUs on one schedule; budget 2 s. */
  'diff-align'() {
    const out: Record<string, number | string> = {};
    const base = storm('6.17', 5_000, 2_000_000);
    for (const [name, b] of [
      ['mergedVsFixed', kernelChoice('fixed')],
      ['rule617VsA379', kernelChoice('fixed', 'a379fa1e2cae')],
    ] as const) {
      const rec = compareRuns({ base, a: kernelChoice('merged'), b, schedule: { kind: 'random' } });
      const times: number[] = [];
      for (let rep = 0; rep < 3; rep++) {
        const t0 = now();
        diffRuns(rec.a.result, rec.b.result);
        times.push(now() - t0);
      }
      out[`${name}_steps`] = `${rec.a.result.steps}/${rec.b.result.steps}`;
      out[`${name}_hunks`] = rec.diff.hunks.length;
      out[`${name}_windowed`] = rec.diff.window ? 'yes' : 'no';
      out[`${name}_alignMs`] = Math.round(Math.max(...times));
    }
    return out;
  },
  /** The Perfetto export of a full 8192-CPU kick storm, streamed chunk by chunk (issue 14: under 2 s). */
  'perfetto-8192': () => {
    const r = run(makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 8192 })).result;
    const t0 = now();
    let chars = 0;
    let chunks = 0;
    for (const c of perfettoChunks(r)) {
      chars += c.length;
      chunks++;
    }
    return { steps: r.steps, events: r.trace.count, exportMs: Math.round(now() - t0), megabytes: +(chars / 2 ** 20).toFixed(1), chunks };
  },
};

const name = process.argv[2];
if (!name || !CASES[name]) {
  console.error(`usage: bench <case>; cases: ${Object.keys(CASES).join(', ')}`);
  process.exit(2);
}
console.log(JSON.stringify({ case: name, ...CASES[name]() }));

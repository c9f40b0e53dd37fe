// Benchmark of the exhaustive search (issue 12). Prints, with the load average:
// 1. kick-storm · merged (one kick) at 3 CPUs, with timer-tick delivery (the search) and self-interrupt
//    delivery (the default): states/s and the peak RSS of this process (the first one run fresh);
// 2. disable-vs-kick and load-while-enabled, all four variants, at 6 CPUs and more: seconds, states and bytes
//    held per state (exact store and hash compaction);
// 3. kick-storm · merged at 4 CPUs under the CLI's 1 GiB budget: completes or stops at the budget, < 2 min.
// Usage: tsx tests/bench/benchExplore.ts [--cpus 6,7,8] [--pnt-rule R] [--reductions]
// (--reductions also prints each search's state count without symmetry / POR.)
import { loadavg } from 'node:os';
import { explore, type ExploreOptions, type ExploreResult } from '../../workers/model/sched/explore.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { VARIANTS } from '../../workers/model/sched/types.ts';
import type { PntRule, RunConfig, ScenarioName } from '../../workers/model/sched/types.ts';
import { formatTable } from '../../workers/cli/format.ts';

const SCENARIOS: ScenarioName[] = ['disable-vs-kick', 'load-while-enabled'];
const CLI_BUDGET = 2 ** 30;
/** The targets. */
const LARGE_LIMIT_S = 10;
const KICK_STORM_4_LIMIT_S = 120;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const cpuList = arg('cpus', '6,7,8')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 2);
const pntRule = arg('pnt-rule', '6.17') as PntRule;
const reductions = process.argv.includes('--reductions');

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
/** The result, wall seconds and CPU seconds of this process (the machine may be shared: CPU time is what the
 *  search itself cost, wall time what a user waited). */
function timed(cfg: RunConfig, opts: ExploreOptions = {}): [ExploreResult, number, number] {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = explore(cfg, { maxMemory: CLI_BUDGET, onProgress: sampleRss, ...opts });
  sampleRss();
  const c = process.cpuUsage(c0);
  return [r, (performance.now() - t0) / 1000, (c.user + c.system) / 1e6];
}
const mib = (b: number) => (b / 2 ** 20).toFixed(1);
const load = () =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
let failures = 0;

console.log(`explore bench · node ${process.version} · ${load()}`);

// 1. kick-storm · merged · 3 CPUs: the search first (timer-tick delivery, 346,805 states; run fresh, so
//    its peak RSS is its own), then the same storm under the default self-interrupt delivery.
for (const irqDelivery of ['tick', 'self-interrupt'] as const) {
  const cfg = makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 3, pntRule, stormKicks: 1, irqDelivery });
  const [r, s, cpu] = timed(cfg);
  console.log(
    `\nkick-storm · merged · 3 CPUs · ${irqDelivery}: ${r.states} states, ${r.transitions} transitions, ${s.toFixed(2)} s, ` +
      `${Math.round(r.states / s)} states/s (CPU ${cpu.toFixed(2)} s: ${Math.round(r.states / cpu)} states per CPU second), complete ${r.complete}, held ${mib(r.memoryBytes)} MiB ` +
      `(${Math.round(r.memoryBytes / r.states)} B/state), peak RSS so far ${mib(peakRss)} MiB · ${load()}`,
  );
  if (!r.complete) failures++;
}

// 2. The larger searches.
for (const cpus of cpuList) {
  const head = [
    'scenario',
    'variant',
    'states',
    'transitions',
    's',
    'CPU s',
    'states/s',
    'complete',
    'B/state exact',
    'B/state fingerprints',
  ];
  if (reductions) head.push('no reduction', 'symmetry only', 'POR only');
  const rows = [head];
  for (const scenario of SCENARIOS) {
    for (const variant of VARIANTS) {
      const cfg = makeRunConfig({ scenario, variant, cpus, pntRule });
      const [r, s, cpu] = timed(cfg);
      const [f] = timed(cfg, { store: 'fingerprint' });
      if (cpus === 6 && (!r.complete || s >= LARGE_LIMIT_S)) failures++;
      const row = [
        scenario,
        variant,
        String(r.states),
        String(r.transitions),
        s.toFixed(2),
        cpu.toFixed(2),
        String(Math.round(r.states / Math.max(s, 1e-6))),
        r.complete ? 'yes' : `no (${r.cutBy})`,
        String(Math.round(r.memoryBytes / r.states)),
        String(Math.round(f.memoryBytes / f.states)),
      ];
      if (reductions)
        for (const [symmetry, por] of [
          [false, false],
          [true, false],
          [false, true],
        ] as const) {
          const [x, t] = timed(cfg, { symmetry, por });
          row.push(`${x.states} (${t.toFixed(2)} s)`);
        }
      rows.push(row);
    }
  }
  console.log(`\n${cpus} CPUs, pnt_seq rule ${pntRule} (symmetry and POR on) · ${load()}`);
  console.log(formatTable(rows));
}

// 3. kick-storm · merged · 4 CPUs under the CLI budget, under both deliveries.
for (const irqDelivery of ['self-interrupt', 'tick'] as const) {
  const cfg = makeRunConfig({ scenario: 'kick-storm', variant: 'merged', cpus: 4, pntRule, stormKicks: 1, irqDelivery });
  const [r, s, cpu] = timed(cfg);
  const how = r.complete ? `complete at ${r.states} states` : `stopped (${r.cutBy}) holding ${r.states} states`;
  const found = Object.entries(r.violations)
    .filter(([, v]) => v)
    .map(([k]) => k);
  console.log(
    `\nkick-storm · merged · 4 CPUs · ${irqDelivery}, 1 GiB budget: ${how}, ${r.transitions} transitions, ${s.toFixed(1)} s (CPU ${cpu.toFixed(1)} s), ` +
      `${Math.round(r.states / s)} states/s, held ${mib(r.memoryBytes)} MiB, found ${found.join(', ') || 'nothing'} · ${load()}`,
  );
  if (s > KICK_STORM_4_LIMIT_S) failures++;
}

if (failures) {
  console.error(`${failures} bench target(s) missed (see above)`);
  process.exitCode = 1;
}

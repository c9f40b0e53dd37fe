// Benchmark of the exhaustive search: for disable-vs-kick and load-while-enabled in all four variants, the
// states, transitions, states per second and seconds of a full search, and the state counts with and without
// each reduction, so their effect is measured. Usage: tsx tests/bench/benchExplore.ts [--cpus 3,4] [--pnt-rule R]
import { explore } from '../../workers/model/sched/explore.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import { VARIANTS } from '../../workers/model/sched/types.ts';
import type { PntRule, ScenarioName } from '../../workers/model/sched/types.ts';
import { formatTable } from '../../workers/cli/format.ts';

const SCENARIOS: ScenarioName[] = ['disable-vs-kick', 'load-while-enabled'];
/** The target: a complete search at 3 CPUs in under this many seconds. */
const BUDGET_S = 2;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const cpuList = arg('cpus', '3,4')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 2);
const pntRule = arg('pnt-rule', '6.17') as PntRule;

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, (performance.now() - t0) / 1000];
}

let over = 0;
for (const cpus of cpuList) {
  const rows = [
    ['scenario', 'variant', 'states', 'transitions', 'states/s', 's', 'complete', 'no reduction', 'symmetry only', 'POR only', 'both'],
  ];
  for (const scenario of SCENARIOS) {
    for (const variant of VARIANTS) {
      const cfg = makeRunConfig({ scenario, variant, cpus, pntRule });
      const [r, s] = timed(() => explore(cfg));
      const counts = (
        [
          [false, false],
          [true, false],
          [false, true],
          [true, true],
        ] as const
      ).map(([symmetry, por]) => {
        const [x, t] = timed(() => explore(cfg, { symmetry, por }));
        return `${x.states} (${t.toFixed(2)} s)`;
      });
      if (cpus === 3 && (!r.complete || s >= BUDGET_S)) over++;
      rows.push([
        scenario,
        variant,
        String(r.states),
        String(r.transitions),
        String(Math.round(r.states / Math.max(s, 1e-6))),
        s.toFixed(3),
        r.complete ? 'yes' : 'no',
        ...counts,
      ]);
    }
  }
  console.log(`${cpus} CPUs, pnt_seq rule ${pntRule} (first columns: both reductions on, the default)`);
  console.log(formatTable(rows));
}
if (over) {
  console.error(`${over} search(es) at 3 CPUs were incomplete or took ${BUDGET_S} s or more`);
  process.exitCode = 1;
}

// One exhaustive search in a fresh Node process, for explore.bench.ts: the browser's search worker starts
// cold for each search (a page load makes a new worker), so the Node search it is compared with does too.
// Usage: tsx tests/bench/exploreOnce.ts '<makeRunConfig input as JSON>'; prints {states, complete, seconds}.
import { explore } from '../../workers/model/sched/explore.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';

const input = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof makeRunConfig>[0];
const t0 = performance.now();
const r = explore(makeRunConfig(input));
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ states: r.states, complete: r.complete, seconds }) + '\n');

// `npm run bench` (model part): bundles benchCases.ts as plain ESM (as the browser runs it; tsx's loader
// adds per-access overhead) and runs each case in its own process, so peak memory is that case's alone.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../node_modules/.tmp');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, 'bench-cases.mjs');
await build({ entryPoints: [join(here, 'benchCases.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });

const only = process.argv.slice(2);
const cases = ['raw-steps', 'run-summary-1M', 'run-full-1M', 'step-view', 'diff-align', 'perfetto-8192'].filter(
  (c) => !only.length || only.includes(c),
);
console.log('scheduler-core model benchmarks (kick-storm, 8192 CPUs, Node ' + process.version + ')');
for (const c of cases) {
  const line = execFileSync(process.execPath, [outfile, c], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim();
  const r = JSON.parse(line.split('\n').pop()!) as Record<string, unknown>;
  console.log(
    `  ${c.padEnd(15)} ` +
      Object.entries(r)
        .filter(([k]) => k !== 'case')
        .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toLocaleString('en-US') : String(v)}`)
        .join('  '),
  );
}

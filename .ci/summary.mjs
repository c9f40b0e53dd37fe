// CI summary: one closing line "N passed, N failed" over Vitest and Playwright, each runner's own count, the
// stages that never ran (a runner with no report is "not run", not a failed test), and the ten slowest tests
// with their share of their timeout, so the margin is visible. Exits non-zero when anything failed or did not run.
// Usage: node .ci/summary.mjs REPORT_DIR STAGES_FAILED   (STAGES_FAILED: "typecheck lint" or "")
import { readFileSync } from 'node:fs';

const [reportDir, stagesFailed = ''] = process.argv.slice(2);
const read = (f) => {
  try {
    return JSON.parse(readFileSync(`${reportDir}/${f}`, 'utf8'));
  } catch {
    return null;
  }
};
// The timeouts set in vitest.config.ts (per project) and playwright.config.ts; Playwright's report has its own.
const VITEST_TIMEOUT_MS = { unit: 60_000, slow: 600_000 };

let passed = 0;
let failed = 0;
const notRun = [];
const timings = [];

const v = read('vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  console.log(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
  for (const file of v.testResults) {
    const project = file.name.includes('/tests/slow/') ? 'slow' : 'unit';
    for (const a of file.assertionResults)
      timings.push({
        ms: a.duration ?? 0,
        timeout: VITEST_TIMEOUT_MS[project],
        name: [file.name.replace(/^.*?\/tests\//, 'tests/'), ...a.ancestorTitles, a.title].join(' › '),
      });
  }
} else notRun.push('vitest');

const p = read('playwright.json');
if (p) {
  const ok = p.stats.expected + p.stats.flaky;
  passed += ok;
  failed += p.stats.unexpected;
  console.log(`playwright: ${ok} passed, ${p.stats.unexpected} failed${p.stats.flaky ? ` (${p.stats.flaky} flaky)` : ''}`);
  // Top-level suites are spec files (named by spec.file); nested ones are describe blocks.
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        for (const r of t.results)
          timings.push({ ms: r.duration, timeout: t.timeout, name: [`tests/e2e/${spec.file}`, ...path, spec.title].join(' › ') });
    for (const s of suite.suites ?? []) walk(s, [...path, s.title]);
  };
  for (const s of p.suites) walk(s, []);
} else notRun.push('playwright');

timings.sort((a, b) => b.ms - a.ms);
console.log('ten slowest tests (time, share of its timeout):');
for (const t of timings.slice(0, 10))
  console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${String(Math.round((100 * t.ms) / t.timeout)).padStart(3)} %  ${t.name}`);

for (const r of notRun) console.log(`${r}: not run (npm test stopped before it started)`);
const stages = stagesFailed.split(/\s+/).filter(Boolean);
for (const s of stages) console.log(`${s}: failed`);
const incomplete = notRun.length > 0 || stages.length > 0;
// "incomplete:" says the run failed although the tests that ran all passed.
console.log(`${incomplete && failed === 0 ? 'incomplete: ' : ''}${passed} passed, ${failed} failed`);
process.exit(failed || incomplete ? 1 : 0);

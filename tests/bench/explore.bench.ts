// Benchmark (not a test): the exhaustive search in the browser's worker against the same search in Node, and
// whether the page stays responsive meanwhile (the longest main-thread task and long animation frame while
// it runs). Prints; asserts only that both searches are the same search (equal state counts) and complete.
import { expect, test, type Page } from '@playwright/test';
import { explore } from '../../workers/model/sched/explore.ts';
import { makeRunConfig } from '../../workers/model/sched/variants.ts';
import type { ScenarioName, VariantName } from '../../workers/model/sched/types.ts';

interface Case {
  scenario: ScenarioName;
  variant: VariantName;
  cpus: number;
}
const CASES: Case[] = [
  { scenario: 'disable-vs-kick', variant: 'merged', cpus: 8 },
  { scenario: 'load-while-enabled', variant: 'merged', cpus: 8 },
  { scenario: 'disable-vs-kick', variant: 'fixed', cpus: 8 },
  { scenario: 'kick-storm', variant: 'merged', cpus: 3 },
];

/** The observers only see entries over 50 ms. */
const ms = (x: number) => (x > 0 ? `${x.toFixed(0)} ms` : 'none over 50 ms');

interface Shown {
  states: number;
  complete: boolean;
  seconds: number;
}

async function searchInPage(page: Page, c: Case): Promise<{ shown: Shown; longestTaskMs: number; longestFrameMs: number }> {
  await page.goto(`/?v=1&m=1&view=explore&scenario=${c.scenario}&variant=${c.variant}&cpus=${c.cpus}&kicks=1`);
  await page.evaluate(() => window.__app?.whenIdle());
  await page.evaluate(() => {
    const w = window as unknown as { __long: { task: number; frame: number } };
    w.__long = { task: 0, frame: 0 };
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__long.task = Math.max(w.__long.task, e.duration)))).observe({
      type: 'longtask',
    });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__long.frame = Math.max(w.__long.frame, e.duration)))).observe({
      type: 'long-animation-frame',
    });
  });
  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  await expect(page.getByRole('status', { name: 'Explore progress' })).toContainText('Done:', { timeout: 240_000 });
  const shown = await page.evaluate(() => {
    const r = (window.__app!.getState() as { exploreResult: { states: number; complete: boolean; seconds: number } }).exploreResult;
    return { states: r.states, complete: r.complete, seconds: r.seconds };
  });
  const long = await page.evaluate(() => (window as unknown as { __long: { task: number; frame: number } }).__long);
  return { shown, longestTaskMs: long.task, longestFrameMs: long.frame };
}

test('explore: the browser worker against Node, and the page while it searches', async ({ page }) => {
  for (const c of CASES) {
    const inPage = await searchInPage(page, c);
    const t0 = performance.now();
    const node = explore(makeRunConfig({ scenario: c.scenario, variant: c.variant, cpus: c.cpus, stormKicks: 1 }));
    const nodeSeconds = (performance.now() - t0) / 1000;
    expect(inPage.shown.complete && node.complete).toBe(true);
    expect(inPage.shown.states).toBe(node.states);
    console.log(
      `[explore bench] ${c.scenario} · ${c.variant} · ${c.cpus} CPUs: ${node.states.toLocaleString('en-US')} states; ` +
        `browser worker ${inPage.shown.seconds.toFixed(2)} s, Node ${nodeSeconds.toFixed(2)} s ` +
        `(×${(inPage.shown.seconds / nodeSeconds).toFixed(2)}); longest main-thread task ${ms(inPage.longestTaskMs)}, ` +
        `longest animation frame ${ms(inPage.longestFrameMs)}`,
    );
  }
});

// Benchmark (not a test): the exhaustive search in the browser's worker against the same search in Node (each
// cold: a page load makes a new worker, and each Node search runs in a fresh process), and
// whether the page stays responsive meanwhile (the longest main-thread task and long animation frame while
// it runs). Prints; asserts only that both searches are the same search (equal state counts) and complete.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { IrqDelivery, ScenarioName, VariantName } from '../../workers/model/sched/types.ts';
import { MODEL_VERSION } from '../../workers/model/constants.ts';

interface Case {
  scenario: ScenarioName;
  variant: VariantName;
  cpus: number;
  irqDelivery: IrqDelivery;
}
const CASES: Case[] = [
  { scenario: 'disable-vs-kick', variant: 'merged', cpus: 8, irqDelivery: 'self-interrupt' },
  { scenario: 'load-while-enabled', variant: 'merged', cpus: 8, irqDelivery: 'self-interrupt' },
  { scenario: 'disable-vs-kick', variant: 'fixed', cpus: 8, irqDelivery: 'self-interrupt' },
  { scenario: 'kick-storm', variant: 'merged', cpus: 3, irqDelivery: 'self-interrupt' },
  // The search (346,805 states): timer-tick delivery, the only one before model version 2.
  { scenario: 'kick-storm', variant: 'merged', cpus: 3, irqDelivery: 'tick' },
];

const rate = (states: number, s: number) => `${Math.round(states / s).toLocaleString('en-US')} states/s`;

/** The observers only see entries over 50 ms. */
const ms = (x: number) => (x > 0 ? `${x.toFixed(0)} ms` : 'none over 50 ms');

interface Shown {
  states: number;
  complete: boolean;
  seconds: number;
}

async function searchInPage(page: Page, c: Case): Promise<{ shown: Shown; longestTaskMs: number; longestFrameMs: number }> {
  await page.goto(
    `/?v=1&m=${MODEL_VERSION}&view=explore&scenario=${c.scenario}&variant=${c.variant}&cpus=${c.cpus}&kicks=1&dlv=${c.irqDelivery}`,
  );
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

/** The same search in a fresh Node process (exploreOnce.ts), cold like the page's new worker. */
function searchInNode(c: Case): Shown {
  const script = fileURLToPath(new URL('./exploreOnce.ts', import.meta.url));
  const input = JSON.stringify({ scenario: c.scenario, variant: c.variant, cpus: c.cpus, stormKicks: 1, irqDelivery: c.irqDelivery });
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, input], { encoding: 'utf8' })) as Shown;
}

test('explore: the browser worker against Node, and the page while it searches', async ({ page }) => {
  for (const c of CASES) {
    const inPage = await searchInPage(page, c);
    const node = searchInNode(c);
    const nodeSeconds = node.seconds;
    expect(inPage.shown.complete && node.complete).toBe(true);
    expect(inPage.shown.states).toBe(node.states);
    console.log(
      `[explore bench] ${c.scenario} · ${c.variant} · ${c.cpus} CPUs · ${c.irqDelivery}: ${node.states.toLocaleString('en-US')} states; ` +
        `browser worker ${inPage.shown.seconds.toFixed(2)} s (${rate(node.states, inPage.shown.seconds)}), ` +
        `Node ${nodeSeconds.toFixed(2)} s (${rate(node.states, nodeSeconds)}) ` +
        `(×${(inPage.shown.seconds / nodeSeconds).toFixed(2)}); longest main-thread task ${ms(inPage.longestTaskMs)}, ` +
        `longest animation frame ${ms(inPage.longestFrameMs)}`,
    );
  }
});

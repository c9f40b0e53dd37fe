// The explore view end to end: search every interleaving of disable-vs-kick on no-rcu at 2 CPUs, load the
// use-after-free counterexample into the race stepper, and see the KASAN report at the violating step.
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

interface ExploreState {
  exploreStatus: string;
  exploreResult: { violations: Record<string, { schedule: string[]; steps: number } | null>; complete: boolean } | null;
}

interface RaceState {
  raceStep: number;
  raceView: { step: number } | null;
  raceRun: { status: string; data: { result: { steps: number; config: { schedule: string[] } } } | null };
}

const state = <T>(page: Page) => page.evaluate(() => window.__app?.getState()) as Promise<T>;

async function openExplore(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect(page.getByRole('heading', { name: /^Explore:/ })).toBeVisible();
}

test.describe('explore view', () => {
  test('asks for the CPU counts it allows (2–8 for the default scenario) when the shared count is larger', async ({ page }) => {
    await openExplore(page);
    await expect(page.getByRole('note')).toContainText('runs at 2 to 8 CPUs');
    await expect(page.getByRole('button', { name: 'Explore all interleavings' })).toBeDisabled();
  });

  test('finds the use-after-free of no-rcu and shows it in the race stepper at the violating step', async ({ page }) => {
    await openExplore(page);
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('disable-vs-kick');
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('no-rcu');
    await page.getByRole('combobox', { name: 'CPUs' }).selectOption('2');
    // Under the default self-interrupt delivery this race is unreachable; the timer tick lets the irq work start late.
    await page.getByRole('combobox', { name: 'irq_work delivery' }).selectOption('tick');
    const explore = page.getByRole('button', { name: 'Explore all interleavings' });
    await expect(explore).toBeEnabled();
    await explore.click();

    const results = page.getByRole('region', { name: 'Explore results' });
    await expect(results).toContainText('complete: every schedule explored', { timeout: 30_000 });
    await expect(results).toContainText('disable-vs-kick · no-rcu · 2 CPUs · pnt_seq rule 6.17');
    await expect(results.getByLabel('Explored irq work options')).toHaveText(
      'kick irq work: hard irq · irq_work delivery: timer tick (no irq_work interrupt)',
    );
    await expect(page.getByRole('status', { name: 'Explore progress' })).toContainText('Done:');
    const uafRow = results.getByRole('row', { name: /^use-after-free/ });
    await expect(uafRow).toContainText('found');
    await expect(results.getByRole('row', { name: /^leak/ })).toContainText('not reachable');
    await page.screenshot({ path: 'test-results/explore-results.png', fullPage: true });

    const s = await state<ExploreState>(page);
    const cx = s.exploreResult!.violations.useAfterFree!;
    expect(cx.steps).toBe(cx.schedule.length);

    // The address bar follows the store after a short debounce (useUrlSync): wait until it holds this search.
    await expect.poll(() => new URL(page.url()).searchParams.get('cpus')).toBe('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('variant')).toBe('no-rcu');
    const exploreUrl = page.url();
    await page.getByRole('button', { name: 'Show the use-after-free counterexample in the race stepper' }).click();
    await expect(page.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
    await page.waitForFunction(
      (steps) => {
        const r = window.__app?.getState() as RaceState | undefined;
        return !!r && r.raceRun.status === 'done' && r.raceStep === steps && r.raceView?.step === steps;
      },
      cx.steps,
      { timeout: 30_000 },
    );
    await page.evaluate(() => window.__app?.whenIdle());
    const race = await state<RaceState>(page);
    expect(race.raceRun.data!.result.config.schedule).toEqual(cx.schedule);

    // The status line is at the violating step and names the use-after-free; the KASAN report is there too.
    await expect(page.getByRole('status')).toContainText(`Step ${cx.steps} of`);
    await expect(page.getByRole('status')).toContainText('use-after-free');
    const events = page.getByRole('region', { name: 'Events' });
    await expect(events).toContainText('use-after-free');
    const kasan = page.getByRole('region', { name: 'Reports' }).getByRole('article', { name: /KASAN: slab-use-after-free/ });
    await expect(kasan).toContainText('BUG: KASAN: slab-use-after-free');
    await expect(kasan).toContainText(`step ${cx.steps} ·`);
    await kasan.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/explore-uaf-in-stepper.png', fullPage: true });

    // The click was one history entry: one Back returns to the Explore tab as it was, without the schedule.
    await page.goBack();
    await expect(page.getByRole('tab', { name: 'Explore' })).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => page.url()).toBe(exploreUrl);
    const back = await state<{ raceParams: { schedule: string[] } }>(page);
    expect(back.raceParams.schedule).toEqual([]);
  });

  test('searches with the races view’s injected -ENOMEM and custom toggles, and says so above the results', async ({ page }) => {
    await page.goto('/?v=1&m=1&view=explore&scenario=enable-disable&variant=merged&cpus=2&enomem=1');
    await expect(
      page.getByText('kvzalloc_node() call 1 (0-based) fails with -ENOMEM in every schedule: set under Races › Advanced.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Explore all interleavings' }).click();
    const results = page.getByRole('region', { name: 'Explore results' });
    await expect(results).toContainText('complete: every schedule explored', { timeout: 30_000 });
    await expect(results.getByLabel('Explored configuration')).toHaveText(
      'kvzalloc_node() call 1 (0-based) fails with -ENOMEM in every schedule',
    );
    await expect(results.getByRole('row', { name: /^leak/ })).toContainText('not reachable');

    // A custom variant: the merged preset without the NULL check reaches a NULL dereference.
    await page.goto('/?v=1&m=1&view=races&scenario=disable-vs-kick&variant=merged&cpus=2');
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByRole('checkbox', { name: /nullCheck/ }).uncheck();
    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByRole('button', { name: 'Explore all interleavings' }).click();
    await expect(results).toContainText('disable-vs-kick · custom · 2 CPUs', { timeout: 30_000 });
    await expect(results.getByLabel('Explored configuration')).toHaveText(
      'toggles: lazyAlloc on, rcuFree on, nullCheck off, allocAfterStateCheck off',
    );
    await expect(results.getByRole('row', { name: /^NULL dereference/ })).toContainText('found');
  });

  test('a search that reaches its memory budget stops cleanly and says "not found so far" in a neutral colour', async ({ page }) => {
    await openExplore(page);
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kick-storm');
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('merged');
    await page.getByRole('combobox', { name: 'CPUs' }).selectOption('3');
    await page.getByRole('combobox', { name: 'Memory budget' }).selectOption('64');
    await page.getByRole('button', { name: 'Explore all interleavings' }).click();
    const results = page.getByRole('region', { name: 'Explore results' });
    await expect(results).toContainText(/incomplete: stopped at the 64 MiB memory budget, holding [\d,]+ states/, { timeout: 60_000 });
    // No checker may read "not reachable" after an incomplete search.
    await expect(results).not.toContainText('not reachable');
    const uaf = results
      .getByRole('row', { name: /^use-after-free/ })
      .getByRole('cell')
      .first();
    await expect(uaf).toContainText('not found so far (stopped at the 64 MiB memory budget');
    await expect(uaf).not.toHaveClass(/emerald/);
    await expect(uaf).toHaveClass(/text-slate-600/);
    await page.screenshot({ path: 'test-results/explore-budget.png', fullPage: true });
  });

  test('Stop ends a search in flight and the races view still works after it', async ({ page }) => {
    await openExplore(page);
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kick-storm');
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('merged');
    await page.getByRole('combobox', { name: 'CPUs' }).selectOption('4');
    await page.getByRole('button', { name: 'Explore all interleavings' }).click();
    const progress = page.getByRole('status', { name: 'Explore progress' });
    await expect(progress).toContainText('states/s', { timeout: 30_000 });
    // Live numbers and a bar against the 512 MiB browser budget.
    await expect(progress).toContainText(/frontier [\d,]+ · (?!0\.0 )[\d.,]+ MiB of 512 MiB/);
    const bar = page.getByRole('progressbar', { name: 'Memory used of the search budget' });
    await expect(bar).toHaveAttribute('aria-valuetext', /MiB of 512 MiB/);
    await page.screenshot({ path: 'test-results/explore-mid-search.png', fullPage: true });
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(progress).toContainText('Stopped after');
    await expect(page.getByLabel('Search progress')).toContainText('not found so far (search stopped)');
    await page.screenshot({ path: 'test-results/explore-stopped.png', fullPage: true });
    expect((await state<ExploreState>(page)).exploreStatus).toBe('stopped');
    // A fresh worker serves the next request.
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('disable-vs-kick');
    await page.getByRole('combobox', { name: 'CPUs' }).selectOption('2');
    await page.getByRole('button', { name: 'Explore all interleavings' }).click();
    await expect(page.getByRole('region', { name: 'Explore results' })).toContainText('complete', { timeout: 30_000 });
  });
});

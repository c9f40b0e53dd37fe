// Issue 20, "know where to look": the step bar stays in view while the page scrolls and says what the step
// did; verdicts tell "so far" from "at the end" and "introduced" from "pre-existing"; terms are explained.
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

/** Opens a races link and waits until its run and first view are shown. */
async function openLink(page: Page, query: string): Promise<{ steps: number }> {
  await page.goto(`/?v=1&m=2&view=races&${query}`);
  const handle = await page.waitForFunction(
    () => {
      const s = window.__app?.getState() as
        { raceRun: { status: string; data: { result: { steps: number } } | null }; raceView: { steps: number } | null } | undefined;
      const r = s?.raceRun.data?.result;
      return s && r && s.raceRun.status === 'done' && s.raceView?.steps === r.steps ? { steps: r.steps } : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.__app?.whenIdle());
  return (await handle.jsonValue()) as { steps: number };
}

const stepBar = (page: Page) => page.getByRole('group', { name: 'Step bar' });
const sentence = (page: Page) => page.getByLabel('This step in words');

test.describe('know where to look', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the step bar stays in view while the page scrolls, and its sentence follows the step', async ({ page }) => {
    await openLink(page, 'cpus=4&scenario=disable-vs-kick&variant=no-rcu&dlv=tick');
    await page.getByRole('region', { name: 'Code' }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect(stepBar(page)).toBeInViewport({ ratio: 1 });
    await expect(sentence(page)).toContainText('Nothing has run yet');
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByRole('status')).toContainText('Step 3 of');
    await expect(sentence(page)).not.toContainText('Nothing has run yet');
    await expect(sentence(page)).toHaveText(/^CPU \d+: .+\.$/);
    await page.screenshot({ path: 'test-results/clarity-stepbar-1366.png' });
    const box = (await stepBar(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
  });

  test('at a use-after-free step the step bar shows the violation', async ({ page }) => {
    await openLink(page, 'cpus=4&scenario=disable-vs-kick&variant=no-rcu&dlv=tick');
    await expect(stepBar(page)).not.toHaveAttribute('data-violation');
    const kasan = page.getByRole('region', { name: 'Reports' }).getByRole('article', { name: /KASAN: slab-use-after-free/ });
    await kasan.getByRole('button', { name: 'Go to step' }).click();
    await expect(page.getByRole('status')).toContainText('use-after-free');
    await expect(stepBar(page)).toHaveAttribute('data-violation', 'true');
    await expect(sentence(page)).toContainText('memory corruption');
  });

  test('the verdict so far is clean at step 0, and in merged under the 6.17 rule the spin is named pre-existing', async ({ page }) => {
    const run = await openLink(page, 'cpus=4&scenario=disable-vs-kick&variant=merged&rule=6.17');
    await expect(page.getByLabel('So far', { exact: true })).toHaveText('So far: clean so far');
    const end = page.getByLabel('At the end of this run', { exact: true });
    await expect(end).toContainText('pre-existing: stuck spin, RCU stall (the 6.17 SCX_KICK_WAIT bug, fixed by a379fa1e2cae)');
    await expect(end).not.toContainText('introduced');
    await page.getByRole('slider', { name: 'Step' }).fill(String(run.steps));
    await expect(page.getByLabel('So far', { exact: true })).toContainText('pre-existing: stuck spin');
  });

  test('in no-rcu the use-after-free is introduced by this kernel, and shows "so far" only from its step', async ({ page }) => {
    await openLink(page, 'cpus=4&scenario=disable-vs-kick&variant=no-rcu&dlv=tick');
    await expect(page.getByLabel('At the end of this run', { exact: true })).toContainText('introduced by this kernel: use-after-free');
    const kasan = page.getByRole('region', { name: 'Reports' }).getByRole('article', { name: /KASAN: slab-use-after-free/ });
    await kasan.getByRole('button', { name: 'Go to step' }).click();
    await expect(page.getByLabel('So far', { exact: true })).toContainText('introduced by this kernel: use-after-free');
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(page.getByLabel('So far', { exact: true })).not.toContainText('use-after-free');
  });

  test('a glossary term opens its definition by keyboard, inside the viewport, and Escape closes it', async ({ page }) => {
    await openLink(page, 'cpus=4&scenario=disable-vs-kick&variant=merged');
    const term = page
      .getByRole('region', { name: 'CPU grid legend' })
      .or(page.getByLabel('CPU grid legend'))
      .getByRole('button', { name: 'quiescent state' });
    await term.focus();
    await expect(term).toBeFocused();
    const tip = page.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('quiescent state: ');
    await expect(tip).toContainText('Documentation/RCU/whatisRCU.rst');
    await expect(term).toHaveAccessibleDescription(/grace period ends once every CPU/);
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    // Shift+Tab reaches the term before it and opens that one.
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('tooltip')).toContainText('read-side critical section: ');
  });

  test('a counterexample opened from Explore says where its schedule came from, and the result says what it covers', async ({ page }) => {
    await page.goto('/?v=1&m=2&view=explore&scenario=disable-vs-kick&variant=no-rcu&dlv=tick&cpus=2');
    await page.getByRole('button', { name: 'Explore all interleavings' }).click();
    const results = page.getByRole('region', { name: 'Explore results' });
    await expect(results).toContainText('This result covers this scenario (disable-vs-kick), at 2 CPUs, every schedule.', {
      timeout: 30_000,
    });
    await page.getByRole('button', { name: 'Show the use-after-free counterexample in the race stepper' }).click();
    await expect(page.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
    const chooser = page.getByRole('region', { name: 'Next step' });
    await expect(chooser).toContainText('Schedule from the explorer’s counterexample');
    await expect(chooser).not.toContainText('chosen by hand');
    const schedule = page.getByRole('combobox', { name: 'Schedule' });
    await expect(schedule.locator('option:checked')).toHaveText('explorer’s counterexample, then default interleaving');
  });

  test('the CPU grid tooltip stays inside the viewport at the right edge, in words', async ({ page }) => {
    await openLink(page, 'cpus=64&scenario=disable-vs-kick&variant=merged');
    await page.getByRole('slider', { name: 'Step' }).fill('60');
    const grid = page.getByLabel(/^CPU grid: hover a cell/);
    await grid.scrollIntoViewIfNeeded();
    await grid.focus();
    await page.keyboard.press('End');
    const tip = page.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText(/^CPU \d+ · array: /);
    const t = (await tip.boundingBox())!;
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.x + t.width).toBeLessThanOrEqual(1366);
    await expect(page.getByLabel('Timeline legend')).not.toContainText('uaf');
  });

  test('with more than 64 CPUs the view offers the race at 4 CPUs in one click; a link keeps its count', async ({ page }) => {
    await page.goto('/?v=1&m=2&view=races&cpus=128&scenario=disable-vs-kick');
    const offer = page.getByRole('button', { name: 'Show this race at 4 CPUs' });
    await expect(offer).toBeVisible();
    await page.waitForFunction(
      () =>
        (window.__app?.getState() as { raceRun: { data: { result: { config: { cpus: number } } } | null } }).raceRun.data?.result.config
          .cpus === 128,
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.getByRole('spinbutton', { name: 'CPUs', exact: true })).toHaveValue('128');
    await offer.click();
    await page.waitForFunction(
      () =>
        (window.__app?.getState() as { raceRun: { data: { result: { config: { cpus: number } } } | null } }).raceRun.data?.result.config
          .cpus === 4,
      undefined,
      { timeout: 60_000 },
    );
    await expect(page.getByRole('spinbutton', { name: 'CPUs', exact: true })).toHaveValue('4');
    await expect(offer).toBeHidden();
  });

  test('what the step changed is emphasised: the violating CPU cell, and the code line (still under reduced motion)', async ({ page }) => {
    await openLink(page, 'cpus=4&scenario=disable-vs-kick&variant=no-rcu&dlv=tick');
    const kasan = page.getByRole('region', { name: 'Reports' }).getByRole('article', { name: /KASAN: slab-use-after-free/ });
    await kasan.getByRole('button', { name: 'Go to step' }).click();
    await expect(stepBar(page)).toHaveAttribute('data-violation', 'true');
    await expect(page.getByLabel('What this step changed')).toContainText(/violation at this step on CPU \d/);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(page.getByLabel('What this step changed')).not.toContainText('violation');

    await page.getByRole('slider', { name: 'Step' }).fill('4');
    const moved = page.getByRole('region', { name: 'Code' }).locator('li[data-moved="true"]');
    await expect(moved).toHaveCount(1);
    expect(await moved.evaluate((el) => getComputedStyle(el).animationName)).toBe('step-flash');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await moved.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(await moved.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe('none');
  });
});

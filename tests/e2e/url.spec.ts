// Shared links end to end: "Copy link" gives a URL that restores the identical state in a fresh
// browser context (status line, CPU grid summary, trace hash), Back undoes a deliberate change, and
// bad links load a working app with a dismissable alert saying what was used instead.
import { expect, goldenUrls as golden, test } from './fixtures.ts';
import type { Browser, Page } from '@playwright/test';
import { encodeSchedule } from '../../src/url/scheduleCodec.ts';

const racesStatus = (page: Page) => page.getByRole('tabpanel').getByRole('status');
const gridSummary = (page: Page) => page.getByLabel('CPU grid summary');
const traceHash = (page: Page) => page.getByLabel('Trace hash');
const linkAlert = (page: Page) => page.getByRole('alert', { name: /link/i });

/** Waits until a run is loaded and shown, and nothing is pending. */
async function waitForRace(page: Page, want: { scenario?: string; variant?: string; cpus?: number } = {}): Promise<void> {
  await page.waitForFunction(
    (w) => {
      const s = window.__app?.getState() as
        | {
            raceRun: {
              status: string;
              data: { result: { steps: number; config: { scenario: string; variant: string; cpus: number } } } | null;
            };
            raceView: { steps: number } | null;
          }
        | undefined;
      const r = s?.raceRun.data?.result;
      if (!s || !r || s.raceRun.status !== 'done' || s.raceView?.steps !== r.steps) return false;
      return (
        (!w.scenario || r.config.scenario === w.scenario) &&
        (!w.variant || r.config.variant === w.variant) &&
        (!w.cpus || r.config.cpus === w.cpus)
      );
    },
    want,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.__app?.whenIdle());
}

async function shown(page: Page) {
  await page.evaluate(() => window.__app?.whenIdle());
  return {
    status: await racesStatus(page).textContent(),
    summary: await gridSummary(page).textContent(),
    hash: await traceHash(page).textContent(),
  };
}

async function openInNewContext(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test.describe('shared links', () => {
  test('Copy link restores the identical races state, forked schedule included, in a new context', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto('/');
    await page.getByRole('tab', { name: 'Races' }).click();
    await page.getByRole('spinbutton', { name: 'CPUs', exact: true }).fill('4');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('disable-vs-kick');
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('no-rcu');
    await waitForRace(page, { scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4 });
    // Choose step 12 by hand (a fork), then move the cursor on.
    await page.getByRole('slider', { name: 'Step' }).fill('11');
    await expect(racesStatus(page)).toContainText('Step 11 of');
    const before = await traceHash(page).textContent();
    const chooser = page.getByRole('region', { name: 'Next step' });
    await chooser.getByRole('button').filter({ hasNotText: 'this run' }).first().click();
    await expect(traceHash(page)).not.toHaveText(before!);
    await waitForRace(page);
    await page.getByRole('slider', { name: 'Step' }).fill('20');
    await expect(racesStatus(page)).toContainText('Step 20 of');
    const original = await shown(page);
    expect(original.hash).toMatch(/^[0-9a-f]{16}$/);
    await expect(page.getByText(`trace ${original.hash}`)).toBeVisible();

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/\?v=1&m=2&view=races&cpus=4&variant=no-rcu&step=20&sched=[A-Za-z0-9+$-]+$/);
    await expect(page).toHaveURL(url); // the address bar follows after a short debounce

    const fresh = await openInNewContext(browser, url);
    await waitForRace(fresh, { scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4 });
    await expect(racesStatus(fresh)).toHaveText(original.status!);
    await expect(gridSummary(fresh)).toHaveText(original.summary!);
    await expect(traceHash(fresh)).toHaveText(original.hash!);
    await expect(fresh.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
    await expect(fresh.getByRole('combobox', { name: 'Variant' })).toHaveValue('no-rcu');
    await expect(linkAlert(fresh)).toHaveCount(0);
    expect(fresh.url()).toBe(url);
    await fresh.context().close();
  });

  test('without a clipboard, the link is shown in a selectable field', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.goto('/?v=1&m=2&cpus=4097');
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByRole('textbox', { name: /select the link and copy it/ });
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(/\/\?v=1&m=2&cpus=4097$/);
    expect(await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe(
      await field.inputValue(),
    );
  });

  test('a memory-view link restores the machine; the simple fields are readable', async ({ page }) => {
    const memory = golden.find((g) => g.name === 'memory view')!;
    await page.goto(`/${memory.url}`);
    expect(page.url()).toContain('cpus=4097');
    await expect(page.getByRole('tab', { name: 'Memory' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('spinbutton', { name: 'CPU count' })).toHaveValue('4097');
    await expect(page.getByRole('radio', { name: /64/ })).toBeChecked();
    // Made with model version 1: it says so, and nothing else.
    await expect(linkAlert(page)).toContainText('This link was made with model version 1');
    await expect(linkAlert(page)).not.toContainText('is not');
  });

  test('the pinned 300-step link shows its pinned trace', async ({ page }) => {
    const g = golden.find((u) => u.name === '300-step forked schedule')!;
    expect(`http://127.0.0.1:4177/${g.url}`.length).toBeLessThan(2000);
    await page.goto(`/${g.url}`);
    await waitForRace(page, { cpus: 64 });
    await expect(traceHash(page)).toHaveText(g.traceHash);
    await expect(racesStatus(page)).toContainText(`Step 300 of ${g.steps}`);
    // A link of model version 1 opens with the timer-tick delivery it was made with (the same trace), and says so.
    await expect(linkAlert(page)).toContainText(
      'opened with irq_work delivery: timer tick (no irq_work interrupt), the behaviour it was made with',
    );
    await expect(page).toHaveURL(/\?v=1&m=2&.*&dlv=tick&/);
  });

  test('Back after a variant change returns to the previous variant', async ({ page }) => {
    await page.goto('/?v=1&m=2&view=races&cpus=4&scenario=load-while-enabled');
    await waitForRace(page, { scenario: 'load-while-enabled', variant: 'merged', cpus: 4 });
    const merged = await shown(page);
    const mergedUrl = page.url();
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('fixed');
    await waitForRace(page, { variant: 'fixed' });
    await expect(page).toHaveURL(/variant=fixed/);
    // Continuous changes replace the entry: Back still goes to merged.
    await page.getByRole('slider', { name: 'Step' }).fill('5');
    await expect(racesStatus(page)).toContainText('Step 5 of');
    await expect(page).toHaveURL(/step=5/);
    await page.goBack();
    await expect(page.getByRole('combobox', { name: 'Variant' })).toHaveValue('merged');
    await waitForRace(page, { variant: 'merged' });
    await expect(page).toHaveURL(mergedUrl);
    await expect(traceHash(page)).toHaveText(merged.hash!);
    await expect(racesStatus(page)).toHaveText(merged.status!);
    await page.goForward();
    await expect(page.getByRole('combobox', { name: 'Variant' })).toHaveValue('fixed');
    await waitForRace(page, { variant: 'fixed' });
    await expect(racesStatus(page)).toContainText('Step 5 of');
  });

  test('a step just before a variant change stays in the entry left behind', async ({ page }) => {
    await page.goto('/?v=1&m=2&view=races&cpus=4&scenario=load-while-enabled');
    await waitForRace(page, { scenario: 'load-while-enabled', variant: 'merged', cpus: 4 });
    // A continuous change (debounced), then at once a deliberate one: the first is written before the push.
    await page.getByRole('slider', { name: 'Step' }).fill('7');
    await expect(racesStatus(page)).toContainText('Step 7 of');
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('fixed');
    await waitForRace(page, { variant: 'fixed' });
    await expect(page).toHaveURL(/variant=fixed/);
    await page.goBack();
    await expect(page).toHaveURL(/[?&]step=7(&|$)/);
    await expect(page).not.toHaveURL(/variant=/);
    await waitForRace(page, { variant: 'merged' });
    await expect(racesStatus(page)).toContainText('Step 7 of');
  });

  test('the explore view’s reductions are in the link, and a search from the link uses them', async ({ page }) => {
    await page.goto('/?v=1&m=2&view=explore&scenario=disable-vs-kick&cpus=3&sym=0&por=0');
    const symmetry = page.getByRole('checkbox', { name: 'symmetry reduction' });
    const por = page.getByRole('checkbox', { name: 'partial-order reduction' });
    await expect(symmetry).not.toBeChecked();
    await expect(por).not.toBeChecked();
    await page.getByRole('button', { name: 'Explore all interleavings' }).click();
    const results = page.getByRole('region', { name: 'Explore results' });
    await expect(results).toContainText('complete: every schedule explored', { timeout: 30_000 });
    await expect(results).toContainText('symmetry off · partial-order reduction off');
    // Turning one back on is a deliberate change: the link follows, and Back returns to both off.
    await por.check();
    await expect(page).toHaveURL(/[?&]sym=0(&|$)/);
    await expect(page).not.toHaveURL(/[?&]por=/);
    await page.goBack();
    await expect(por).not.toBeChecked();
    await expect(page).toHaveURL(/[?&]por=0(&|$)/);
  });

  test('a corrupt link shows an alert and a working races view', async ({ page }) => {
    await page.goto('/?v=1&view=races&cpus=abc&scenario=nope&sched=%%%');
    const alert = linkAlert(page);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('cpus=abc is not a whole number; using 512 (the default)');
    await expect(alert).toContainText('scenario=nope is not a known scenario');
    await expect(alert).toContainText("The link's schedule (sched=%%%) is truncated or corrupted; it was dropped");
    await expect(page.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
    await waitForRace(page, { scenario: 'disable-vs-kick', cpus: 512 });
    await expect(racesStatus(page)).toContainText('Step 0 of');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(racesStatus(page)).toContainText('Step 1 of');
    await page.screenshot({ path: 'test-results/url-corrupt-link-alert.png' });
    // The address bar now holds the state that is shown.
    await expect(page).toHaveURL(/\?v=1&m=2&view=races&step=1$/);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(linkAlert(page)).toHaveCount(0);
  });

  test('out-of-range values are clamped and said so', async ({ page }) => {
    await page.goto('/?v=1&cpus=99999&nodes=40');
    await expect(linkAlert(page)).toContainText('cpus=99999 is out of range (1–16384); using 16384');
    await expect(linkAlert(page)).toContainText('nodes=40 is out of range (1–16); using 16');
    await expect(page.getByRole('spinbutton', { name: 'CPU count' })).toHaveValue('16384');
  });

  test('a step past the end of the run shows the last step and says so', async ({ page }) => {
    await page.goto('/?v=1&m=2&view=races&cpus=4&variant=no-rcu&dlv=tick&step=999');
    await waitForRace(page, { variant: 'no-rcu', cpus: 4 });
    const steps = golden.find((g) => g.name === 'disable-vs-kick no-rcu at the use-after-free')!.steps;
    await expect(racesStatus(page)).toContainText(`Step ${steps} of ${steps}`);
    await expect(linkAlert(page)).toContainText(`step=999 is past the end of this run (${steps} steps); showing step ${steps}`);
    await expect(page).toHaveURL(new RegExp(`step=${steps}$`));
  });

  test('a schedule naming an actor that cannot move is dropped, naming the step', async ({ page }) => {
    const sched = encodeSchedule(['boot', 'irq:3']);
    await page.goto(`/?v=1&m=2&view=races&cpus=4&sched=${sched}`);
    await expect(linkAlert(page)).toContainText(/The link's schedule cannot be replayed \(schedule step 2: actor "irq:3" cannot move/);
    await waitForRace(page, { scenario: 'disable-vs-kick', cpus: 4 });
    await expect(racesStatus(page)).toContainText('Step 0 of');
    await expect(page).toHaveURL(/\?v=1&m=2&view=races&cpus=4$/);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(racesStatus(page)).toContainText('Step 1 of');
  });

  test('a link from another model version says traces may differ', async ({ page }) => {
    await page.goto('/?v=1&m=3&view=races&cpus=4');
    await expect(linkAlert(page)).toContainText(
      'This link was made with model version 3; this app runs model version 2, so traces may differ',
    );
    await waitForRace(page, { cpus: 4 });
    await expect(traceHash(page)).toHaveText(/^[0-9a-f]{16}$/);
  });

  test('a link of model version 1 opens with the timer-tick delivery it was made with, shown in the controls', async ({ page }) => {
    await page.goto('/?v=1&m=1&view=races&cpus=4&variant=no-rcu');
    await expect(linkAlert(page)).toContainText(
      'This link was made with model version 1, before the irq_work delivery option: opened with irq_work delivery: timer tick (no irq_work interrupt), the behaviour it was made with',
    );
    await waitForRace(page, { variant: 'no-rcu', cpus: 4 });
    const uaf = golden.find((g) => g.name === 'disable-vs-kick no-rcu at the use-after-free')!;
    await expect(traceHash(page)).toHaveText(uaf.traceHash);
    await page.getByText('Advanced', { exact: true }).click();
    await expect(page.getByRole('combobox', { name: 'irq_work delivery' })).toHaveValue('tick');
    await expect(page.getByLabel('irq work options of this run')).toContainText('irq_work delivery: timer tick');
    await expect(page).toHaveURL(/\?v=1&m=2&view=races&cpus=4&variant=no-rcu&dlv=tick$/);
    // Switching to the default delivery is a deliberate change: the race is gone.
    await page.getByRole('combobox', { name: 'irq_work delivery' }).selectOption('self-interrupt');
    await expect(page).toHaveURL(/\?v=1&m=2&view=races&cpus=4&variant=no-rcu$/);
    await expect(traceHash(page)).not.toHaveText(uaf.traceHash);
    await expect(page.getByRole('region', { name: 'Reports' }).getByRole('article', { name: /KASAN/ })).toHaveCount(0);
  });
});

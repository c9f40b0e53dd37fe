// The races view end to end: controls found by role and name, runs checked through what the page
// shows (status line, reports, events, CPU grid summary, trace hash).
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

interface RunSpec {
  scenario: string;
  variant?: string;
  cpus: number;
  rule?: '6.17' | 'a379fa1e2cae';
  /** irq_work delivery (default: self-interrupt). */
  delivery?: 'self-interrupt' | 'tick';
}

interface RunInfo {
  scenario: string;
  cpus: number;
  pntRule: string;
  steps: number;
  events: number;
}

/** Waits until the loaded run is `spec` and its view has arrived; returns what was loaded. */
async function waitForRun(page: Page, spec: RunSpec): Promise<RunInfo> {
  const handle = await page.waitForFunction(
    (want) => {
      const s = window.__app?.getState() as
        | {
            raceRun: {
              status: string;
              data: {
                result: {
                  config: { scenario: string; cpus: number; variant: string; irqDelivery: string };
                  pntRule: string;
                  steps: number;
                  trace: { count: number };
                };
              } | null;
            };
            raceView: { steps: number } | null;
          }
        | undefined;
      const r = s?.raceRun.data?.result;
      if (!s || !r || s.raceRun.status !== 'done' || s.raceView?.steps !== r.steps) return null;
      if (r.config.scenario !== want.scenario || r.config.cpus !== want.cpus) return null;
      if (want.variant && r.config.variant !== want.variant) return null;
      if (want.rule && r.pntRule !== want.rule) return null;
      if (want.delivery && r.config.irqDelivery !== want.delivery) return null;
      return { scenario: r.config.scenario, cpus: r.config.cpus, pntRule: r.pntRule, steps: r.steps, events: r.trace.count };
    },
    spec,
    { timeout: 60_000 },
  );
  const info = (await handle.jsonValue()) as RunInfo;
  await page.evaluate(() => window.__app?.whenIdle());
  return info;
}

/** Waits until the loaded run's config has these values (and its view has arrived); returns its trace hash. */
async function waitForConfig(page: Page, want: Record<string, string | number | boolean>): Promise<string> {
  const handle = await page.waitForFunction(
    (w) => {
      const s = window.__app?.getState() as
        | {
            raceRun: { status: string; data: { result: { config: Record<string, unknown>; steps: number; traceHash: string } } | null };
            raceView: { steps: number } | null;
          }
        | undefined;
      const r = s?.raceRun.data?.result;
      if (!s || !r || s.raceRun.status !== 'done' || s.raceView?.steps !== r.steps) return null;
      return Object.entries(w).every(([k, v]) => r.config[k] === v) ? r.traceHash : null;
    },
    want,
    { timeout: 60_000 },
  );
  const hash = (await handle.jsonValue()) as string;
  await page.evaluate(() => window.__app?.whenIdle());
  await expect(page.getByLabel('Trace hash')).toHaveText(hash);
  return hash;
}

async function openRaces(page: Page, spec: RunSpec): Promise<RunInfo> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Races' }).click();
  await page.getByRole('spinbutton', { name: 'CPUs', exact: true }).fill(String(spec.cpus));
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(spec.scenario);
  if (spec.variant) await page.getByRole('combobox', { name: 'Variant' }).selectOption(spec.variant);
  if (spec.rule || spec.delivery) await page.getByText('Advanced', { exact: true }).click();
  if (spec.rule) await page.getByRole('combobox', { name: 'pnt_seq rule' }).selectOption(spec.rule);
  if (spec.delivery) await page.getByRole('combobox', { name: 'irq_work delivery' }).selectOption(spec.delivery);
  const info = await waitForRun(page, spec);
  // Keys go to the page, not to the last control used.
  await page.getByRole('heading', { name: /^Races:/ }).click();
  return info;
}

const status = (page: Page) => page.getByRole('status');
const reports = (page: Page) => page.getByRole('region', { name: 'Reports' });
const gridSummary = (page: Page) => page.getByLabel('CPU grid summary');

/** The step number shown in the first Events row matching all of `texts`. */
async function eventStep(page: Page, ...texts: (string | RegExp)[]): Promise<number> {
  let rows = page.getByRole('region', { name: 'Events' }).getByRole('listitem');
  for (const t of texts) rows = rows.filter({ hasText: t });
  const row = rows.first();
  const step = Number(await row.getAttribute('data-step'));
  // The row reads its step first, as the data attribute says.
  expect((await row.textContent())!.trimStart().startsWith(`${step} `)).toBe(true);
  return step;
}

test.describe('races view', () => {
  test('disable-vs-kick on no-rcu under timer-tick delivery: stepping to the end shows KASAN, and "Go to step" lands on it', async ({
    page,
  }) => {
    const run = await openRaces(page, { scenario: 'disable-vs-kick', variant: 'no-rcu', cpus: 4, delivery: 'tick' });
    await expect(status(page)).toHaveText(/^Step 0 of \d+ · initial state$/);
    await page.keyboard.press('End');
    await expect(status(page)).toContainText(`Step ${run.steps} of ${run.steps}`);
    const kasan = reports(page).getByRole('article', { name: /KASAN: slab-use-after-free/ });
    await expect(kasan).toBeVisible();
    await expect(kasan).toContainText('BUG: KASAN: slab-use-after-free');
    const reportStep = Number((await kasan.getByText(/^step \d+/).textContent())!.match(/step (\d+)/)![1]);
    expect(reportStep).toBeLessThan(run.steps);
    await kasan.getByRole('button', { name: 'Go to step' }).click();
    await expect(status(page)).toContainText(`Step ${reportStep} of ${run.steps}`);
    await expect(status(page)).toContainText('use-after-free');
    await page.screenshot({ path: 'test-results/races-disable-vs-kick.png', fullPage: true });

    // Clicking the use-after-free mark in CPU 0's lane of the timeline goes to its step too.
    await page.keyboard.press('Home');
    await expect(status(page)).toContainText(`Step 0 of ${run.steps}`);
    const plot = page.getByLabel(/^Timeline: drag to pan/);
    const box = (await plot.boundingBox())!;
    const lanes = ['boot', 'enable:A', 'disable', 'CPU 0'];
    const endStep = run.steps + 1; // the axis runs one step past the last state
    const x = 118 + (reportStep / endStep) * (box.width - 118 - 10);
    const y = 36 + (lanes.indexOf('CPU 0') + 0.5) * 24;
    await plot.hover({ position: { x, y } });
    await expect(page.getByRole('tooltip')).toContainText(`Step ${reportStep} · CPU 0`);
    await plot.click({ position: { x, y } });
    await expect(status(page)).toContainText(`Step ${reportStep} of ${run.steps}`);
  });

  test('disable-vs-kick on merged: no use-after-free; 6.17 ends stuck with an RCU stall; a379fa1e2cae frees after CPU 0 leaves', async ({
    page,
  }) => {
    const stuck = await openRaces(page, { scenario: 'disable-vs-kick', variant: 'merged', cpus: 4 });
    expect(stuck.pntRule).toBe('6.17');
    await expect(reports(page).getByRole('article', { name: /KASAN/ })).toHaveCount(0);
    await expect(reports(page).getByRole('article', { name: /spins forever in kick_cpus_irq_workfn/ })).toBeVisible();
    const stall = reports(page).getByRole('article', { name: /RCU stall/ });
    await expect(stall).toBeVisible();
    await expect(stall).toContainText(/never leaves its irq-off region.*quiescent state/);
    const about = page.getByRole('region', { name: 'About this run' });
    await expect(about).toContainText('fixed upstream by a379fa1e2cae');

    await about.getByRole('button', { name: 'Switch to the a379fa1e2cae rule' }).click();
    const fixed = await waitForRun(page, { scenario: 'disable-vs-kick', variant: 'merged', cpus: 4, rule: 'a379fa1e2cae' });
    await expect(reports(page)).toContainText('No checker fired');
    await page.getByRole('heading', { name: /^Races:/ }).click();
    await page.keyboard.press('End');
    await expect(status(page)).toContainText(`Step ${fixed.steps} of ${fixed.steps}`);
    const leave = await eventStep(page, 'irq:0', 'irq-leave');
    const free = await eventStep(page, 'free · array #0');
    expect(leave).toBeGreaterThan(0);
    expect(free).toBeGreaterThan(leave);
    // Step onto both with the scrubber and read them off the status line.
    await page.getByRole('slider', { name: 'Step' }).fill(String(leave));
    await expect(status(page)).toContainText(`Step ${leave} of ${fixed.steps} · CPU 0 · kick_cpus_irq_workfn()`);
    await page.getByRole('slider', { name: 'Step' }).fill(String(free));
    await expect(status(page)).toContainText(`Step ${free} of ${fixed.steps} · CPU 3 · rcu_do_batch()`);
    // The step's events, highlighted in the log, carry the model's words once the step is shown.
    const current = page.getByRole('region', { name: 'Events' }).locator('li[aria-current="step"]');
    await expect(current.filter({ hasText: 'kvfree(array #0)' })).toHaveCount(1);
  });

  test('load-while-enabled: merged leaks and warns, fixed does neither', async ({ page }) => {
    await openRaces(page, { scenario: 'load-while-enabled', variant: 'merged', cpus: 4 });
    await expect(reports(page).getByRole('article', { name: /kmemleak/ })).toBeVisible();
    await expect(reports(page).getByRole('article', { name: /WARNING in alloc_kick_pseqs/ })).toBeVisible();
    const leak = reports(page).getByRole('article', { name: /kmemleak/ });
    const leakStep = Number((await leak.getByText(/^step \d+/).textContent())!.match(/step (\d+)/)![1]);
    await leak.getByRole('button', { name: 'Go to step' }).click();
    await expect(status(page)).toContainText(`Step ${leakStep} of `);
    await page.evaluate(() => window.__app?.whenIdle());
    await page.screenshot({ path: 'test-results/races-load-while-enabled.png', fullPage: true });

    await page.getByRole('combobox', { name: 'Variant' }).selectOption('fixed');
    await waitForRun(page, { scenario: 'load-while-enabled', variant: 'fixed', cpus: 4 });
    await expect(reports(page).getByRole('article', { name: /kmemleak/ })).toHaveCount(0);
    await expect(reports(page).getByRole('article', { name: /WARNING/ })).toHaveCount(0);
    await expect(reports(page)).toContainText('No checker fired');

    // The toggles: merged plus allocAfterStateCheck is a hand-made variant with fixed's toggles.
    await page.getByRole('combobox', { name: 'Variant' }).selectOption('merged');
    await waitForRun(page, { scenario: 'load-while-enabled', variant: 'merged', cpus: 4 });
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'allocAfterStateCheck' }).check();
    await expect(page.getByRole('combobox', { name: 'Variant' })).toHaveValue('custom');
    await expect(page.getByRole('region', { name: 'About this run' })).toContainText('the same as fixed');
    await expect(reports(page)).toContainText('No checker fired');
    await page.getByRole('checkbox', { name: 'allocAfterStateCheck' }).uncheck();
    await expect(reports(page).getByRole('article', { name: /kmemleak/ })).toBeVisible();
  });

  test('step back restores exactly the state shown before (buttons and keys)', async ({ page }) => {
    await openRaces(page, { scenario: 'disable-vs-kick', variant: 'merged', cpus: 4 });
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await expect(status(page)).toContainText('Step 20 of');
    const before = { status: await status(page).textContent(), summary: await gridSummary(page).textContent() };
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(status(page)).toContainText('Step 21 of');
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(status(page)).toHaveText(before.status!);
    await expect(gridSummary(page)).toHaveText(before.summary!);
    // The same with the arrow keys, across a grace period (step 18 has CPUs owing a quiescent state).
    await page.getByRole('heading', { name: /^Races:/ }).click();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(status(page)).toContainText('Step 18 of');
    const mid = { status: await status(page).textContent(), summary: await gridSummary(page).textContent() };
    expect(mid.summary).toMatch(/owe QS [1-9]/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(status(page)).toHaveText(mid.status!);
    await expect(gridSummary(page)).toHaveText(mid.summary!);

    // Space plays and pauses (one button whose name changes); Home goes back to the start.
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
    await page.getByRole('heading', { name: /^Races:/ }).click();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.keyboard.press('Home');
    await expect(status(page)).toHaveText(/^Step 0 of \d+ · initial state$/);
  });

  test('choosing a different next actor forks a new schedule', async ({ page }) => {
    await openRaces(page, { scenario: 'disable-vs-kick', variant: 'merged', cpus: 4 });
    const hashOf = () => page.getByLabel('Trace hash').textContent();
    const defaultHash = await hashOf();
    await page.getByRole('slider', { name: 'Step' }).fill('11');
    await expect(status(page)).toContainText('Step 11 of');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(status(page)).toContainText('Step 12 of');
    const defaultStatus = await status(page).textContent();
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(status(page)).toContainText('Step 11 of');

    const chooser = page.getByRole('region', { name: 'Next step' });
    // A panel out of sight catches up once scrolled to, and ignores clicks until it shows the step reached.
    await chooser.scrollIntoViewIfNeeded();
    await expect(chooser).toContainText('Who can move at step 11.');
    const other = chooser.getByRole('button').filter({ hasNotText: 'this run' }).first();
    const actor = (await other.locator('span').first().textContent())!.trim(); // the actor id, the button's first word
    await other.click();
    await expect(page.getByLabel('Trace hash')).not.toHaveText(defaultHash!);
    await expect(status(page)).toContainText('Step 12 of');
    await expect(status(page)).not.toHaveText(defaultStatus!);
    const schedule = await page.evaluate(() => (window.__app!.getState() as { raceParams: { schedule: string[] } }).raceParams.schedule);
    expect(schedule).toHaveLength(12);
    expect(schedule[11]).toBe(actor);
    await expect(chooser).toContainText('Forked schedule');
    // Reset goes back to the scenario's own interleaving.
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByLabel('Trace hash')).toHaveText(defaultHash!);
  });

  test('a failing worker call shows the error with Retry, and Retry recovers', async ({ page }) => {
    await openRaces(page, { scenario: 'disable-vs-kick', variant: 'merged', cpus: 4 });
    await page.evaluate(() => window.__app!.whenIdle());
    // A new seed needs a new run and nothing else: that run is the call that fails.
    await page.evaluate(() => window.__app!.failNextSimCall());
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('2');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not compute the race');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.waitForFunction(
      () =>
        (window.__app!.getState() as { raceRun: { status: string; data: { result: { config: { seed: number } } } | null } }).raceRun.data
          ?.result.config.seed === 2,
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(status(page)).toContainText('Step 0 of');
  });

  test('screenshots of the other scenarios at 4 CPUs', async ({ page }) => {
    for (const [scenario, variant] of [
      ['boot', 'before'],
      ['enable-disable', 'merged'],
      ['kick-storm', 'merged'],
    ]) {
      const run = await openRaces(page, { scenario, variant, cpus: 4 });
      await page.keyboard.press('End');
      await expect(status(page)).toContainText(`Step ${run.steps} of ${run.steps}`);
      await page.evaluate(() => window.__app?.whenIdle());
      await page.screenshot({ path: `test-results/races-${scenario}.png`, fullPage: true });
    }
  });

  test('a random schedule depends on the seed: two seeds give two traces, the same seed the same one', async ({ page }) => {
    await openRaces(page, { scenario: 'disable-vs-kick', variant: 'merged', cpus: 4 });
    const defaultHash = await waitForConfig(page, { policy: 'default', seed: 1 });
    const schedule = page.getByRole('combobox', { name: 'Schedule' });
    await expect(schedule).toHaveValue('default');
    await expect(schedule).toHaveAccessibleDescription(/seed drives the random schedule and the kick storm/);
    await schedule.selectOption({ label: 'random (seeded)' });
    const seed1 = await waitForConfig(page, { policy: 'random', seed: 1 });
    expect(seed1).not.toBe(defaultHash);
    await expect(page).toHaveURL(/[?&]pol=random(&|$)/);
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('2');
    const seed2 = await waitForConfig(page, { policy: 'random', seed: 2 });
    expect(seed2).not.toBe(seed1);
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('1');
    expect(await waitForConfig(page, { policy: 'random', seed: 1 })).toBe(seed1);
    // The same link in a fresh page gives the same trace.
    await page.goto(`/?v=1&m=2&view=races&cpus=4&pol=random&seed=2`);
    await expect(page.getByRole('combobox', { name: 'Schedule' })).toHaveValue('random');
    expect(await waitForConfig(page, { policy: 'random', seed: 2, cpus: 4 })).toBe(seed2);
    await schedule.selectOption('default');
    expect(await waitForConfig(page, { policy: 'default', seed: 2 })).toBe(defaultHash);
  });

  test('ENOMEM at the second kvzalloc_node() call: scx_enable() returns -12 and nothing leaks', async ({ page }) => {
    await openRaces(page, { scenario: 'enable-disable', variant: 'merged', cpus: 4 });
    await page.getByText('Advanced', { exact: true }).click();
    const enomem = page.getByRole('spinbutton', { name: 'ENOMEM at kvzalloc_node() call' });
    await expect(enomem).toHaveValue('');
    await expect(enomem).toHaveAttribute('placeholder', 'never');
    await enomem.fill('1');
    const run = await waitForConfig(page, { scenario: 'enable-disable', failAllocAt: 1 });
    expect(run).toMatch(/^[0-9a-f]{16}$/);
    await expect(page).toHaveURL(/[?&]enomem=1(&|$)/);
    await expect(reports(page).getByRole('article', { name: /kmemleak/ })).toHaveCount(0);
    await expect(reports(page)).toContainText('No checker fired');
    // Step onto the failed call and the return, and read the model's words in the Events list.
    const fail = await eventStep(page, 'alloc-fail');
    const ret = await eventStep(page, 'enable-return');
    expect(ret).toBeGreaterThan(fail);
    const events = page.getByRole('region', { name: 'Events' });
    const current = events.locator('li[aria-current="step"]');
    await page.getByRole('slider', { name: 'Step' }).fill(String(fail));
    await expect(current.filter({ hasText: 'kvzalloc_node() for CPU 1 fails: -ENOMEM' })).toHaveCount(1);
    await page.getByRole('slider', { name: 'Step' }).fill(String(ret));
    await expect(current.filter({ hasText: 'scx_enable() returns -12 (-ENOMEM)' })).toHaveCount(1);
    await expect(status(page)).toContainText(`Step ${ret} of`);

    // Input it cannot use as is says what it used instead.
    await enomem.fill('-3');
    await expect(page.getByText('-3 is below 0; using never (leave the field empty for never).')).toBeVisible();
    await page.locator('details', { hasText: 'Advanced' }).screenshot({ path: 'test-results/races-advanced-enomem.png' });
    await waitForConfig(page, { scenario: 'enable-disable', failAllocAt: -1 });
    await expect(page).not.toHaveURL(/enomem=/);
    await enomem.fill('2.4');
    await expect(page.getByText('2.4 is not a whole number of calls; using 2.')).toBeVisible();
    await waitForConfig(page, { scenario: 'enable-disable', failAllocAt: 2 });
    await enomem.fill('');
    await waitForConfig(page, { scenario: 'enable-disable', failAllocAt: -1 });
    await expect(enomem).not.toHaveAttribute('aria-invalid', 'true');
    await expect(reports(page)).toContainText('No checker fired');
  });

  test('the vmalloc fallback at 1023 CPUs: each array takes 12288 bytes instead of 16384', async ({ page }) => {
    await openRaces(page, { scenario: 'enable-disable', variant: 'merged', cpus: 1023 });
    await page.getByText('Advanced', { exact: true }).click();
    const path = page.getByRole('combobox', { name: 'kvzalloc_node path' });
    await expect(path).toHaveValue('kmalloc');
    await expect(path).toHaveAccessibleDescription(/fragmentation-dependent.*N ≥ 511 at 4 KiB pages/);
    await expect(path).toHaveAccessibleDescription(/At 1023 CPUs S = 8200 B: it applies/);
    const alloc = await eventStep(page, 'alloc · array #0');
    await page.getByRole('slider', { name: 'Step' }).fill(String(alloc));
    const current = page.getByRole('region', { name: 'Events' }).locator('li[aria-current="step"]');
    await expect(current.filter({ hasText: 'kvzalloc_node() for CPU 0: array #0, 16384 bytes' })).toHaveCount(1);
    await page.screenshot({ path: 'test-results/races-advanced.png', fullPage: true });

    await path.selectOption({ label: 'all vmalloc (every kmalloc attempt failed)' });
    await waitForConfig(page, { scenario: 'enable-disable', cpus: 1023, kvmallocPath: 'vmalloc' });
    await expect(page).toHaveURL(/[?&]kv=vmalloc(&|$)/);
    await expect(status(page)).toContainText(`Step ${alloc} of`);
    await expect(current.filter({ hasText: 'kvzalloc_node() for CPU 0: array #0, 12288 bytes' })).toHaveCount(1);
    // Per CPU: every 2nd CPU falls back, so CPU 0 keeps its 16384-byte page and CPU 1 takes 12288 bytes of vmalloc.
    await path.selectOption({ label: 'every k-th CPU falls back to vmalloc' });
    await waitForConfig(page, { scenario: 'enable-disable', cpus: 1023, kvmallocPath: 'every-2' });
    await expect(page).toHaveURL(/[?&]kv=every-2(&|$)/);
    await expect(page.getByRole('spinbutton', { name: /^k / })).toHaveValue('2');
    const alloc1 = await eventStep(page, 'alloc · array #1');
    await page.getByRole('slider', { name: 'Step' }).fill(String(alloc1));
    await expect(current.filter({ hasText: 'kvzalloc_node() for CPU 1: array #1, 12288 bytes' })).toHaveCount(1);
    await page.getByRole('slider', { name: 'Step' }).fill(String(alloc));
    await expect(current.filter({ hasText: 'kvzalloc_node() for CPU 0: array #0, 16384 bytes' })).toHaveCount(1);
    // At 4 CPUs (S = 48 B) the path makes no difference, and the note says so.
    await page.getByRole('spinbutton', { name: 'CPUs', exact: true }).fill('4');
    await expect(path).toHaveAccessibleDescription(/At 4 CPUs S = 48 B: no effect/);
  });

  test('ENOMEM in scx_alloc_and_add_sched(): fixed frees the arrays at err_free_pseqs and leaks nothing', async ({ page }) => {
    await openRaces(page, { scenario: 'enable-disable', variant: 'fixed', cpus: 2 });
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'ENOMEM in scx_alloc_and_add_sched()' }).check();
    await waitForConfig(page, { scenario: 'enable-disable', failSchedAlloc: true });
    await expect(page).toHaveURL(/[?&]schedfail=1(&|$)/);
    await expect(reports(page)).toContainText('No checker fired');
    const ret = await eventStep(page, 'enable-return');
    await page.getByRole('slider', { name: 'Step' }).fill(String(ret));
    const current = page.getByRole('region', { name: 'Events' }).locator('li[aria-current="step"]');
    await expect(current.filter({ hasText: 'scx_enable() returns -12 (-ENOMEM)' })).toHaveCount(1);
    // One step earlier the loader is about to leave by err_unlock: the fixed kernel's listing keeps the
    // err_free_pseqs label, and the jump to it.
    await page.getByRole('slider', { name: 'Step' }).fill(String(ret - 1));
    const code = page.getByRole('region', { name: 'Code' });
    await expect(code.getByRole('list', { name: 'scx_enable() pseudo-code' })).toBeVisible();
    await expect(code).toContainText('err_free_pseqs: free_kick_pseqs()');
    await expect(code).toContainText('if (IS_ERR(sch)) goto err_free_pseqs');
    await page.locator('details', { hasText: 'Advanced' }).screenshot({ path: 'test-results/races-advanced-schedfail.png' });
  });

  test('a kick storm at 8192 CPUs loads and steps without errors; the CPU count is clamped with a note', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('spinbutton', { name: 'CPU count' }).fill('10000');
    await page.getByRole('tab', { name: 'Races' }).click();
    await expect(page.getByRole('spinbutton', { name: 'CPUs', exact: true })).toHaveValue('8192');
    await expect(page.getByRole('note')).toContainText('at most 8192');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kick-storm');
    const run = await waitForRun(page, { scenario: 'kick-storm', cpus: 8192 });
    expect(run.events).toBeGreaterThan(50_000);
    await expect(gridSummary(page)).toContainText('8192 CPUs');
    // The timeline warms its draw code up off screen in idle time (five draws) for a trace this large.
    await expect.poll(() => page.evaluate(() => window.__racesBench!.timelineWarmUpDraws()), { timeout: 15_000 }).toBe(5);
    await page.getByRole('heading', { name: /^Races:/ }).click();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(status(page)).toContainText(`Step 5 of ${run.steps}`);
    const mid = Math.floor(run.steps / 2);
    await page.getByRole('slider', { name: 'Step' }).fill(String(mid));
    await expect(status(page)).toContainText(`Step ${mid} of ${run.steps}`);
    await page.keyboard.press('End');
    await expect(status(page)).toContainText(`Step ${run.steps} of ${run.steps}`);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(status(page)).toContainText(`Step ${run.steps - 1} of ${run.steps}`);
    // Zoom the timeline in around the cursor: lanes split from blocks into single CPUs.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    for (let i = 0; i < 12; i++) await timeline.getByRole('button', { name: 'Zoom in' }).click();
    await page.evaluate(() => window.__app?.whenIdle());
    await page.screenshot({ path: 'test-results/races-kick-storm-8192.png', fullPage: true });
  });

  test('panels out of sight keep up: Next step and Events show the step reached, and again once scrolled to', async ({ page }) => {
    const run = await openRaces(page, { scenario: 'load-while-enabled', variant: 'merged', cpus: 4 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const next = page.getByRole('region', { name: 'Next step' });
    const events = page.getByRole('region', { name: 'Events' });
    const belowFold = (el: Element) => el.getBoundingClientRect().top > window.innerHeight;
    expect(await next.evaluate(belowFold)).toBe(true);
    expect(await events.evaluate(belowFold)).toBe(true);

    // Stepped while out of sight: they catch up once the cursor stops.
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await expect(status(page)).toContainText(`Step 7 of ${run.steps}`);
    await expect(next).toContainText('Who can move at step 7.');
    await expect(events.locator('li[aria-current="step"]').first()).toHaveAttribute('data-step', '7');

    // Scrolled into view after a jump: they show the step the status line shows.
    await page.keyboard.press('End');
    await expect(status(page)).toContainText(`Step ${run.steps} of ${run.steps}`);
    await next.scrollIntoViewIfNeeded();
    await expect(next).toContainText(`Who can move at step ${run.steps}.`);
    await expect(events.locator('li[aria-current="step"]').first()).toHaveAttribute('data-step', String(run.steps));

    // On screen, they follow every step: one step back shows at once in both.
    await page.keyboard.press('ArrowLeft');
    await expect(next).toContainText(`Who can move at step ${run.steps - 1}.`);
    await expect(status(page)).toContainText(`Step ${run.steps - 1} of ${run.steps}`);
  });
});

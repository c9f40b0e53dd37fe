// The memory explorer as a user drives it: controls found by role and accessible name.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const KERNEL_MESSAGE_4K = 'illegal size (32776) or align (8) for percpu allocation';
const BOOT_PANIC = 'boot panic (BUG_ON in init_sched_ext_class)';

const slider = (page: Page) => page.getByRole('slider', { name: 'CPUs' });
const cpuInput = (page: Page) => page.getByRole('spinbutton', { name: 'CPU count' });
const nodesInput = (page: Page) => page.getByRole('spinbutton', { name: 'NUMA nodes' });
const summary = (page: Page) => page.getByLabel('CPU grid summary');
const oldDesign = (page: Page) => page.getByRole('region', { name: 'Old design' });
const grid = (page: Page) => page.getByRole('region', { name: 'CPU grid', exact: true });

async function setCpus(page: Page, n: number) {
  await cpuInput(page).fill(String(n));
  await expect(summary(page)).toContainText(`${n} CPU`);
}

async function idle(page: Page) {
  await page.evaluate(() => window.__app!.whenIdle());
}

test('the slider and the CPU count input drive N', async ({ page }) => {
  await page.goto('/');
  await expect(summary(page)).toHaveText(/^512 CPUs on 1 node · 8 KiB each/);

  await setCpus(page, 300);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', '300 CPUs');
  await expect(summary(page)).toHaveText(/^300 CPUs on 1 node · 4 KiB each \(kmalloc-4k\)/);

  await slider(page).focus();
  await page.keyboard.press('End');
  await expect(cpuInput(page)).toHaveValue('16384');
  await page.keyboard.press('Home');
  await expect(cpuInput(page)).toHaveValue('1');
  await expect(summary(page)).toHaveText(/^1 CPU on 1 node · 32 B each \(kmalloc-32\)/);
  await page.keyboard.press('ArrowRight');
  await expect(cpuInput(page)).toHaveValue('2');
  await page.keyboard.press('ArrowLeft');
  await expect(cpuInput(page)).toHaveValue('1');

  // Drag with the real mouse from the far left to the middle: N follows and stays consistent.
  const box = (await slider(page).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 10 });
  await page.mouse.up();
  const n = Number(await cpuInput(page).inputValue());
  expect(n).toBeGreaterThan(32);
  expect(n).toBeLessThan(2048);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', `${n} CPUs`);
  await expect(summary(page)).toContainText(`${n} CPUs on 1 node`);
});

test('crossing 4096 → 4097 shows the boot panic, and going back removes it', async ({ page }) => {
  await page.goto('/');
  await setCpus(page, 4096);
  await expect(oldDesign(page)).toContainText('128 MiB');
  await expect(oldDesign(page)).toContainText('resident from boot, even with no BPF scheduler');
  await expect(oldDesign(page)).not.toContainText('boot panic');

  await slider(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cpuInput(page)).toHaveValue('4097');
  await expect(oldDesign(page)).toContainText(KERNEL_MESSAGE_4K);
  await expect(oldDesign(page)).toContainText(BOOT_PANIC);
  await expect(page.getByRole('region', { name: 'New design' })).toContainText('only while a scheduler is loaded');

  await page.keyboard.press('ArrowLeft');
  await expect(cpuInput(page)).toHaveValue('4096');
  await expect(oldDesign(page)).not.toContainText('boot panic');
  await expect(oldDesign(page)).not.toContainText('illegal size');
});

/** RGBA of the data canvas at CSS point (x, y) of the grid (what was really drawn). */
async function gridPixel(page: Page, x: number, y: number): Promise<number[]> {
  return grid(page)
    .locator('canvas')
    .first()
    .evaluate(
      (c: HTMLCanvasElement, [px, py]) => {
        const dpr = c.width / c.getBoundingClientRect().width;
        return [...c.getContext('2d')!.getImageData(Math.floor(px * dpr), Math.floor(py * dpr), 1, 1).data];
      },
      [x, y],
    );
}

test('the CPU grid coloured by the old design turns red past its limit', async ({ page }) => {
  await page.goto('/');
  await setCpus(page, 4096);
  await page.getByRole('radiogroup', { name: 'Colour CPUs by' }).getByRole('radio', { name: /Old/ }).check();
  await expect(summary(page)).toHaveText('4096 CPUs on 1 node · 32 KiB each (old percpu unit)');
  await idle(page);
  const ok = await gridPixel(page, 2, 16);
  expect(ok.slice(0, 3)).not.toEqual([220, 38, 38]);

  await setCpus(page, 4097);
  await expect(summary(page)).toHaveText('4097 CPUs on 1 node · old design: no arrays, boot panic');
  await idle(page);
  expect((await gridPixel(page, 2, 16)).slice(0, 3)).toEqual([220, 38, 38]);
  const surface = grid(page).getByLabel(/hover a cell/);
  await surface.hover({ position: { x: 2, y: 16 } });
  await expect(page.getByRole('tooltip')).toHaveText('CPU 0 · node 0 · no array: boot panic (old design)');

  await page.getByRole('radio', { name: /New/ }).check();
  await expect(summary(page)).toHaveText(/^4097 CPUs on 1 node · 64 KiB each \(order-4\)/);
  await idle(page);
  expect((await gridPixel(page, 2, 16)).slice(0, 3)).not.toEqual([220, 38, 38]);
});

test('64 KiB pages move the old limit to 8192/8193', async ({ page }) => {
  await page.goto('/');
  const pageSize = page.getByRole('radiogroup', { name: 'Page size' });
  await pageSize.getByRole('radio', { name: '64 KiB' }).check();
  await setCpus(page, 4097);
  await expect(oldDesign(page)).not.toContainText('boot panic');
  await setCpus(page, 8192);
  await expect(oldDesign(page)).not.toContainText('boot panic');
  await expect(oldDesign(page)).toContainText('512 MiB');

  await slider(page).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cpuInput(page)).toHaveValue('8193');
  await expect(oldDesign(page)).toContainText('illegal size (65544) or align (8) for percpu allocation');
  await expect(oldDesign(page)).toContainText(BOOT_PANIC);

  await pageSize.getByRole('radio', { name: '4 KiB', exact: true }).check();
  await expect(oldDesign(page)).toContainText('illegal size (65544) or align (8)');
  await setCpus(page, 4096);
  await expect(oldDesign(page)).not.toContainText('boot panic');
});

test('a bad CPU count or node count shows what was wrong and what was used', async ({ page }) => {
  await page.goto('/');
  await cpuInput(page).fill('20000');
  await expect(page.getByText('20000 is above the maximum of 16384 CPUs (twice the largest mainline NR_CPUS); using 16384.')).toBeVisible();
  await expect(cpuInput(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(summary(page)).toContainText('16384 CPUs');

  await cpuInput(page).fill('0');
  await expect(page.getByText('0 is below the minimum of 1 CPU; using 1.')).toBeVisible();
  await expect(summary(page)).toContainText('1 CPU on 1 node');

  await cpuInput(page).fill('12.5');
  await expect(page.getByText('12.5 is not a whole number of CPUs; using 13.')).toBeVisible();
  await expect(summary(page)).toContainText('13 CPUs');

  // "1" is a valid count on its own; the "e" that follows makes the text unreadable as a number.
  await cpuInput(page).fill('');
  await cpuInput(page).pressSequentially('1e');
  await expect(page.getByText('That is not a number of CPUs. Keeping 1.')).toBeVisible();
  await expect(summary(page)).toContainText('1 CPU on 1 node');

  await cpuInput(page).fill('64');
  await expect(page.getByText(/is (above|below|not)/)).toHaveCount(0);
  await expect(cpuInput(page)).not.toHaveAttribute('aria-invalid');

  await nodesInput(page).fill('20');
  await expect(page.getByText('20 is above the maximum of 16 nodes; using 16.')).toBeVisible();
  await expect(summary(page)).toHaveText(/^64 CPUs on 16 nodes/);
});

test('hovering the CPU grid shows a tooltip with the CPU id', async ({ page }) => {
  await page.goto('/');
  await setCpus(page, 8);
  await idle(page);
  const surface = grid(page).getByLabel(/hover a cell/);
  const { width, height } = (await surface.boundingBox())!;
  // The first cell sits at the top left, under the node label strip.
  await surface.hover({ position: { x: 8, y: 24 } });
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveText('CPU 0 · node 0 · 96 B (kmalloc-96)');
  await surface.hover({ position: { x: width - 4, y: height - 4 } });
  await expect(tooltip).toHaveCount(0);

  // Keyboard: focus the grid and step through cells.
  await nodesInput(page).fill('2');
  await expect(summary(page)).toHaveText(/^8 CPUs on 2 nodes/);
  await surface.focus();
  await page.keyboard.press('End');
  await expect(tooltip).toHaveText('CPU 7 · node 1 · 96 B (kmalloc-96)');
});

test('a rejected worker call shows an alert, and Retry recovers on a fresh worker', async ({ page }) => {
  await page.goto('/');
  await expect(summary(page)).toContainText('512 CPUs');
  await page.evaluate(() => window.__app!.failNextSimCall());
  await cpuInput(page).fill('777');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not compute the memory figures');
  await expect(summary(page)).toContainText('512 CPUs'); // the last good figures stay on screen
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(summary(page)).toContainText('777 CPUs on 1 node');
});

test('a worker that fails to load shows an alert, and Retry starts a fresh one', async ({ page }) => {
  await page.route('**/sim.worker*', (route) => route.abort());
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The model worker failed');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // never a blank page
  await page.unroute('**/sim.worker*');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(summary(page)).toContainText('512 CPUs on 1 node');
});

test('the log scale toggle and the view tabs', async ({ page }) => {
  await page.goto('/');
  const chart = page.getByRole('img', { name: /Memory against CPU count/ });
  await expect(chart).toHaveAccessibleName(/log scales/);
  await page.getByRole('checkbox', { name: 'Log scale' }).uncheck();
  await expect(chart).toHaveAccessibleName(/linear scales/);

  // The other views belong to other features: only check that the switcher switches.
  for (const name of ['Races', 'Explore']) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name })).toBeVisible();
    await expect(oldDesign(page)).toHaveCount(0);
  }
  await page.getByRole('tab', { name: 'Memory' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Memory' }).click();
  await expect(summary(page)).toContainText('512 CPUs');
});

test('screenshots of the memory view at N = 8, 4096 and 4097', async ({ page }) => {
  await page.goto('/');
  for (const n of [8, 4096, 4097]) {
    await setCpus(page, n);
    await idle(page);
    await page.screenshot({ path: `test-results/memory-n${n}.png`, fullPage: true });
  }
});

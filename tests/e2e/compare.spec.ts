// The compare view in Chromium: pick two kernels, read the difference status, jump to the first
// difference (both cursors move), pick a kernel version (variant and rule follow, in both views), and
// open a compare link and see the URL round-trip; the shared irq_work delivery decides whether no-rcu's free
// is reached at all, and a model-version-1 comparison opens on the timer tick it was made with.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const idle = (page: Page) => page.evaluate(() => window.__app?.whenIdle());
const cursors = (page: Page) =>
  page.evaluate(() => {
    const s = window.__app!.getState() as { compareCursor: { a: number; b: number } };
    return s.compareCursor;
  });
const side = (page: Page, name: 'Kernel A' | 'Kernel B') => page.getByRole('group', { name });

test('pick two kernels, see the difference, go to the first difference with both cursors', async ({ page }) => {
  await page.goto('/?v=1&m=2&view=compare&cpus=3');
  const status = page.getByRole('status').filter({ hasText: 'difference' });
  await expect(status).toHaveText(
    '1 difference · first at step 3: A alloc_kick_pseqs() alloc ×3 then scx_enable() state-check · B scx_enable() state-check then alloc_kick_pseqs() alloc ×3',
    { timeout: 30_000 },
  );
  await side(page, 'Kernel A').getByRole('combobox', { name: 'Variant' }).selectOption('no-rcu');
  await side(page, 'Kernel B').getByRole('combobox', { name: 'Variant' }).selectOption('merged');
  // Self-interrupt delivery (the default): the irq work holds the grace period open, neither kernel frees.
  const same = page.getByRole('status').filter({ hasText: 'No difference' });
  await expect(same).toHaveText(/^No difference: identical traces \(\d+ steps\)$/, { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Verdicts' }).getByRole('row', { name: /use-after-free/ })).not.toContainText('differs');
  // On the timer tick (model version 1's timing) the free comes first: issue 13's answer.
  await page.getByRole('combobox', { name: 'irq_work delivery' }).selectOption('tick');
  await expect(page).toHaveURL(/cdlv=tick/);
  await expect(status).toContainText('3 differences · first at step 28: A free_kick_pseqs() free', { timeout: 30_000 });
  await idle(page);
  expect(await cursors(page)).toEqual({ a: 0, b: 0 });

  await page.getByRole('button', { name: 'First difference' }).click();
  expect(await cursors(page)).toEqual({ a: 28, b: 28 });
  await expect(page.getByTestId('compare-cursors')).toContainText(/A at step 28 of \d+ · B at step 28 of \d+ · difference 1 of 3/);
  await expect(page).toHaveURL(/cstep=28-28/);

  await page.getByRole('button', { name: 'Next difference' }).click();
  const second = await cursors(page);
  expect(second.a).toBeGreaterThan(28);
  await expect(page.getByTestId('compare-cursors')).toContainText('difference 2 of 3');
  await page.getByRole('button', { name: 'Previous difference' }).click();
  expect(await cursors(page)).toEqual({ a: 28, b: 28 });

  // Only A reports the use-after-free: the verdict row says so in words.
  const uaf = page.getByRole('region', { name: 'Verdicts' }).getByRole('row', { name: /use-after-free/ });
  await expect(uaf).toContainText('yes');
  await expect(uaf).toContainText('differs');
  await idle(page);
  await page.screenshot({ path: 'test-results/compare-no-rcu-vs-merged.png', fullPage: true });
});

test('pick a kernel version and the variant and rule follow', async ({ page }) => {
  await page.goto('/?v=1&m=2&view=compare&cpus=3');
  const a = side(page, 'Kernel A');
  await a.getByRole('combobox', { name: 'Kernel version' }).selectOption('6.18.10');
  await expect(a.getByRole('combobox', { name: 'Variant' })).toHaveValue('fixed');
  await expect(a.getByRole('combobox', { name: 'pnt_seq rule' })).toHaveValue('a379fa1e2cae');
  await a.getByRole('combobox', { name: 'Kernel version' }).selectOption('v6.17');
  await expect(a.getByRole('combobox', { name: 'Variant' })).toHaveValue('before');
  await expect(a.getByRole('combobox', { name: 'pnt_seq rule' })).toHaveValue('6.17');
  await expect(page).toHaveURL(/ca=k-v6\.17/);
  // The unverified mapping says so in the picker.
  await expect(a.getByRole('option', { name: /6\.17\.y with the AUTOSEL backport .*\(unverified\)/ })).toHaveCount(1);
  // Choosing a variant by hand leaves the version.
  await a.getByRole('combobox', { name: 'Variant' }).selectOption('merged');
  await expect(a.getByRole('combobox', { name: 'Kernel version' })).toHaveValue('');

  // The races view offers the same picker.
  await page.getByRole('tab', { name: 'Races' }).click();
  await page.locator('summary', { hasText: 'Advanced' }).click();
  await page.getByRole('combobox', { name: 'Kernel version' }).selectOption('6.18.10');
  await expect(page.getByRole('combobox', { name: 'Variant' })).toHaveValue('fixed');
  await expect(page.getByRole('combobox', { name: 'pnt_seq rule' })).toHaveValue('a379fa1e2cae');
  await expect(page).toHaveURL(/variant=fixed&rule=a379fa1e2cae/);
});

test('a compare link opens with both kernels, the schedule and the cursors, and round-trips', async ({ page }) => {
  const link = '/?v=1&m=2&view=compare&cpus=3&cscen=load-while-enabled&ca=k-6.17.9&cb=k-6.17.10&cstep=15-15';
  await page.goto(link);
  await expect(page.getByRole('status').filter({ hasText: 'differences' })).toContainText('first at step 3', { timeout: 30_000 });
  await expect(side(page, 'Kernel A').getByRole('combobox', { name: 'Kernel version' })).toHaveValue('6.17.9');
  await expect(side(page, 'Kernel B').getByRole('combobox', { name: 'Kernel version' })).toHaveValue('6.17.10');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('load-while-enabled');
  expect(await cursors(page)).toEqual({ a: 15, b: 15 });
  await expect(page.getByRole('region', { name: 'Verdicts' }).getByRole('row', { name: /^leak/ })).toContainText('differs');
  await idle(page);
  await expect(page).toHaveURL(new RegExp(`${link.slice(1).replace(/[?.]/g, '\\$&')}$`));
  await page.screenshot({ path: 'test-results/compare-load-while-enabled.png', fullPage: true });
});

test('a model-version-1 comparison opens on the timer-tick delivery it was made with, and says so', async ({ page }) => {
  await page.goto('/?v=1&m=1&view=compare&cpus=3&ca=no-rcu&cb=merged');
  await expect(page.getByRole('alert')).toContainText('the comparison opens with irq_work delivery: timer tick');
  await expect(page.getByRole('combobox', { name: 'irq_work delivery' })).toHaveValue('tick');
  await expect(page.getByRole('status').filter({ hasText: 'difference' })).toContainText('3 differences · first at step 28', {
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/m=2.*cdlv=tick/);
});

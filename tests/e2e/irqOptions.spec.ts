// The two kick-irq-work options in the browser: the races view's Advanced box and the explore view's inputs
// offer "Kick irq work" and "irq_work delivery" with their defaults (hard irq, self-interrupt) said and their
// sources in the description; a change reruns the model, goes into the link, and the verdict, the reports and
// the explore results name the options in force.
import { expect, test } from './fixtures.ts';

test('races: the defaults are said, and threaded irq work turns merged into a use-after-free', async ({ page }) => {
  await page.goto('/?v=1&m=2&view=races&cpus=4&scenario=disable-vs-kick&variant=merged');
  await page.getByText('Advanced', { exact: true }).click();
  const work = page.getByRole('combobox', { name: 'Kick irq work' });
  const delivery = page.getByRole('combobox', { name: 'irq_work delivery' });
  await expect(work).toHaveValue('hard');
  await expect(delivery).toHaveValue('self-interrupt');
  await expect(work).toHaveAccessibleDescription(/IRQ_WORK_INIT_HARD.*Source: .*36c6f3c03d10/);
  await expect(delivery).toHaveAccessibleDescription(/self-IPI.*Source: kernel\/irq_work\.c/);
  await expect(page.getByText(/^Defaults: hard irq work and self-interrupt delivery/)).toBeVisible();
  await expect(page.getByLabel('irq work options of this run')).toContainText(
    'kick irq work: hard irq · irq_work delivery: self-interrupt (x86, arm64)',
  );
  const reports = page.getByRole('region', { name: 'Reports' });
  await expect(reports.getByRole('article', { name: /KASAN/ })).toHaveCount(0);

  await work.selectOption('threaded');
  await expect(page).toHaveURL(/[?&]irq=threaded(&|$)/);
  await expect(page.getByText(/^Not the defaults\./)).toBeVisible();
  await expect(delivery).toHaveAccessibleDescription(/With threaded irq work the interrupt only wakes irq_work\/N/);
  const kasan = reports.getByRole('article', { name: /KASAN/ });
  await expect(kasan).toBeVisible({ timeout: 30_000 });
  await expect(kasan).toContainText('by task irq_work/0/');
  await expect(kasan).toContainText('Model options: kick irq work: threaded (PREEMPT_RT before 36c6f3c03d10)');
  await expect(page.getByLabel('irq work options of this run')).toContainText('kick irq work: threaded');
  await page.screenshot({ path: 'test-results/irq-options-races-threaded.png', fullPage: true });
});

test('explore: the options are inputs of the search and its results name them', async ({ page }) => {
  await page.goto('/?v=1&m=2&view=explore&scenario=disable-vs-kick&variant=merged&cpus=2');
  await page.getByRole('combobox', { name: 'Kick irq work' }).selectOption('threaded');
  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  const results = page.getByRole('region', { name: 'Explore results' });
  await expect(results).toContainText('complete: every schedule explored', { timeout: 30_000 });
  await expect(results.getByLabel('Explored irq work options')).toHaveText(
    'kick irq work: threaded (PREEMPT_RT before 36c6f3c03d10) · irq_work delivery: self-interrupt (x86, arm64)',
  );
  await expect(results.getByRole('row', { name: /^use-after-free/ })).toContainText('found');
  await page.screenshot({ path: 'test-results/irq-options-explore.png', fullPage: true });
});

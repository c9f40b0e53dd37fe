// The re-pick regression in the races view: pick the new scenario by its name, see CPU 0 spin for ever (the
// hard-lockup and RCU-stall reports), then turn on a379fa1e2cae alone and see the wait end; the link says kw=1.
import { expect, test } from './fixtures.ts';

test('kick-wait-repick: stuck under 6.17; "Fix SCX_KICK_WAIT to work reliably" alone ends the default re-pick', async ({ page }) => {
  await page.goto('/?view=races&cpus=2');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kick-wait-repick');
  await expect(page).toHaveURL(/scenario=kick-wait-repick/);
  await expect(page.getByRole('article', { name: /spins forever in kick_cpus_irq_workfn/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('article', { name: /RCU stall/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'About this run' })).toContainText('pick_task_scx()');

  await page.getByText('Advanced', { exact: true }).click();
  const hc = page.getByRole('checkbox', { name: "Don't kick CPUs running higher classes" });
  const kw = page.getByRole('checkbox', { name: 'Fix SCX_KICK_WAIT to work reliably' });
  await expect(hc).not.toBeChecked();
  await expect(page.getByText('a9c1fbbd6dad', { exact: true })).toBeVisible();
  await kw.check();
  await expect(page).toHaveURL(/kw=1/);
  await expect(page.getByRole('article', { name: /spins forever in kick_cpus_irq_workfn/ })).toHaveCount(0, { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/kick-wait-repick.png', fullPage: true });
});

test('explore kick-wait-repick at 2 CPUs: some schedule hangs under 6.17, none with both commits of the series', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('kick-wait-repick');
  await page.getByRole('combobox', { name: 'CPUs' }).selectOption('2');
  const explore = page.getByRole('button', { name: 'Explore all interleavings' });
  const results = page.getByRole('region', { name: 'Explore results' });
  await explore.click();
  await expect(results).toContainText('complete: every schedule explored', { timeout: 30_000 });
  await expect(results).toContainText('kick-wait-repick · merged · 2 CPUs · pnt_seq rule 6.17');
  await expect(results.getByRole('row', { name: /^stuck spin/ })).toContainText('found');

  await page.getByRole('checkbox', { name: "Don't kick CPUs running higher classes" }).check();
  await page.getByRole('checkbox', { name: 'Fix SCX_KICK_WAIT to work reliably' }).check();
  await expect(page.getByRole('combobox', { name: 'pnt_seq rule' })).toHaveValue('a379fa1e2cae');
  await explore.click();
  await expect(results).toContainText('pnt_seq rule a379fa1e2cae', { timeout: 30_000 });
  await expect(results).toContainText('complete: every schedule explored');
  await expect(results.getByRole('row', { name: /^stuck spin/ })).toContainText('not reachable');
  await page.screenshot({ path: 'test-results/explore-kick-wait-repick.png', fullPage: true });
});

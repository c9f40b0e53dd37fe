// axe-core finds nothing on any view: Memory, Races (with a run loaded, Advanced and "About this view" open)
// and Explore (with results). Every rule axe runs by default, WCAG 2.1 A/AA and best practices.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(() => window.__app?.whenIdle());
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openDisclosures(page: Page) {
  for (const name of ['About this view', 'Advanced']) {
    const summary = page.locator('summary', { hasText: name });
    if ((await summary.count()) > 0 && (await summary.first().isVisible())) await summary.first().click();
  }
}

test('the memory view', async ({ page }) => {
  await page.goto('/?v=1&m=2&cpus=4097');
  await expect(page.getByRole('spinbutton', { name: 'CPU count' })).toHaveValue('4097');
  await openDisclosures(page);
  expect(await violations(page)).toEqual([]);
});

test('the races view, at a use-after-free step', async ({ page }) => {
  await page.goto('/?v=1&m=2&view=races&cpus=4&variant=no-rcu&step=31');
  await expect(page.getByRole('status').filter({ hasText: 'Step 31 of' })).toBeVisible({ timeout: 30_000 });
  await openDisclosures(page);
  expect(await violations(page)).toEqual([]);
});

test('the explore view, with results', async ({ page }) => {
  await page.goto('/?v=1&m=2&view=explore&cpus=2&variant=no-rcu');
  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  await expect(page.getByRole('region', { name: 'Explore results' })).toContainText('complete', { timeout: 30_000 });
  await openDisclosures(page);
  expect(await violations(page)).toEqual([]);
});

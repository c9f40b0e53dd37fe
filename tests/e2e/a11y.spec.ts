// axe-core finds nothing on any view, in the light theme and in the dark one (prefers-color-scheme):
// Memory, Races (with a run loaded, Advanced and "About this view" open), Explore (with results) and
// Lessons (a question answered wrongly, its reveal and every explanation open). Every rule axe runs by
// default, WCAG 2.1 A/AA and best practices, colour contrast included.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(() => window.__app?.whenIdle());
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openDisclosures(page: Page) {
  for (const name of ['About this view', 'Advanced', 'Every choice, explained']) {
    const summary = page.locator('summary', { hasText: name });
    if ((await summary.count()) > 0 && (await summary.first().isVisible())) await summary.first().click();
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the memory view', async ({ page }) => {
      await page.goto('/?v=1&m=2&cpus=4097');
      await expect(page.getByRole('spinbutton', { name: 'CPU count' })).toHaveValue('4097');
      await openDisclosures(page);
      expect(await violations(page)).toEqual([]);
    });

    test('the races view, at a use-after-free step', async ({ page }) => {
      await page.goto('/?v=1&m=2&view=races&cpus=4&variant=no-rcu&dlv=tick&step=31');
      await expect(page.getByRole('status').filter({ hasText: 'Step 31 of' })).toBeVisible({ timeout: 30_000 });
      // Charts are drawn on the theme's chart surface (src/ui/theme.ts: white in both), which their palette is tested against.
      const surface = await page.getByRole('region', { name: 'Timeline' }).evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(surface).toBe('rgb(255, 255, 255)');
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

    test('the compare view, with two kernels compared', async ({ page }) => {
      await page.goto('/?v=1&m=2&view=compare&cpus=3&cscen=load-while-enabled&cstep=15-15');
      await expect(page.getByRole('status').filter({ hasText: 'differences' })).toBeVisible({ timeout: 30_000 });
      await openDisclosures(page);
      for (const summary of await page.locator('summary', { hasText: 'Toggles' }).all()) await summary.click();
      expect(await violations(page)).toEqual([]);
    });

    test('the lessons view: the list, a question, and its reveal after a wrong answer', async ({ page }) => {
      await page.goto('/?v=1&m=2&view=lessons');
      await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.goto('/?v=1&m=2&view=lessons&lesson=call-rcu&lstep=4');
      const question = page.getByRole('radiogroup', { name: /Can grace period 2 end yet/ });
      await expect(page.getByText(/Step 38 of 49/)).toBeVisible({ timeout: 30_000 });
      expect(await violations(page)).toEqual([]);
      await question.getByRole('radio', { name: /three of four is enough/ }).check();
      await page.getByRole('button', { name: 'Check my answer' }).click();
      await expect(page.locator('p', { hasText: 'The model at step 41:' })).toContainText('RCU owed = 1', { timeout: 30_000 });
      await openDisclosures(page);
      expect(await violations(page)).toEqual([]);
    });
  });
}

// Every view by keyboard alone: the view tabs with the arrow keys, then in each view its main control
// reached with Tab and used with the keys (the lessons walk is in lessons.spec.ts).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Presses Tab until `target` has focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('memory, races, explore and lessons, with the keyboard alone', async ({ page }) => {
  await page.goto('/?v=1&m=1&cpus=64');
  // Memory: the CPU slider moves with the arrows.
  const slider = page.getByRole('slider', { name: 'CPUs' });
  await tabTo(page, slider);
  const before = Number(await page.getByRole('spinbutton', { name: 'CPU count' }).inputValue());
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('spinbutton', { name: 'CPU count' })).not.toHaveValue(String(before));

  // The view tabs: arrows move between them.
  await tabTo(page, page.getByRole('tab', { name: 'Memory' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Races', selected: true })).toBeFocused();

  // Races: Step forward with Enter.
  await page.goto('/?v=1&m=1&view=races&cpus=4&variant=no-rcu');
  await expect(page.getByRole('status').filter({ hasText: 'Step 0 of 41' })).toBeVisible({ timeout: 30_000 });
  await tabTo(page, page.getByRole('button', { name: 'Step forward' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Step 1 of 41' })).toBeVisible();

  // Explore: start a search with Enter.
  await tabTo(page, page.getByRole('tab', { name: 'Races' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Explore', selected: true })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Explore all interleavings' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Explore results' })).toContainText('complete', { timeout: 60_000 });

  // Lessons (the last tab, after Compare): End moves there; open one with Enter.
  await tabTo(page, page.getByRole('tab', { name: 'Explore' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Compare', selected: true })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Lessons', selected: true })).toBeFocused();
  const first = page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: /^1 · / });
  await tabTo(page, first);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Before boot' })).toBeVisible();
});

import { test, expect } from './fixtures.ts';

test('the app loads with its heading (and, through the fixture, no uncaught errors)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('kick pseqs');
});

import { test, expect } from '@playwright/test';

test('the app loads with its heading and no uncaught errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('kick pseqs');
  expect(errors).toEqual([]);
});

// prefers-reduced-motion: Play says it runs at one step per second, and still moves through the run;
// without reduced motion there is no such note.
import { expect, test } from './fixtures.ts';

const URL = '/?v=1&m=1&view=races&cpus=4&variant=no-rcu';

test('with reduced motion, Play is capped and says so', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(URL);
  await expect(page.getByRole('status').filter({ hasText: 'Step 0 of 41' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Reduced motion: Play shows 1 step/s')).toBeVisible();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step 1 of 41' })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  // The step emphasis is a still outline, not an animation.
  const animations = await page.evaluate(() => document.getAnimations().map((a) => (a as CSSAnimation).animationName ?? ''));
  expect(animations.filter((n) => n === 'step-flash')).toEqual([]);
});

test('without reduced motion there is no cap note', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto(URL);
  await expect(page.getByRole('status').filter({ hasText: 'Step 0 of 41' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Reduced motion: Play shows 1 step/s')).toHaveCount(0);
});

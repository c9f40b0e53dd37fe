// Every canvas has a text alternative that says what it shows now, and follows the step: the timeline's
// sentence, the CPU grid's description (its summary line), and the memory-over-time picture's name.
import { expect, test } from './fixtures.ts';

test('the races canvases describe the step shown, and follow it', async ({ page }) => {
  await page.goto('/?v=1&m=1&view=races&cpus=4&variant=no-rcu&step=30');
  await expect(page.getByRole('status').filter({ hasText: 'Step 30 of 41' })).toBeVisible({ timeout: 30_000 });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText(/^The timeline: steps 0 to 41 of 41 shown, cursor at step 30; reports: /)).toBeAttached();
  const grid = page.getByRole('group', { name: /^CPU grid/ });
  await expect(grid).toHaveAccessibleDescription(/^4 CPUs: 3 live, 1 freed · readers 1/);
  await expect(
    page.getByRole('img', { name: /cursor at step 30: leaked 0 B, waiting for a grace period 0 B, live \(allocated\) 192 B/ }),
  ).toBeAttached();

  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step 31 of 41' })).toBeVisible();
  await expect(timeline.getByText(/cursor at step 31;/)).toBeAttached();
  await expect(page.getByRole('img', { name: /cursor at step 31:/ })).toBeAttached();
});

// The page's Content-Security-Policy (index.html's <meta>, kept in every build): it is in force (an
// injected inline script is refused and reported, so an empty list below means something), it allows no
// eval and no inline script, and a walk through every view with a real action in each (typing and
// dragging the CPU count, stepping a race, an explore run at 2 CPUs and opening its counterexample)
// violates it nowhere.
import { expect, test } from './fixtures.ts';

/** The policy's directives, name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

test('the CSP is in force, strict, and no view violates it', async ({ page, cspViolations }) => {
  await page.goto('/');
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveCount(1);
  const policy = await meta.getAttribute('content');
  const d = directives(policy ?? '');
  expect(d.get('default-src')).toEqual(["'none'"]);
  for (const name of ['script-src', 'worker-src']) expect(d.get(name), name).toEqual(["'self'"]);
  expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*/);

  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(cspViolations, 'CSP violations while loading').toEqual([]);

  // In force: an inline script added now does not run, and the listener hears about it.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.length).toBe(1);
  expect(cspViolations[0]).toMatch(/^script-src-elem blocked inline/);
  cspViolations.length = 0;

  // Memory: type a CPU count, then drag the slider.
  await expect(page.getByRole('tab', { name: 'Memory' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('spinbutton', { name: 'CPU count' }).fill('4097');
  await expect(page.getByRole('slider', { name: 'CPUs' })).toHaveAttribute('aria-valuetext', '4097 CPUs');
  const box = (await page.getByRole('slider', { name: 'CPUs' }).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole('slider', { name: 'CPUs' })).not.toHaveAttribute('aria-valuetext', '4097 CPUs');
  await page.getByLabel('CPU grid summary').waitFor();

  // Races: a run at 4 CPUs, one step forward.
  await page.getByRole('tab', { name: 'Races' }).click();
  await page.getByRole('spinbutton', { name: 'CPUs', exact: true }).fill('4');
  await expect(page.getByLabel('Trace hash')).toHaveText(/^[0-9a-f]{16}$/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByRole('slider', { name: 'Step' })).toHaveValue('1');

  // Explore: every interleaving at 2 CPUs, then its use-after-free in the stepper.
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('combobox', { name: 'Variant' }).selectOption('no-rcu');
  await page.getByRole('combobox', { name: 'CPUs' }).selectOption('2');
  await page.getByRole('combobox', { name: 'irq_work delivery' }).selectOption('tick');
  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  await expect(page.getByRole('region', { name: 'Explore results' })).toContainText('complete: every schedule explored', {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Show the use-after-free counterexample in the race stepper' }).click();
  await expect(page.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Reports' }).getByRole('article', { name: /KASAN/ })).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => window.__app?.whenIdle());

  expect(cspViolations, 'CSP violations').toEqual([]);
});

// Visible focus: tabbing through each view, every control that takes focus shows a focus indicator (an
// outline of at least 2 px, or a box-shadow ring), in light and dark.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const VIEWS = [
  ['memory', '/?v=1&m=1&cpus=64'],
  ['races', '/?v=1&m=1&view=races&cpus=4&variant=no-rcu&step=31'],
  ['explore', '/?v=1&m=1&view=explore&cpus=2&variant=no-rcu'],
  ['lessons', '/?v=1&m=1&view=lessons&lesson=grace-period&lstep=2'],
] as const;

/** Tabs through the page `stops` times; the focused elements without a visible indicator, described. */
async function unringedStops(page: Page, stops: number): Promise<string[]> {
  const missing: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const ring = cs.boxShadow !== 'none' && cs.boxShadow !== '';
      const name = `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      return { name, ok: outline || ring };
    });
    if (!r || seen.has(r.name)) continue;
    seen.add(r.name);
    if (!r.ok) missing.push(r.name);
  }
  return missing;
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [view, url] of VIEWS) {
    test(`${view} (${colorScheme}): every focused control shows a focus ring`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      await page.evaluate(() => window.__app?.whenIdle());
      expect(await unringedStops(page, 45)).toEqual([]);
    });
  }
}

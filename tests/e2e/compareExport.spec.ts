// The Compare view's Export menu through Chromium's download event: the comparison's review report (its
// name, both kernels, the differences, the mail rules, a link back to the same state), the memory overlay
// as SVG and PNG, and axe with the menu open.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const COMPARE = '/?v=1&m=2&view=compare&cpus=3&cscen=load-while-enabled';

async function openCompare(page: Page, url = COMPARE) {
  await page.goto(url);
  await expect(page.getByRole('status').filter({ hasText: 'differences' })).toBeVisible({ timeout: 30_000 });
}

async function download(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('the compare view exports the review report of both kernels', async ({ page }) => {
  await openCompare(page);
  const file = await download(page, 'Review report (.txt)');
  expect(file.name).toBe('load-while-enabled_merged-vs-fixed_3cpu_step0.txt');
  const text = file.bytes.toString('utf8');
  expect(text).toMatch(/^sched_ext kick pseqs model: comparison report\n/);
  expect(text).toContain('merged: 14c1da3895a1');
  expect(text).toContain('fixed: 14c1da3895a1 + 05e63305c85c');
  expect(text).toMatch(/Differences between the traces \(\d+ hunks?\)/);
  expect(text).toMatch(/^ {2}\* {2}leak +YES \(step \d+\) +no$/m);
  for (const line of text.trimEnd().split('\n')) {
    expect(line.length, line).toBeLessThanOrEqual(72);
    expect(line, line).toMatch(/^[\x20-\x7e]*$/);
  }
  await expect(page.getByText('Saved load-while-enabled_merged-vs-fixed_3cpu_step0.txt')).toBeVisible();
  // The report's link opens this comparison.
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('join the lines'));
  let url = '';
  for (let j = at + 1; lines[j]?.startsWith('    '); j++) url += lines[j].trim();
  const link = new URL(url);
  expect(link.search).toBe('?v=1&m=2&view=compare&cpus=3&cscen=load-while-enabled');
  await page.goto('/?v=1&m=2&view=races');
  await openCompare(page, `${link.pathname}${link.search}`);
  await expect(page.getByRole('heading', { name: /Compare/ }).first()).toBeVisible();
});

test('the report names the cursor step, and the memory overlay exports as SVG and PNG', async ({ page }) => {
  await openCompare(page, `${COMPARE}&cstep=15-15`);
  const report = await download(page, 'Review report (.txt)');
  expect(report.name).toBe('load-while-enabled_merged-vs-fixed_3cpu_step15.txt');
  expect(report.bytes.toString('utf8')).toContain('cstep=15-15');

  const svg = await download(page, 'Memory over time, A and B (.svg)');
  expect(svg.name).toBe('load-while-enabled_merged-vs-fixed_3cpu_step15_memory.svg');
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      paths: doc.querySelectorAll('path').length,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  const all = parsed.texts.join(' ');
  expect(all).toContain('A: merged');
  expect(all).toContain('B: fixed');
  expect(all).toMatch(/load-while-enabled, 3 CPUs; kernel A .* at step 15, kernel B .* at step 15/);
  expect(all).toContain('view=compare');
  // Both memory curves are drawn.
  expect(parsed.paths).toBeGreaterThanOrEqual(2);

  const png = await download(page, 'Memory over time, A and B (.png)');
  expect(png.name).toBe('load-while-enabled_merged-vs-fixed_3cpu_step15_memory.png');
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([parsed.width * 2, parsed.height * 2]);
});

test("each kernel's timeline exports as SVG (text stays text, lanes and caption) and as PNG at 2×", async ({ page }) => {
  await openCompare(page);
  for (const side of ['A', 'B'] as const) {
    const svg = await download(page, `Timeline ${side}, whole run (.svg)`);
    expect(svg.name).toBe(`load-while-enabled_merged-vs-fixed_3cpu_step0_timeline-${side.toLowerCase()}-run.svg`);
    const parsed = await page.evaluate((s) => {
      const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        width: Number(doc.documentElement.getAttribute('width')),
        height: Number(doc.documentElement.getAttribute('height')),
        texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    const all = parsed.texts.join(' ');
    expect(all).toContain(`Timeline of kernel ${side}: ${side === 'A' ? 'merged' : 'fixed'}`);
    for (const lane of ['CPU 0', 'CPU 2', 'RCU']) expect(parsed.texts).toContain(lane);
    expect(all).toContain('view=compare');
    const png = await download(page, `Timeline ${side}, visible window (.png)`);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
  }
});

test("axe finds nothing with the compare view's Export menu open", async ({ page }) => {
  await openCompare(page);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  await page.screenshot({ path: 'test-results/compare-export-menu.png' });
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

// Exports through Chromium's download event: the review report and the Perfetto trace of the races
// view, the report of a search, "Copy report", the keyboard menu, the message while a run loads, and
// axe with the menu open.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const RACE = '/?v=1&m=1&view=races&cpus=4&variant=no-rcu&step=31';

async function openRace(page: Page) {
  await page.goto(RACE);
  await expect(page.getByRole('status').filter({ hasText: 'Step 31 of' })).toBeVisible({ timeout: 30_000 });
}

async function download(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('the races view exports the review report and a Perfetto trace', async ({ page }) => {
  await openRace(page);
  const report = await download(page, 'Review report (.txt)');
  expect(report.name).toBe('disable-vs-kick_no-rcu_4cpu_step31.txt');
  expect(report.text).toContain('use-after-free              YES      step 31');
  for (const line of report.text.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(72);
  await expect(page.getByText('Saved disable-vs-kick_no-rcu_4cpu_step31.txt')).toBeVisible();
  // The report's link opens this state.
  const lines = report.text.split('\n');
  const at = lines.findIndex((l) => l.includes('join the lines'));
  let url = '';
  for (let j = at + 1; lines[j]?.startsWith('    '); j++) url += lines[j].trim();
  const link = new URL(url);
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByRole('status').filter({ hasText: 'Step 31 of' })).toBeVisible({ timeout: 30_000 });

  const trace = await download(page, 'Perfetto trace (.json)');
  expect(trace.name).toBe('disable-vs-kick_no-rcu_4cpu_perfetto.json');
  const json = JSON.parse(trace.text) as { traceEvents: { ph: string; name?: string }[] };
  expect(json.traceEvents.some((e) => e.ph === 'i' && e.name?.includes('use-after-free'))).toBe(true);
});

test('"Copy report" puts the report on the clipboard, and the menu works from the keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openRace(page);
  const button = page.getByRole('button', { name: 'Export' });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Review report (.txt)' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Copy report' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Report copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^sched_ext kick pseqs model: review report\n/);
  expect(copied).toContain('KASAN: slab-use-after-free');
});

test('exporting before a search has finished says why instead of saving an empty file', async ({ page }) => {
  await page.goto('/?v=1&m=1&view=explore&cpus=2&variant=no-rcu');
  await page.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('menuitem', { name: 'Review report (.txt)' });
  await expect(item).toHaveAttribute('aria-disabled', 'true');
  let downloads = 0;
  page.on('download', () => downloads++);
  // Playwright waits for an aria-disabled item to become enabled before clicking it; the keyboard does not.
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Review report \(\.txt\): no search has finished yet/)).toBeVisible();
  expect(downloads).toBe(0);

  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  await expect(page.getByRole('region', { name: 'Explore results' })).toContainText('complete', { timeout: 30_000 });
  const report = await download(page, 'Review report (.txt)');
  expect(report.name).toBe('disable-vs-kick_no-rcu_2cpu_explore.txt');
  expect(report.text).toContain('Shortest counterexample: use-after-free');
});

test('axe finds nothing with the Export menu open', async ({ page }) => {
  await openRace(page);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
  await page.screenshot({ path: 'test-results/export-menu.png' });
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** An SVG file's size and its text, parsed by the browser's XML parser (which reports any error). */
async function parseSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
    };
  }, text);
}

async function downloadBytes(page: Page, item: string) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function checkFigure(page: Page, label: string, stem: string, mustSay: (string | RegExp)[]) {
  const svg = await downloadBytes(page, `${label} (.svg)`);
  expect(svg.name).toBe(`${stem}.svg`);
  const parsed = await parseSvg(page, svg.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  // Strings: some text element says it; patterns: the text as a whole (lines wrapped) matches.
  const all = parsed.texts.join(' ');
  for (const s of mustSay) {
    if (typeof s === 'string')
      expect(
        parsed.texts.some((t) => t.includes(s)),
        s,
      ).toBe(true);
    else expect(all).toMatch(s);
  }
  const png = await downloadBytes(page, `${label} (.png)`);
  expect(png.name).toBe(`${stem}.png`);
  expect(pngSize(png.bytes)).toEqual([parsed.width * 2, parsed.height * 2]);
  return { svg: svg.bytes, png: png.bytes };
}

test('the races view exports the CPU grid and the timeline as PNG and SVG', async ({ page }) => {
  await openRace(page);
  const caption = [/Scenario disable-vs-kick, kernel no-rcu .*step 31 of 41/, /view=races/];
  const grid = await checkFigure(page, 'CPU grid', 'disable-vs-kick_no-rcu_4cpu_step31_cpu-grid', [
    ...caption,
    'freed',
    'in a read-side section',
  ]);
  const timeline = await checkFigure(page, 'Timeline, whole run', 'disable-vs-kick_no-rcu_4cpu_step31_timeline-run', [
    ...caption,
    'use-after-free',
    'CPU 0',
    'step',
  ]);
  await checkFigure(page, 'Timeline, visible window', 'disable-vs-kick_no-rcu_4cpu_step31_timeline-window', caption);
  const { writeFileSync } = await import('node:fs');
  writeFileSync('test-results/export-cpu-grid.png', grid.png);
  writeFileSync('test-results/export-timeline.png', timeline.png);
  writeFileSync('test-results/export-timeline.svg', timeline.svg);
});

test('the memory view exports the memory chart and the CPU grid as PNG and SVG', async ({ page }) => {
  await page.goto('/?v=1&m=1&cpus=600');
  await expect(page.getByRole('spinbutton', { name: 'CPU count' })).toHaveValue('600');
  await page.evaluate(() => window.__app?.whenIdle());
  const chart = await checkFigure(page, 'Memory chart', 'memory_600cpu_1node_4k_chart', [
    /CPUs/,
    /Memory view: N = 600 CPUs/,
    'New: kvzalloc via kmalloc',
    /old design panics/,
  ]);
  await checkFigure(page, 'CPU grid', 'memory_600cpu_1node_4k_cpu-grid', [/Memory view: N = 600/, '8 B per CPU']);
  const { writeFileSync } = await import('node:fs');
  writeFileSync('test-results/export-memory-chart.png', chart.png);
  writeFileSync('test-results/export-memory-chart.svg', chart.svg);
});

// The first screen shows the picture (issue 16): on a laptop the main visuals are above the fold, read
// from their bounding boxes after load; at 1024 px wide the panels neither overlap nor overflow the page.
// Screenshots of every view at both sizes go to test-results/layout/.
import { expect, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Size {
  width: number;
  height: number;
}

const LAPTOP: Size = { width: 1280, height: 720 };
const DESKTOP: Size = { width: 1440, height: 900 };
const NARROW: Size = { width: 1024, height: 768 };
/** Sub-pixel rounding of layout boxes. */
const EPS = 0.5;

const RACE_URL = '/?v=1&m=2&view=races&scenario=disable-vs-kick&variant=no-rcu&dlv=tick&step=31';
const RACE_URL_4 = `${RACE_URL}&cpus=4`;
const EXPLORE_URL = '/?v=1&m=2&view=explore&scenario=disable-vs-kick&variant=no-rcu&cpus=2&dlv=tick';

const memoryChart = (page: Page) => page.getByRole('img', { name: /Memory against CPU count/ });
const cpuGrid = (page: Page) => page.getByRole('region', { name: 'CPU grid', exact: true });
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline', exact: true });
const exploreResults = (page: Page) => page.getByRole('region', { name: 'Explore results' });

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, 'the element is rendered').not.toBeNull();
  return box!;
}

/** The whole box lies inside the viewport (the page is not scrolled). */
function fullyVisible(b: Box, vp: Size): boolean {
  return b.x >= -EPS && b.y >= -EPS && b.x + b.width <= vp.width + EPS && b.y + b.height <= vp.height + EPS;
}

/** The share of the box's height inside the viewport. */
function visibleShare(b: Box, vp: Size): number {
  const seen = Math.min(b.y + b.height, vp.height) - Math.max(b.y, 0);
  return Math.max(0, seen) / b.height;
}

const describe = (b: Box) => `x ${Math.round(b.x)}–${Math.round(b.x + b.width)}, y ${Math.round(b.y)}–${Math.round(b.y + b.height)}`;

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.__app?.whenIdle());
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function openMemory(page: Page, vp: Size): Promise<void> {
  await page.setViewportSize(vp);
  await page.goto('/');
  await expect(memoryChart(page)).toBeVisible();
  await expect(cpuGrid(page)).toBeVisible();
  await settle(page);
}

async function openRaces(page: Page, vp: Size, url = RACE_URL): Promise<void> {
  await page.setViewportSize(vp);
  await page.goto(url);
  await page.waitForFunction(
    () => {
      const s = window.__app?.getState() as { raceRun: { status: string }; raceView: { step: number } | null } | undefined;
      return s?.raceRun.status === 'done' && s.raceView?.step === 31;
    },
    undefined,
    { timeout: 60_000 },
  );
  await expect(timeline(page).getByLabel(/drag to pan/)).toBeVisible();
  await settle(page);
}

async function openExplore(page: Page, vp: Size): Promise<void> {
  await page.setViewportSize(vp);
  await page.goto(EXPLORE_URL);
  await page.getByRole('button', { name: 'Explore all interleavings' }).click();
  await expect(exploreResults(page)).toContainText('complete: every schedule explored', { timeout: 30_000 });
  await settle(page);
}

/** Screenshots the first screen, and checks that nothing sticks out of the page's side (a clipped panel). */
async function shoot(page: Page, name: string, vp: Size): Promise<void> {
  await page.screenshot({ path: `test-results/layout/${name}-${vp.width}x${vp.height}.png` });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'nothing clipped horizontally').toBeLessThanOrEqual(innerWidth);
}

/** Top-level panels of the view (sections not inside another section) that overlap, and the page's overflow. */
async function layoutProblems(page: Page): Promise<{ overlaps: string[]; scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => {
    const panels = [...document.querySelectorAll('main section')].filter((s) => !s.parentElement?.closest('section'));
    const named = panels
      .map((el) => ({
        name: el.getAttribute('aria-label') ?? el.querySelector('h3')?.textContent ?? el.tagName,
        r: el.getBoundingClientRect(),
      }))
      .filter((p) => p.r.width > 0 && p.r.height > 0);
    const overlaps: string[] = [];
    for (let i = 0; i < named.length; i++)
      for (let j = i + 1; j < named.length; j++) {
        const a = named[i].r;
        const b = named[j].r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0.5 && h > 0.5) overlaps.push(`${named[i].name} × ${named[j].name}`);
      }
    return { overlaps, scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth };
  });
}

async function expectUsableWhenNarrow(page: Page): Promise<void> {
  const { overlaps, scrollWidth, innerWidth } = await layoutProblems(page);
  expect(overlaps, 'main panels overlapping').toEqual([]);
  expect(scrollWidth, 'nothing clipped horizontally').toBeLessThanOrEqual(innerWidth);
}

test.describe('the first screen shows the picture', () => {
  test('memory at 1440×900: slider, chart and CPU grid all fully visible', async ({ page }) => {
    await openMemory(page, DESKTOP);
    await shoot(page, 'memory', DESKTOP);
    for (const [what, loc] of [
      ['CPU slider', page.getByRole('slider', { name: 'CPUs' })],
      ['memory chart', memoryChart(page)],
      ['CPU grid', cpuGrid(page)],
    ] as const) {
      const b = await boxOf(loc);
      expect(fullyVisible(b, DESKTOP), `${what} (${describe(b)}) inside 1440×900`).toBe(true);
    }
  });

  test('memory at 1280×720: the chart fully visible and at least half of the CPU grid', async ({ page }) => {
    await openMemory(page, LAPTOP);
    await shoot(page, 'memory', LAPTOP);
    const chart = await boxOf(memoryChart(page));
    expect(fullyVisible(chart, LAPTOP), `chart (${describe(chart)}) inside 1280×720`).toBe(true);
    const grid = await boxOf(cpuGrid(page));
    expect(visibleShare(grid, LAPTOP), `share of the CPU grid (${describe(grid)}) on screen`).toBeGreaterThanOrEqual(0.5);
  });

  for (const [url, cpus] of [
    [RACE_URL, 'the shared CPU count'],
    [RACE_URL_4, '4 CPUs'],
  ] as const) {
    test(`races at 1440×900 (${cpus}): the timeline and the CPU grid fully visible`, async ({ page }) => {
      await openRaces(page, DESKTOP, url);
      await shoot(page, url === RACE_URL ? 'races' : 'races-4cpus', DESKTOP);
      const line = await boxOf(timeline(page));
      expect(fullyVisible(line, DESKTOP), `timeline (${describe(line)}) inside 1440×900`).toBe(true);
      const grid = await boxOf(cpuGrid(page));
      expect(fullyVisible(grid, DESKTOP), `CPU grid (${describe(grid)}) inside 1440×900`).toBe(true);
    });

    test(`races at 1280×720 (${cpus}): the whole timeline visible`, async ({ page }) => {
      await openRaces(page, LAPTOP, url);
      await shoot(page, url === RACE_URL ? 'races' : 'races-4cpus', LAPTOP);
      const line = await boxOf(timeline(page));
      expect(fullyVisible(line, LAPTOP), `timeline (${describe(line)}) inside 1280×720`).toBe(true);
    });
  }

  for (const vp of [LAPTOP, DESKTOP]) {
    test(`explore at ${vp.width}×${vp.height}: the results table on the first screen`, async ({ page }) => {
      await openExplore(page, vp);
      await shoot(page, 'explore', vp);
      const table = await boxOf(exploreResults(page).getByRole('table'));
      expect(fullyVisible(table, vp), `results table (${describe(table)}) inside ${vp.width}×${vp.height}`).toBe(true);
    });
  }

  test('each view keeps its explanation one click away', async ({ page }) => {
    await openMemory(page, LAPTOP);
    for (const view of ['Memory', 'Races', 'Explore']) {
      await page.getByRole('tab', { name: view }).click();
      const about = page.getByRole('group').filter({ has: page.getByText('About this view', { exact: true }) });
      await expect(about).toHaveCount(1);
      const text = about.locator('p').first();
      await expect(text).toBeHidden();
      await about.getByText('About this view', { exact: true }).click();
      await expect(text).toBeVisible();
      expect((await text.textContent())!.length).toBeGreaterThan(80);
    }
  });
});

test.describe('at 1024 px wide every view stays usable', () => {
  test('memory: no panels overlap, nothing clipped', async ({ page }) => {
    await openMemory(page, NARROW);
    await shoot(page, 'memory', NARROW);
    await expectUsableWhenNarrow(page);
  });

  test('races: no panels overlap, nothing clipped', async ({ page }) => {
    await openRaces(page, NARROW);
    await shoot(page, 'races', NARROW);
    await expectUsableWhenNarrow(page);
    // The collapsed controls open in place without pushing anything off the side.
    await page.getByText('Advanced', { exact: true }).click();
    await expectUsableWhenNarrow(page);
  });

  test('explore: no panels overlap, nothing clipped', async ({ page }) => {
    await openExplore(page, NARROW);
    await shoot(page, 'explore', NARROW);
    await expectUsableWhenNarrow(page);
  });
});

// Deploy anywhere: the production build (`npm run build` → dist/, no test hooks) copied under a sub-path
// of a plain static server (node:http here, not Vite's) opens a shared races link there: the state comes
// back with the golden trace hash (computed by the worker, which loads from the sub-path), no request
// fails or leaves the sub-path, the CSP is never violated, and links, history entries and bad-link
// alerts keep the sub-path. The root deployment is the rest of the e2e suite.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, goldenUrls as golden, test } from './fixtures.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const SUB_PATH = '/a/b/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A link with a forked schedule and a zoom window, so restoring it restores more than the defaults. */
const forked = golden.find((g) => g.url.includes('&sched='))!;

/** Serves dist/ at SUB_PATH as any static host would (a folder's index.html); everything else is 404. */
function serveDist(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = path.startsWith(SUB_PATH) ? normalize(path.slice(SUB_PATH.length) || 'index.html') : null;
    if (rel === null || rel.startsWith('..') || rel.includes(`${sep}..`)) return void res.writeHead(404).end();
    readFile(join(dist, rel)).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
let site = '';

test.beforeAll(async () => {
  expect(existsSync(join(dist, 'index.html')), 'dist/index.html is missing: run `npm run build` first').toBe(true);
  server = await serveDist();
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB_PATH}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every request that failed, got an error status or went outside the sub-path. */
function watchRequests(page: Page): string[] {
  const bad: string[] = [];
  page.on('requestfailed', (r) => bad.push(`${r.url()} failed: ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.url()} → ${r.status()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(site)) bad.push(`${r.url()} is outside ${SUB_PATH}`);
  });
  return bad;
}

const traceHash = (page: Page) => page.getByLabel('Trace hash');
const linkAlert = (page: Page) => page.getByRole('alert', { name: /link/i });
const pathOf = (page: Page) => new URL(page.url()).pathname;

test.describe(`the production build under ${SUB_PATH}`, () => {
  test('a shared races link restores its state and trace there, and Copy link keeps the sub-path', async ({
    page,
    context,
    cspViolations,
  }) => {
    const bad = watchRequests(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(`${site}${forked.url}`);
    expect(bad, 'failed requests while loading').toEqual([]);

    await expect(traceHash(page)).toHaveText(forked.traceHash, { timeout: 60_000 });
    await expect(page.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('spinbutton', { name: 'CPUs', exact: true })).toHaveValue('64');
    await expect(page.getByRole('slider', { name: 'Step' })).toHaveValue('300');
    await expect(page.getByText(`Step 300 of ${forked.steps}`)).toBeVisible();
    await expect(linkAlert(page)).toHaveCount(0);
    await expect(page).toHaveURL(`${site}${forked.url}`);
    expect(workers).toEqual([expect.stringMatching(new RegExp(`^${site}assets/sim\\.worker-[\\w-]+\\.js$`))]);

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${site}${forked.url}`);

    // The copied link opens the same trace in another tab.
    const other = await context.newPage();
    const otherBad = watchRequests(other);
    await other.goto(copied);
    await expect(traceHash(other)).toHaveText(forked.traceHash, { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/deploy-sub-path-races.png' });

    expect([...bad, ...otherBad], 'failed requests').toEqual([]);
    expect(cspViolations, 'CSP violations').toEqual([]);
  });

  test('history entries and a bad-link alert keep the sub-path', async ({ page, cspViolations }) => {
    const bad = watchRequests(page);
    await page.goto(`${site}?v=1&m=2&view=races&cpus=4&variant=nope`);
    expect(bad, 'failed requests while loading').toEqual([]);
    await expect(linkAlert(page)).toContainText('variant=nope');
    await expect(traceHash(page)).toHaveText(/^[0-9a-f]{16}$/, { timeout: 60_000 });
    expect(pathOf(page)).toBe(SUB_PATH);
    await expect(page).toHaveURL(`${site}?v=1&m=2&view=races&cpus=4`); // rewritten canonically, in place

    await page.getByRole('tab', { name: 'Memory' }).click(); // a deliberate change: a new entry
    await expect(page).toHaveURL(`${site}?v=1&m=2&cpus=4`);
    await page.goBack();
    await expect(page.getByRole('tab', { name: 'Races' })).toHaveAttribute('aria-selected', 'true');
    await expect(page).toHaveURL(`${site}?v=1&m=2&view=races&cpus=4`);

    await page.getByRole('spinbutton', { name: 'CPUs', exact: true }).fill('3'); // continuous: replaces the entry
    await expect(page).toHaveURL(`${site}?v=1&m=2&view=races&cpus=3`);
    expect(bad, 'failed requests').toEqual([]);
    expect(cspViolations, 'CSP violations').toEqual([]);
  });
});

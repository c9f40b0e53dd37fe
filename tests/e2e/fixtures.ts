// Shared Playwright fixtures: every test fails if the page threw an uncaught error while it ran. A test that
// asks for `cspViolations` gets every Content-Security-Policy violation of its page, from before the page's
// first script and across navigations (each as "directive blocked what at where").
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';

/** A pinned shared link (tests/golden/urls.json) and the trace it shows. */
export interface GoldenUrl {
  name: string;
  url: string;
  traceHash: string;
  steps: number;
}
export const goldenUrls = (JSON.parse(readFileSync(new URL('../golden/urls.json', import.meta.url), 'utf8')) as { urls: GoldenUrl[] }).urls;

export const test = base.extend<{ pageErrors: string[]; cspViolations: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: async ({ page }, use) => {
    const violations: string[] = [];
    await page.exposeFunction('__reportCspViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      const w = window as unknown as { __reportCspViolation: (v: string) => void };
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}`),
      );
    });
    await use(violations);
  },
});

export { expect };

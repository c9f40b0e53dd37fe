import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// `npm run bench`: frame-time benchmarks in headless Chromium, on the harness build (window.__bench,
// window.__racesBench; see src/harness/). Prints figures; asserts nothing about time.
export default defineConfig({ ...base, testDir: 'tests/bench', testMatch: '**/*.bench.ts', timeout: 300_000 });

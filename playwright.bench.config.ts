import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// `npm run bench`: frame-time benchmarks in headless Chromium. Prints figures; asserts nothing about time.
export default defineConfig({ ...base, testDir: 'tests/bench', testMatch: '**/*.bench.ts', timeout: 300_000 });

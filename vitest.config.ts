import { defineConfig } from 'vitest/config';

// Node-only: model, CLI, codec and layout tests. Browser behaviour is covered by Playwright (tests/e2e).
// Two projects: "unit" (every test well inside 60 s on a busy 2-core machine) and "slow" (tests/slow: searches
// that take about a minute there, with a timeout of their own; `npm run test:slow` runs them alone).
export const UNIT_TIMEOUT_MS = 60_000;
export const SLOW_TIMEOUT_MS = 600_000;

export default defineConfig({
  test: {
    environment: 'node',
    // CI asks for a JSON report as well, to print one "N passed, N failed" line over every runner.
    ...(process.env.REPORT_DIR ? { reporters: ['default', 'json'], outputFile: { json: `${process.env.REPORT_DIR}/vitest.json` } } : {}),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/slow/**', '**/node_modules/**'],
          testTimeout: UNIT_TIMEOUT_MS,
        },
      },
      {
        test: {
          name: 'slow',
          environment: 'node',
          include: ['tests/slow/**/*.test.ts'],
          testTimeout: SLOW_TIMEOUT_MS,
        },
      },
    ],
  },
});

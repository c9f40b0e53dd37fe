import { defineConfig } from 'vitest/config';

// Node-only: model, CLI, codec and layout tests. Browser behaviour is covered by Playwright (tests/e2e).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // CI asks for a JSON report as well, to print one "N passed, N failed" line over every runner.
    ...(process.env.REPORT_DIR
      ? { reporters: ['default', 'json'], outputFile: { json: `${process.env.REPORT_DIR}/vitest.json` } }
      : {}),
  },
});

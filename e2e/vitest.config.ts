import { defineConfig } from 'vitest/config';

/** Browser journeys: the built app served by the real server, driven in Debian Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});

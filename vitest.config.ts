import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Servers and browsers are real processes; two cores do not take more at once.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'live',
          include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          // Fresh production pages and a Chromium, once per run.
          globalSetup: ['tests/support/global-setup.ts'],
          // No second attempts: a test that fails once is a test to fix. Waits are event-driven; how fast
          // things happen is measured by the benches (tests/bench), not asserted here.
        },
      },
    ],
  },
});

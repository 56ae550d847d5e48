import { defineConfig } from 'vitest/config';

/** Every test file removes the temporary folders it made. */
const setupFiles = ['tests/support/cleanup.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        // Some unit tests start the command-line tools as a user would: seconds on a busy machine.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], setupFiles, testTimeout: 30_000 },
      },
      {
        // Builds share the project's .astro folder, so they run one file at a time.
        test: {
          name: 'build',
          setupFiles,
          include: ['tests/build/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          setupFiles,
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        // One build of the whole real corpus, shared by every file: checked as files and in Chromium.
        test: {
          name: 'corpus',
          setupFiles,
          include: ['tests/corpus/**/*.test.ts'],
          globalSetup: ['tests/corpus/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});

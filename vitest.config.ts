import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/temporary-folder.ts'],
    // One test file per core: most of the time goes to child processes the tests start, so the
    // default (one worker fewer than the cores) leaves a core idle on a 2-core CI runner.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    // Set-up hooks parse and check every bundled guide; beside another test file they need more than the default 10 s.
    hookTimeout: 60_000,
  },
});

import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import LongestFirst from './helpers/sequencer.js';

export default defineConfig({
  test: {
    // the repository root (this file lives in test/ to keep the top level as the project's layout)
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts', 'strategies/**/*.test.ts'],
    // two files at once on 2 cores: room for a CLI test that spawns several commands
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // two files at once: most files wait on processes they spawn (the CLI, npm, Chromium, worker
    // threads), so one file at a time (vitest's default on 2 cores: cores − 1) leaves a core idle
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
    globalSetup: ['test/helpers/temp-root.ts'],
  },
});

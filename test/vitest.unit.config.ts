import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The unit tests alone (`npm run test:unit`): no build needed. Left out: test/e2e (the CLI, the
 * browser, the npm package, the cluster), the tests that start the built worker threads or spawn
 * the built CLI for part of their cases, and those of the compiled WebAssembly kernels; `npm test` runs everything after the build.
 */
export const NEEDS_BUILD = [
  'test/e2e/**',
  'test/golden/golden.test.ts',
  'test/market/data/plausibility.test.ts',
  'test/reports/compare.test.ts',
  'test/reports/report.test.ts',
  'test/strategy/audit.test.ts',
  // the type checks resolve \`ratecycle\` to the built declarations (dist/**/*.d.ts)
  'test/strategy/series-ids.test.ts',
  'test/strategy/typecheck.test.ts',
  'test/workflows/run/studies-thread.test.ts',
  'test/workflows/sweep/pbo.test.ts',
  'test/workflows/sweep/sweep-integrity.test.ts',
  'test/workflows/sweep/sweep.test.ts',
  // the WebAssembly kernels against their JavaScript twins: they need the compiled module
  'test/simulate/kernel-wasm.test.ts',
  'test/measure/stats/stationary-bootstrap-wasm.test.ts',
  'test/measure/metrics/summary-sums-wasm.test.ts',
];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts', 'strategies/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...NEEDS_BUILD],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/helpers/temp-root.ts'],
  },
});

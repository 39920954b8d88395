// Compiles the four AssemblyScript kernels into dist/engine/core/sweep.wasm with asc, unless the
// module is newer than every source (npm start and npm test then skip the ≈ 3.5 s compile).
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const SOURCES = [
  'engine/measure/metrics/summary-sums.as.ts',
  'engine/simulate/advance2.as.ts',
  'engine/measure/stats/pbo-pairs.as.ts',
  'engine/measure/stats/stationary-bootstrap.as.ts',
];
const OUT = 'dist/engine/core/sweep.wasm';
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
if (existsSync(OUT) && SOURCES.every((f) => mtime(f) < mtime(OUT)) && mtime('package.json') < mtime(OUT)) process.exit(0);
const asc = createRequire(import.meta.url).resolve('assemblyscript/bin/asc.js');
const r = spawnSync(
  process.execPath,
  [asc, ...SOURCES, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '--importMemory', '--use', 'abort=', '-o', OUT],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);

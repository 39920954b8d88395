import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's root folder (holds package.json), whether running from source or dist/. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'ratecycle') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('ratecycle: cannot find the package root');
    dir = up;
  }
}

/** The shipped data folder. */
export function shippedDataDir(): string {
  return join(packageRoot(), 'data');
}

/** The package version from package.json. */
export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;
}

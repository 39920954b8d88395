import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

/** Marker file that says ratecycle created a folder (so `--force` may replace it). */
export const MARKER = '.ratecycle';

/**
 * Writes a folder atomically: `fill` writes into a fresh temporary folder beside
 * `target`, which is renamed into place only when `fill` has finished. A crash leaves at
 * most a `.ratecycle-tmp-*` folder, never a half-written target. An existing target is
 * refused unless `force`; even then only a folder ratecycle created (it has the marker
 * file) or an empty one is replaced.
 */
export async function writeDirAtomically(target: string, force: boolean, fill: (tmp: string) => Promise<void> | void): Promise<string> {
  const abs = resolve(target);
  if (existsSync(abs)) {
    if (!force) throw new UserError(`${target} already exists; pass --force to replace it, or choose another --out`);
    const ours = existsSync(join(abs, MARKER)) || readdirSync(abs).length === 0;
    if (!ours) throw new UserError(`${target} exists and was not written by ratecycle; refusing to replace it even with --force`);
  }
  mkdirSync(dirname(abs), { recursive: true });
  const tmp = join(dirname(abs), `.ratecycle-tmp-${basename(abs)}-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    await fill(tmp);
    writeFileSync(join(tmp, MARKER), 'written by ratecycle\n');
    if (existsSync(abs)) {
      const old = `${tmp}-old`;
      renameSync(abs, old);
      renameSync(tmp, abs);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, abs);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return abs;
}

/** Writes a file atomically (temp file in the same folder, then rename). */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Prefix of the temporary folders ratecycle writes before renaming them into place. */
export const TMP_PREFIX = '.ratecycle-tmp-';

/** Whether a process with this id is alive on this machine (EPERM: alive, owned by someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the `.ratecycle-tmp-<name>-<pid>-<ms>[-old]` folders in `dir` left by processes
 * that are no longer alive (a killed run); folders of live processes are left alone.
 * Returns the names removed.
 */
export function removeStaleTemps(dir: string): string[] {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of entries) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    const m = /-(\d+)-(\d+)(?:-old)?$/.exec(name);
    if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../core/io/stale-temps.js';

const claims: string[] = [];
let cleanupInstalled = false;

function claimFile(path: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      claims.push(path);
      if (!cleanupInstalled) {
        cleanupInstalled = true;
        process.on('exit', () => {
          for (const c of claims) rmSync(c, { force: true });
        });
      }
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      let pid = NaN;
      try {
        pid = Number(readFileSync(path, 'utf8').trim());
      } catch {
        /* vanished meanwhile: retry */
      }
      if (processAlive(pid)) return false;
      rmSync(path, { force: true }); // left by a dead process
    }
  }
  return false;
}

/** Removes claim files of processes that are no longer alive (a killed run). */
function removeStaleClaims(root: string): void {
  for (const f of readdirSync(root)) {
    if (!f.startsWith('.ratecycle-claim-')) continue;
    try {
      if (!processAlive(Number(readFileSync(join(root, f), 'utf8').trim()))) rmSync(join(root, f), { force: true });
    } catch {
      /* vanished meanwhile */
    }
  }
}

/**
 * Default output folder `out/<name>-<UTC timestamp YYYYMMDD-HHMMSS>`, with `-2`, `-3`, …
 * appended when that name is taken: by an existing folder (or its `.partial`), or claimed
 * by another live process that started in the same second (each name is claimed with an
 * exclusive `out/.ratecycle-claim-*` file that lives as long as the process).
 */
export function defaultOutDir(name: string, now = new Date(), root = 'out'): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  try {
    mkdirSync(root, { recursive: true });
  } catch {
    return join(root, `${name}-${stamp}`); // the write will report why the folder is unusable
  }
  removeStaleClaims(root);
  for (let k = 1; ; k++) {
    const base = `${name}-${stamp}${k > 1 ? `-${k}` : ''}`;
    const dir = join(root, base);
    if (existsSync(dir) || existsSync(`${dir}.partial`)) continue;
    if (claimFile(join(root, `.ratecycle-claim-${base}`))) return dir;
    if (k > 10_000) return dir;
  }
}

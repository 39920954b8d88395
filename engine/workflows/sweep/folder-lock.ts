import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';

/** A held lock on a folder; `release` is idempotent. */
export interface FolderLock {
  file: string;
  release(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** Whether a process with this pid runs on this machine (EPERM: it exists but is not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof j.pid === 'number' && typeof j.host === 'string' ? { pid: j.pid, host: j.host, started: String(j.started ?? '') } : undefined;
  } catch {
    return undefined; // torn or unreadable: treated like a lock of a dead process
  }
}

/**
 * Locks `dir` for one writer: creates `dir/.lock` exclusively with this process's pid, host and
 * start time. A lock left by a process that no longer runs on this host (killed, crashed) is
 * stale and taken over; a live one, or one from another host (which cannot be checked), is
 * refused with a message naming its holder. The lock is released by `release()` or, at the
 * latest, when this process exits. Limits: a pid reused by an unrelated process keeps a stale
 * lock alive (delete it by hand), and two processes taking over the same stale lock in the same
 * instant are not told apart.
 */
export function lockFolder(dir: string, label: string): FolderLock {
  const file = join(dir, '.lock');
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me) + '\n');
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(file);
      const stale = !held || (held.host === me.host && !alive(held.pid));
      if (!stale || attempt >= 2) {
        const who = held ? `process ${held.pid} on ${held.host}, since ${held.started}` : 'another process';
        throw new UserError(`${label} is being written by ${who}; wait for it to finish, or delete ${label}/.lock if that process is gone`);
      }
      rmSync(file, { force: true });
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readLock(file)?.pid === me.pid) rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}

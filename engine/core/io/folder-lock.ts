import { openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';

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

/** Milliseconds since a file was last written (Infinity when it is gone). */
function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
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

/** Options of {@link lockFolder}. */
export interface LockOptions {
  /** The lock file's name in the folder (default `.lock`). */
  name?: string;
  /** How long to wait for a live holder to finish, ms (default 0: refuse at once). */
  waitMs?: number;
}

/** Sleeps this thread for `ms` milliseconds (a synchronous wait for a lock held by another process). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Locks `dir` for one writer: creates `dir/.lock` (or `options.name`) exclusively with this process's pid, host and
 * start time. A lock left by a process that no longer runs on this host (killed, crashed) is
 * stale and taken over; a live one, or one from another host (which cannot be checked), is
 * refused with a message naming its holder. The lock is released by `release()` or, at the
 * latest, when this process exits. Limits: a pid reused by an unrelated process keeps a stale
 * lock alive (delete it by hand), and two processes taking over the same stale lock in the same
 * instant are not told apart. With `waitMs`, a live holder is waited for (polling every 20–60 ms)
 * up to that long before the refusal: short writes such as a catalog update queue up instead.
 */
export function lockFolder(dir: string, label: string, options: LockOptions = {}): FolderLock {
  const file = join(dir, options.name ?? '.lock');
  const deadline = Date.now() + (options.waitMs ?? 0);
  let takeovers = 0;
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me) + '\n');
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(file);
      // an empty or torn lock is one being written this instant, unless it is old
      const stale = held ? held.host === me.host && !alive(held.pid) : ageMs(file) > 5_000;
      if (stale && takeovers < 2) {
        takeovers++;
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() < deadline) {
        sleepSync(20 + Math.floor(Math.random() * 40));
        continue;
      }
      const who = held ? `process ${held.pid} on ${held.host}, since ${held.started}` : 'another process';
      throw new UserError(
        `${label} is being written by ${who}; wait for it to finish, or delete ${join(label, options.name ?? '.lock')} if that process is gone`,
      );
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

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { fsUserError } from './fs-errors.js';
import { removeStaleTemps, TMP_PREFIX } from './stale-temps.js';

/** Marker file that says ratecycle created a folder and lists the files it wrote (so `--force` may replace it). */
export const MARKER = '.ratecycle';

/** Every file below `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The files a ratecycle folder says it wrote, or undefined when it has no (readable) marker list. */
function writtenFiles(dir: string): Set<string> | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? new Set(parsed.files.filter((f): f is string => typeof f === 'string')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why an existing folder may not be replaced by `--force`, or undefined when it may: it
 * must be empty, or carry the marker and contain only the files the marker lists (files a
 * user added are never deleted).
 */
export function whyNotReplaceable(dir: string, label: string): string | undefined {
  // the marker first: a folder without it (say `--out /`) is refused without walking its tree
  const top = readdirSync(dir);
  if (top.length === 0) return undefined;
  if (!top.includes(MARKER)) return `${label} exists and was not written by ratecycle; refusing to replace it even with --force`;
  const files = listFiles(dir);
  const written = writtenFiles(dir) ?? new Set<string>();
  const foreign = files.filter((f) => f !== MARKER && !written.has(f));
  if (foreign.length) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '');
    return `${label} contains files ratecycle did not write (${shown}); move them away or choose another --out (--force never deletes them)`;
  }
  return undefined;
}

/** Options of {@link writeDirAtomically}. */
export interface AtomicDirOptions {
  /** Replace an existing folder that ratecycle wrote (see {@link whyNotReplaceable}). */
  force?: boolean;
}

/**
 * Writes a folder atomically: `fill` writes into a fresh temporary folder beside
 * `target`, which is renamed into place only when `fill` has finished. A crash leaves at
 * most a `.ratecycle-tmp-*` folder, never a half-written target; such leftovers of dead
 * processes are removed by the next write into the same parent folder. An existing target
 * is refused unless `force`, and even then only a folder ratecycle wrote with nothing
 * added is replaced. The target is claimed with an exclusive `mkdir` just before the
 * rename, so a folder that appeared meanwhile (another run with the same `--out`) is never
 * replaced: the write fails with a clear message. File-system failures a user can cause
 * (disk full, read-only folder, a path under a file) become a one-line UserError.
 * Returns the absolute path written.
 */
/**
 * Refuses an output folder that already exists unless `force`, and even then one that may not be
 * replaced (a file, or a folder ratecycle did not write; see whyNotReplaceable): the check a
 * command makes before spending time on its work, which writeDirAtomically makes again.
 */
export function refuseExistingOutput(target: string, force: boolean | undefined): void {
  if (!existsSync(target)) return;
  if (!force) throw new UserError(`${target} already exists; pass ‹force› to replace it, or choose another ‹out›`);
  if (!statSync(target).isDirectory()) throw new UserError(`${target} exists and is a file; refusing to replace it even with ‹force›`);
  const why = whyNotReplaceable(resolve(target), target);
  if (why) throw new UserError(why);
}

export async function writeDirAtomically(target: string, force: boolean | AtomicDirOptions, fill: (tmp: string) => Promise<void> | void): Promise<string> {
  const opts = typeof force === 'boolean' ? { force } : force;
  const abs = resolve(target);
  const parent = dirname(abs);
  const refuseExisting = () => refuseExistingOutput(target, opts.force);
  if (existsSync(abs)) refuseExisting();
  for (let p = parent; ; p = dirname(p)) {
    if (existsSync(p)) {
      if (!statSync(p).isDirectory()) throw new UserError(`cannot write ${target}: ${p} is a file, not a folder`);
      break;
    }
    if (dirname(p) === p) break;
  }
  let tmp = '';
  try {
    mkdirSync(parent, { recursive: true });
    removeStaleTemps(parent);
    tmp = makeTemp(parent, basename(abs));
    await fill(tmp);
    const files = listFiles(tmp);
    writeFileSync(join(tmp, MARKER), JSON.stringify({ writtenBy: 'ratecycle', files }, null, 1) + '\n');
    let old = '';
    if (existsSync(abs)) {
      if (!opts.force) claim(abs, target); // it appeared while we wrote: fails with the message for that
      refuseExisting(); // check again: it may have changed while we wrote
      old = `${tmp}-old`;
      renameSync(abs, old);
    }
    try {
      claim(abs, target);
    } catch (e) {
      if (old) {
        const kept = `${abs}-previous-${Date.now()}`;
        renameSync(old, kept);
        throw new UserError(`${(e as Error).message}; the folder it would have replaced is kept as ${basename(kept)}`);
      }
      throw e;
    }
    try {
      renameSync(tmp, abs); // replaces only the empty folder just claimed
    } catch (e) {
      rmdirSync(abs);
      if (old) renameSync(old, abs);
      throw e;
    }
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    throw fsUserError(e, target);
  }
  return abs;
}

let sequence = 0;

/** Creates a fresh `.ratecycle-tmp-<name>-<pid>-<ms><seq>` folder (exclusive mkdir, never reused). */
function makeTemp(parent: string, name: string): string {
  for (;;) {
    const tmp = join(parent, `${TMP_PREFIX}${name}-${process.pid}-${Date.now()}${String(sequence++ % 1000).padStart(3, '0')}`);
    try {
      mkdirSync(tmp);
      return tmp;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Claims `abs` with an exclusive mkdir; fails clearly when something appeared there meanwhile. */
function claim(abs: string, label: string): void {
  try {
    mkdirSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(
        `${label} appeared while this run was writing (another run with the same ‹out›?); nothing was replaced: run again with another ‹out›`,
      );
    }
    throw e;
  }
}

/** Writes a file atomically (temp file in the same folder, then rename). */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fsUserError(e, path);
  }
}

/**
 * The folder of ratecycle's caches (parsed series, type-checked strategy files) and what they
 * share: where it is, making it, hashing files, writing an entry best effort. Where:
 * `RATECYCLE_CACHE` (a folder, or `off`, `false`, `0`, `no`, `none` in any case), else
 * `node_modules/.cache/ratecycle` of the nearest folder above the working folder that has a
 * `node_modules` (the convention of babel, eslint and ava), else no cache. A cache never fails a
 * command: an entry that cannot be read is recomputed, one that cannot be written is skipped.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** Values of RATECYCLE_CACHE that turn the caches off (any case). */
const OFF = new Set(['off', '0', 'false', 'no', 'none']);

const roots = new Map<string, string | null>();

/** Folders that could not be made (e.g. under /proc): no more attempts in this process. */
const unusable = new Set<string>();

/** The folder of one cache (`series`, `typecheck`), or null when there is none; looked up once per setting and working folder. */
export function cacheDir(name: string): string | null {
  const env = process.env.RATECYCLE_CACHE ?? '';
  const cwd = process.cwd();
  const memo = roots.get(env + '\0' + cwd);
  let root: string | null = memo === undefined ? null : memo;
  if (memo === undefined) {
    if (OFF.has(env.trim().toLowerCase())) root = null;
    else if (env) root = resolve(env);
    else
      for (let d = cwd; ; d = dirname(d)) {
        if (existsSync(join(d, 'node_modules'))) {
          root = join(d, 'node_modules', '.cache', 'ratecycle');
          break;
        }
        if (dirname(d) === d) break;
      }
    roots.set(env + '\0' + cwd, root);
  }
  return root === null ? null : join(root, name);
}

/**
 * Makes a folder and its missing parents one level at a time, each with a plain mkdir (Node's
 * recursive mkdir can loop forever where a parent refuses new folders with ENOENT, as /proc
 * does). Throws what the first failing mkdir throws.
 */
function makeFolder(d: string): void {
  const missing: string[] = [];
  for (let p = d; !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Entries this process wrote (names its temporary files apart). */
let writes = 0;

/** Entries kept: past this many, a write removes the least recently written down to {@link KEEP}. */
const MAX_ENTRIES = 256;
const KEEP = 192;

/**
 * Writes `name` into the cache folder `dir` through a temporary file renamed into place, then
 * bounds the folder (oldest entries first): past `limit.max` entries (default 256) it keeps the
 * `limit.keep` newest (default 192). Best effort: returns false when it could not.
 */
export function writeCacheEntry(
  dir: string,
  name: string,
  bytes: Uint8Array | string,
  limit: { max: number; keep: number } = { max: MAX_ENTRIES, keep: KEEP },
): boolean {
  if (unusable.has(dir)) return false;
  try {
    makeFolder(dir);
  } catch {
    unusable.add(dir);
    return false;
  }
  try {
    const tmp = join(dir, `${name}.${process.pid}.${++writes}.tmp`);
    writeFileSync(tmp, bytes);
    renameSync(tmp, join(dir, name));
    prune(dir, limit.max, limit.keep);
    return true;
  } catch {
    return false;
  }
}

/** Bounds the folder (entries of edited files, older versions and stray temporary files go first, oldest first). */
function prune(d: string, max: number, keep: number): void {
  const names = readdirSync(d);
  if (names.length <= max) return;
  const aged = names.map((n) => ({ n, t: statSync(join(d, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, aged.length - keep)) rmSync(join(d, n), { force: true });
}

/** SHA-256 of a file's bytes, read in chunks. Throws what reading throws. */
export function fileSha256(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

const stamps = new Map<string, string>();

/** Relative module specifiers of a source text: `import … from './x.js'`, `export … from`, `import './x.js'`, `import('./x.js')`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Relative paths of WebAssembly modules a source text names (`'./sweep.wasm'`): code too. */
const WASM = /['"](\.{1,2}\/[^'"]+\.wasm)['"]/g;

/**
 * A stamp of the code a cache entry was computed with: SHA-256 over `extra` and the text of the
 * module at `moduleUrl` and of every module it imports, transitively (relative imports only:
 * packages are the lock file's business), and the bytes of the WebAssembly modules they name by a
 * relative path. Running from the sources, `./x.js` names `./x.ts`.
 * So an entry computed by other code, however deep the change, is never found. Memoized per module.
 */
export function codeStamp(moduleUrl: string, extra = ''): string {
  const memo = stamps.get(moduleUrl + '\0' + extra);
  if (memo !== undefined) return memo;
  const h = createHash('sha256').update(extra);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      h.update(`\0missing ${path}`);
      return;
    }
    h.update(`\0${seen.size}\0`).update(text);
    const ts = path.endsWith('.ts');
    for (const m of text.matchAll(IMPORT)) visit(join(dirname(path), ts ? m[1].replace(/\.js$/, '.ts') : m[1]));
    for (const m of text.matchAll(WASM)) {
      const wasm = join(dirname(path), m[1]);
      if (!seen.has(wasm) && existsSync(wasm)) {
        seen.add(wasm);
        h.update(`\0wasm ${m[1]}\0`).update(readFileSync(wasm));
      }
    }
  };
  visit(fileURLToPath(moduleUrl));
  const stamp = h.digest('hex');
  stamps.set(moduleUrl + '\0' + extra, stamp);
  return stamp;
}

/** SHA-256 of some bytes, as 64 hex characters. */
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * A cache entry's bytes: `magic` (latin1), the SHA-256 of the payload (64 hex characters), then
 * the payload, `value` as `v8.serialize` writes it (typed arrays, NaN, −0 and undefined survive).
 */
export function sealEntry(magic: string, value: unknown): Buffer {
  const payload = serialize(value);
  return Buffer.concat([Buffer.from(magic + sha256(payload), 'latin1'), payload]);
}

/** The value of bytes written by {@link sealEntry} with `magic`, or null when they are not an intact entry (another magic, a checksum that does not match, a payload that does not deserialize). */
export function openEntry(bytes: Buffer, magic: string): unknown {
  try {
    const at = magic.length + 64;
    if (bytes.length < at || bytes.toString('latin1', 0, magic.length) !== magic) return null;
    const payload = bytes.subarray(at);
    if (sha256(payload) !== bytes.toString('latin1', magic.length, at)) return null;
    return deserialize(payload);
  } catch {
    return null;
  }
}

/** The value of entry `name` in the cache folder `dir` (see {@link openEntry}), or null when there is none or it cannot be read. */
export function readCacheEntry(dir: string, name: string, magic: string): unknown {
  try {
    return openEntry(readFileSync(join(dir, name)), magic);
  } catch {
    return null; // none yet, or unreadable
  }
}

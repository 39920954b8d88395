/**
 * A cache of parsed series: the typed arrays loadSeries makes from a CSV file, kept in a binary
 * file so that a command does not parse an unchanged data file again (parsing is most of a
 * market's loading time: ≈ 0.2 s for the shipped daily universe). An entry is found by a key
 * over the file's bytes (SHA-256), its catalog entry (column, kind, publication rule: what the
 * validation depends on), the package version and the loader's own code, so any change to
 * either misses and parses afresh; only files that parsed without error are stored, and the
 * folder keeps at most 256 entries (the oldest go first). Where:
 * `RATECYCLE_CACHE` (a folder, or `off`, `false`, `0`, `no`, `none` in any case), else `node_modules/.cache/ratecycle` of the nearest
 * folder above the working folder that has a `node_modules` (the convention of babel, eslint
 * and ava), else no cache. Reading or writing it never fails a command: a missing, unreadable
 * or damaged entry (each holds the SHA-256 of its columns) is parsed again, and a write goes to
 * a temporary file renamed into place.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../../core/paths.js';

/** What a cache entry holds: the parsed columns and the file's hash (the plausibility warnings are recomputed: they name the file as the working folder sees it). */
export interface CachedSeries {
  dates: Int32Array;
  values: Float64Array;
  published?: Int32Array;
  hash: string;
}

/** Layout version of the entries (bump when it changes). */
const FORMAT = 2;

/** Entry files start with these bytes. */
const MAGIC = 'RCS1';

const dirs = new Map<string, string | null>();

/** Values of RATECYCLE_CACHE that turn the cache off (any case). */
const OFF = new Set(['off', '0', 'false', 'no', 'none']);

/** Folders that could not be made (e.g. under /proc): no more attempts in this process. */
const unusable = new Set<string>();

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

/** The cache folder, or null when there is none (see the file's comment); looked up once per setting and working folder. */
export function seriesCacheDir(): string | null {
  const env = process.env.RATECYCLE_CACHE ?? '';
  const cwd = process.cwd();
  const memo = dirs.get(env + '\0' + cwd);
  if (memo !== undefined) return memo;
  let dir: string | null = null;
  if (OFF.has(env.trim().toLowerCase())) dir = null;
  else if (env) dir = join(resolve(env), 'series');
  else
    for (let d = cwd; ; d = dirname(d)) {
      if (existsSync(join(d, 'node_modules'))) {
        dir = join(d, 'node_modules', '.cache', 'ratecycle', 'series');
        break;
      }
      if (dirname(d) === d) break;
    }
  dirs.set(env + '\0' + cwd, dir);
  return dir;
}

let stamp: string | undefined;

/** The loader's version: the package version and a hash of the code that parses and checks a series (the same code keeps its entries across builds). */
function loaderStamp(): string {
  if (stamp !== undefined) return stamp;
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const h = createHash('sha256').update(packageVersion());
  for (const f of ['load-series', 'read-csv', 'parse-number', 'plausibility', 'series-cache', '../../core/dates']) {
    const path = join(here, f + ext);
    h.update(existsSync(path) ? readFileSync(path) : f);
  }
  return (stamp = h.digest('hex'));
}

/** SHA-256 of a file's bytes, read in chunks. Throws what reading throws. */
export function fileSha256(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** SHA-256 of some bytes, hex. */
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The cache key of a file with this content hash, read by this catalog entry. */
export function seriesKey(fileHash: string, entry: unknown): string {
  return createHash('sha256').update(JSON.stringify([FORMAT, loaderStamp(), entry, fileHash])).digest('hex');
}

/** The entry of `key`, or null (none, no cache, or unreadable: the caller parses). */
export function readCachedSeries(key: string): CachedSeries | null {
  const d = seriesCacheDir();
  if (d === null) return null;
  try {
    const bytes = readFileSync(join(d, key + '.bin'));
    if (bytes.toString('latin1', 0, 4) !== MAGIC) return null;
    const metaLength = bytes.readUInt32LE(4);
    const meta = JSON.parse(bytes.toString('utf8', 8, 8 + metaLength)) as { n: number; published: boolean; hash: string; sum: string };
    const n = meta.n;
    let at = 8 + metaLength;
    at += (8 - (at % 8)) % 8;
    const need = at + n * 8 + n * 4 * (meta.published ? 2 : 1);
    if (bytes.length !== need || sha256(bytes.subarray(at)) !== meta.sum) return null; // a damaged entry is parsed again
    const copy = (len: number) => {
      const out = new Uint8Array(len);
      out.set(bytes.subarray(at, at + len));
      at += len;
      return out.buffer;
    };
    const values = new Float64Array(copy(n * 8));
    const dates = new Int32Array(copy(n * 4));
    const published = meta.published ? new Int32Array(copy(n * 4)) : undefined;
    return { dates, values, ...(published ? { published } : {}), hash: meta.hash };
  } catch {
    return null;
  }
}

/** Entries this process wrote (names its temporary files apart). */
let writes = 0;

/** Stores an entry (best effort: a cache that cannot be written is skipped). */
export function writeCachedSeries(key: string, s: CachedSeries): void {
  const d = seriesCacheDir();
  if (d === null || unusable.has(d)) return;
  try {
    const columns = [s.values, s.dates, ...(s.published ? [s.published] : [])].map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    const payload = Buffer.concat(columns);
    const meta = Buffer.from(JSON.stringify({ n: s.dates.length, published: s.published !== undefined, hash: s.hash, sum: sha256(payload) }), 'utf8');
    const head = 8 + meta.length;
    const pad = (8 - (head % 8)) % 8;
    const parts = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), meta, Buffer.alloc(pad), payload];
    parts[1].writeUInt32LE(meta.length, 0);
    try {
      makeFolder(d);
    } catch {
      unusable.add(d);
      return;
    }
    const tmp = join(d, `${key}.${process.pid}.${++writes}.tmp`);
    writeFileSync(tmp, Buffer.concat(parts));
    renameSync(tmp, join(d, key + '.bin'));
    prune(d);
  } catch {
    // no cache this time
  }
}

/** Entries kept: past this many, a write removes the least recently written down to {@link KEEP}. */
const MAX_ENTRIES = 256;
const KEEP = 192;

/** Bounds the folder (entries of edited files, older versions and stray temporary files go first, oldest first). */
function prune(d: string): void {
  const names = readdirSync(d);
  if (names.length <= MAX_ENTRIES) return;
  const aged = names.map((n) => ({ n, t: statSync(join(d, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, aged.length - KEEP)) rmSync(join(d, n), { force: true });
}

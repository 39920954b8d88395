/**
 * A cache of parsed series: the typed arrays loadSeries makes from a CSV file, kept in a binary
 * file so that a command does not parse an unchanged data file again (parsing is most of a
 * market's loading time: ≈ 0.2 s for the shipped daily universe). An entry is found by a key
 * over the file's bytes (SHA-256), its catalog entry (column, kind, publication rule: what the
 * validation depends on), the package version and the loader's own code, so any change to
 * either misses and parses afresh; only files that parsed without error are stored, and the
 * folder keeps at most 256 entries (the oldest go first). Where: the `series` folder of
 * {@link cacheDir}. Reading or writing it never fails a command: a missing, unreadable or
 * damaged entry (each holds the SHA-256 of its columns) is parsed again, and a write goes to a
 * temporary file renamed into place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, writeCacheEntry } from '../../core/io/cache-dir.js';
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

/** The series cache folder, or null when there is none (see {@link cacheDir}). */
export function seriesCacheDir(): string | null {
  return cacheDir('series');
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

/** Stores an entry (best effort: a cache that cannot be written is skipped). */
export function writeCachedSeries(key: string, s: CachedSeries): void {
  const d = seriesCacheDir();
  if (d === null) return;
  const columns = [s.values, s.dates, ...(s.published ? [s.published] : [])].map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  const payload = Buffer.concat(columns);
  const meta = Buffer.from(JSON.stringify({ n: s.dates.length, published: s.published !== undefined, hash: s.hash, sum: sha256(payload) }), 'utf8');
  const head = 8 + meta.length;
  const pad = (8 - (head % 8)) % 8;
  const parts = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), meta, Buffer.alloc(pad), payload];
  parts[1].writeUInt32LE(meta.length, 0);
  writeCacheEntry(d, key + '.bin', Buffer.concat(parts));
}

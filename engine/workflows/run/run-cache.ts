/**
 * The run cache: a market's own columns of a run folder (see marketColumns), kept as their CSV
 * text so that another run on the same data — any strategy, parameters, lag, costs or schedule —
 * formats only its strategy's cells. About half of a daily run's cells are the market's.
 *
 * Where: the `run` folder of {@link cacheDir} (beside the parsed-series cache; `RATECYCLE_CACHE=off`
 * turns both off), at most 16 entries (the least recently written go first). The key is a SHA-256
 * over everything the columns are computed from: every value of the market they read (dates,
 * each asset's returns, cash, the benchmark's returns, the Fed's rate, phase and cycle ids), the
 * universe's roles, frequency and bars per year, the data files' hashes, the benchmark named, and
 * the code that computes and stores them (this module and marketColumns with every module they
 * import, and the package version). A changed data file, date range, benchmark or build therefore
 * never finds an old entry. Each entry holds the SHA-256 of its payload: a damaged one is computed
 * again; reading or writing the cache never fails a run.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, codeStamp, writeCacheEntry } from '../../core/io/cache-dir.js';
import { packageVersion } from '../../core/paths.js';
import type { Market } from '../../core/types.js';
import { costlyColumns, withCheapColumns, type MarketColumns } from './market-columns.js';

/** Layout version of the entries (bump when it changes). */
const FORMAT = 1;

/** Entry files start with these bytes. */
const MAGIC = 'RCM1';

/** Entries kept: a daily market's columns take 3–9 MB (two or three assets). */
const LIMIT = { max: 16, keep: 12 };

/** The run cache folder, or null when there is none (see {@link cacheDir}). */
export function runCacheDir(): string | null {
  return cacheDir('run');
}

/** The key of a market's columns with this benchmark (see the module's comment). */
export function marketColumnsKey(market: Market, benchmark: string, benchmarkReturns: Float64Array): string {
  const h = createHash('sha256');
  const bytes = (a: ArrayBufferView) => h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  h.update(
    JSON.stringify([
      FORMAT,
      codeStamp(import.meta.url, packageVersion()),
      market.universe,
      market.frequency,
      market.periodsPerYear,
      market.assets,
      market.small,
      market.large,
      market.bonds ?? null,
      market.dataHashes,
      benchmark,
      market.dates.length,
    ]),
  );
  bytes(market.dates);
  for (const a of market.assets) bytes(market.returns[a]);
  bytes(market.cash);
  bytes(benchmarkReturns);
  bytes(market.fed.policyRate);
  bytes(market.fed.phase);
  bytes(market.fed.cycleId);
  return h.digest('hex');
}

/** SHA-256 of some bytes, hex. */
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** An entry's bytes: MAGIC, the metadata's length (u32 LE), the metadata (JSON), padding to 8 bytes, the number arrays, then the text columns. */
export function encodeMarketColumns(mc: MarketColumns): Buffer | undefined {
  const arrays = [...mc.values];
  const texts: [string, string][] = [];
  for (const [name, cells] of mc.cells) {
    for (const c of cells) if (c.includes('\n')) return undefined; // one cell per line: never the case for numbers, dates and labels
    texts.push([name, cells.join('\n')]);
  }
  const textBytes = texts.map(([, t]) => Buffer.from(t, 'utf8'));
  const payload = Buffer.concat([...arrays.map(([, a]) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), ...textBytes]);
  const meta = Buffer.from(
    JSON.stringify({
      arrays: arrays.map(([name, a]) => [name, a.length]),
      texts: texts.map(([name], i) => [name, textBytes[i].length, mc.cells.get(name)!.length]),
      sum: sha256(payload),
    }),
    'utf8',
  );
  const head = 8 + meta.length;
  const pad = (8 - (head % 8)) % 8;
  const parts = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), meta, Buffer.alloc(pad), payload];
  parts[1].writeUInt32LE(meta.length, 0);
  return Buffer.concat(parts);
}

/** The columns of an entry's bytes, or null when they are not an intact entry. */
export function decodeMarketColumns(bytes: Buffer): MarketColumns | null {
  try {
    if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) return null;
    const metaLength = bytes.readUInt32LE(4);
    const meta = JSON.parse(bytes.toString('utf8', 8, 8 + metaLength)) as { arrays: [string, number][]; texts: [string, number, number][]; sum: string };
    let at = 8 + metaLength;
    at += (8 - (at % 8)) % 8;
    const need = at + meta.arrays.reduce((s, [, n]) => s + n * 8, 0) + meta.texts.reduce((s, [, n]) => s + n, 0);
    if (bytes.length !== need || sha256(bytes.subarray(at)) !== meta.sum) return null;
    const values = new Map<string, Float64Array>();
    for (const [name, n] of meta.arrays) {
      const a = new Float64Array(n);
      new Uint8Array(a.buffer).set(bytes.subarray(at, at + n * 8));
      values.set(name, a);
      at += n * 8;
    }
    const cells = new Map<string, string[]>();
    for (const [name, length, count] of meta.texts) {
      const c = count === 0 ? [] : bytes.toString('utf8', at, at + length).split('\n');
      if (c.length !== count) return null;
      cells.set(name, c);
      at += length;
    }
    return { cells, values };
  } catch {
    return null;
  }
}

/**
 * The market's own columns of a run with this benchmark (see marketColumns): the costly ones
 * from the run cache when an entry has them, else computed and stored for the next run.
 */
export function cachedMarketColumns(market: Market, benchmark: string, benchmarkReturns: Float64Array): MarketColumns {
  const dir = runCacheDir();
  if (dir === null) return withCheapColumns(costlyColumns(market, benchmarkReturns), market, benchmarkReturns);
  const key = marketColumnsKey(market, benchmark, benchmarkReturns);
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(join(dir, key + '.bin'));
  } catch {
    bytes = undefined; // none yet (or unreadable): computed below
  }
  let mc = bytes === undefined ? null : decodeMarketColumns(bytes);
  if (!mc) {
    mc = costlyColumns(market, benchmarkReturns);
    const entry = encodeMarketColumns(mc);
    if (entry) writeCacheEntry(dir, key + '.bin', entry, LIMIT);
  }
  return withCheapColumns(mc, market, benchmarkReturns);
}

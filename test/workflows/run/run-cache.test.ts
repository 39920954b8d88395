/**
 * The run cache (engine/workflows/run/run-cache.ts): a market's own columns of a run folder come
 * back from an entry exactly as computed (the benchmark's cells are the large asset's own when it
 * is the benchmark); a run folder written from the cache is byte for byte the
 * one written without it (report included); a changed data file, date range or benchmark never
 * reuses an entry of other data; a damaged entry is computed again; `RATECYCLE_CACHE=off` writes
 * nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedDataDir } from '../../../engine/core/paths.js';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { benchmarkReturns, withBenchmark } from '../../../engine/market/benchmark-series.js';
import { simOptions } from '../../../engine/index.js';
import { costlyColumns, marketColumns } from '../../../engine/workflows/run/market-columns.js';
import { cachedMarketColumns, decodeMarketColumns, encodeMarketColumns, marketColumnsKey, runCacheDir } from '../../../engine/workflows/run/run-cache.js';
import { runToFolder } from '../../../engine/workflows/run/run-to-folder.js';
import { startStudiesThread } from '../../../engine/workflows/run/studies-thread.js';
import { builtin } from '../../../strategies/index.js';
import type { Market } from '../../../engine/core/types.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const saved = process.env.RATECYCLE_CACHE;
afterEach(() => {
  if (saved === undefined) delete process.env.RATECYCLE_CACHE;
  else process.env.RATECYCLE_CACHE = saved;
});

/** A cache folder of its own for this test; its run entries. */
function cache() {
  const dir = tmp('ratecycle-run-cache-');
  process.env.RATECYCLE_CACHE = dir;
  return { dir, entries: () => (existsSync(join(dir, 'run')) ? readdirSync(join(dir, 'run')) : []) };
}

/** A copy of the shipped data folder (to change a file in). */
function dataCopy(): string {
  const d = join(tmp('ratecycle-run-cache-data-'), 'data');
  cpSync(shippedDataDir(), d, { recursive: true });
  return d;
}

/** Every file of a folder, by name. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );
}

const strategy = builtin('first-cut-rotation')!;
const params = { months: 12, every_cut: false, otherwise: 'large' };

/** A run folder of first-cut-rotation on `market`, written on this thread. */
async function folder(market: Market, dataDir: string, options: { report?: boolean; benchmark?: string } = {}): Promise<Record<string, string>> {
  const out = join(tmp('ratecycle-run-cache-out-'), 'run');
  await runToFolder({
    strategy,
    params,
    market,
    options: { sim: simOptions(market), benchmark: options.benchmark },
    out,
    dataDir,
    report: options.report ?? false,
    studiesThread: startStudiesThread({ inThread: true }),
  });
  return files(out);
}

describe('run cache', () => {
  it('an entry gives back the columns as computed; a damaged one is computed again', () => {
    const c = cache();
    const market = buildMarket(loadCatalog(), { universe: 'russell-bonds', from: '2015-01-01' });
    const bench = benchmarkReturns(market, 'large');
    const computed = marketColumns(market, bench);
    expect(decodeMarketColumns(encodeMarketColumns(computed)!)).toEqual(computed);
    // text beyond ASCII comes back as written too; a cell with a line break is not kept
    const odd = {
      cells: new Map([
        ['x', ['a', 'é − ü', '', '1e-7']],
        ['empty', []],
      ]),
      values: new Map([['v', Float64Array.of(NaN, -0, 1.5)]]),
    };
    expect(decodeMarketColumns(encodeMarketColumns(odd)!)).toEqual(odd);
    expect(encodeMarketColumns({ cells: new Map([['x', ['a\nb']]]), values: new Map() })).toBeUndefined();
    expect(cachedMarketColumns(market, 'large', bench)).toEqual(computed); // a miss: computed and stored
    expect(c.entries()).toHaveLength(1);
    expect(cachedMarketColumns(market, 'large', bench)).toEqual(computed); // a hit
    expect(computed.cells.get('benchmark')).toBe(computed.cells.get(`return:${market.large}`));
    const file = join(runCacheDir()!, c.entries()[0]);
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] ^= 1;
    writeFileSync(file, bytes);
    expect(decodeMarketColumns(bytes)).toBeNull();
    expect(cachedMarketColumns(market, 'large', bench)).toEqual(computed);
    // written again: the columns worth keeping (the dates and the columns of few values are written each time)
    expect(decodeMarketColumns(readFileSync(file))).toEqual(costlyColumns(market, bench));
    expect([...costlyColumns(market, bench).cells.keys()]).not.toContain('date');
    expect(decodeMarketColumns(bytes.subarray(0, 50))).toBeNull();
  });

  it('a run folder from the cache is the run folder without it, byte for byte (report included)', async () => {
    const c = cache();
    const market = buildMarket(loadCatalog(), { universe: 'russell', from: '2010-01-01' });
    const first = await folder(market, 'data', { report: true });
    expect(c.entries()).toHaveLength(1);
    const second = await folder(market, 'data', { report: true });
    process.env.RATECYCLE_CACHE = 'off';
    const none = await folder(market, 'data', { report: true });
    expect(Object.keys(first)).toContain('report.html');
    expect(second).toEqual(first);
    expect(none).toEqual(first);
  });

  it('a changed data file, date range or benchmark never reuses an entry of other data', async () => {
    const c = cache();
    const data = dataCopy();
    const ff = (from = '1990-01-01') => buildMarket(loadCatalog(data), { universe: 'ff', from });
    const before = await folder(ff(), data);
    expect(c.entries()).toHaveLength(1);
    // one monthly return of small caps changed in the data file
    const path = join(data, 'ff_size_vw.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    const row = lines.findIndex((l) => l.startsWith('2001-03-31,'));
    const cells = lines[row].split(',');
    cells[1] = String(Number(cells[1]) + 0.01);
    lines[row] = cells.join(',');
    writeFileSync(path, lines.join('\n'));
    const changed = ff();
    const after = await folder(changed, data);
    expect(c.entries()).toHaveLength(2);
    expect(after['returns.csv']).not.toBe(before['returns.csv']);
    expect(after['buy-hold.csv']).not.toBe(before['buy-hold.csv']);
    // what the changed data gives without any cache
    process.env.RATECYCLE_CACHE = 'off';
    expect(await folder(ff(), data)).toEqual(after);
    process.env.RATECYCLE_CACHE = c.dir;
    // another start date, another benchmark: other entries, the folders of their own data
    const later = await folder(ff('2000-01-01'), data);
    const small = await folder(changed, data, { benchmark: 'small' });
    expect(c.entries()).toHaveLength(4);
    process.env.RATECYCLE_CACHE = 'off';
    expect(await folder(ff('2000-01-01'), data)).toEqual(later);
    expect(await folder(changed, data, { benchmark: 'small' })).toEqual(small);
  });

  it('the key reads every value the columns are computed from', () => {
    cache();
    const catalog = loadCatalog();
    const market = withBenchmark(catalog, buildMarket(catalog, { universe: 'etf', from: '2015-01-01', to: '2023-12-31', series: ['spy'] }), 'spy');
    const key = (m: Market, b = 'large') => marketColumnsKey(m, b, benchmarkReturns(m, b));
    const base = key(market);
    expect(key(buildMarket(catalog, { universe: 'etf', from: '2015-01-01', to: '2023-12-31', series: ['spy'] }))).toBe(base);
    expect(key(market, 'small')).not.toBe(base);
    expect(key(market, 'spy')).not.toBe(base);
    const nudged = (f: (m: Market) => void) => {
      const m = structuredClone(market);
      f(m);
      return key(m);
    };
    expect(nudged((m) => (m.returns[m.small][100] += 1e-12))).not.toBe(base);
    expect(nudged((m) => (m.cash[7] += 1e-12))).not.toBe(base);
    expect(nudged((m) => (m.dates[m.dates.length - 1] += 1))).not.toBe(base);
    expect(nudged((m) => (m.fed.policyRate[50] += 0.25))).not.toBe(base);
    expect(nudged((m) => (m.fed.phase[50] = (m.fed.phase[50] + 1) % 3))).not.toBe(base);
    expect(nudged((m) => (m.fed.cycleId[50] += 1))).not.toBe(base);
    expect(nudged((m) => (m.dataHashes = { ...m.dataHashes, 'iwm.csv': 'x' }))).not.toBe(base);
    expect(nudged((m) => ([m.small, m.large] = [m.large, m.small]))).not.toBe(base);
  });

  it('RATECYCLE_CACHE=off writes nothing', () => {
    const c = cache();
    process.env.RATECYCLE_CACHE = 'off';
    const market = buildMarket(loadCatalog(), { universe: 'ff', from: '2000-01-01' });
    expect(runCacheDir()).toBeNull();
    expect(cachedMarketColumns(market, 'large', benchmarkReturns(market, 'large'))).toEqual(marketColumns(market, benchmarkReturns(market, 'large')));
    expect(readdirSync(c.dir)).toEqual([]);
  });
});

/**
 * The parsed-series cache (engine/market/data/series-cache.ts): a second load of an unchanged file
 * comes from the cache with the same columns, hash and warnings; a changed file, a changed
 * catalog entry or a damaged entry parses afresh; a malformed file still fails with its line
 * and column; `RATECYCLE_CACHE=off` writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { readCachedSeries, seriesCacheDir, seriesKey, writeCachedSeries } from '../../../engine/market/data/series-cache.js';
import { fileSha256 } from '../../../engine/core/io/cache-dir.js';
import { shippedDataDir } from '../../../engine/core/paths.js';
import type { CatalogEntry } from '../../../engine/core/types.js';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
const saved = process.env.RATECYCLE_CACHE;
afterEach(() => {
  if (saved === undefined) delete process.env.RATECYCLE_CACHE;
  else process.env.RATECYCLE_CACHE = saved;
});

const ism: CatalogEntry = { id: 'ism_pmi', file: 'ism_pmi.csv', column: 'value', kind: 'indicator', frequency: 'monthly', units: 'index', publication: { rule: 'column', column: 'published' }, source: 'test', maxStaleDays: 70, description: 'test' } as CatalogEntry;
const rut: CatalogEntry = { id: 'rut', file: 'rut.csv', column: 'close', kind: 'price', frequency: 'daily', units: 'index points', publication: { rule: 'close' }, source: 'test', maxStaleDays: 10, description: 'test' } as CatalogEntry;

/** A data folder with copies of shipped files, and a cache folder of its own. */
function setup(files: string[]) {
  const data = tmp('ratecycle-cache-data-');
  for (const f of files) copyFileSync(join(shippedDataDir(), f), join(data, f));
  const cache = tmp('ratecycle-cache-');
  process.env.RATECYCLE_CACHE = cache;
  return { data, cache, entries: () => readdirSync(join(cache, 'series')) };
}

describe('parsed-series cache', () => {
  it('a second load of an unchanged file is served from the cache: the same columns, hash and publication dates', () => {
    const { data, entries } = setup(['ism_pmi.csv']);
    const first = loadSeries(ism, data);
    expect(entries()).toHaveLength(1);
    const second = loadSeries(ism, data);
    expect(bytes(second.dates)).toBe(bytes(first.dates));
    expect(bytes(second.values)).toBe(bytes(first.values));
    expect(bytes(second.published!)).toBe(bytes(first.published!));
    expect(second.hash).toBe(first.hash);
    expect(second.hash).toBe(fileSha256(join(data, 'ism_pmi.csv')));
  });

  it('the cache is what a hit returns (an entry planted under the key is used), and a damaged one is parsed again', () => {
    const { data, cache } = setup(['rut.csv']);
    const real = loadSeries(rut, data);
    const key = seriesKey(fileSha256(join(data, 'rut.csv')), rut);
    const planted = Float64Array.from(real.values, (v) => v * 2);
    writeCachedSeries(key, { dates: real.dates, values: planted, hash: real.hash });
    expect(loadSeries(rut, data).values[5]).toBe(real.values[5] * 2);
    // one byte of a column flipped: its checksum no longer matches, so it is not used
    const file = join(cache, 'series', key + '.bin');
    const flipped = readFileSync(file);
    flipped[flipped.length - 3] ^= 1;
    writeFileSync(file, flipped);
    expect(readCachedSeries(key)).toBeNull();
    expect(bytes(loadSeries(rut, data).values)).toBe(bytes(real.values));
    // truncated: not an entry any more, so the file is parsed (and the entry written again)
    writeFileSync(file, readFileSync(file).subarray(0, 100));
    expect(readCachedSeries(key)).toBeNull();
    expect(bytes(loadSeries(rut, data).values)).toBe(bytes(real.values));
    expect(readCachedSeries(key)).not.toBeNull();
  });

  it('a changed file or a changed catalog entry misses; a malformed file still names its line and column', () => {
    const { data, entries } = setup(['rut.csv']);
    const a = loadSeries(rut, data);
    const path = join(data, 'rut.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[3] = lines[3].replace(/,.*/, ',1234.5');
    writeFileSync(path, lines.join('\n'));
    const b = loadSeries(rut, data);
    expect(b.values[2]).toBe(1234.5);
    expect(b.values[1]).toBe(a.values[1]);
    loadSeries({ ...rut, maxStaleDays: 11 }, data);
    expect(entries()).toHaveLength(3);
    lines[3] = lines[3].replace(/,.*/, ',12x');
    writeFileSync(path, lines.join('\n'));
    expect(() => loadSeries(rut, data)).toThrow(/rut\.csv:4: column "close": "12x" is not a number/);
  });

  it('keeps at most 256 entries: past that, a write removes the oldest down to 192', () => {
    const { entries } = setup([]);
    const tiny = { dates: Int32Array.of(1, 2), values: Float64Array.of(1, 2), hash: 'x' };
    for (let i = 0; i < 256; i++) writeCachedSeries(`k${String(i).padStart(3, '0')}`, tiny);
    expect(entries()).toHaveLength(256);
    writeCachedSeries('newest', tiny);
    const kept = entries();
    expect(kept).toHaveLength(192);
    expect(kept).toContain('newest.bin');
    expect(readCachedSeries('newest')).not.toBeNull();
  });

  it('RATECYCLE_CACHE=off: nothing is written and the file is parsed each time', () => {
    const { data, cache } = setup(['rut.csv']);
    process.env.RATECYCLE_CACHE = 'off';
    const a = loadSeries(rut, data);
    expect(bytes(loadSeries(rut, data).values)).toBe(bytes(a.values));
    expect(readdirSync(cache)).toEqual([]);
  });
});

describe('RATECYCLE_CACHE settings a user can get wrong', () => {
  it('off in any case turns the cache off without making a folder; a folder that cannot be made (/proc) is skipped at once', () => {
    const before = process.env.RATECYCLE_CACHE;
    try {
      for (const v of ['OFF', 'false', 'No', 'none', '0']) {
        process.env.RATECYCLE_CACHE = v;
        expect(seriesCacheDir(), v).toBeNull();
      }
      process.env.RATECYCLE_CACHE = '/proc/ratecycle-cache';
      const t = Date.now();
      writeCachedSeries('k', { dates: Int32Array.of(1), values: Float64Array.of(1), hash: 'h' });
      writeCachedSeries('k', { dates: Int32Array.of(1), values: Float64Array.of(1), hash: 'h' });
      expect(Date.now() - t).toBeLessThan(5_000); // returned, no endless mkdir
    } finally {
      if (before === undefined) delete process.env.RATECYCLE_CACHE;
      else process.env.RATECYCLE_CACHE = before;
    }
  });
});

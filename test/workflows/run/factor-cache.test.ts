/**
 * The factor cache (engine/workflows/run/factor-cache.ts): an attribution built from the cached
 * fits of small and large caps (and bonds) of another strategy's run is factorAttribution's own,
 * bit for bit, on monthly and daily universes and one with bonds; other factor values, cash, phases
 * or series never use an entry of other data, the strategy's returns are not in the key; a damaged
 * entry is computed again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { factorAttribution } from '../../../engine/measure/analytics/factor-attribution.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { backtestSimulation } from '../../../engine/workflows/run/backtest.js';
import { cachedFactorAttribution, decodeFactorFits, factorCacheDir, factorFitsKey } from '../../../engine/workflows/run/factor-cache.js';
import { factorAttributionInput, loadFactorData } from '../../../engine/workflows/run/factor-files.js';
import { builtin } from '../../../strategies/index.js';
import type { Market } from '../../../engine/core/types.js';

const saved = process.env.RATECYCLE_CACHE;
afterEach(() => {
  if (saved === undefined) delete process.env.RATECYCLE_CACHE;
  else process.env.RATECYCLE_CACHE = saved;
});

const catalog = loadCatalog();

/** The attribution input of a built-in with its default parameters (or `params`) on `market`. */
function input(market: Market, id: string, params: Record<string, unknown> = {}) {
  const s = builtin(id)!;
  const p = { ...Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, v.default])), ...params };
  const run = backtestSimulation(s, p, market, { sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear } });
  return factorAttributionInput(run, loadFactorData(catalog, market.frequency)!);
}

describe('factor cache', () => {
  it("another strategy's cached fits give factorAttribution's result, bit for bit", () => {
    process.env.RATECYCLE_CACHE = mkdtempSync(join(tmpdir(), 'ratecycle-factor-cache-'));
    for (const market of [
      buildMarket(catalog, { universe: 'ff', from: '1970-01-01' }),
      buildMarket(catalog, { universe: 'russell-bonds', from: '2005-01-01', to: '2015-12-31' }),
    ]) {
      const first = input(market, 'buy-hold');
      expect(cachedFactorAttribution(first)).toEqual(factorAttribution(first)); // a miss: computed, stored
      for (const [id, params] of [
        ['first-cut-rotation', {}],
        ['fixed-mix', { small: 0.3, large: 0.2 }],
      ] as const) {
        const other = input(market, id, params);
        expect(factorFitsKey(other)).toBe(factorFitsKey(first));
        // toEqual compares numbers with Object.is (NaN equals NaN, +0 differs from −0)
        expect(cachedFactorAttribution(other), `${market.universe} ${id}`).toEqual(factorAttribution(other));
      }
    }
    expect(readdirSync(factorCacheDir()!)).toHaveLength(2);
  });

  it('other data never finds the entry; a damaged entry is computed again', () => {
    process.env.RATECYCLE_CACHE = mkdtempSync(join(tmpdir(), 'ratecycle-factor-cache-'));
    const a = input(buildMarket(catalog, { universe: 'russell', from: '2015-01-01' }), 'first-cut-rotation');
    const bump = (x: ArrayLike<number>, t: number) => Float64Array.from(x, (v, i) => (i === t ? v + 1e-9 : v));
    const keys = new Set([
      factorFitsKey(a),
      factorFitsKey({ ...a, cash: bump(a.cash, 500) }),
      factorFitsKey({ ...a, phase: Int8Array.from(a.phase, (p, i) => (i === 500 ? (p + 1) % 3 : p)) }),
      factorFitsKey({ ...a, series: [a.series[0], a.series[1], { ...a.series[2], returns: bump(a.series[2].returns, 7) }] }),
      factorFitsKey({ ...a, factors: a.factors.map((f, k) => (k === 2 ? { ...f, values: bump(f.values, 100) } : f)) }),
      factorFitsKey({ ...a, factors: a.factors.map((f, k) => (k === 2 ? { ...f, dates: Int32Array.from(f.dates, (d, i) => (i === 0 ? d - 1 : d)) } : f)) }),
      factorFitsKey({ ...a, window: 24 }),
    ]);
    expect(keys.size).toBe(7);
    expect(factorFitsKey({ ...a, series: [{ ...a.series[0], returns: bump(a.series[0].returns, 9) }, ...a.series.slice(1)] })).toBe(factorFitsKey(a));
    const full = factorAttribution(a);
    expect(cachedFactorAttribution(a)).toEqual(full);
    const file = join(factorCacheDir()!, readdirSync(factorCacheDir()!)[0]);
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] ^= 1;
    writeFileSync(file, bytes);
    expect(decodeFactorFits(bytes)).toBeNull();
    expect(cachedFactorAttribution(a)).toEqual(full);
    expect(decodeFactorFits(readFileSync(file))).not.toBeNull();
  });
});

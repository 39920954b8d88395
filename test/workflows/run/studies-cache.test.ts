/**
 * The studies cache (engine/workflows/run/studies-cache.ts): studies built from the cached
 * strategy-independent parts of another strategy's run are computeStudies' own, bit for bit, for
 * strategies, universes (with bonds, monthly, daily) and event kinds; other data, another start
 * date or other event kinds never use an entry of other data; a damaged entry is computed again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { backtestSimulation, studyInput } from '../../../engine/workflows/run/backtest.js';
import { computeStudies, studiesWithMarketParts, type StudyInput } from '../../../engine/workflows/run/studies.js';
import { cachedStudies, decodeMarketStudies, encodeMarketStudies, studiesCacheDir, studiesKey } from '../../../engine/workflows/run/studies-cache.js';
import { builtin } from '../../../strategies/index.js';
import type { Market } from '../../../engine/core/types.js';

const saved = process.env.RATECYCLE_CACHE;
afterEach(() => {
  if (saved === undefined) delete process.env.RATECYCLE_CACHE;
  else process.env.RATECYCLE_CACHE = saved;
});

const catalog = loadCatalog();

/** The study input of a built-in with its default parameters (or `params`) on `market`. */
function input(market: Market, id: string, events: StudyInput['events'] = [], params: Record<string, unknown> = {}): StudyInput {
  const s = builtin(id)!;
  const p = { ...Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, v.default])), ...params };
  const run = backtestSimulation(s, p, market, { sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear } });
  return studyInput(run, { events });
}

describe('studies cache', () => {
  it("another strategy's parts give computeStudies' result, bit for bit", () => {
    const cases: [Market, StudyInput['events']][] = [
      [buildMarket(catalog, { universe: 'russell-bonds', from: '1995-01-01' }), ['cut', 'hike']],
      [buildMarket(catalog, { universe: 'ff', from: '1960-01-01' }), []],
      [buildMarket(catalog, { universe: 'russell', from: '2005-01-01', to: '2020-12-31' }), ['hike']],
    ];
    for (const [market, events] of cases) {
      const parts = computeStudies(input(market, 'buy-hold', events));
      for (const [id, params] of [
        ['first-cut-rotation', {}],
        ['fed-regime', {}],
        ['fixed-mix', { small: 0.3, large: 0.2 }],
        ['buy-hold', { asset: 'large' }],
      ] as const) {
        const other = input(market, id, events, params);
        // toEqual compares numbers with Object.is (NaN equals NaN, +0 differs from −0)
        expect(studiesWithMarketParts(other, parts), `${market.universe} ${id} ${events.join(',')}`).toEqual(computeStudies(other));
      }
    }
  });

  it('a second run on the same data takes the parts from the cache; other data, dates or event kinds do not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-studies-cache-'));
    process.env.RATECYCLE_CACHE = dir;
    const entries = () => readdirSync(join(dir, 'studies'));
    const market = buildMarket(catalog, { universe: 'ff', from: '1990-01-01' });
    const a = input(market, 'first-cut-rotation');
    expect(cachedStudies(a)).toEqual(computeStudies(a));
    expect(entries()).toHaveLength(1);
    // an entry planted under the key is what a hit uses
    const file = join(studiesCacheDir()!, entries()[0]);
    const planted = computeStudies(a);
    planted.eventPath = { ...planted.eventPath, mean: planted.eventPath.mean.map((x) => x + 1) };
    writeFileSync(file, encodeMarketStudies(planted));
    const b = input(market, 'fed-regime');
    expect(cachedStudies(b).eventPath.mean[3]).toBe(computeStudies(b).eventPath.mean[3] + 1);
    // a damaged entry is computed again (and written again)
    const bytes = readFileSync(file);
    bytes[bytes.length - 7] ^= 1;
    writeFileSync(file, bytes);
    expect(decodeMarketStudies(bytes)).toBeNull();
    expect(cachedStudies(b)).toEqual(computeStudies(b));
    expect(decodeMarketStudies(readFileSync(file))).not.toBeNull();
    expect(cachedStudies(b)).toEqual(computeStudies(b));
    // other event kinds, another start date, other data: other keys
    const keys = new Set([
      studiesKey(a),
      studiesKey(input(market, 'first-cut-rotation', ['cut'])),
      studiesKey(input(buildMarket(catalog, { universe: 'ff', from: '1991-01-01' }), 'first-cut-rotation')),
      studiesKey({ ...a, small: Float64Array.from(a.small, (x, t) => (t === 100 ? x + 1e-12 : x)) }),
      studiesKey({ ...a, phase: Int8Array.from(a.phase, (x, t) => (t === 100 ? (x + 1) % 3 : x)) }),
      studiesKey({ ...a, fomc: a.fomc.slice(1) }),
    ]);
    expect(keys.size).toBe(6);
    expect(studiesKey(input(market, 'fixed-mix'))).toBe(studiesKey(a));
  });

  it('RATECYCLE_CACHE=off: computed in full, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-studies-cache-'));
    process.env.RATECYCLE_CACHE = 'off';
    const a = input(buildMarket(catalog, { universe: 'ff', from: '2000-01-01' }), 'first-cut-rotation');
    expect(cachedStudies(a)).toEqual(computeStudies(a));
    expect(readdirSync(dir)).toEqual([]);
  });
});

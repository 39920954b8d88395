import { findEntry } from './data/catalog.js';
import { loadSeries } from './data/load-series.js';
import { returnBasis } from './data/return-basis.js';
import { isoDay } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { Catalog, Market, SeriesKind } from '../core/types.js';
import { compoundBetween } from './compound-between.js';

/**
 * The catalog kind of a `--benchmark` series id, refusing anything that is not a price or
 * a return series (indicators, rates and event tables are not investable benchmarks).
 */
export function benchmarkKind(catalog: Catalog, id: string): SeriesKind {
  const e = findEntry(catalog, id);
  if (e.kind !== 'price' && e.kind !== 'return') {
    throw new UserError(
      `--benchmark ${id}: "${id}" is ${e.kind === 'indicator' ? 'an indicator' : e.kind === 'event' ? 'an event table' : 'a rate'} series (${e.units}), not something one can hold; a benchmark must be small, large, a price series or a return series of the catalog`,
    );
  }
  return e.kind;
}

/**
 * Makes a `--benchmark` series ready in `market.series[id]` as a price index on the
 * market's calendar: a price series is already joined; a return series is compounded
 * between bars into an index starting at 1 (it must have data from the first bar). Returns
 * a warning when the benchmark and the universe's assets differ in dividend treatment
 * (total return against price returns), else undefined. Roles `small` and `large` need
 * nothing.
 */
export function prepareBenchmark(catalog: Catalog, market: Market, id: string): string | undefined {
  if (id === 'small' || id === 'large') return undefined;
  const entry = findEntry(catalog, id);
  const kind = benchmarkKind(catalog, id);
  if (kind === 'return' && !market.assets.includes(id)) {
    const s = loadSeries(entry, catalog.dir);
    market.dataHashes[s.meta.file] = s.hash;
    if (s.dates[0] > market.dates[0]) {
      throw new UserError(`benchmark "${id}" starts ${isoDay(s.dates[0])}, after the run's first bar ${isoDay(market.dates[0])}; start later with --from or choose another benchmark`);
    }
    const r = compoundBetween(market.dates, s.dates, s.values);
    const index = new Float64Array(r.length);
    index[0] = 1;
    for (let t = 1; t < r.length; t++) index[t] = index[t - 1] * (1 + r[t]); // NaN after its data ends
    market.series[id] = index;
  }
  const mine = returnBasis(entry);
  const assets = market.assets.map((a) => returnBasis(findEntry(catalog, a)));
  const theirs = assets.every((b) => b === assets[0]) ? assets[0] : undefined;
  if (mine && theirs && mine !== theirs) {
    const what = (b: 'price' | 'total') => (b === 'price' ? 'price returns (no dividends)' : 'total returns (dividends reinvested)');
    return `--benchmark ${id} is ${what(mine)} but universe "${market.universe}" has ${what(theirs)}: beta, alpha, tracking error and the information ratio mix the two (dividends alone make ${mine === 'total' ? 'the benchmark' : 'the universe'} look better)`;
  }
  return undefined;
}

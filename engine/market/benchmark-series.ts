import { equityCurve } from '../core/equity-curve.js';
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
      `‹benchmark› ${id}: "${id}" is ${e.kind === 'indicator' ? 'an indicator' : e.kind === 'event' ? 'an event table' : 'a rate'} series (${e.units}), not something one can hold; a benchmark must be small, large, a price series or a return series of the catalog`,
    );
  }
  return e.kind;
}

/**
 * The market with a `--benchmark` series joined as a price index on its calendar, and a warning
 * when the benchmark and the universe's assets differ in dividend treatment (total return
 * against price returns). A price series is joined as of each close (`buildMarket`'s `series`
 * must have loaded it); a return series is compounded between bars into an index starting at 1
 * (it must have data from the first bar). Roles `small` and `large` need nothing. The input
 * market is not changed: the result is a copy with the series, its file hash and the warning.
 */
export function withBenchmark(catalog: Catalog, market: Market, id: string): Market {
  if (id === 'small' || id === 'large') return market;
  const entry = findEntry(catalog, id);
  const kind = benchmarkKind(catalog, id);
  const series = { ...market.series };
  const dataHashes = { ...market.dataHashes };
  if (kind === 'return' && !market.assets.includes(id)) {
    const s = loadSeries(entry, catalog.dir);
    dataHashes[s.meta.file] = s.hash;
    if (s.dates[0] > market.dates[0]) {
      throw new UserError(
        `benchmark "${id}" starts ${isoDay(s.dates[0])}, after the run's first bar ${isoDay(market.dates[0])}; start later with ‹from› or choose another benchmark`,
      );
    }
    const r = compoundBetween(market.dates, s.dates, s.values);
    series[id] = equityCurve(r); // NaN after its data ends
  }
  const warnings = [...market.warnings];
  const mine = returnBasis(entry);
  const assets = market.assets.map((a) => returnBasis(findEntry(catalog, a)));
  const theirs = assets.every((b) => b === assets[0]) ? assets[0] : undefined;
  if (mine && theirs && mine !== theirs) {
    const what = (b: 'price' | 'total') => (b === 'price' ? 'price returns (no dividends)' : 'total returns (dividends reinvested)');
    warnings.push(
      `--benchmark ${id} is ${what(mine)} but universe "${market.universe}" has ${what(theirs)}: beta, alpha, tracking error and the information ratio mix the two (dividends alone make ${mine === 'total' ? 'the benchmark' : 'the universe'} look better)`,
    );
  }
  return { ...market, series, dataHashes, warnings };
}

/**
 * Per-bar returns of a run's benchmark: the small or large asset's own returns for the roles
 * `small` and `large`, else those of a price series joined into the market (see withBenchmark),
 * which must have a price on the first bar and on every bar after it. The one place a
 * benchmark is turned into returns: the metrics, the run folder and the sweeps use it.
 *
 * @example benchmarkReturns(market, 'large') // market.returns[market.large]
 */
export function benchmarkReturns(market: Market, id: string): Float64Array {
  if (id === 'small') return market.returns[market.small];
  if (id === 'large') return market.returns[market.large];
  const p = market.series[id];
  if (!p) throw new UserError(`benchmark "${id}" is not loaded: pass a price series id of the catalog`);
  if (!(p[0] > 0)) {
    throw new UserError(
      `benchmark "${id}" has no price on the run's first bar ${isoDay(market.dates[0])}; start later with ‹from› or choose another benchmark`,
    );
  }
  const r = new Float64Array(p.length);
  for (let t = 1; t < p.length; t++) {
    if (!(p[t] > 0)) throw new UserError(`benchmark "${id}" has no price on ${isoDay(market.dates[t])} (its data ends or is stale); end earlier with ‹to›`);
    r[t] = p[t] / p[t - 1] - 1;
  }
  return r;
}

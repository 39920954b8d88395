import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isoDay } from '../../core/dates.js';
import type { Cell } from '../../core/io/csv-writer.js';
import type { Catalog, CatalogEntry } from '../../core/types.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { loadSeries } from '../../market/data/load-series.js';
import { readCachedSeries, seriesCacheDir, seriesKey } from '../../market/data/series-cache.js';
import { fileSha256 } from '../../core/io/cache-dir.js';
import type { FactorAttribution, FactorAttributionInput } from '../../measure/analytics/factor-attribution.js';
import type { CsvSink } from '../../formats/run-folder.js';
import type { BacktestSimulation } from './backtest.js';

/** The factors of a run's attribution, by name, and the catalog series behind them for each frequency. */
export const FACTOR_SERIES: Record<'daily' | 'monthly', Record<string, string>> = {
  monthly: { mkt_rf: 'ff5_mkt_rf', smb: 'ff5_smb', hml: 'ff5_hml', rmw: 'ff5_rmw', cma: 'ff5_cma', mom: 'ff_mom' },
  daily: { mkt_rf: 'ff5_mkt_rf_daily', smb: 'ff5_smb_daily', hml: 'ff5_hml_daily', rmw: 'ff5_rmw_daily', cma: 'ff5_cma_daily', mom: 'ff_mom_daily' },
};

/** The factor series of a run, loaded from its catalog, with the hashes of their files. */
export interface FactorData {
  factors: { name: string; dates: Int32Array; values: Float64Array }[];
  /** sha256 of each file read, by file name (run.json's data hashes). */
  hashes: Record<string, string>;
}

/**
 * Loads the factor series for a run of `frequency` straight from the catalog (they are
 * attribution inputs, not strategy inputs, so they bypass the point-in-time market view), or
 * undefined when the catalog lacks any of them (a catalog of one's own without them: the run has
 * no factor files).
 */
export function loadFactorData(catalog: Catalog, frequency: 'daily' | 'monthly'): FactorData | undefined {
  const wanted = Object.entries(FACTOR_SERIES[frequency]);
  const entries = wanted.map(([, id]) => catalog.series.find((e) => e.id === id));
  if (entries.some((e) => e === undefined)) return undefined;
  const hashes: Record<string, string> = {};
  const fileHashes = new Map<string, string>();
  const factors = wanted.map(([name], i) => {
    const s = cachedFactorSeries(entries[i]!, catalog.dir, fileHashes) ?? loadSeries(entries[i]!, catalog.dir);
    hashes[entries[i]!.file] = s.hash;
    return { name, dates: s.dates, values: s.values };
  });
  return { factors, hashes };
}

/**
 * A factor series from the parsed-series cache (as loadSeries finds it there), hashing each file
 * once however many series it holds (the five daily Fama/French factors share one file); null
 * when the cache does not have it (loadSeries then parses and checks the file). The plausibility
 * warnings loadSeries adds are not needed: the attribution does not show them, and an entry is
 * stored only for a file that passed its checks.
 */
function cachedFactorSeries(
  entry: CatalogEntry,
  dir: string,
  fileHashes: Map<string, string>,
): { dates: Int32Array; values: Float64Array; hash: string } | null {
  if (seriesCacheDir() === null) return null;
  const path = join(dir, entry.file);
  try {
    let hash = fileHashes.get(path);
    if (hash === undefined) fileHashes.set(path, (hash = fileSha256(path)));
    const hit = readCachedSeries(seriesKey(hash, entry));
    return hit && hit.hash === hash ? hit : null;
  } catch {
    return null; // unreadable: loadSeries says why
  }
}

/**
 * The factor data of a run folder: from `catalog` when given, else from the catalog in the
 * `dataDir` folder (the run's data folder as shown to the user) when it has one; undefined when
 * there is no catalog, it lacks the factors, or `universe` belongs to another region than the US
 * (the factors are the US Fama/French ones).
 */
export function factorDataFor(options: { catalog?: Catalog; dataDir: string }, frequency: 'daily' | 'monthly', universe?: string): FactorData | undefined {
  const catalog = options.catalog ?? (existsSync(join(options.dataDir, 'catalog.json')) ? loadCatalog(options.dataDir) : undefined);
  // the factors are US ones: a universe of another region (catalog field region) gets none
  const region = catalog?.universes.find((u) => u.id === universe)?.region;
  if (region !== undefined && region !== 'us') return undefined;
  return catalog ? loadFactorData(catalog, frequency) : undefined;
}

/**
 * What the factor attribution of a run reads (see factorAttribution): the strategy, small and
 * large caps (and bonds), in excess of the run's cash, on the factors of `data`.
 */
export function factorAttributionInput(run: BacktestSimulation, data: FactorData): FactorAttributionInput {
  const { market, sim } = run;
  const roles = [
    { name: 'small', asset: market.small },
    { name: 'large', asset: market.large },
    ...(market.bonds ? [{ name: 'bonds', asset: market.bonds }] : []),
  ];
  return {
    dates: market.dates,
    frequency: market.frequency,
    periodsPerYear: market.periodsPerYear,
    phase: market.fed.phase,
    cash: market.cash,
    series: [{ name: 'strategy', returns: sim.returns }, ...roles.map((r) => ({ name: r.name, returns: market.returns[r.asset] }))],
    factors: data.factors,
  };
}

/**
 * Writes factors.csv (the factor regressions: scope, series, term, estimate, se, t, p, interval,
 * n, lag, R², period) and factors-rolling.csv (the strategy's loadings over trailing 36 calendar
 * months) of a run from its attribution (see factorAttributionInput) — see reports/run-folder.md.
 */
export function writeFactorFiles(put: CsvSink, a: FactorAttribution): void {
  const iso = (d: number) => (Number.isFinite(d) ? isoDay(d) : '');
  const rows: Cell[][] = [];
  for (const f of a.fits) {
    for (const x of f.terms) {
      rows.push([
        f.scope,
        f.series,
        x.term,
        x.estimate,
        x.se,
        x.t,
        x.p,
        x.ciLow,
        x.ciHigh,
        f.n,
        f.lag,
        f.r2,
        f.r2Adj,
        iso(f.from),
        iso(f.to),
        a.bars,
        iso(a.coverage.from),
        iso(a.coverage.to),
      ]);
    }
  }
  put(
    'factors.csv',
    [
      'scope',
      'series',
      'term',
      'estimate',
      'se',
      't',
      'p',
      'ci_low',
      'ci_high',
      'n',
      'lag',
      'r2',
      'r2_adj',
      'from',
      'to',
      'run_bars',
      'factors_from',
      'factors_to',
    ],
    rows,
  );
  const r = a.rolling;
  put(
    'factors-rolling.csv',
    ['date', 'months', 'alpha_ann', ...r.names, 'r2'],
    Array.from(r.dates, (d, i) => [isoDay(d), r.months, r.alpha[i], ...r.loadings.map((l) => l[i]), r.r2[i]]),
  );
}

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDay } from '../../core/dates.js';
import { csvColumns, csvDocument, numberCells, type CsvColumn } from '../../core/io/csv-writer.js';
import { METRIC_DATE_FIELDS, metricsJson, RUN_DEFINITIONS, type CsvSink, type CsvTableSink, type WrittenTables } from '../../formats/run-folder.js';
import { METRIC_DEFINITIONS, type Metrics } from '../../measure/metrics/compute-metrics.js';
import { drawdownSeries, drawdownTable } from '../../measure/metrics/drawdowns.js';
import type { MarketColumns } from './market-columns.js';
import { packageVersion } from '../../core/paths.js';
import { formatRebalance } from './parse-rebalance.js';
import type { BacktestSimulation } from './backtest.js';
import type { Studies } from './studies.js';
import { writeAnalysisFiles } from './write-analysis-files.js';
import { writeInferenceFiles } from './write-inference-files.js';
import { writeFactorFiles } from './factor-files.js';
import type { FactorAttribution } from '../../measure/analytics/factor-attribution.js';
import type { OfferedJob } from './studies-thread.js';

const iso = (day: number) => (Number.isFinite(day) ? isoDay(day) : '');
/** The run.json manifest: what ran, on which data (file hashes), with which options; its id hashes all of it. */
export function runManifest(
  r: BacktestSimulation,
  extra: { strategyFile?: string; dataDir: string; units?: Record<string, string>; factorHashes?: Record<string, string> },
) {
  const { market, options } = r;
  const fileHash = extra.strategyFile ? createHash('sha256').update(readFileSync(extra.strategyFile)).digest('hex') : undefined;
  const body = {
    version: packageVersion(),
    strategy: {
      id: r.strategy.id,
      name: r.strategy.name,
      description: r.strategy.description,
      file: extra.strategyFile ?? null,
      hash: fileHash ?? null,
      params: r.params,
    },
    universe: {
      id: market.universe,
      assets: market.assets,
      small: market.small,
      large: market.large,
      ...(market.bonds ? { bonds: market.bonds } : {}),
      frequency: market.frequency,
      units: extra.units ?? {},
    },
    period: {
      from: isoDay(market.dates[0]),
      to: isoDay(market.dates[market.dates.length - 1]),
      bars: market.dates.length,
      periodsPerYear: market.periodsPerYear,
    },
    options: {
      lag: options.lag,
      rebalance: formatRebalance(options.rebalance),
      costBps: typeof options.cost === 'number' ? options.cost * 1e4 : Array.from(options.cost, (c) => c * 1e4),
      slippageBps: options.slippage * 1e4,
      allowShort: options.allowShort,
      allowLeverage: options.allowLeverage,
      borrowSpreadBps: options.borrowSpread * 1e4,
    },
    benchmark: r.benchmark,
    data: { dir: extra.dataDir, hashes: { ...market.dataHashes, ...extra.factorHashes } },
    warnings: market.warnings,
    definitions: RUN_DEFINITIONS,
  };
  const id = `${r.strategy.id}-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 10)}`;
  return { id, ...body };
}

/**
 * Writes every CSV and JSON file of a run folder (see reports/run-folder.md) into `dir`: first
 * those of the simulation, then, once `studies` is there (it may still be computing on another
 * thread, or be a job offered to it, see OfferedJob), those of the studies. With `factors` (the factor attribution, perhaps offered to the
 * studies' thread), the factor files are written while the studies compute. `market` holds the market's own columns (see marketColumns). Returns the
 * CSVs' cells, so the report can be rendered without reading them back.
 */
export async function writeRunFiles(
  dir: string,
  run: BacktestSimulation,
  studies: Studies | Promise<Studies> | OfferedJob<Studies>,
  manifest: ReturnType<typeof runManifest>,
  market: MarketColumns,
  factors?: OfferedJob<FactorAttribution>,
): Promise<WrittenTables> {
  const put = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const tables = new Map<string, { header: string[]; rows: string[][] | undefined }>();
  const csv: CsvSink = (name, header, rows) => {
    const doc = csvDocument(header, rows);
    put(name, doc.text);
    tables.set(name, { header: doc.header, rows: doc.rows });
  };
  const table: CsvTableSink = (name, header, columns, length) => {
    const doc = csvColumns(header, columns, length);
    put(name, doc.text);
    tables.set(name, { header: doc.header, rows: doc.rows });
  };
  put('run.json', JSON.stringify(manifest, null, 2) + '\n');
  writeSimulationFiles(put, csv, table, run, market);
  // what the studies' thread has not started yet is computed here (it then skips it), what it has is awaited
  const attribution = factors?.result();
  const done = isOffered(studies) ? studies.result() : studies;
  if (attribution) writeFactorFiles(csv, await attribution);
  writeStudyFiles(csv, run, await done);
  return tables;
}

const isOffered = <T>(x: T | Promise<T> | OfferedJob<T>): x is OfferedJob<T> => typeof (x as OfferedJob<T>).result === 'function';

/** The simulation's files: equity, weights, trades, metrics, drawdowns, the analysis files and the FOMC decisions. */
function writeSimulationFiles(put: (name: string, text: string) => void, csv: CsvSink, table: CsvTableSink, r: BacktestSimulation, mc: MarketColumns): void {
  const { market, sim } = r;
  const T = market.dates.length;
  const A = market.assets.length;
  const cells = (name: string) => ({ cells: mc.cells.get(name)!, plain: true });
  const date = cells('date');
  const hold = (asset: string | undefined, equity: Float64Array): CsvColumn => {
    const c = mc.cells.get(`hold:${asset}`);
    return c ? { cells: c, plain: true } : equity;
  };
  // the strategy's returns and cash weight appear twice (equity.csv and returns.csv, weights.csv): formatted once
  const returns = { cells: numberCells(sim.returns), plain: true };
  const cash = { cells: numberCells(sim.cashWeight), plain: true };
  // the buy-and-hold equity of small, large and bonds: the columns of buy-hold.csv for those assets (the same curves)
  table(
    'equity.csv',
    ['date', 'equity', 'return', 'drawdown', 'cash_weight', 'small', 'large', ...(r.bondsEquity ? ['bonds'] : []), 'policy_rate', 'phase', 'cycle_id'],
    [
      date,
      sim.equity,
      returns,
      drawdownSeries(sim.equity),
      cash,
      hold(market.small, r.smallEquity),
      hold(market.large, r.largeEquity),
      ...(r.bondsEquity ? [hold(market.bonds, r.bondsEquity)] : []),
      cells('policy_rate'),
      cells('phase'),
      cells('cycle_id'),
    ],
    T,
  );

  const strided = (m: Float64Array, a: number) => {
    const out = new Float64Array(T);
    for (let t = 0; t < T; t++) out[t] = m[t * A + a];
    return out;
  };
  const weightColumns: CsvColumn[] = [date];
  for (let a = 0; a < A; a++) weightColumns.push(strided(sim.targets, a));
  for (let a = 0; a < A; a++) weightColumns.push(strided(sim.weights, a));
  weightColumns.push(cash, sim.turnover);
  table('weights.csv', ['date', ...market.assets.map((a) => `target_${a}`), ...market.assets.map((a) => `weight_${a}`), 'cash', 'turnover'], weightColumns, T);

  csv(
    'trades.csv',
    ['date', 'asset', 'from', 'to', 'value', 'cost'],
    sim.trades.map((t) => [isoDay(t.date), t.asset, t.from, t.to, t.value, t.cost]),
  );

  const columns = Object.keys(r.metrics);
  put(
    'metrics.json',
    JSON.stringify({ columns, metrics: Object.fromEntries(columns.map((c) => [c, metricsJson(r.metrics[c])])), definitions: METRIC_DEFINITIONS }, null, 2) +
      '\n',
  );
  const keys = Object.keys(METRIC_DEFINITIONS) as (keyof Metrics)[];
  csv(
    'metrics-wide.csv',
    ['metric', 'label', 'unit', ...columns],
    keys.map((k) => [
      k,
      METRIC_DEFINITIONS[k].label,
      METRIC_DEFINITIONS[k].unit,
      ...columns.map((c) => (METRIC_DATE_FIELDS.has(k) ? iso(r.metrics[c][k]) : r.metrics[c][k])),
    ]),
  );
  // tidy long form: one row per series × metric; numbers in `value`, dates in `date` (each column one type)
  csv(
    'metrics.csv',
    ['series', 'metric', 'unit', 'value', 'date'],
    columns.flatMap((c) =>
      keys.map((k) => [
        c,
        k,
        METRIC_DEFINITIONS[k].unit,
        METRIC_DATE_FIELDS.has(k) ? '' : r.metrics[c][k],
        METRIC_DATE_FIELDS.has(k) ? iso(r.metrics[c][k]) : '',
      ]),
    ),
  );

  csv(
    'drawdowns.csv',
    ['rank', 'peak', 'trough', 'recovery', 'depth', 'days'],
    drawdownTable(market.dates, sim.equity, 10).map((d, i) => [i + 1, iso(d.peak), iso(d.trough), iso(d.recovery), d.depth, d.days]),
  );

  writeAnalysisFiles(csv, table, r, mc, returns);

  const first = market.dates[0],
    last = market.dates[T - 1];
  csv(
    'fomc.csv',
    ['date', 'previous', 'target', 'change_bp', 'type'],
    market.fomc.filter((d) => d.date >= first && d.date <= last).map((d) => [isoDay(d.date), d.previous, d.target, d.changeBp, d.type]),
  );
}

/** The studies' files: regimes, events, events-summary, events-path and strategy-inference. */
function writeStudyFiles(csv: CsvSink, run: BacktestSimulation, r: Studies): void {
  const { market } = run;
  csv(
    'regimes.csv',
    [
      'scope',
      'label',
      'cycle_id',
      'direction',
      'start',
      'end',
      'days',
      'bars',
      'strategy',
      'small',
      'large',
      'relative',
      'strategy_ann',
      'small_ann',
      'large_ann',
      ...(market.bonds ? ['bonds', 'bonds_ann'] : []),
      'spread_ann',
      'spread_t',
      'spread_ci_low',
      'spread_ci_high',
    ],
    r.regimes.map((g) => [
      g.scope,
      g.label,
      g.cycleId,
      g.direction,
      iso(g.start),
      iso(g.end),
      g.days,
      g.bars,
      g.strategy,
      g.small,
      g.large,
      g.relative,
      g.strategyAnn,
      g.smallAnn,
      g.largeAnn,
      ...(market.bonds ? [g.bonds ?? NaN, g.bondsAnn ?? NaN] : []),
      g.spreadAnn,
      g.spreadT,
      g.spreadCiLow,
      g.spreadCiHigh,
    ]),
  );
  csv(
    'events.csv',
    ['event', 'event_date', 'entry_date', 'horizon_months', 'exit_date', 'strategy', 'small', 'large', 'spread', ...(market.bonds ? ['bonds'] : [])],
    r.events.map((e) => [
      e.event,
      iso(e.eventDate),
      iso(e.entryDate),
      e.horizonMonths,
      iso(e.exitDate),
      e.strategy,
      e.small,
      e.large,
      e.spread,
      ...(market.bonds ? [e.bonds ?? NaN] : []),
    ]),
  );
  csv(
    'events-summary.csv',
    [
      'event',
      'horizon_months',
      'n',
      'small_mean',
      'small_median',
      'large_mean',
      'large_median',
      'spread_mean',
      'spread_median',
      'spread_hit_rate',
      'strategy_mean',
      ...(market.bonds ? ['bonds_mean', 'bonds_median'] : []),
      'spread_sd',
      'spread_t',
      'spread_ci_low',
      'spread_ci_high',
      'clusters',
      'hits',
      'sign_p',
      'placebo_p',
      'placebo_rank',
      'placebo_eligible',
      'note',
    ],
    r.eventSummary.map((s) => [
      s.event,
      s.horizonMonths,
      s.n,
      s.smallMean,
      s.smallMedian,
      s.largeMean,
      s.largeMedian,
      s.spreadMean,
      s.spreadMedian,
      s.spreadHitRate,
      s.strategyMean,
      ...(market.bonds ? [s.bondsMean ?? NaN, s.bondsMedian ?? NaN] : []),
      s.spreadSd,
      s.spreadT,
      s.spreadCiLow,
      s.spreadCiHigh,
      s.clusters,
      s.hits,
      s.signP,
      s.placeboP,
      s.placeboRank,
      s.placeboEligible,
      s.note,
    ]),
  );
  writeInferenceFiles(csv, r);
}

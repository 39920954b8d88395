import { boxStats } from '../../measure/analytics/quantiles.js';
import { returnHistogram } from '../../measure/analytics/return-histogram.js';
import { rollingStats } from '../../measure/analytics/rolling-stats.js';
import { roundTrips, roundTripStats } from '../../measure/analytics/round-trips.js';
import { isoDay } from '../../core/dates.js';
import type { Cell, CsvColumn } from '../../core/io/csv-writer.js';
import { calendarReturns } from '../../measure/metrics/calendar-returns.js';
import type { BacktestSimulation } from './backtest.js';
import type { CsvSink, CsvTableSink } from '../../formats/run-folder.js';
import { BOX_FIELDS, boxPeriods, ROLLING_FIELDS, type MarketColumns } from './market-columns.js';

/**
 * Writes the files behind the report's analysis charts (see reports/run-folder.md): returns.csv,
 * buy-hold.csv, rolling.csv, distribution.csv, quantiles.csv, returns-monthly.csv,
 * returns-annual.csv, round-trips.csv and round-trips-summary.csv. One column per asset of the
 * market, so every file works for any number of assets. `put` writes each file from its rows,
 * `table` from its columns; the market's own columns come from `mc` (see marketColumns), so only
 * the strategy's are computed and formatted here (`returns`: the strategy's returns, already
 * formatted for equity.csv).
 */
export function writeAnalysisFiles(put: CsvSink, table: CsvTableSink, r: BacktestSimulation, mc: MarketColumns, returns: CsvColumn = r.sim.returns): void {
  const { market, sim } = r;
  const T = market.dates.length;
  const assets = market.assets;
  const cells = (name: string) => ({ cells: mc.cells.get(name)!, plain: true });
  const values = (name: string) => mc.values.get(name)!;
  const date = cells('date');

  table(
    'returns.csv',
    ['date', 'strategy', ...assets, 'cash', 'benchmark'],
    [date, returns, ...assets.map((a) => cells(`return:${a}`)), cells('cash'), cells('benchmark')],
    T,
  );

  table(
    'buy-hold.csv',
    ['date', ...assets, ...assets.map((a) => `${a}_drawdown`)],
    [date, ...assets.map((a) => cells(`hold:${a}`)), ...assets.map((a) => cells(`drawdown:${a}`))],
    T,
  );

  const roll = rollingStats({
    dates: market.dates,
    returns: sim.returns,
    cash: market.cash,
    benchmark: market.returns[market.large],
    periodsPerYear: market.periodsPerYear,
  });
  const largeRet = values('rolling:large:ret');
  const excess = new Float64Array(T);
  for (let t = 0; t < T; t++) excess[t] = roll.ret[t] - largeRet[t];
  const names = ['strategy', ...assets];
  table(
    'rolling.csv',
    ['date', ...names.flatMap((s) => [`${s}_return_12m`, `${s}_volatility_12m`, `${s}_sharpe_12m`, `${s}_beta_12m`]), 'strategy_excess_12m'],
    [date, ...ROLLING_FIELDS.map((f) => roll[f]), ...assets.flatMap((a) => ROLLING_FIELDS.map((f) => cells(`rolling:${a}:${f}`))), excess],
    T,
  );

  const cal = calendarReturns(market.dates, sim.returns);
  const monthly = Float64Array.from(cal.months, (m) => m.ret);
  const annual = Float64Array.from(cal.years, (y) => y.ret);
  table(
    'returns-monthly.csv',
    ['year', 'month', ...names],
    [cells('month:year'), cells('month:month'), monthly, ...assets.map((a) => cells(`monthly:${a}`))],
    monthly.length,
  );
  table('returns-annual.csv', ['year', ...names], [cells('year:year'), annual, ...assets.map((a) => cells(`annual:${a}`))], annual.length);

  const hist = returnHistogram([{ name: 'strategy', values: monthly }, ...assets.map((a) => ({ name: a, values: values(`monthly:${a}`) }))]);
  put(
    'distribution.csv',
    ['bin_from', 'bin_to', ...hist.series.flatMap((s) => [`${s.name}_count`, `${s.name}_normal`])],
    Array.from({ length: hist.edges.length - 1 }, (_, i) => [hist.edges[i], hist.edges[i + 1], ...hist.series.flatMap((s) => [s.counts[i], s.normal[i]])]),
  );

  const qRows: Cell[][] = [];
  for (const p of boxPeriods(market.frequency)) {
    const b = boxStats(p === 'day' ? sim.returns.subarray(1) : p === 'month' ? monthly : annual);
    qRows.push([p, 'strategy', ...BOX_FIELDS.map((f) => b[f])]);
    for (const a of assets) qRows.push([p, a, ...values(`box:${p}:${a}`)]);
  }
  put('quantiles.csv', ['period', 'series', 'n', 'min', 'whisker_low', 'q1', 'median', 'q3', 'whisker_high', 'max', 'mean'], qRows);

  const trips = roundTrips({ dates: market.dates, assets, weights: sim.weights, returns: assets.map((a) => market.returns[a]) });
  put(
    'round-trips.csv',
    ['asset', 'side', 'entry_date', 'exit_date', 'bars', 'days', 'return', 'open'],
    trips.map((x) => [x.asset, x.side === 1 ? 'long' : 'short', isoDay(x.entry), isoDay(x.exit), x.bars, x.days, x.ret, x.open]),
  );
  const groups = [...assets.map((a) => ({ asset: a, trips: trips.filter((x) => x.asset === a) })), { asset: 'all', trips }];
  put(
    'round-trips-summary.csv',
    ['asset', 'count', 'wins', 'losses', 'hit_rate', 'avg_win', 'avg_loss', 'avg_return', 'payoff', 'avg_days', 'open'],
    groups.map((g) => {
      const s = roundTripStats(g.trips);
      return [g.asset, s.count, s.wins, s.losses, s.hitRate, s.avgWin, s.avgLoss, s.avgReturn, s.payoff, s.avgDays, g.trips.filter((x) => x.open).length];
    }),
  );
}

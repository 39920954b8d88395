import { boxStats } from '../../measure/analytics/quantiles.js';
import { returnHistogram } from '../../measure/analytics/return-histogram.js';
import { rollingStats } from '../../measure/analytics/rolling-stats.js';
import { roundTrips, roundTripStats } from '../../measure/analytics/round-trips.js';
import { isoDay } from '../../core/dates.js';
import type { Cell } from '../../core/io/csv-writer.js';
import { calendarReturns } from '../../measure/metrics/calendar-returns.js';
import { drawdownSeries } from '../../measure/metrics/drawdowns.js';
import { equityCurve } from '../../core/equity-curve.js';
import type { BacktestSimulation } from './backtest.js';
import type { CsvSink } from '../../formats/run-folder.js';

/**
 * Writes the files behind the report's analysis charts (see reports/run-folder.md): returns.csv,
 * buy-hold.csv, rolling.csv, distribution.csv, quantiles.csv, returns-monthly.csv,
 * returns-annual.csv, round-trips.csv and round-trips-summary.csv. One column per asset of the
 * market, so every file works for any number of assets. `put` writes each file.
 */
export function writeAnalysisFiles(put: CsvSink, r: BacktestSimulation): void {
  const { market, sim } = r;
  const T = market.dates.length;
  const assets = market.assets;
  const dates = Array.from(market.dates, isoDay);
  const series = [{ name: 'strategy', returns: sim.returns }, ...assets.map((a) => ({ name: a, returns: market.returns[a] }))];
  const bench = r.benchmarkReturns;

  put(
    'returns.csv',
    ['date', ...series.map((s) => s.name), 'cash', 'benchmark'],
    dates.map((d, t) => [d, ...series.map((s) => s.returns[t]), market.cash[t], bench[t]]),
  );

  const holds = assets.map((a) => equityCurve(market.returns[a]));
  const holdDd = holds.map((e) => drawdownSeries(e));
  put(
    'buy-hold.csv',
    ['date', ...assets, ...assets.map((a) => `${a}_drawdown`)],
    dates.map((d, t) => [d, ...holds.map((e) => e[t]), ...holdDd.map((e) => e[t])]),
  );

  const large = market.returns[market.large];
  const rolls = series.map((s) =>
    rollingStats({ dates: market.dates, returns: s.returns, cash: market.cash, benchmark: large, periodsPerYear: market.periodsPerYear }),
  );
  const rollHeader = [
    'date',
    ...series.flatMap((s) => [`${s.name}_return_12m`, `${s.name}_volatility_12m`, `${s.name}_sharpe_12m`, `${s.name}_beta_12m`]),
    'strategy_excess_12m',
  ];
  const largeRoll = rolls[1 + assets.indexOf(market.large)];
  const rollRows: Cell[][] = [];
  for (let t = 0; t < T; t++) {
    const row: Cell[] = [dates[t]];
    for (const x of rolls) row.push(x.ret[t], x.volatility[t], x.sharpe[t], x.beta[t]);
    row.push(rolls[0].ret[t] - largeRoll.ret[t]);
    rollRows.push(row);
  }
  put('rolling.csv', rollHeader, rollRows);

  const cal = series.map((s) => calendarReturns(market.dates, s.returns));
  put(
    'returns-monthly.csv',
    ['year', 'month', ...series.map((s) => s.name)],
    cal[0].months.map((m, i) => [m.year, m.month, ...cal.map((c) => c.months[i].ret)]),
  );
  put(
    'returns-annual.csv',
    ['year', ...series.map((s) => s.name)],
    cal[0].years.map((y, i) => [y.year, ...cal.map((c) => c.years[i].ret)]),
  );

  const hist = returnHistogram(series.map((s, k) => ({ name: s.name, values: cal[k].months.map((m) => m.ret) })));
  put(
    'distribution.csv',
    ['bin_from', 'bin_to', ...hist.series.flatMap((s) => [`${s.name}_count`, `${s.name}_normal`])],
    Array.from({ length: hist.edges.length - 1 }, (_, i) => [hist.edges[i], hist.edges[i + 1], ...hist.series.flatMap((s) => [s.counts[i], s.normal[i]])]),
  );

  const periods: { period: string; values: (k: number) => ArrayLike<number> }[] = [
    ...(market.frequency === 'daily' ? [{ period: 'day', values: (k: number) => series[k].returns.subarray(1) }] : []),
    { period: 'month', values: (k: number) => cal[k].months.map((m) => m.ret) },
    { period: 'year', values: (k: number) => cal[k].years.map((y) => y.ret) },
  ];
  const qRows: Cell[][] = [];
  for (const p of periods) {
    series.forEach((s, k) => {
      const b = boxStats(p.values(k));
      qRows.push([p.period, s.name, b.n, b.min, b.whiskerLow, b.q1, b.median, b.q3, b.whiskerHigh, b.max, b.mean]);
    });
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

import { parseIsoDay } from '../../engine/core/dates.js';
import { calendarReturns } from '../../engine/measure/metrics/calendar-returns.js';
import { computeMetrics, type Metrics } from '../../engine/measure/metrics/compute-metrics.js';
import { drawdownSeries } from '../../engine/measure/metrics/drawdowns.js';
import { equityCurve } from '../../engine/core/equity-curve.js';
import { excessReturns } from '../../engine/measure/metrics/excess-returns.js';
import { strictColumn, type RunData } from '../read-run.js';
import { DataError } from '../../engine/core/errors.js';
import { join } from 'node:path';

/** One run restricted to a period: its bars, strategy and buy-and-hold metrics recomputed there. */
export interface RunWindow {
  dates: Int32Array;
  /** Index range [from, to] of the run's own bars. */
  from: number;
  to: number;
  /** Strategy equity rebased to 1 at the window's first bar, and its drawdown. */
  equity: Float64Array;
  drawdown: Float64Array;
  metrics: Metrics;
  /** Metrics of buying and holding each asset of the run's universe over the same bars. */
  holds: Record<string, Metrics>;
  /** Calendar-month returns of the strategy, keyed `YYYY-MM`. */
  monthly: Map<string, number>;
  /** Strategy returns in excess of cash on bars 1… of the window (excess[t − 1] earned on dates[t]), as its Sharpe ratio uses them. */
  excess: Float64Array;
}

/** The period every run covers: the latest first date and the earliest last date (ISO), or null when they do not overlap. */
export function overlap(runs: readonly RunData[]): { from: string; to: string } | null {
  const from = runs
    .map((r) => r.manifest.period.from)
    .sort()
    .at(-1)!;
  const to = runs.map((r) => r.manifest.period.to).sort()[0];
  return from < to ? { from, to } : null;
}

/**
 * A run's bars in [from, to] (ISO dates): their index range and dates, and a column of returns.csv
 * or weights.csv on them. Refuses files whose rows do not match run.json's bars.
 */
function windowBars(run: RunData, period: { from: string; to: string }) {
  // a run's files must be whole before anything is recomputed from them
  if (run.returns.length !== run.manifest.period.bars)
    throw new DataError(
      join(run.dir, 'returns.csv'),
      undefined,
      undefined,
      `${run.returns.length} rows where run.json says ${run.manifest.period.bars} bars: the file is cut or from another run`,
    );
  if (run.weights.length !== run.manifest.period.bars)
    throw new DataError(
      join(run.dir, 'weights.csv'),
      undefined,
      undefined,
      `${run.weights.length} rows where run.json says ${run.manifest.period.bars} bars: the file is cut or from another run`,
    );
  const allDates = Int32Array.from(run.returns, (r, i) => {
    const d = parseIsoDay(r.date ?? '');
    if (Number.isNaN(d)) throw new DataError(join(run.dir, 'returns.csv'), i + 2, 'date', `"${r.date}" is not a date`);
    return d;
  });
  const lo = parseIsoDay(period.from),
    hi = parseIsoDay(period.to);
  let from = allDates.findIndex((d) => d >= lo);
  let to = allDates.length - 1;
  while (to > 0 && allDates[to] > hi) to--;
  if (from < 0) from = allDates.length - 1;
  const slice = (name: string, table = run.returns) =>
    strictColumn(run.dir, table === run.returns ? 'returns.csv' : 'weights.csv', table, name).subarray(from, to + 1);
  return { from, to, dates: allDates.subarray(from, to + 1), slice };
}

/**
 * A run's strategy returns in excess of cash on the bars of [from, to] after the first (each
 * with the date it was earned on), as its Sharpe ratio uses them: the series the compare's
 * Sharpe ratio tests pair.
 */
export function runExcess(run: RunData, period: { from: string; to: string }): { dates: Int32Array; excess: Float64Array } {
  const { dates, slice } = windowBars(run, period);
  return { dates: dates.subarray(1), excess: excessReturns(slice('strategy'), slice('cash')) };
}

/**
 * Restricts a run to [from, to] (ISO dates) and recomputes its metrics there with engine/measure/metrics
 * (computeMetrics on the bars of returns.csv in the window, with the run's cash and benchmark
 * series, realized weights and turnover; bars per year measured on the window), so runs over
 * different periods compare on the same bars.
 */
export function runWindow(run: RunData, period: { from: string; to: string }): RunWindow {
  const { from, to, dates, slice } = windowBars(run, period);
  const cash = slice('cash');
  const benchmark = slice('benchmark');
  const assets = run.manifest.universe.assets;
  const A = assets.length;
  const w = assets.map((a) => slice(`weight_${a}`, run.weights));
  const weights = new Float64Array(dates.length * A);
  for (let t = 0; t < dates.length; t++) for (let a = 0; a < A; a++) weights[t * A + a] = w[a][t];
  const turnover = slice('turnover', run.weights);
  const rebalanced = Uint8Array.from(turnover, (x) => (x > 0 ? 1 : 0));
  const returns = slice('strategy');
  const common = { dates, cash, benchmark };
  const metrics = computeMetrics({ ...common, returns, weights, assets: A, turnover, rebalanced });
  const holds = Object.fromEntries(assets.map((a) => [a, computeMetrics({ ...common, returns: slice(a) })]));
  const equity = equityCurve(returns);
  const cal = calendarReturns(dates, returns);
  const monthly = new Map(cal.months.map((m) => [`${m.year}-${String(m.month).padStart(2, '0')}`, m.ret]));
  return { dates, from, to, equity, drawdown: drawdownSeries(equity), metrics, holds, monthly, excess: excessReturns(returns, cash) };
}

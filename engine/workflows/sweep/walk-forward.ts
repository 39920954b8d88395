import { benchmarkReturns } from '../../market/benchmark-series.js';
import { addMonths } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { computeMetrics, type Metrics } from '../../measure/metrics/compute-metrics.js';
import { summaryMetrics } from '../../measure/metrics/summary-metrics.js';
import { sliceMarket } from '../../market/slice-market.js';
import { simulateMany } from '../../simulate/simulate-many.js';
import { validateTargets } from '../../simulate/validate-targets.js';
import type { Market, SimOptions } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
import { evaluateStrategy } from '../../strategy/evaluate.js';
import { gridPoint, type Grid } from './grid.js';
import { DEFAULT_METRIC, metricKey } from '../../measure/metrics/metric-names.js';

/** Parses a duration such as `10y`, `18m` or `2y6m` into calendar months. */
export function parseDuration(text: string, flag: string): number {
  const m = /^(?:(\d+)y)?(?:(\d+)m)?$/.exec(text.trim());
  const months = m ? Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0) : 0;
  if (!m || months <= 0) throw new UserError(`‹${flag}› ${text}: expected a duration like 10y, 18m or 2y6m`);
  return months;
}

/** One walk-forward window: where it trained and tested, what it chose, and how it did. */
export interface WalkForwardWindow {
  trainFrom: number;
  trainTo: number;
  testFrom: number;
  testTo: number;
  params: Record<string, unknown>;
  /** Ranking metric of the chosen set in its training window, and the same metric out of sample. */
  inSample: number;
  outOfSample: number;
  /** Compounded return over the test window (fraction). */
  testReturn: number;
  /** Sets that failed in training (strategy error or invalid weights). */
  failed: number;
}

/** Options of {@link walkForward}. */
export interface WalkForwardOptions {
  strategy: Strategy;
  market: Market;
  sim: SimOptions;
  grid: Grid;
  base: Record<string, unknown>;
  trainMonths: number;
  testMonths: number;
  /** Training windows all start at the first bar (expanding) instead of rolling. */
  anchored?: boolean;
  /** Ranking metric (a summary metric key: sharpe, cagr, sortino, calmar, …). */
  metric?: string;
  benchmark?: 'small' | 'large';
}

/** Result: windows, the stitched out-of-sample returns and their metrics. */
export interface WalkForwardResult {
  windows: WalkForwardWindow[];
  /** Calendar and per-bar returns of the stitched out-of-sample test windows. */
  dates: Int32Array;
  returns: Float64Array;
  outOfSample: Metrics;
  /** Mean in-sample ranking metric of the chosen sets over the windows. */
  inSampleMean: number;
}

function firstIndexAtOrAfter(dates: Int32Array, day: number): number {
  let lo = 0,
    hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Simulates the given weights over bars [from, to) and returns one equity row per set. */
function windowRun(market: Market, targets: Float64Array[], from: number, to: number, sim: SimOptions) {
  const A = market.assets.length;
  const input = {
    dates: market.dates.subarray(from, to),
    assets: market.assets,
    returns: market.assets.map((a) => market.returns[a].subarray(from, to)),
    cash: market.cash.subarray(from, to),
  };
  return simulateMany(
    input,
    targets.map((w) => w.subarray(from * A, to * A)),
    sim,
    undefined,
    true,
  );
}

/**
 * Walk-forward validation: on each training window, simulate every grid set on data up to
 * the window's end (weights computed point-in-time on the truncated history), pick the best
 * by the metric, then apply it to the following test window, whose returns are stitched
 * into one out-of-sample record. Windows roll forward by the test length (or expand from
 * the start with `anchored`). Each test window starts in cash and trades from its first
 * bar's decision onward (with the usual lag).
 */
export function walkForward(o: WalkForwardOptions): WalkForwardResult {
  const { market, strategy, sim } = o;
  const key = metricKey(o.metric ?? DEFAULT_METRIC);
  const dates = market.dates;
  const A = market.assets.length;
  const bench = benchmarkReturns(market, o.benchmark ?? 'large');
  const windows: WalkForwardWindow[] = [];
  const oosDates: number[] = [];
  const oosReturns: number[] = [];
  const oosCash: number[] = [];
  let trainStart = dates[0];
  for (;;) {
    const trainEnd = addMonths(o.anchored ? dates[0] : trainStart, o.anchored ? o.trainMonths + windows.length * o.testMonths : o.trainMonths);
    const testEnd = addMonths(trainEnd, o.testMonths);
    const a = firstIndexAtOrAfter(dates, o.anchored ? dates[0] : trainStart);
    const b = firstIndexAtOrAfter(dates, trainEnd);
    const c = Math.min(dates.length, firstIndexAtOrAfter(dates, testEnd));
    if (b >= dates.length || c - b < 2 || b - a < 2) break;
    // training: every set, weights on history up to the end of training
    const prefix = sliceMarket(market, b);
    const sets: Record<string, unknown>[] = [];
    const targets: Float64Array[] = [];
    let failed = 0;
    for (let i = 0; i < o.grid.size; i++) {
      const params = gridPoint(o.grid, i, o.base);
      try {
        const w = evaluateStrategy(strategy, prefix, params);
        validateTargets(w, A, prefix.dates, prefix.assets, sim.allowShort, sim.allowLeverage);
        sets.push(params);
        targets.push(w);
      } catch {
        failed++;
      }
    }
    if (sets.length === 0)
      throw new UserError(`walk-forward: every parameter set failed in the window ending ${new Date(trainEnd * 864e5).toISOString().slice(0, 10)}`);
    const train = windowRun(prefix, targets, a, b, sim);
    const Tw = b - a;
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < sets.length; k++) {
      const m = summaryMetrics(
        train.equity.subarray(k * Tw, k * Tw + Tw),
        prefix.cash.subarray(a, b),
        bench.subarray(a, b),
        dates.subarray(a, b),
        market.periodsPerYear,
      ) as unknown as Record<string, number>;
      const v = m[key];
      if (v === undefined) throw new UserError(`‹metric› ${o.metric}: not a sweep metric (use sharpe, cagr, sortino, calmar, total_return, max_drawdown, psr)`);
      if (Number.isFinite(v) && v > bestValue) {
        bestValue = v;
        best = k;
      }
    }
    if (best < 0) best = 0;
    // testing: the chosen set on history up to the end of the test window
    const upTo = sliceMarket(market, c);
    const w = evaluateStrategy(strategy, upTo, sets[best]);
    const test = windowRun(upTo, [w], b, c, sim);
    const eq = test.equity.subarray(0, c - b);
    const oos = summaryMetrics(eq, market.cash.subarray(b, c), bench.subarray(b, c), dates.subarray(b, c), market.periodsPerYear) as unknown as Record<
      string,
      number
    >;
    for (let t = 0; t < c - b; t++) {
      oosDates.push(dates[b + t]);
      oosReturns.push(t === 0 ? 0 : eq[t] / eq[t - 1] - 1);
      oosCash.push(market.cash[b + t]);
    }
    windows.push({
      trainFrom: dates[a],
      trainTo: dates[b - 1],
      testFrom: dates[b],
      testTo: dates[c - 1],
      params: sets[best],
      inSample: bestValue,
      outOfSample: oos[key],
      testReturn: eq[c - b - 1] / eq[0] - 1,
      failed,
    });
    if (c >= dates.length) break;
    trainStart = addMonths(trainStart, o.testMonths);
  }
  if (windows.length === 0)
    throw new UserError(
      `walk-forward: the data (${market.dates.length} bars) is too short for ${o.trainMonths} training months plus ${o.testMonths} test months`,
    );
  const d = Int32Array.from(oosDates);
  const r = Float64Array.from(oosReturns);
  return {
    windows,
    dates: d,
    returns: r,
    outOfSample: computeMetrics({ dates: d, returns: r, cash: Float64Array.from(oosCash), periodsPerYear: market.periodsPerYear }),
    inSampleMean: windows.reduce((s, w) => s + w.inSample, 0) / windows.length,
  };
}

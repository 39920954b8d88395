import { betaAlpha } from './beta-alpha.js';
import { cagr } from './cagr.js';
import { calendarReturns } from './calendar-returns.js';
import { drawdownEpisodes } from './drawdowns.js';
import { equityCurve } from '../../core/equity-curve.js';
import { excessReturns } from './excess-returns.js';
import { exposure as meanExposure } from './exposure.js';
import { skewKurtosis } from './moments.js';
import { periodsPerYear as measuredPeriodsPerYear } from '../../core/periods-per-year.js';
import { probabilisticSharpe } from './psr.js';
import { sharpe, sharpePerBar } from './sharpe.js';
import { sortino } from './sortino.js';
import { trackingError } from './tracking.js';
import { historicalVar } from './var.js';
import { volatility } from './volatility.js';

export { METRIC_DEFINITIONS, type Metrics, type MetricUnit } from './metric-definitions.js';
import type { Metrics } from './metric-definitions.js';

/** Inputs of {@link computeMetrics}: per-bar series over one calendar of T bars (index 0 has no return). */
export interface MetricsInput {
  /** Bar dates, days since epoch, ascending. */
  dates: Int32Array;
  /** Per-bar returns, fractions; index 0 is ignored. */
  returns: Float64Array;
  /** Per-bar cash returns, fractions (the risk-free rate of Sharpe, Sortino, alpha). */
  cash: Float64Array;
  /** Bars per year for annualization; measured from `dates` when omitted. */
  periodsPerYear?: number;
  /** Benchmark per-bar returns, for beta, alpha, tracking error and information ratio. */
  benchmark?: Float64Array;
  /** Realized weights after trading, T×A row-major, for exposure (without them exposure is 1). */
  weights?: Float64Array;
  /** A, the number of assets in `weights`. */
  assets?: number;
  /** Turnover per bar (fraction of equity) and rebalance flags, from the simulation. */
  turnover?: Float64Array;
  rebalanced?: Uint8Array;
}

function extremes(xs: number[]): { min: number; max: number; positive: number } {
  let min = Infinity;
  let max = -Infinity;
  let positive = 0;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
    if (x > 0) positive++;
  }
  return xs.length > 0 ? { min, max, positive: positive / xs.length } : { min: NaN, max: NaN, positive: NaN };
}

/** Every metric of a per-bar return series (see METRIC_DEFINITIONS); reports and the CLI only format these. */
export function computeMetrics(input: MetricsInput): Metrics {
  const { dates, returns, cash } = input;
  const T = dates.length;
  if (returns.length !== T || cash.length !== T) throw new Error(`computeMetrics: ${returns.length} returns and ${cash.length} cash returns for ${T} dates`);
  const ppy = input.periodsPerYear ?? measuredPeriodsPerYear(dates);
  const days = T > 1 ? dates[T - 1] - dates[0] : NaN;
  const years = days / 365.25;

  const equity = equityCurve(returns);
  const totalReturn = T > 0 ? equity[T - 1] - 1 : NaN;
  const growth = cagr(totalReturn, days);
  const bars = returns.subarray(1);
  const excess = excessReturns(returns, cash);
  const moments = skewKurtosis(bars);
  const excessMoments = skewKurtosis(excess);

  let worst = { peak: NaN, trough: NaN, recovery: NaN, depth: T > 0 ? 0 : NaN };
  let longest = T > 0 ? 0 : NaN;
  for (const e of drawdownEpisodes(dates, equity)) {
    if (e.depth < worst.depth) worst = e;
    if (e.days > longest) longest = e.days;
  }

  let ruinDate = NaN;
  for (let t = 0; t < T; t++) {
    if (!(equity[t] > 0)) {
      ruinDate = dates[t];
      break;
    }
  }

  let turnoverAnnual = NaN;
  if (input.turnover !== undefined) {
    let s = 0;
    for (let t = 0; t < T; t++) s += input.turnover[t];
    turnoverAnnual = s / years;
  }
  let rebalances = NaN;
  if (input.rebalanced !== undefined) {
    rebalances = 0;
    for (let t = 0; t < T; t++) rebalances += input.rebalanced[t];
  }

  const cal = calendarReturns(dates, returns);
  const months = extremes(cal.months.map((m) => m.ret));
  const yrs = extremes(cal.years.map((y) => y.ret));
  const risk = historicalVar(bars);

  let beta = NaN;
  let alphaAnnual = NaN;
  let te = NaN;
  let ir = NaN;
  if (input.benchmark !== undefined) {
    ({ beta, alphaAnnual } = betaAlpha(excess, excessReturns(input.benchmark, cash), ppy));
    ({ trackingError: te, informationRatio: ir } = trackingError(returns, input.benchmark, ppy));
  }

  return {
    start: T > 0 ? dates[0] : NaN,
    end: T > 0 ? dates[T - 1] : NaN,
    bars: T,
    periodsPerYear: ppy,
    totalReturn,
    cagr: growth,
    volatility: volatility(returns, ppy),
    sharpe: sharpe(excess, ppy),
    sortino: sortino(excess, ppy),
    calmar: worst.depth < 0 ? growth / -worst.depth : NaN,
    maxDrawdown: worst.depth,
    maxDrawdownPeak: worst.peak,
    maxDrawdownTrough: worst.trough,
    maxDrawdownRecovery: worst.recovery,
    ruinDate,
    longestDrawdownDays: longest,
    exposure: input.weights !== undefined && input.assets !== undefined ? meanExposure(input.weights, input.assets) : 1,
    turnoverAnnual,
    rebalances,
    bestMonth: months.max,
    worstMonth: months.min,
    bestYear: yrs.max,
    worstYear: yrs.min,
    positiveMonths: months.positive,
    skew: moments.skew,
    kurtosis: moments.kurtosis,
    var95: risk.var,
    cvar95: risk.cvar,
    beta,
    alphaAnnual,
    trackingError: te,
    informationRatio: ir,
    psr: probabilisticSharpe(sharpePerBar(excess), excess.length, excessMoments.skew, excessMoments.kurtosis),
  };
}

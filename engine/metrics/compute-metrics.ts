import { periodsPerYear as measuredPeriodsPerYear } from '../market/periods-per-year.js';
import { calendarReturns } from './calendar-returns.js';
import { drawdownEpisodes } from './drawdowns.js';
import { mean, skewKurtosis, stdev } from './moments.js';
import { probabilisticSharpe } from './psr.js';
import { betaAlpha, cagr, excessReturns, sharpe, sortino, trackingError, volatility } from './ratios.js';
import { historicalVar } from './var.js';

/**
 * The metrics of one return series. Fractions unless stated; dates are days since
 * 1970-01-01; NaN when undefined (e.g. no benchmark, no drawdown recovery).
 */
export interface Metrics {
  start: number;
  end: number;
  bars: number;
  periodsPerYear: number;
  totalReturn: number;
  cagr: number;
  volatility: number;
  sharpe: number;
  sortino: number;
  calmar: number;
  maxDrawdown: number;
  maxDrawdownPeak: number;
  maxDrawdownTrough: number;
  maxDrawdownRecovery: number;
  longestDrawdownDays: number;
  exposure: number;
  turnoverAnnual: number;
  rebalances: number;
  bestMonth: number;
  worstMonth: number;
  bestYear: number;
  worstYear: number;
  positiveMonths: number;
  skew: number;
  kurtosis: number;
  var95: number;
  cvar95: number;
  beta: number;
  alphaAnnual: number;
  trackingError: number;
  informationRatio: number;
  psr: number;
}

type Unit = 'fraction' | 'ratio' | 'date' | 'count' | 'days' | 'number';

/** Label, unit and definition of every metric, in display order. */
export const METRIC_DEFINITIONS: Record<keyof Metrics, { label: string; unit: Unit; definition: string }> = {
  start: { label: 'Start', unit: 'date', definition: 'first bar' },
  end: { label: 'End', unit: 'date', definition: 'last bar' },
  bars: { label: 'Bars', unit: 'count', definition: 'number of bars' },
  periodsPerYear: { label: 'Bars per year', unit: 'number', definition: '(bars − 1) / years spanned by the calendar' },
  totalReturn: { label: 'Total return', unit: 'fraction', definition: 'final equity / initial equity − 1' },
  cagr: { label: 'CAGR', unit: 'fraction', definition: '(1 + total return)^(365.25 / calendar days) − 1' },
  volatility: { label: 'Volatility (ann.)', unit: 'fraction', definition: 'sample stdev of bar returns × √(bars per year)' },
  sharpe: { label: 'Sharpe (ann.)', unit: 'ratio', definition: 'mean / stdev of bar returns in excess of cash × √(bars per year)' },
  sortino: { label: 'Sortino (ann.)', unit: 'ratio', definition: 'mean excess return / √(mean of squared negative excess returns) × √(bars per year)' },
  calmar: { label: 'Calmar', unit: 'ratio', definition: 'CAGR / |max drawdown|' },
  maxDrawdown: { label: 'Max drawdown', unit: 'fraction', definition: 'largest fall from a running peak of equity' },
  maxDrawdownPeak: { label: 'Max drawdown peak', unit: 'date', definition: 'date of the peak before the largest fall' },
  maxDrawdownTrough: { label: 'Max drawdown trough', unit: 'date', definition: 'date of the bottom of the largest fall' },
  maxDrawdownRecovery: { label: 'Max drawdown recovery', unit: 'date', definition: 'first date back at the peak (empty if never)' },
  longestDrawdownDays: { label: 'Longest drawdown (days)', unit: 'days', definition: 'most calendar days from a peak to its recovery (or to the end)' },
  exposure: { label: 'Exposure', unit: 'fraction', definition: 'mean over bars of Σ|weight| of the assets (1 = fully invested)' },
  turnoverAnnual: { label: 'Turnover (ann.)', unit: 'fraction', definition: 'Σ turnover per trade (fraction of the portfolio replaced) / years' },
  rebalances: { label: 'Rebalances', unit: 'count', definition: 'number of bars with a trade' },
  bestMonth: { label: 'Best month', unit: 'fraction', definition: 'best calendar-month return' },
  worstMonth: { label: 'Worst month', unit: 'fraction', definition: 'worst calendar-month return' },
  bestYear: { label: 'Best year', unit: 'fraction', definition: 'best calendar-year return (partial first/last years included)' },
  worstYear: { label: 'Worst year', unit: 'fraction', definition: 'worst calendar-year return (partial first/last years included)' },
  positiveMonths: { label: 'Positive months', unit: 'fraction', definition: 'share of calendar months with a return > 0' },
  skew: { label: 'Skew', unit: 'number', definition: 'skewness of bar returns (population moments)' },
  kurtosis: { label: 'Excess kurtosis', unit: 'number', definition: 'kurtosis of bar returns − 3 (population moments)' },
  var95: { label: 'VaR 95% (bar)', unit: 'fraction', definition: '5% quantile of bar returns (historical, linear interpolation)' },
  cvar95: { label: 'CVaR 95% (bar)', unit: 'fraction', definition: 'mean of bar returns at or below the VaR' },
  beta: { label: 'Beta', unit: 'ratio', definition: 'cov / var of excess returns against the benchmark' },
  alphaAnnual: { label: 'Alpha (ann.)', unit: 'fraction', definition: "Jensen's alpha: (mean excess − beta × mean benchmark excess) × bars per year" },
  trackingError: { label: 'Tracking error (ann.)', unit: 'fraction', definition: 'stdev of (return − benchmark return) × √(bars per year)' },
  informationRatio: { label: 'Information ratio', unit: 'ratio', definition: 'annualized mean of (return − benchmark) / tracking error' },
  psr: { label: 'Probabilistic Sharpe', unit: 'fraction', definition: 'P(true Sharpe > 0) given skew and kurtosis (Bailey & López de Prado 2012)' },
};

/** Inputs of {@link computeMetrics}: per-bar series over one calendar (index 0 has no return). */
export interface MetricsInput {
  dates: Int32Array;
  /** Per-bar returns (fractions); index 0 is ignored. */
  returns: Float64Array;
  /** Per-bar cash returns (fractions). */
  cash: Float64Array;
  /** Bars per year; measured from `dates` when omitted. */
  periodsPerYear?: number;
  /** Benchmark per-bar returns, for beta, alpha, tracking error and information ratio. */
  benchmark?: Float64Array;
  /** Realized weights T×A after trading (for exposure); without them exposure is 1. */
  weights?: Float64Array;
  assets?: number;
  /** Turnover per bar and rebalance flags from the simulation. */
  turnover?: Float64Array;
  rebalanced?: Uint8Array;
}

/** Every metric of a return series (see {@link METRIC_DEFINITIONS} for the definitions). */
export function computeMetrics(input: MetricsInput): Metrics {
  const { dates, returns, cash } = input;
  const T = dates.length;
  const ppy = input.periodsPerYear ?? measuredPeriodsPerYear(dates);
  const days = T > 1 ? dates[T - 1] - dates[0] : NaN;
  const years = days / 365.25;

  const equity = new Float64Array(T);
  equity[0] = 1;
  for (let t = 1; t < T; t++) equity[t] = equity[t - 1] * (1 + returns[t]);
  const totalReturn = equity[T - 1] - 1;
  const growth = cagr(totalReturn, days);

  const excess = excessReturns(returns, cash);
  const bars = returns.subarray(1);
  const { skew, kurtosis } = skewKurtosis(bars);
  const srBar = mean(excess) / stdev(excess);
  const exSk = skewKurtosis(excess);

  const episodes = drawdownEpisodes(dates, equity);
  let worst = { peak: NaN, trough: NaN, recovery: NaN, depth: 0, days: 0 };
  let longest = 0;
  for (const e of episodes) {
    if (e.depth < worst.depth) worst = e;
    if (e.days > longest) longest = e.days;
  }

  let exposure = 1;
  if (input.weights && input.assets) {
    const A = input.assets;
    let s = 0;
    for (let t = 0; t < T; t++) for (let a = 0; a < A; a++) s += Math.abs(input.weights[t * A + a]);
    exposure = s / T;
  }
  let turnover = NaN;
  let rebalances = NaN;
  if (input.turnover) {
    turnover = 0;
    for (let t = 0; t < T; t++) turnover += input.turnover[t];
    turnover /= years;
  }
  if (input.rebalanced) {
    rebalances = 0;
    for (let t = 0; t < T; t++) rebalances += input.rebalanced[t];
  }

  const cal = calendarReturns(dates, returns);
  const monthRets = cal.months.map((m) => m.ret);
  const yearRets = cal.years.map((y) => y.ret);
  const v = historicalVar(bars);

  let beta = NaN, alphaAnnual = NaN, te = NaN, ir = NaN;
  if (input.benchmark) {
    const bex = excessReturns(input.benchmark, cash);
    ({ beta, alphaAnnual } = betaAlpha(excess, bex, ppy));
    ({ trackingError: te, informationRatio: ir } = trackingError(returns, input.benchmark, ppy));
  }

  return {
    start: dates[0],
    end: dates[T - 1],
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
    longestDrawdownDays: longest,
    exposure,
    turnoverAnnual: turnover,
    rebalances,
    bestMonth: monthRets.length ? Math.max(...monthRets) : NaN,
    worstMonth: monthRets.length ? Math.min(...monthRets) : NaN,
    bestYear: yearRets.length ? Math.max(...yearRets) : NaN,
    worstYear: yearRets.length ? Math.min(...yearRets) : NaN,
    positiveMonths: monthRets.length ? monthRets.filter((r) => r > 0).length / monthRets.length : NaN,
    skew,
    kurtosis,
    var95: v.var,
    cvar95: v.cvar,
    beta,
    alphaAnnual,
    trackingError: te,
    informationRatio: ir,
    psr: probabilisticSharpe(srBar, excess.length, exSk.skew, exSk.kurtosis),
  };
}

/**
 * The metrics of one return series (definitions in METRIC_DEFINITIONS). Fractions unless stated
 * (0.05 = 5 %); annualized where the name or definition says so, else per bar; dates are days
 * since 1970-01-01; NaN when undefined (no benchmark, no recovery, too few bars…).
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
  /** First date with equity ≤ 0 (ruin: the run ends there); NaN if never. */
  ruinDate: number;
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

/** How a metric's number reads: a fraction (0.05 = 5 %), a ratio, a date (days since epoch), a count, calendar days, or a plain number. */
export type MetricUnit = 'fraction' | 'ratio' | 'date' | 'count' | 'days' | 'number';

/** Label, unit and one-line definition of every metric, in display order (used by reports and the CLI). */
export const METRIC_DEFINITIONS: Record<keyof Metrics, { label: string; unit: MetricUnit; definition: string }> = {
  start: { label: 'Start', unit: 'date', definition: 'date of the first bar' },
  end: { label: 'End', unit: 'date', definition: 'date of the last bar' },
  bars: { label: 'Bars', unit: 'count', definition: 'number of bars (closes), including the first, which has no return' },
  periodsPerYear: { label: 'Bars per year', unit: 'number', definition: '(bars − 1) / years spanned by the calendar (days / 365.25), unless set' },
  totalReturn: { label: 'Total return', unit: 'fraction', definition: 'Π(1 + r) − 1 over all bars: final / initial equity − 1' },
  cagr: { label: 'CAGR', unit: 'fraction', definition: '(1 + total return)^(365.25 / calendar days) − 1' },
  volatility: { label: 'Volatility (ann.)', unit: 'fraction', definition: 'sample standard deviation of bar returns × √(bars per year)' },
  sharpe: { label: 'Sharpe (ann.)', unit: 'ratio', definition: 'mean / sample standard deviation of bar returns in excess of cash × √(bars per year)' },
  sortino: { label: 'Sortino (ann.)', unit: 'ratio', definition: 'mean excess return / √(Σ min(excess, 0)² / bars) × √(bars per year)' },
  calmar: { label: 'Calmar', unit: 'ratio', definition: 'CAGR / |max drawdown| (empty without a drawdown)' },
  maxDrawdown: { label: 'Max drawdown', unit: 'fraction', definition: 'largest fall of equity from a running peak: trough / peak − 1 (≤ 0)' },
  maxDrawdownPeak: { label: 'Max drawdown peak', unit: 'date', definition: 'date of the peak before the largest fall' },
  maxDrawdownTrough: { label: 'Max drawdown trough', unit: 'date', definition: 'date of the bottom of the largest fall' },
  maxDrawdownRecovery: { label: 'Max drawdown recovery', unit: 'date', definition: 'first date back at or above that peak (empty if never)' },
  ruinDate: {
    label: 'Ruined on',
    unit: 'date',
    definition: 'first date equity fell to 0 or below: the run ends there, positions closed, equity 0 after (empty if never)',
  },
  longestDrawdownDays: {
    label: 'Longest drawdown (days)',
    unit: 'days',
    definition: 'most calendar days from a peak to its recovery, or to the last bar if not recovered',
  },
  exposure: {
    label: 'Exposure',
    unit: 'fraction',
    definition: 'mean over bars of Σ|weight| of the assets after trading (1 = fully invested; a plain return series counts as 1)',
  },
  turnoverAnnual: { label: 'Turnover (ann.)', unit: 'fraction', definition: 'Σ turnover / years; turnover of a trade = Σ|Δweight| / 2 over assets and cash' },
  rebalances: { label: 'Rebalances', unit: 'count', definition: 'number of bars with a trade' },
  bestMonth: {
    label: 'Best month',
    unit: 'fraction',
    definition: 'best calendar-month return (bar returns compounded by month; partial first/last months included)',
  },
  worstMonth: { label: 'Worst month', unit: 'fraction', definition: 'worst calendar-month return (partial first/last months included)' },
  bestYear: { label: 'Best year', unit: 'fraction', definition: 'best calendar-year return (partial first/last years included)' },
  worstYear: { label: 'Worst year', unit: 'fraction', definition: 'worst calendar-year return (partial first/last years included)' },
  positiveMonths: { label: 'Positive months', unit: 'fraction', definition: 'share of calendar months with a return > 0' },
  skew: { label: 'Skew', unit: 'number', definition: 'skewness of bar returns, m3 / m2^1.5 (population moments)' },
  kurtosis: { label: 'Excess kurtosis', unit: 'number', definition: 'm4 / m2² − 3 of bar returns (population moments; 0 for a normal)' },
  var95: {
    label: 'VaR 95% (bar)',
    unit: 'fraction',
    definition: '5 % quantile of bar returns, historical (linear interpolation between order statistics, Hyndman–Fan type 7); a loss is negative',
  },
  cvar95: { label: 'CVaR 95% (bar)', unit: 'fraction', definition: 'mean of the bar returns at or below the 95 % VaR' },
  beta: { label: 'Beta', unit: 'ratio', definition: 'cov / var of bar returns in excess of cash against the benchmark’s' },
  alphaAnnual: { label: 'Alpha (ann.)', unit: 'fraction', definition: "Jensen's alpha: (mean excess − beta × mean benchmark excess) × bars per year" },
  trackingError: {
    label: 'Tracking error (ann.)',
    unit: 'fraction',
    definition: 'sample standard deviation of (return − benchmark return) × √(bars per year)',
  },
  informationRatio: { label: 'Information ratio', unit: 'ratio', definition: 'mean (return − benchmark return) × bars per year / tracking error' },
  psr: {
    label: 'Probabilistic Sharpe',
    unit: 'fraction',
    definition: 'probability that the true Sharpe ratio > 0, from the per-bar excess Sharpe, its skew and kurtosis (Bailey & López de Prado 2012)',
  },
};

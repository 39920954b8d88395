import { cagr as compoundAnnual } from './cagr.js';
import { probabilisticSharpe } from './psr.js';

/** The metrics a sweep records per parameter set (a subset of Metrics, same definitions). */
export interface SummaryMetrics {
  totalReturn: number;
  cagr: number;
  volatility: number;
  sharpe: number;
  sortino: number;
  maxDrawdown: number;
  calmar: number;
  skew: number;
  kurtosis: number;
  psr: number;
  beta: number;
  /** Per-bar (not annualized) Sharpe ratio of excess returns, for the deflated Sharpe ratio. */
  sharpeBar: number;
}

/** Names of the summary metrics, in column order. */
export const SUMMARY_KEYS: readonly (keyof SummaryMetrics)[] = ['totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'skew', 'kurtosis', 'psr', 'beta', 'sharpeBar'];

/**
 * The sweep's metrics of an equity curve in two passes without allocations, with the same
 * definitions as computeMetrics (a test checks they agree): returns r_t = E_t/E_{t−1} − 1 from
 * bar 1, excess over `cash`, beta against `bench` excess returns; annualized with periodsPerYear.
 */
export function summaryMetrics(equity: Float64Array, cash: Float64Array, bench: Float64Array, dates: Int32Array, periodsPerYear: number): SummaryMetrics {
  const T = equity.length;
  const n = T - 1;
  let sr = 0, sx = 0, sb = 0, down = 0, peak = equity[0], mdd = 0;
  for (let t = 1; t < T; t++) {
    const r = equity[t] / equity[t - 1] - 1;
    const x = r - cash[t];
    sr += r;
    sx += x;
    sb += bench[t] - cash[t];
    if (x < 0) down += x * x;
    if (equity[t] > peak) peak = equity[t];
    const dd = equity[t] / peak - 1;
    if (dd < mdd) mdd = dd;
  }
  const mr = sr / n, mx = sx / n, mb = sb / n;
  let vr = 0, vx = 0, m3 = 0, m4 = 0, x3 = 0, x4 = 0, cov = 0, vb = 0;
  for (let t = 1; t < T; t++) {
    const r = equity[t] / equity[t - 1] - 1;
    const dr = r - mr;
    const dx = r - cash[t] - mx;
    const db = bench[t] - cash[t] - mb;
    vr += dr * dr;
    m3 += dr * dr * dr;
    m4 += dr * dr * dr * dr;
    vx += dx * dx;
    x3 += dx * dx * dx;
    x4 += dx * dx * dx * dx;
    cov += dx * db;
    vb += db * db;
  }
  const total = equity[T - 1] / equity[0] - 1;
  const cagr = compoundAnnual(total, dates[T - 1] - dates[0]);
  const pop2 = vr / n;
  const xpop2 = vx / n;
  const sharpeBar = mx / Math.sqrt(vx / (n - 1));
  const xs = xpop2 > 0 ? x3 / n / Math.pow(xpop2, 1.5) : NaN;
  const xk = xpop2 > 0 ? x4 / n / (xpop2 * xpop2) - 3 : NaN;
  return {
    totalReturn: total,
    cagr,
    volatility: Math.sqrt(vr / (n - 1)) * Math.sqrt(periodsPerYear),
    sharpe: sharpeBar * Math.sqrt(periodsPerYear),
    sortino: (mx / Math.sqrt(down / n)) * Math.sqrt(periodsPerYear),
    maxDrawdown: mdd,
    calmar: mdd < 0 ? cagr / -mdd : NaN,
    skew: pop2 > 0 ? m3 / n / Math.pow(pop2, 1.5) : NaN,
    kurtosis: pop2 > 0 ? m4 / n / (pop2 * pop2) - 3 : NaN,
    psr: probabilisticSharpe(sharpeBar, n, xs, xk),
    beta: vb > 0 ? cov / vb : NaN,
    sharpeBar,
  };
}

import { equityCurve } from '../../core/equity-curve.js';
import { trailingWindowStart } from './trailing-window.js';

/** Trailing-window statistics of one return series at each bar (NaN until a full window exists). */
export interface RollingStats {
  /** Compounded return over the window, Π(1 + r) − 1, fraction. */
  ret: Float64Array;
  /** Annualized volatility: sample standard deviation of the window's bar returns × √(bars per year). */
  volatility: Float64Array;
  /** Annualized Sharpe ratio: mean / sample standard deviation of the window's excess returns × √(bars per year). */
  sharpe: Float64Array;
  /** Beta to the benchmark: cov / var of the window's excess returns (both over cash). */
  beta: Float64Array;
}

/** Inputs of {@link rollingStats}: per-bar series on one calendar (index 0 has no return). */
export interface RollingInput {
  dates: Int32Array;
  returns: ArrayLike<number>;
  cash: ArrayLike<number>;
  benchmark: ArrayLike<number>;
  periodsPerYear: number;
  /** Window length in calendar months (default 12). */
  months?: number;
}

/**
 * Rolling return, volatility, Sharpe ratio and beta over a trailing window of calendar months,
 * with the same definitions as the full-sample metrics (Sharpe 1994; beta as in Jensen 1968),
 * computed in O(T) from prefix sums of values centred on their full-sample means (which keeps
 * the sums of squares well conditioned).
 * @example rollingStats({ dates, returns, cash, benchmark: largeReturns, periodsPerYear: 252 }).sharpe
 */
export function rollingStats(input: RollingInput): RollingStats {
  const { dates, returns, cash, benchmark, periodsPerYear } = input;
  const T = dates.length;
  const start = trailingWindowStart(dates, input.months ?? 12);
  const centre = (f: (t: number) => number) => {
    let s = 0;
    for (let t = 1; t < T; t++) s += f(t);
    return T > 1 ? s / (T - 1) : 0;
  };
  const cr = centre((t) => returns[t]);
  const cx = centre((t) => returns[t] - cash[t]);
  const cb = centre((t) => benchmark[t] - cash[t]);
  // prefix sums over bars 1..t of: r, r², x, x², b, b², x·b (centred); growth from the equity curve
  const P = 7;
  const equity = equityCurve(returns);
  const sums = new Float64Array((T + 1) * P);
  for (let t = 1; t < T; t++) {
    const r = returns[t] - cr;
    const x = returns[t] - cash[t] - cx;
    const b = benchmark[t] - cash[t] - cb;
    const o = t * P,
      p = (t - 1) * P;
    sums[o] = sums[p] + r;
    sums[o + 1] = sums[p + 1] + r * r;
    sums[o + 2] = sums[p + 2] + x;
    sums[o + 3] = sums[p + 3] + x * x;
    sums[o + 4] = sums[p + 4] + b;
    sums[o + 5] = sums[p + 5] + b * b;
    sums[o + 6] = sums[p + 6] + x * b;
  }
  const ret = new Float64Array(T).fill(NaN);
  const volatility = new Float64Array(T).fill(NaN);
  const sharpe = new Float64Array(T).fill(NaN);
  const beta = new Float64Array(T).fill(NaN);
  const ann = Math.sqrt(periodsPerYear);
  for (let t = 1; t < T; t++) {
    const j = start[t];
    if (j < 0) continue;
    const n = t - j;
    const o = t * P,
      p = j * P;
    const d = (k: number) => sums[o + k] - sums[p + k];
    ret[t] = equity[t] / equity[j] - 1;
    if (n < 2) continue;
    const varR = (d(1) - (d(0) * d(0)) / n) / (n - 1);
    const varX = (d(3) - (d(2) * d(2)) / n) / (n - 1);
    const varB = (d(5) - (d(4) * d(4)) / n) / (n - 1);
    const cov = (d(6) - (d(2) * d(4)) / n) / (n - 1);
    volatility[t] = Math.sqrt(Math.max(0, varR)) * ann;
    sharpe[t] = varX > 0 ? ((d(2) / n + cx) / Math.sqrt(varX)) * ann : NaN;
    beta[t] = varB > 0 ? cov / varB : NaN;
  }
  return { ret, volatility, sharpe, beta };
}

import { mean, stdev } from './moments.js';

/** Per-bar excess returns r − c from bar 1 on (bar 0 has no return). */
export function excessReturns(returns: ArrayLike<number>, cash: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, returns.length - 1));
  for (let t = 1; t < returns.length; t++) out[t - 1] = returns[t] - cash[t];
  return out;
}

/** Annualized Sharpe ratio of per-bar excess returns: mean / stdev × √periodsPerYear. */
export function sharpe(excess: ArrayLike<number>, periodsPerYear: number): number {
  return (mean(excess) / stdev(excess)) * Math.sqrt(periodsPerYear);
}

/**
 * Annualized Sortino ratio of per-bar excess returns: mean / downside deviation ×
 * √periodsPerYear, downside deviation = √(Σ min(x, 0)² / n) over all n bars (target 0).
 */
export function sortino(excess: ArrayLike<number>, periodsPerYear: number): number {
  let dd = 0;
  for (let i = 0; i < excess.length; i++) if (excess[i] < 0) dd += excess[i] * excess[i];
  dd = Math.sqrt(dd / excess.length);
  return (mean(excess) / dd) * Math.sqrt(periodsPerYear);
}

/** Annualized volatility: sample stdev of per-bar returns × √periodsPerYear. */
export function volatility(returns: ArrayLike<number>, periodsPerYear: number, from = 1): number {
  return stdev(returns, from) * Math.sqrt(periodsPerYear);
}

/** Compound annual growth rate of a total return earned over `days` calendar days. */
export function cagr(totalReturn: number, days: number): number {
  return days > 0 ? Math.pow(1 + totalReturn, 365.25 / days) - 1 : NaN;
}

/**
 * Beta and Jensen's alpha of per-bar excess returns x against benchmark excess returns b:
 * beta = cov(x, b) / var(b); alpha = (mean(x) − beta·mean(b)) × periodsPerYear (annualized).
 */
export function betaAlpha(x: ArrayLike<number>, b: ArrayLike<number>, periodsPerYear: number): { beta: number; alphaAnnual: number } {
  const mx = mean(x), mb = mean(b);
  let cov = 0, vb = 0;
  for (let i = 0; i < x.length; i++) {
    cov += (x[i] - mx) * (b[i] - mb);
    vb += (b[i] - mb) * (b[i] - mb);
  }
  const beta = vb > 0 ? cov / vb : NaN;
  return { beta, alphaAnnual: (mx - beta * mb) * periodsPerYear };
}

/**
 * Tracking error (annualized stdev of r − b) and information ratio (annualized mean of
 * r − b over the tracking error), per-bar returns from bar 1 on.
 */
export function trackingError(returns: ArrayLike<number>, bench: ArrayLike<number>, periodsPerYear: number): { trackingError: number; informationRatio: number } {
  const d = new Float64Array(Math.max(0, returns.length - 1));
  for (let t = 1; t < returns.length; t++) d[t - 1] = returns[t] - bench[t];
  const te = stdev(d) * Math.sqrt(periodsPerYear);
  return { trackingError: te, informationRatio: te > 0 ? (mean(d) * periodsPerYear) / te : NaN };
}

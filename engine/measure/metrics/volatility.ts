import { stdev } from './moments.js';

/** Annualized volatility, fraction: sample stdev of per-bar returns x[from…] × √periodsPerYear (default from bar 1: bar 0 has no return). */
export function volatility(returns: ArrayLike<number>, periodsPerYear: number, from = 1): number {
  return stdev(returns, from) * Math.sqrt(periodsPerYear);
}

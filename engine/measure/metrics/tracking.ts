import { mean, stdev } from './moments.js';

/**
 * Tracking error (annualized fraction: sample stdev of per-bar active returns d_t = r_t − b_t ×
 * √periodsPerYear) and information ratio (mean(d) × periodsPerYear / tracking error; Grinold &
 * Kahn 2000), over bars 1…T−1.
 */
export function trackingError(
  returns: ArrayLike<number>,
  bench: ArrayLike<number>,
  periodsPerYear: number,
): { trackingError: number; informationRatio: number } {
  const d = new Float64Array(Math.max(0, returns.length - 1));
  for (let t = 1; t < returns.length; t++) d[t - 1] = returns[t] - bench[t];
  const te = stdev(d) * Math.sqrt(periodsPerYear);
  return { trackingError: te, informationRatio: te > 0 ? (mean(d) * periodsPerYear) / te : NaN };
}

import { neweyWestLag } from './newey-west-lag.js';

/** A mean with its heteroskedasticity- and autocorrelation-consistent standard error. */
export interface HacMean {
  n: number;
  mean: number;
  se: number;
  t: number;
  lag: number;
}

/**
 * Newey–West t statistic for the mean of a series: long-run variance
 * S = γ̂₀ + 2 Σ_{j=1..L} (1 − j/(L+1)) γ̂_j with γ̂_j = (1/T) Σ u_t u_{t−j}, u = x − x̄
 * (Bartlett kernel; Newey & West 1987), se = √(S/T), t = x̄ / se. Lag L defaults to
 * floor(4 (T/100)^(2/9)); pass the overlap length (h − 1) for overlapping windows.
 *
 * @example neweyWestMean(Float64Array.of(1, 2, 3, 4), 1) // { mean: 2.5, se: 0.625, t: 4, lag: 1 }
 */
export function neweyWestMean(x: ArrayLike<number>, lag?: number): HacMean {
  const T = x.length;
  const L = Math.min(lag ?? neweyWestLag(T), Math.max(0, T - 1));
  if (T === 0) return { n: 0, mean: NaN, se: NaN, t: NaN, lag: L };
  let mean = 0;
  for (let t = 0; t < T; t++) mean += x[t];
  mean /= T;
  let S = 0,
    maxDev = 0;
  for (let t = 0; t < T; t++) {
    S += (x[t] - mean) ** 2;
    maxDev = Math.max(maxDev, Math.abs(x[t] - mean));
  }
  // a constant series (up to rounding of its mean) has no variance: no t
  if (maxDev <= 1e-12 * Math.abs(mean)) return { n: T, mean, se: NaN, t: NaN, lag: L };
  S /= T;
  for (let j = 1; j <= L; j++) {
    let g = 0;
    for (let t = j; t < T; t++) g += (x[t] - mean) * (x[t - j] - mean);
    S += 2 * (1 - j / (L + 1)) * (g / T);
  }
  const se = S > 0 ? Math.sqrt(S / T) : NaN;
  return { n: T, mean, se, t: se > 0 ? mean / se : NaN, lag: L };
}

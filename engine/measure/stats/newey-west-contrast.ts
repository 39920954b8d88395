import { neweyWestLag } from './newey-west-lag.js';
import type { HacMean } from './newey-west-mean.js';
import { bartlettSum } from './bartlett-sum.js';

/**
 * Newey–West t statistic for the difference of two group means inside one series
 * (μ_a − μ_b, e.g. easing minus tightening): the contrast of the dummy regression
 * x_t = μ_a A_t + μ_b B_t + e_t, with HAC variance Σ_j w_j Σ_t u_t u_{t−j} (w_0 = 1,
 * w_j = 2 (1 − j/(L+1))) of u_t = A_t (x_t − μ_a)/n_a − B_t (x_t − μ_b)/n_b (Bartlett
 * kernel; Newey & West 1987). Members of both groups count in neither.
 *
 * @example neweyWestContrast(spread, isEasing, isTightening) // { mean: μ_a − μ_b, se, t, … }
 */
export function neweyWestContrast(x: ArrayLike<number>, a: ArrayLike<number | boolean>, b: ArrayLike<number | boolean>, lag?: number): HacMean {
  const T = x.length;
  const L = Math.min(lag ?? neweyWestLag(T), Math.max(0, T - 1));
  let na = 0,
    nb = 0,
    sa = 0,
    sb = 0;
  for (let t = 0; t < T; t++) {
    if (a[t] && !b[t]) {
      na++;
      sa += x[t];
    } else if (b[t] && !a[t]) {
      nb++;
      sb += x[t];
    }
  }
  if (na === 0 || nb === 0) return { n: na + nb, mean: NaN, se: NaN, t: NaN, lag: L };
  const ma = sa / na,
    mb = sb / nb;
  const u = new Float64Array(T);
  for (let t = 0; t < T; t++) u[t] = a[t] && !b[t] ? (x[t] - ma) / na : b[t] && !a[t] ? -(x[t] - mb) / nb : 0;
  const S = bartlettSum(u, L);
  const se = S > 0 ? Math.sqrt(S) : NaN;
  const mean = ma - mb;
  return { n: na + nb, mean, se, t: se > 0 ? mean / se : NaN, lag: L };
}

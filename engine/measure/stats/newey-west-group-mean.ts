import { neweyWestLag } from './newey-west-lag.js';
import type { HacMean } from './newey-west-mean.js';
import { bartlettSum } from './bartlett-sum.js';

/**
 * Newey–West t statistic for the mean of the observations of one group inside a longer
 * series (e.g. the bars of the easing phase): the coefficient of the group dummy in
 * x_t = μ D_t + e_t with HAC variance (1/n²)[Σ u_t² + 2 Σ_{j=1..L} (1 − j/(L+1)) Σ u_t u_{t−j}],
 * u_t = D_t (x_t − μ) (Bartlett kernel; Newey & West 1987). Keeping the series' own time
 * positions keeps the dependence between nearby members that a concatenation would hide.
 * Lag defaults to floor(4 (T/100)^(2/9)) of the full series length T.
 *
 * @example neweyWestGroupMean(spread, phaseIsEasing) // { n, mean, se, t, lag }
 */
export function neweyWestGroupMean(x: ArrayLike<number>, member: ArrayLike<number | boolean>, lag?: number): HacMean {
  const T = x.length;
  const L = Math.min(lag ?? neweyWestLag(T), Math.max(0, T - 1));
  let n = 0,
    sum = 0,
    first = -1,
    last = -1;
  for (let t = 0; t < T; t++) {
    if (member[t]) {
      n++;
      sum += x[t];
      if (first < 0) first = t;
      last = t;
    }
  }
  if (n === 0) return { n, mean: NaN, se: NaN, t: NaN, lag: L };
  const mean = sum / n;
  // u is 0 outside the members' span, where it adds nothing to any sum: only the span is kept
  const u = new Float64Array(last - first + 1);
  for (let t = first; t <= last; t++) u[t - first] = member[t] ? x[t] - mean : 0;
  const S = bartlettSum(u, L);
  const se = S > 0 ? Math.sqrt(S) / n : NaN;
  return { n, mean, se, t: se > 0 ? mean / se : NaN, lag: L };
}

/**
 * Small − large over the next h periods from the end of each period t, from per-period returns:
 * Π_{s=t+1}^{t+h} (1 + small_s) − Π (1 + large_s), the difference of the two cumulative returns
 * (the event study's spread, on a calendar of whole periods); NaN where t + h is past the data.
 * `small[0]` and `large[0]` are not used (period 0 has no return). Writes into `out` when given.
 *
 * @example cumulativeSpread(Float64Array.of(0, 0.1, 0.1), Float64Array.of(0, 0, 0.1), 2) // [1.21 − 1.1 = 0.11, NaN, NaN]
 */
export function cumulativeSpread(small: ArrayLike<number>, large: ArrayLike<number>, h: number, out = new Float64Array(small.length)): Float64Array {
  const T = small.length;
  // growth of 1 from the start to the end of each period, in logs (sums keep long products exact enough)
  const ls = new Float64Array(T),
    ll = new Float64Array(T);
  for (let t = 1; t < T; t++) {
    ls[t] = ls[t - 1] + Math.log1p(small[t]);
    ll[t] = ll[t - 1] + Math.log1p(large[t]);
  }
  for (let t = 0; t < T; t++) out[t] = t + h < T ? Math.exp(ls[t + h] - ls[t]) - Math.exp(ll[t + h] - ll[t]) : NaN;
  return out;
}

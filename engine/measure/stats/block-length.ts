/**
 * Automatic mean block length of the stationary bootstrap for the mean of a series
 * (Politis & White 2004, with the correction of Patton, Politis & White 2009): the
 * flat-top lag-window estimate b = (2 Ĝ² / D̂_SB)^(1/3) n^(1/3) with Ĝ = Σ λ(k/M)|k|R̂(k),
 * D̂_SB = 2 (Σ λ(k/M) R̂(k))², λ the trapezoidal flat top; the bandwidth M = 2 m̂, where
 * lags m̂ … m̂ + K_N − 1 are the first run of K_N = max(5, ⌈√log10 n⌉) autocorrelations
 * with |ρ̂| < 2 √(log10 n / n) (as in Patton's reference code `opt_block_length`);
 * capped at min(3 √n, n / 3), floored at 1.
 *
 * @example optimalBlockLength(dailySpreads) // ≈ 1–30 for daily return spreads
 */
export function optimalBlockLength(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 4) return 1;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) e[i] = x[i] - mean;
  const kn = Math.max(5, Math.ceil(Math.sqrt(Math.log10(n))));
  const mMax = Math.ceil(Math.sqrt(n)) + kn;
  const bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3));
  const threshold = 2 * Math.sqrt(Math.log10(n) / n);
  const lags = Math.min(mMax, n - 2);
  const acv = new Float64Array(lags + 1);
  const absCorr = new Float64Array(lags + 1);
  for (let k = 0; k <= lags; k++) {
    let cross = 0,
      v1 = 0,
      v2 = 0;
    for (let t = k; t < n; t++) cross += e[t] * e[t - k];
    for (let t = k + 1; t < n; t++) v1 += e[t] * e[t];
    for (let t = 0; t < n - k - 1; t++) v2 += e[t] * e[t];
    acv[k] = cross / n;
    absCorr[k] = v1 > 0 && v2 > 0 ? Math.abs(cross) / Math.sqrt(v1 * v2) : 0;
  }
  // m̂: the first lag m ≥ 1 after which K_N autocorrelations in a row are insignificant;
  // when there is none, the largest significant lag
  let mHat = -1;
  for (let m = 1; m + kn - 1 <= lags && mHat < 0; m++) {
    let all = true;
    for (let j = m; j < m + kn; j++) if (!(absCorr[j] < threshold)) all = false;
    if (all) mHat = m;
  }
  if (mHat < 0) {
    mHat = 0;
    for (let j = 1; j <= lags; j++) if (!(absCorr[j] < threshold)) mHat = j;
  }
  if (mHat === 0) return 1;
  const M = Math.min(2 * mHat, lags);
  let g = 0,
    lr = acv[0];
  for (let k = 1; k <= M; k++) {
    const r = k / M;
    const lambda = r <= 0.5 ? 1 : 2 * (1 - r);
    g += 2 * lambda * k * acv[k];
    lr += 2 * lambda * acv[k];
  }
  const d = 2 * lr * lr;
  if (!(d > 0)) return 1;
  const b = Math.cbrt((2 * g * g) / d) * Math.cbrt(n);
  return Math.max(1, Math.min(b, bMax));
}

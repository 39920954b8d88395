/** A simple regression y = α + β x with Newey–West standard errors. */
export interface HacRegression {
  n: number;
  alpha: number;
  beta: number;
  seAlpha: number;
  seBeta: number;
  tAlpha: number;
  tBeta: number;
  /** HAC covariance of (α, β): [var α, cov, var β]. */
  cov: [number, number, number];
  /** In-sample R² = 1 − SSR / SST. */
  r2: number;
  lag: number;
}

/**
 * OLS of y on a constant and x with the Newey–West (1987) HAC covariance
 * V = (X'X)⁻¹ [Σ s_t s_t' + Σ_{j=1..L} (1 − j/(L+1)) Σ_t (s_t s_{t−j}' + s_{t−j} s_t')] (X'X)⁻¹,
 * s_t = x_t e_t (Bartlett kernel; no small-sample correction, as statsmodels'
 * `cov_type="HAC"`). Pairs where either value is NaN are dropped. The closed form for one regressor;
 * neweyWestMultiple (newey-west-multiple.ts) is the same estimator for several.
 *
 * @example neweyWestOls(Float64Array.of(1, 3, 2, 5), Float64Array.of(0, 1, 2, 3), 1) // { alpha: 1.1, beta: 1.1, … }
 */
export function neweyWestOls(y: ArrayLike<number>, x: ArrayLike<number>, lag: number): HacRegression {
  const ys: number[] = [],
    xs: number[] = [];
  for (let i = 0; i < Math.min(y.length, x.length); i++) {
    if (Number.isFinite(y[i]) && Number.isFinite(x[i])) {
      ys.push(y[i]);
      xs.push(x[i]);
    }
  }
  const T = ys.length;
  const L = Math.max(0, Math.min(lag, T - 1));
  const nan: HacRegression = { n: T, alpha: NaN, beta: NaN, seAlpha: NaN, seBeta: NaN, tAlpha: NaN, tBeta: NaN, cov: [NaN, NaN, NaN], r2: NaN, lag: L };
  if (T < 3) return nan;
  let sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0;
  for (let t = 0; t < T; t++) {
    sx += xs[t];
    sy += ys[t];
    sxx += xs[t] * xs[t];
    sxy += xs[t] * ys[t];
  }
  const det = T * sxx - sx * sx;
  if (!(Math.abs(det) > 1e-12 * T * sxx)) return nan;
  // (X'X)⁻¹ = [sxx, −sx; −sx, T] / det
  const i00 = sxx / det,
    i01 = -sx / det,
    i11 = T / det;
  const alpha = i00 * sy + i01 * sxy;
  const beta = i01 * sy + i11 * sxy;
  const e = new Float64Array(T);
  let ssr = 0,
    sst = 0;
  const my = sy / T;
  for (let t = 0; t < T; t++) {
    e[t] = ys[t] - alpha - beta * xs[t];
    ssr += e[t] * e[t];
    sst += (ys[t] - my) ** 2;
  }
  // S = Σ_j w_j Σ_t (s_t s_{t−j}' + s_{t−j} s_t'), s_t = (e_t, x_t e_t)
  let s00 = 0,
    s01 = 0,
    s11 = 0;
  for (let t = 0; t < T; t++) {
    const a = e[t],
      b = xs[t] * e[t];
    s00 += a * a;
    s01 += a * b;
    s11 += b * b;
  }
  for (let j = 1; j <= L; j++) {
    const w = 1 - j / (L + 1);
    let c00 = 0,
      c01 = 0,
      c10 = 0,
      c11 = 0;
    for (let t = j; t < T; t++) {
      const a = e[t],
        b = xs[t] * e[t],
        a0 = e[t - j],
        b0 = xs[t - j] * e[t - j];
      c00 += a * a0;
      c01 += a * b0;
      c10 += b * a0;
      c11 += b * b0;
    }
    s00 += w * 2 * c00;
    s01 += w * (c01 + c10);
    s11 += w * 2 * c11;
  }
  // V = I S I with I symmetric 2×2
  const m00 = i00 * s00 + i01 * s01,
    m01 = i00 * s01 + i01 * s11;
  const m10 = i01 * s00 + i11 * s01,
    m11 = i01 * s01 + i11 * s11;
  const v00 = m00 * i00 + m01 * i01;
  const v01 = m00 * i01 + m01 * i11;
  const v11 = m10 * i01 + m11 * i11;
  const seAlpha = Math.sqrt(v00),
    seBeta = Math.sqrt(v11);
  return { n: T, alpha, beta, seAlpha, seBeta, tAlpha: alpha / seAlpha, tBeta: beta / seBeta, cov: [v00, v01, v11], r2: sst > 0 ? 1 - ssr / sst : NaN, lag: L };
}

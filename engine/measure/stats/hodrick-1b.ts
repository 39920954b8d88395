/** Result of {@link hodrick1b}. */
export interface Hodrick1b {
  /** Long-horizon pairs used, slope of Σ_{j=1..h} r_{t+j} on x_t, its 1B standard error and t. */
  n: number;
  beta: number;
  se: number;
  t: number;
}

/**
 * Hodrick's 1B standard error of a long-horizon predictive slope under the null of no
 * predictability: the slope of y_t = r_{t+1} + … + r_{t+h} on (1, x_t), with variance
 * Z⁻¹ S Z⁻¹ / T where S = (1/T) Σ_t ε²_{t+1} w_t w_t', w_t = Σ_{i=0..h−1} (1, x_{t−i}),
 * ε_{t+1} = r_{t+1} − r̄ and Z = (1/T) Σ (1, x_t)'(1, x_t). Rolling the regressor back instead
 * of the returns forward uses one-period residuals, so overlapping windows cost no lag
 * truncation (Hodrick 1992, "Dividend yields and expected stock returns", Review of
 * Financial Studies 5, eq. (8)). `r[t]` is the one-period return earned from t − 1 to t;
 * `x[t]` the predictor known at t (NaN where missing).
 *
 * @example hodrick1b(monthlyLogSpread, bmSpread, 120) // { beta, se, t, n }
 */
export function hodrick1b(r: ArrayLike<number>, x: ArrayLike<number>, h: number): Hodrick1b {
  const T = Math.min(r.length, x.length);
  // the long-horizon slope over pairs with a complete outcome; Z = Σ (1, x_t)'(1, x_t) over the same pairs
  const cum = new Float64Array(T + 1);
  const gaps = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) {
    const ok = Number.isFinite(r[t]);
    cum[t + 1] = cum[t] + (ok ? r[t] : 0);
    gaps[t + 1] = gaps[t] + (ok ? 0 : 1);
  }
  let n = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0;
  for (let t = 0; t + h < T; t++) {
    if (!Number.isFinite(x[t]) || gaps[t + h + 1] - gaps[t + 1] > 0) continue;
    const y = cum[t + h + 1] - cum[t + 1];
    n++;
    sx += x[t];
    sy += y;
    sxx += x[t] * x[t];
    sxy += x[t] * y;
  }
  const nan = { n, beta: NaN, se: NaN, t: NaN };
  const det = n * sxx - sx * sx;
  if (n < 3 || !(det > 0)) return nan;
  const beta = (n * sxy - sx * sy) / det;
  // S = Σ_s ε_s² w w', ε_s = r_s − r̄, w = Σ_{i=1..h} (1, x_{s−i}) when all h values are known
  let rn = 0,
    rs = 0;
  for (let t = 0; t < T; t++) {
    if (Number.isFinite(r[t])) {
      rn++;
      rs += r[t];
    }
  }
  const rbar = rs / rn;
  let m = 0,
    s00 = 0,
    s01 = 0,
    s11 = 0,
    w = 0,
    missing = 0;
  for (let s = 1; s < T; s++) {
    // w over x_{s−h} … x_{s−1}: add x_{s−1}, drop x_{s−1−h}
    if (Number.isFinite(x[s - 1])) w += x[s - 1];
    else missing++;
    if (s - 1 - h >= 0) {
      if (Number.isFinite(x[s - 1 - h])) w -= x[s - 1 - h];
      else missing--;
    }
    if (s < h || missing > 0 || !Number.isFinite(r[s])) continue;
    const e2 = (r[s] - rbar) ** 2;
    s00 += e2 * h * h;
    s01 += e2 * h * w;
    s11 += e2 * w * w;
    m++;
  }
  if (m < 3) return nan;
  // V = Z⁻¹ S Z⁻¹ with Z and S as sums (the 1/T factors cancel); only the slope's variance is needed
  const i01 = -sx / det,
    i11 = n / det;
  const v11 = i01 * (i01 * s00 + i11 * s01) + i11 * (i01 * s01 + i11 * s11);
  const se = Math.sqrt(v11);
  return { n, beta, se, t: beta / se };
}

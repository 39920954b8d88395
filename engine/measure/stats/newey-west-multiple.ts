import { normalCdf } from '../metrics/normal.js';
import { neweyWestLag } from './newey-west-lag.js';
import { invert } from './small-matrix.js';

/** A multiple regression y = X β + e with Newey–West standard errors (see {@link neweyWestMultiple}). */
export interface HacFit {
  /** Observations used (rows where y and every regressor are finite) and regressors, the constant included. */
  n: number;
  k: number;
  /** Truncation lag of the Bartlett kernel. */
  lag: number;
  /** Coefficients in the order [constant, columns…] (no constant when `constant` is false). */
  coef: Float64Array;
  /** HAC standard errors, t = coef / se and two-sided p from the standard normal (large-sample, as statsmodels' default for HAC). */
  se: Float64Array;
  t: Float64Array;
  p: Float64Array;
  /** HAC covariance of the coefficients, k × k row-major. */
  cov: Float64Array;
  /** R² = 1 − SSR / SST (SST about the mean with a constant, about 0 without) and adjusted R² = 1 − (1 − R²)(n − c)/(n − k), c = 1 with a constant. */
  r2: number;
  r2Adj: number;
}

/** Options of {@link neweyWestMultiple}. */
export interface HacOptions {
  /** Bartlett truncation lag; default floor(4 (n/100)^(2/9)) (see neweyWestLag). */
  lag?: number;
  /** Add a constant as the first regressor (default true). */
  constant?: boolean;
}

/** Σ_{t ≥ j} u[t] v[t − j]: a lagged dot product (j = 0: the plain one). */
function lagDot(u: Float64Array, v: Float64Array, j: number): number {
  let sum = 0;
  for (let t = j; t < u.length; t++) sum += u[t] * v[t - j];
  return sum;
}

/** The result when there is no fit: counts kept, every number NaN. */
function nanFit(n: number, k: number, lag: number): HacFit {
  const nan = (m: number) => new Float64Array(m).fill(NaN);
  return { n, k, lag, coef: nan(k), se: nan(k), t: nan(k), p: nan(k), cov: nan(k * k), r2: NaN, r2Adj: NaN };
}

/** A column's (X'X)⁻¹ diagonal × its X'X diagonal beyond this: the regressors are collinear, no fit. */
const COLLINEAR = 1e10;

/**
 * OLS of y on a constant and the `columns` with the Newey–West HAC covariance (Newey & West 1987,
 * Econometrica 55(3), eq. 2), the multiple-regressor form of neweyWestOls:
 * V = (X'X)⁻¹ [Γ₀ + Σ_{j=1..L} (1 − j/(L+1)) (Γ_j + Γ_j')] (X'X)⁻¹, Γ_j = Σ_{t>j} s_t s_{t−j}',
 * s_t = x_t e_t — statsmodels' `OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L})` (no small-sample
 * correction, normal p-values). Rows where y or a regressor is NaN are dropped; the remaining rows
 * keep their order (the lags run over them). Every number is NaN when n ≤ k or the regressors are
 * collinear.
 *
 * @example neweyWestMultiple(excess, [mktRf, smb], { lag: 3 }) // { coef: [α, β_mkt, β_smb], se, t, p, r2, … }
 */
export function neweyWestMultiple(y: ArrayLike<number>, columns: readonly ArrayLike<number>[], options: HacOptions = {}): HacFit {
  const c = options.constant === false ? 0 : 1;
  const k = columns.length + c;
  const rows = new Int32Array(y.length);
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    let ok = Number.isFinite(y[i]);
    for (let j = 0; j < columns.length && ok; j++) ok = Number.isFinite(columns[j][i]);
    if (ok) rows[n++] = i;
  }
  const L = Math.max(0, Math.min(options.lag ?? neweyWestLag(n), n - 1));
  if (n <= k || k === 0) return nanFit(n, k, L);
  // column-major: X[a] is regressor a over the rows used (tight loops, one dot product each)
  const X: Float64Array[] = [];
  const ys = new Float64Array(n);
  for (let r = 0; r < n; r++) ys[r] = y[rows[r]];
  if (c) X.push(new Float64Array(n).fill(1));
  for (const col of columns) {
    const x = new Float64Array(n);
    for (let r = 0; r < n; r++) x[r] = col[rows[r]];
    X.push(x);
  }
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    xty[a] = lagDot(X[a], ys, 0);
    for (let b = a; b < k; b++) xtx[a * k + b] = xtx[b * k + a] = lagDot(X[a], X[b], 0);
  }
  const M = invert(xtx, k);
  for (let a = 0; a < k; a++) if (!(M[a * k + a] * xtx[a * k + a] < COLLINEAR)) return nanFit(n, k, L);
  const coef = new Float64Array(k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) coef[a] += M[a * k + b] * xty[b];
  // residuals e, R² and the scores s_a = x_a e
  const e = Float64Array.from(ys);
  for (let a = 0; a < k; a++) for (let r = 0; r < n; r++) e[r] -= coef[a] * X[a][r];
  let mean = 0;
  for (let r = 0; r < n; r++) mean += ys[r];
  mean = c ? mean / n : 0;
  let ssr = 0,
    sst = 0;
  for (let r = 0; r < n; r++) {
    ssr += e[r] * e[r];
    sst += (ys[r] - mean) ** 2;
  }
  const sc = X.map((x) => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = x[r] * e[r];
    return out;
  });
  // S = Γ₀ + Σ_j w_j (Γ_j + Γ_j'), Γ_j[a][b] = Σ_t s_a[t] s_b[t − j]
  const S = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let v = lagDot(sc[a], sc[b], 0);
      for (let j = 1; j <= L; j++) v += (1 - j / (L + 1)) * (lagDot(sc[a], sc[b], j) + lagDot(sc[b], sc[a], j));
      S[a * k + b] = S[b * k + a] = v;
    }
  }
  // V = M S M (M symmetric)
  const MS = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) for (let d = 0; d < k; d++) MS[a * k + b] += M[a * k + d] * S[d * k + b];
  const cov = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) for (let d = 0; d < k; d++) cov[a * k + b] += MS[a * k + d] * M[d * k + b];
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) cov[a * k + b] = cov[b * k + a] = (cov[a * k + b] + cov[b * k + a]) / 2; // exactly symmetric
  const se = new Float64Array(k),
    t = new Float64Array(k),
    p = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    se[a] = cov[a * k + a] > 0 ? Math.sqrt(cov[a * k + a]) : NaN;
    t[a] = coef[a] / se[a];
    p[a] = Number.isFinite(t[a]) ? 2 * normalCdf(-Math.abs(t[a])) : NaN;
  }
  const r2 = sst > 0 ? 1 - ssr / sst : NaN;
  return { n, k, lag: L, coef, se, t, p, cov, r2, r2Adj: 1 - ((1 - r2) * (n - c)) / (n - k) };
}

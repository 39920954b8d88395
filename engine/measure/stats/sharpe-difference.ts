import { normalCdf, normalQuantile } from '../metrics/normal.js';
import { bartlettSum } from './bartlett-sum.js';
import { neweyWestLag } from './newey-west-lag.js';
import { invert, symmetricEigen } from './small-matrix.js';

/** Options of {@link sharpeDifference}. */
export interface SharpeDifferenceOptions {
  /** Bars per year: the Sharpe ratios, the difference, its SE and interval are multiplied by √periodsPerYear (default 1: per bar). */
  periodsPerYear?: number;
  /**
   * HAC kernel of Ψ̂: `parzen` (default; Ledoit & Wolf's choice) with Andrews' (1991) automatic
   * bandwidth, or `bartlett` (Newey & West 1987) with a fixed `lag`.
   */
  kernel?: 'parzen' | 'bartlett';
  /** Bartlett truncation lag (default floor(4 (T/100)^(2/9))); 0 gives the iid variance. Ignored by `parzen`. */
  lag?: number;
  /** VAR(1) prewhitening of the moment series (Andrews & Monahan 1992), as Ledoit & Wolf do (default: true with `parzen`, false with `bartlett`). */
  prewhiten?: boolean;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

/** The difference of two Sharpe ratios with its HAC standard error, two-sided p-value and interval. */
export interface SharpeDifference {
  /** Paired observations used (bars where both series are finite). */
  n: number;
  /** Sharpe ratios mean / sample standard deviation (n − 1), × √periodsPerYear. */
  sharpeA: number;
  sharpeB: number;
  /** sharpeA − sharpeB. */
  difference: number;
  /** Delta-method standard error of the difference (same scale). */
  se: number;
  /** difference / se. */
  z: number;
  /** Two-sided p-value of H0: equal Sharpe ratios, from the standard normal. */
  p: number;
  /** difference ∓ z_{(1+level)/2} · se. */
  ciLow: number;
  ciHigh: number;
  kernel: 'parzen' | 'bartlett';
  /** Parzen bandwidth S*_T (lags j < S* get weight), or the Bartlett lag. */
  bandwidth: number;
  prewhitened: boolean;
}

const K = 4;

/** Parzen kernel weight (Andrews 1991, eq. 2.7). */
function parzen(x: number): number {
  const a = Math.abs(x);
  return a <= 0.5 ? 1 - 6 * a * a + 6 * a * a * a : a <= 1 ? 2 * (1 - a) ** 3 : 0;
}

/**
 * Andrews' (1991, eq. 6.4) plug-in α̂(2) from an AR(1) fitted by least squares (with intercept) to
 * each of the K columns of `v` (rows × K, row-major), equal weights: Σ 4ρ̂²σ̂⁴/(1−ρ̂)⁸ / Σ σ̂⁴/(1−ρ̂)⁴,
 * σ̂² the mean squared residual.
 */
function andrewsAlpha(v: Float64Array, rows: number): number {
  let num = 0,
    den = 0;
  const m = rows - 1;
  for (let c = 0; c < K; c++) {
    let mx = 0,
      my = 0;
    for (let t = 1; t < rows; t++) {
      mx += v[(t - 1) * K + c];
      my += v[t * K + c];
    }
    mx /= m;
    my /= m;
    let sxy = 0,
      sxx = 0;
    for (let t = 1; t < rows; t++) {
      const x = v[(t - 1) * K + c] - mx;
      sxy += x * (v[t * K + c] - my);
      sxx += x * x;
    }
    const rho = sxx > 0 ? sxy / sxx : 0;
    let s2 = 0;
    for (let t = 1; t < rows; t++) {
      const e = v[t * K + c] - my - rho * (v[(t - 1) * K + c] - mx);
      s2 += e * e;
    }
    s2 /= m;
    num += (4 * rho * rho * s2 * s2) / (1 - rho) ** 8;
    den += (s2 * s2) / (1 - rho) ** 4;
  }
  return den > 0 ? num / den : 0;
}

/**
 * VAR(1) prewhitening (Andrews & Monahan 1992) as in Ledoit & Wolf's code: least squares of
 * y_t on y_{t−1} (no intercept) gives Â; singular values of Â above 0.97 are set to 0.97;
 * returns the residuals y_t − Â y_{t−1} (rows − 1 of them) and D = (I − Â)⁻¹, which recolours
 * their long-run covariance (Ψ̂ = D Ψ̂* Dᵀ). Null when the regressors are singular.
 */
function prewhiten(y: Float64Array, rows: number): { resid: Float64Array; D: Float64Array } | null {
  const xx = new Float64Array(K * K),
    xy = new Float64Array(K * K);
  for (let t = 1; t < rows; t++) {
    for (let i = 0; i < K; i++) {
      const xi = y[(t - 1) * K + i];
      for (let j = 0; j < K; j++) {
        xx[i * K + j] += xi * y[(t - 1) * K + j];
        xy[i * K + j] += xi * y[t * K + j];
      }
    }
  }
  const inv = invert(xx, K);
  if (!Number.isFinite(inv[0])) return null;
  // Â[j][i]: coefficient of y_{t−1,i} in the equation of y_{t,j}  (Â = ((XᵀX)⁻¹ XᵀY)ᵀ)
  const A = new Float64Array(K * K);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) for (let l = 0; l < K; l++) A[j * K + i] += inv[i * K + l] * xy[l * K + j];
  // singular values: eigen-decomposition of ÂᵀÂ; each σ > 0.97 loses (σ − 0.97) u vᵀ, u = Â v / σ
  const ata = new Float64Array(K * K);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) for (let l = 0; l < K; l++) ata[i * K + j] += A[l * K + i] * A[l * K + j];
  const { values, vectors } = symmetricEigen(ata, K);
  const capped = Float64Array.from(A);
  for (let e = 0; e < K; e++) {
    const sigma = Math.sqrt(Math.max(0, values[e]));
    if (!(sigma > 0.97)) continue;
    for (let r = 0; r < K; r++) {
      let u = 0;
      for (let l = 0; l < K; l++) u += A[r * K + l] * vectors[l * K + e];
      u /= sigma;
      for (let c = 0; c < K; c++) capped[r * K + c] -= (sigma - 0.97) * u * vectors[c * K + e];
    }
  }
  const iMinusA = new Float64Array(K * K);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) iMinusA[i * K + j] = (i === j ? 1 : 0) - capped[i * K + j];
  const D = invert(iMinusA, K);
  if (!Number.isFinite(D[0])) return null;
  const resid = new Float64Array((rows - 1) * K);
  for (let t = 1; t < rows; t++) {
    for (let j = 0; j < K; j++) {
      let s = y[t * K + j];
      for (let i = 0; i < K; i++) s -= capped[j * K + i] * y[(t - 1) * K + i];
      resid[(t - 1) * K + j] = s;
    }
  }
  return { resid, D };
}

function empty(n: number, kernel: 'parzen' | 'bartlett', prewhitened: boolean): SharpeDifference {
  return { n, sharpeA: NaN, sharpeB: NaN, difference: NaN, se: NaN, z: NaN, p: NaN, ciLow: NaN, ciHigh: NaN, kernel, bandwidth: NaN, prewhitened };
}

/**
 * Test of the difference of two Sharpe ratios on paired return series (Ledoit & Wolf 2008,
 * "Robust performance hypothesis testing with the Sharpe ratio", J. Empirical Finance 15, §3.1).
 *
 * Δ̂ = μ̂_a/σ̂_a − μ̂_b/σ̂_b; by the delta method on v = (μ_a, μ_b, γ_a, γ_b), γ = E r²,
 * se(Δ̂) = √(∇f(v̂)ᵀ Ψ̂ ∇f(v̂) / T) with ∇f = (γ_a/c_a^{3/2}, −γ_b/c_b^{3/2}, −μ_a/(2 c_a^{3/2}),
 * μ_b/(2 c_b^{3/2})), c = γ − μ², and Ψ̂ the HAC long-run covariance of
 * y_t = (r_a − μ̂_a, r_b − μ̂_b, r_a² − γ̂_a, r_b² − γ̂_b): T/(T − 4) Σ_j k(j/S) Γ̂(j). By default
 * as in the paper: Parzen kernel, Andrews' (1991) bandwidth S* = 2.6614 (α̂ T)^{1/5}, after VAR(1)
 * prewhitening (Andrews & Monahan 1992). One departure from their code: the four moment columns
 * are scaled to unit variance first (∇f scaled to match; with a fixed kernel and lag this changes
 * nothing), because the prewhitening's cap on singular values and the bandwidth's weights are not
 * scale-invariant: unscaled, returns in percent and in fractions give different p-values.
 * `{ kernel: 'bartlett', lag }` gives the Newey–West estimate instead, and lag 0 the iid one,
 * which for normal returns tends to the Jobson–Korkie (1981) variance as corrected by Memmel
 * (2003). p = 2 Φ(−|Δ̂/se|).
 *
 * Why HAC and not their studentized circular block bootstrap: HAC is deterministic (no seed)
 * and O(T) per pair, and the series this project compares are long (thousands of daily bars,
 * over a thousand monthly ones), where its asymptotics apply; the paper's simulations find HAC
 * too liberal in short samples, for which it recommends the bootstrap (not built here). Bars
 * where either series is not finite are dropped from both.
 *
 * @example sharpeDifference(excessA, excessB, { periodsPerYear: 252 }) // { difference, se, p, ciLow, ciHigh, … }
 */
export function sharpeDifference(a: ArrayLike<number>, b: ArrayLike<number>, options: SharpeDifferenceOptions = {}): SharpeDifference {
  const kernel = options.kernel ?? 'parzen';
  const white = options.prewhiten ?? kernel === 'parzen';
  const ra: number[] = [],
    rb: number[] = [];
  for (let t = 0; t < Math.min(a.length, b.length); t++) {
    if (Number.isFinite(a[t]) && Number.isFinite(b[t])) {
      ra.push(a[t]);
      rb.push(b[t]);
    }
  }
  const T = ra.length;
  // the moment regression needs rows beyond the four moments (and T − 4 > 0 after prewhitening)
  if (T < 10) return empty(T, kernel, white);
  let ma = 0,
    mb = 0,
    ga = 0,
    gb = 0;
  for (let t = 0; t < T; t++) {
    ma += ra[t];
    mb += rb[t];
    ga += ra[t] * ra[t];
    gb += rb[t] * rb[t];
  }
  ma /= T;
  mb /= T;
  ga /= T;
  gb /= T;
  let sa = 0,
    sb = 0;
  for (let t = 0; t < T; t++) {
    sa += (ra[t] - ma) ** 2;
    sb += (rb[t] - mb) ** 2;
  }
  const ca = sa / T,
    cb = sb / T;
  // a constant series (up to rounding) has no Sharpe ratio
  if (!(ca > 1e-24 * Math.max(ga, 1e-300) && cb > 1e-24 * Math.max(gb, 1e-300))) return empty(T, kernel, white);
  const scale = Math.sqrt(options.periodsPerYear ?? 1);
  const srA = ma / Math.sqrt(sa / (T - 1)),
    srB = mb / Math.sqrt(sb / (T - 1));
  const grad = [ga / ca ** 1.5, -gb / cb ** 1.5, -ma / (2 * ca ** 1.5), mb / (2 * cb ** 1.5)];
  let y: Float64Array = new Float64Array(T * K);
  for (let t = 0; t < T; t++) {
    y[t * K] = ra[t] - ma;
    y[t * K + 1] = rb[t] - mb;
    y[t * K + 2] = ra[t] * ra[t] - ga;
    y[t * K + 3] = rb[t] * rb[t] - gb;
  }
  // each moment column scaled to unit variance (∇f scaled back), so that the bandwidth and the
  // prewhitening, which are not scale-invariant, do not depend on the units of the returns
  for (let j = 0; j < K; j++) {
    let s2 = 0;
    for (let t = 0; t < T; t++) s2 += y[t * K + j] ** 2;
    const sd = Math.sqrt(s2 / T);
    if (!(sd > 0)) continue;
    for (let t = 0; t < T; t++) y[t * K + j] /= sd;
    grad[j] *= sd;
  }
  let rows = T;
  // h = Dᵀ ∇f, so that ∇fᵀ D Ψ̂* Dᵀ ∇f is the long-run variance of the scalar series h·y*_t
  let h = grad;
  if (white) {
    const p = prewhiten(y, T);
    if (!p) return empty(T, kernel, white);
    y = p.resid;
    rows = T - 1;
    h = grad.map((_, j) => grad.reduce((s, g, i) => s + g * p.D[i * K + j], 0));
  }
  const z = new Float64Array(rows);
  for (let t = 0; t < rows; t++) z[t] = h[0] * y[t * K] + h[1] * y[t * K + 1] + h[2] * y[t * K + 2] + h[3] * y[t * K + 3];
  let sum: number, bandwidth: number;
  if (kernel === 'bartlett') {
    bandwidth = Math.min(options.lag ?? neweyWestLag(rows), rows - 1);
    sum = bartlettSum(z, bandwidth);
  } else {
    bandwidth = 2.6614 * (andrewsAlpha(y, rows) * rows) ** 0.2;
    sum = 0;
    for (let t = 0; t < rows; t++) sum += z[t] * z[t];
    for (let j = 1; j < bandwidth && j < rows; j++) {
      let g = 0;
      for (let t = j; t < rows; t++) g += z[t] * z[t - j];
      sum += 2 * parzen(j / bandwidth) * g;
    }
  }
  const psi = (rows / (rows - 4)) * (sum / rows);
  const se = psi > 0 ? Math.sqrt(psi / T) * scale : NaN;
  const difference = (srA - srB) * scale;
  const zStat = se > 0 ? difference / se : NaN;
  const q = normalQuantile((1 + (options.level ?? 0.95)) / 2);
  return {
    n: T,
    sharpeA: srA * scale,
    sharpeB: srB * scale,
    difference,
    se,
    z: zStat,
    p: Number.isFinite(zStat) ? Math.min(1, 2 * normalCdf(-Math.abs(zStat))) : NaN,
    ciLow: difference - q * se,
    ciHigh: difference + q * se,
    kernel,
    bandwidth,
    prewhitened: white,
  };
}

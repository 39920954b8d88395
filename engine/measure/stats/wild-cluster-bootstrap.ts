import { mulberry32 } from '../../core/random.js';
import type { ClusteredRegression } from './clustered-regression.js';
import { invert } from './small-matrix.js';
import { studentTQuantile, twoSidedTP } from './student-t.js';
import { WEBB_WEIGHTS } from './webb-weights.js';

/** Options of {@link wildClusterBootstrap}. */
export interface WildClusterOptions {
  /** Index of the tested coefficient (default: the last regressor; 0 is the constant). */
  coef?: number;
  /** Random draws when the 6^G weight vectors are more than this (default 9,999). */
  draws?: number;
  seed?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

/** Cluster-robust inference on one coefficient, two ways. */
export interface ClusterInference {
  /** Clusters, observations, and the degrees of freedom of the t reference (G − 1). */
  G: number;
  n: number;
  df: number;
  estimate: number;
  /** CR1 standard error and t = estimate / se. */
  se: number;
  t: number;
  /** Two-sided p of t on G − 1 degrees of freedom, and the matching interval. */
  pT: number;
  ciTLow: number;
  ciTHigh: number;
  /**
   * Two-sided p of the wild cluster restricted bootstrap-t (WCR, Webb weights): the share of
   * bootstrap t statistics at least as large in absolute value as the observed one.
   */
  p: number;
  /** The interval by inverting that test (may be unbounded with few clusters: ±Infinity). */
  ciLow: number;
  ciHigh: number;
  /** Bootstrap weight vectors used, and whether they were all 6^G of them. */
  draws: number;
  enumerated: boolean;
}

/** The result when there is nothing to test: counts kept, every number NaN. */
export function noClusterInference(G = 0, n = 0): ClusterInference {
  return { G, n, df: G - 1, estimate: NaN, se: NaN, t: NaN, pT: NaN, ciTLow: NaN, ciTHigh: NaN, p: NaN, ciLow: NaN, ciHigh: NaN, draws: 0, enumerated: false };
}

/**
 * Inference on one coefficient of a linear model with clustered errors, for few clusters:
 * the CR1 cluster-robust t, V = G/(G−1) · (n−1)/(n−k) · (X'X)⁻¹ Σ_g X_g'ê_g ê_g'X_g (X'X)⁻¹,
 * referred to Student's t on G − 1 degrees of freedom (Cameron, Gelbach & Miller 2008;
 * Bester, Conley & Hansen 2011), and the wild cluster restricted bootstrap-t with Webb's
 * six-point weights: residuals under the null β_j = r, one weight per cluster, the CR1 t
 * recomputed on each bootstrap sample; every one of the 6^G weight vectors when that is at
 * most `draws`, else `draws` random ones (MacKinnon & Webb 2017, "Wild bootstrap inference
 * for wildly different cluster sizes", J. Applied Econometrics 32; Webb 2023). The bootstrap
 * interval inverts that test: each bootstrap t is a ratio of a linear and the square root of
 * a quadratic function of r, so the p-value at any r costs one pass over the draws
 * (Roodman, Nielsen, MacKinnon & Webb 2019). NaN throughout when G < 2.
 *
 * @example wildClusterBootstrap(clusterMean(groupSums, groupCounts)) // { estimate, p, ciLow, ciHigh, pT, … }
 */
export function wildClusterBootstrap(reg: ClusteredRegression, options: WildClusterOptions = {}): ClusterInference {
  const { k, G, n } = reg;
  const j = options.coef ?? k - 1;
  const level = options.level ?? 0.95;
  const alpha = 1 - level;
  const nan = noClusterInference(G, n);
  if (G < 2 || n <= k) return nan;
  const XtX = new Float64Array(k * k),
    Xty = new Float64Array(k);
  for (let g = 0; g < G; g++) {
    for (let a = 0; a < k * k; a++) XtX[a] += reg.xtx[g * k * k + a];
    for (let a = 0; a < k; a++) Xty[a] += reg.xty[g * k + a];
  }
  const M = invert(XtX, k);
  if (Number.isNaN(M[0])) return nan;
  const beta = new Float64Array(k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) beta[a] += M[a * k + b] * Xty[b];
  // per cluster: unrestricted score s_g = X_g'y_g − X_g'X_g β̂; u_g = X_g'X_g q (q moves β̃ with r);
  // r_g = m_j X_g'X_g (m_j: row j of M); ms_g = m_j·s_g; mu_g = m_j·u_g
  const q = new Float64Array(k);
  for (let a = 0; a < k; a++) q[a] = M[a * k + j] / M[j * k + j];
  const s = new Float64Array(G * k),
    u = new Float64Array(G * k),
    rg = new Float64Array(G * k);
  const ms = new Float64Array(G),
    mu = new Float64Array(G);
  let meat = 0;
  for (let g = 0; g < G; g++) {
    const A = g * k * k;
    for (let a = 0; a < k; a++) {
      let ab = 0,
        aq = 0,
        r = 0;
      for (let b = 0; b < k; b++) {
        ab += reg.xtx[A + a * k + b] * beta[b];
        aq += reg.xtx[A + a * k + b] * q[b];
        r += M[j * k + b] * reg.xtx[A + b * k + a];
      }
      s[g * k + a] = reg.xty[g * k + a] - ab;
      u[g * k + a] = aq;
      rg[g * k + a] = r;
    }
    for (let a = 0; a < k; a++) {
      ms[g] += M[j * k + a] * s[g * k + a];
      mu[g] += M[j * k + a] * u[g * k + a];
    }
    meat += ms[g] * ms[g];
  }
  const c = (G / (G - 1)) * ((n - 1) / (n - k));
  const se = Math.sqrt(c * meat);
  const estimate = beta[j];
  const df = G - 1;
  const t = estimate / se;
  const tq = studentTQuantile(1 - alpha / 2, df);
  const out: ClusterInference = { ...nan, estimate, se, t, pT: se > 0 ? twoSidedTP(t, df) : NaN, ciTLow: estimate - tq * se, ciTHigh: estimate + tq * se };
  if (!(se > 0)) return out;

  // bootstrap draws: t*_b(δ) = (p_b + q_b δ) / √(c (A0 + 2 A1 δ + A2 δ²)), δ = β̂_j − r
  const maxDraws = options.draws ?? 9_999;
  const enumerated = Math.pow(6, G) <= maxDraws;
  const B = enumerated ? Math.pow(6, G) : maxDraws;
  const pb = new Float64Array(B),
    qb = new Float64Array(B),
    a0 = new Float64Array(B),
    a1 = new Float64Array(B),
    a2 = new Float64Array(B);
  const w = new Float64Array(G);
  const P = new Float64Array(k),
    Q = new Float64Array(k),
    MP = new Float64Array(k),
    MQ = new Float64Array(k);
  const rnd = mulberry32(options.seed ?? 1);
  for (let b = 0; b < B; b++) {
    if (enumerated) {
      let code = b;
      for (let g = 0; g < G; g++) {
        w[g] = WEBB_WEIGHTS[code % 6];
        code = Math.floor(code / 6);
      }
    } else {
      for (let g = 0; g < G; g++) w[g] = WEBB_WEIGHTS[Math.floor(rnd() * 6)];
    }
    P.fill(0);
    Q.fill(0);
    for (let g = 0; g < G; g++) {
      for (let a = 0; a < k; a++) {
        P[a] += w[g] * s[g * k + a];
        Q[a] += w[g] * u[g * k + a];
      }
    }
    for (let a = 0; a < k; a++) {
      let x = 0,
        y = 0;
      for (let d = 0; d < k; d++) {
        x += M[a * k + d] * P[d];
        y += M[a * k + d] * Q[d];
      }
      MP[a] = x;
      MQ[a] = y;
    }
    pb[b] = MP[j];
    qb[b] = MQ[j];
    let A0 = 0,
      A1 = 0,
      A2 = 0;
    for (let g = 0; g < G; g++) {
      let rp = 0,
        rq = 0;
      for (let a = 0; a < k; a++) {
        rp += rg[g * k + a] * MP[a];
        rq += rg[g * k + a] * MQ[a];
      }
      const x = w[g] * ms[g] - rp;
      const y = w[g] * mu[g] - rq;
      A0 += x * x;
      A1 += x * y;
      A2 += y * y;
    }
    a0[b] = A0;
    a1[b] = A1;
    a2[b] = A2;
  }
  /** Bootstrap p-value of H0: β_j = r. */
  const pAt = (r: number): number => {
    const delta = estimate - r;
    const tObs = Math.abs(delta / se) * (1 - 1e-12);
    let extreme = 0;
    for (let b = 0; b < B; b++) {
      const v = c * (a0[b] + 2 * a1[b] * delta + a2[b] * delta * delta);
      const tb = Math.abs(pb[b] + qb[b] * delta) / Math.sqrt(Math.max(0, v));
      if (!(tb < tObs)) extreme++; // NaN (0/0) counts as extreme: the conservative side
    }
    return extreme / B;
  };
  /** The end of the interval on one side: where the p-value falls to alpha. */
  const bound = (side: -1 | 1): number => {
    let step = Math.max(tq * se, 1e-12 * Math.max(1, Math.abs(estimate)));
    let far = estimate + side * step;
    let grown = 0;
    while (pAt(far) > alpha) {
      if (++grown > 60) return side * Infinity;
      step *= 2;
      far = estimate + side * step;
    }
    let near = estimate;
    for (let it = 0; it < 60; it++) {
      const mid = (near + far) / 2;
      if (pAt(mid) > alpha) near = mid;
      else far = mid;
    }
    return (near + far) / 2;
  };
  return { ...out, p: pAt(0), ciLow: bound(-1), ciHigh: bound(1), draws: B, enumerated };
}

import { describe, expect, it } from 'vitest';
import { clusteredRegression, clusterMean } from '../../../engine/measure/stats/clustered-regression.js';
import { wildClusterBootstrap } from '../../../engine/measure/stats/wild-cluster-bootstrap.js';
import { WEBB_WEIGHTS } from '../../../engine/measure/stats/webb-weights.js';
import { studentTCdf, studentTQuantile, twoSidedTP } from '../../../engine/measure/stats/student-t.js';

/** OLS with CR1 standard errors by brute force (normal equations re-solved for each sample). */
function crFit(y: number[], X: number[][], g: number[]): { b: number[]; se: number[] } {
  const n = y.length,
    k = X[0].length,
    G = new Set(g).size;
  const xtx = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, c) => X.reduce((s, row) => s + row[a] * row[c], 0)));
  const inv = (m: number[][]) => {
    if (k === 1) return [[1 / m[0][0]]];
    const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    return [
      [m[1][1] / det, -m[0][1] / det],
      [-m[1][0] / det, m[0][0] / det],
    ];
  };
  const M = inv(xtx);
  const xty = Array.from({ length: k }, (_, a) => X.reduce((s, row, i) => s + row[a] * y[i], 0));
  const b = M.map((row) => row.reduce((s, v, c) => s + v * xty[c], 0));
  const e = y.map((v, i) => v - X[i].reduce((s, x, c) => s + x * b[c], 0));
  const meat = Array.from({ length: k }, () => new Array(k).fill(0));
  for (let c = 0; c < G; c++) {
    const score = Array.from({ length: k }, (_, a) => X.reduce((s, row, i) => s + (g[i] === c ? row[a] * e[i] : 0), 0));
    for (let a = 0; a < k; a++) for (let d = 0; d < k; d++) meat[a][d] += score[a] * score[d];
  }
  const f = (G / (G - 1)) * ((n - 1) / (n - k));
  const se = Array.from({ length: k }, (_, j) => Math.sqrt(f * M[j].reduce((s, mj, a) => s + mj * meat[a].reduce((t, v, d) => t + v * M[d][j], 0), 0)));
  return { b, se };
}

/** The WCR bootstrap p of H0: β_j = r by enumerating every Webb weight vector and refitting. */
function bruteWildP(y: number[], X: number[][], g: number[], j: number, r: number): number {
  const { b, se } = crFit(y, X, g);
  const t = (b[j] - r) / se[j];
  // restricted fit: y − r·x_j on the other regressors
  const others = X[0].map((_, c) => c).filter((c) => c !== j);
  const yr = y.map((v, i) => v - r * X[i][j]);
  const Xr = X.map((row) => others.map((c) => row[c]));
  const br = Xr[0].length ? crFit(yr, Xr, g).b : [];
  const fitted = X.map((row) => r * row[j] + others.reduce((s, c, q) => s + row[c] * br[q], 0));
  const u = y.map((v, i) => v - fitted[i]);
  const G = new Set(g).size;
  let extreme = 0,
    total = 0;
  const w = new Array(G).fill(0);
  const visit = (c: number) => {
    if (c === G) {
      const ys = fitted.map((f, i) => f + w[g[i]] * u[i]);
      const fit = crFit(ys, X, g);
      if (Math.abs((fit.b[j] - r) / fit.se[j]) >= Math.abs(t) * (1 - 1e-12)) extreme++;
      total++;
      return;
    }
    for (const v of WEBB_WEIGHTS) {
      w[c] = v;
      visit(c + 1);
    }
  };
  visit(0);
  return extreme / total;
}

const Y = [0.3, -0.1, 0.5, 0.2, 0.9, 0.4, -0.3, 0.1, 0.6, 0.05, 0.35];
const D = [1, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0];
const C = [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4];

describe('Student t', () => {
  it('matches tabled quantiles and the Cauchy case by hand', () => {
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.364624, 5);
    expect(studentTQuantile(0.8, 4)).toBeCloseTo(0.940965, 5);
    // 1 df is the Cauchy: P(T ≤ 2) = 1/2 + atan(2)/π
    expect(studentTCdf(2, 1)).toBeCloseTo(0.5 + Math.atan(2) / Math.PI, 12);
    expect(twoSidedTP(2, 1)).toBeCloseTo(1 - (2 * Math.atan(2)) / Math.PI, 12);
    expect(twoSidedTP(NaN, 3)).toBeNaN();
  });
});

describe('wildClusterBootstrap', () => {
  it('two clusters of one value each, by hand: mean 2, CR1 se 1, t 2 on 1 df', () => {
    // y = 1, 3: residuals ∓1, (X'X)⁻¹ = ½, scores ∓1; CR1 factor G/(G−1)·(n−1)/(n−k) = 2
    // V = 2 · ¼ · (1 + 1) = 1
    const r = wildClusterBootstrap(clusterMean([1, 3], [1, 1]));
    expect(r.estimate).toBe(2);
    expect(r.se).toBeCloseTo(1, 14);
    expect(r.t).toBeCloseTo(2, 14);
    expect(r.df).toBe(1);
    expect(r.pT).toBeCloseTo(1 - (2 * Math.atan(2)) / Math.PI, 12);
    // every one of the 36 weight vectors: y* = (w₁, 3 w₂), t* = (w₁ + 3w₂) / |w₁ − 3w₂| (by hand, as above)
    let k = 0;
    for (const a of WEBB_WEIGHTS) for (const b of WEBB_WEIGHTS) if (Math.abs(a + 3 * b) / Math.abs(a - 3 * b) >= 2 * (1 - 1e-12)) k++;
    expect(r.enumerated).toBe(true);
    expect(r.draws).toBe(36);
    expect(r.p).toBeCloseTo(k / 36, 14);
  });

  it('equals a brute-force refit of every one of the 6^5 samples, for a mean and for a dummy’s coefficient', () => {
    const mean = wildClusterBootstrap(clusteredRegression(Y, [], C));
    const X1 = Y.map(() => [1]);
    const fit1 = crFit(Y, X1, C);
    expect(mean.estimate).toBeCloseTo(fit1.b[0], 14);
    expect(mean.se).toBeCloseTo(fit1.se[0], 14);
    expect(mean.draws).toBe(7776);
    expect(mean.p).toBeCloseTo(bruteWildP(Y, X1, C, 0, 0), 14);
    const dummy = wildClusterBootstrap(clusteredRegression(Y, [D], C));
    const X2 = Y.map((_, i) => [1, D[i]]);
    const fit2 = crFit(Y, X2, C);
    expect(dummy.estimate).toBeCloseTo(fit2.b[1], 13);
    expect(dummy.se).toBeCloseTo(fit2.se[1], 13);
    expect(dummy.p).toBeCloseTo(bruteWildP(Y, X2, C, 1, 0), 14);
  });

  it('the interval inverts the test: the brute-force p crosses 5 % at each end', () => {
    const r = wildClusterBootstrap(clusteredRegression(Y, [], C));
    const X1 = Y.map(() => [1]);
    expect(bruteWildP(Y, X1, C, 0, r.ciLow - 1e-6)).toBeLessThanOrEqual(0.05);
    expect(bruteWildP(Y, X1, C, 0, r.ciLow + 1e-6)).toBeGreaterThan(0.05);
    expect(bruteWildP(Y, X1, C, 0, r.ciHigh - 1e-6)).toBeGreaterThan(0.05);
    expect(bruteWildP(Y, X1, C, 0, r.ciHigh + 1e-6)).toBeLessThanOrEqual(0.05);
    expect(r.ciTLow).toBeCloseTo(r.estimate - studentTQuantile(0.975, 4) * r.se, 14);
  });

  it('draws at random beyond 6^G ≤ draws, deterministically per seed; NaN with one cluster', () => {
    const y = Array.from({ length: 40 }, (_, i) => Math.sin(i) + 0.2);
    const g = y.map((_, i) => i % 8);
    const a = wildClusterBootstrap(clusteredRegression(y, [], g), { draws: 999, seed: 3 });
    const b = wildClusterBootstrap(clusteredRegression(y, [], g), { draws: 999, seed: 3 });
    expect(a.enumerated).toBe(false);
    expect(a.draws).toBe(999);
    expect(a).toEqual(b);
    expect(wildClusterBootstrap(clusterMean([1], [3])).p).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { neweyWestMultiple } from '../../../engine/measure/stats/newey-west-multiple.js';
import { neweyWestOls } from '../../../engine/measure/stats/newey-west-ols.js';
import { mulberry32 } from '../../../engine/core/random.js';

// 12 observations, two regressors. The expected numbers were computed independently with numpy:
// b = (X'X)⁻¹X'y; e = y − Xb; s = X * e; S = s's + Σ_j (1 − j/(L+1)) (G_j + G_j'), G_j = s[j:]' s[:−j];
// V = (X'X)⁻¹ S (X'X)⁻¹ (statsmodels' cov_type="HAC" without small-sample correction).
const y = Float64Array.of(0.8, -1.2, 2.5, 0.3, 1.9, -0.7, 3.1, 0.4, -2.2, 1.5, 0.9, 2.8);
const x1 = Float64Array.of(0.5, -1.0, 1.8, 0.2, 1.1, -0.3, 2.0, 0.6, -1.5, 0.7, 0.1, 1.6);
const x2 = Float64Array.of(1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2);

describe('neweyWestMultiple', () => {
  it('matches an independent computation (numpy) with lag 2', () => {
    const r = neweyWestMultiple(y, [x1, x2], { lag: 2 });
    expect(r.n).toBe(12);
    expect(r.k).toBe(3);
    expect(r.lag).toBe(2);
    const coef = [0.21747688243064683, 1.497886393659181, -0.09978863936591797];
    const se = [0.1809928404050903, 0.04248224010569033, 0.10673445666654299];
    coef.forEach((b, j) => expect(r.coef[j]).toBeCloseTo(b, 13));
    se.forEach((s, j) => expect(r.se[j]).toBeCloseTo(s, 13));
    expect(r.cov[0 * 3 + 1]).toBeCloseTo(0.001209333140096947, 14);
    expect(r.cov[1 * 3 + 2]).toBeCloseTo(-0.00021178071324410368, 14);
    expect(r.cov[2 * 3 + 1]).toBe(r.cov[1 * 3 + 2]);
    expect(r.t[2]).toBeCloseTo(-0.9349243204345439, 11);
    // p from the standard normal (statsmodels' default for HAC), not Student's t
    expect(r.p[2]).toBeCloseTo(0.34982730247104105, 9);
    expect(r.p[0]).toBeCloseTo(0.2295273537197462, 9);
    expect(r.r2).toBeCloseTo(0.9593076798476903, 13);
    expect(r.r2Adj).toBeCloseTo(0.9502649420360659, 13);
  });

  it('lag 0 is White’s heteroskedasticity-robust covariance (HC0), same coefficients', () => {
    const r = neweyWestMultiple(y, [x1, x2], { lag: 0 });
    [0.19122926307976496, 0.04675368703078128, 0.12858373094022715].forEach((s, j) => expect(r.se[j]).toBeCloseTo(s, 13));
    expect(r.cov[1]).toBeCloseTo(-0.0007948036936073246, 14);
    expect(r.coef[1]).toBeCloseTo(1.497886393659181, 13);
  });

  it('with one regressor it is neweyWestOls', () => {
    const a = neweyWestMultiple(Float64Array.of(1, 3, 2, 5), [Float64Array.of(0, 1, 2, 3)], { lag: 1 });
    const b = neweyWestOls(Float64Array.of(1, 3, 2, 5), Float64Array.of(0, 1, 2, 3), 1);
    expect(a.coef[0]).toBeCloseTo(b.alpha, 13);
    expect(a.coef[1]).toBeCloseTo(b.beta, 13);
    expect(a.cov[0]).toBeCloseTo(b.cov[0], 13);
    expect(a.cov[1]).toBeCloseTo(b.cov[1], 13);
    expect(a.cov[3]).toBeCloseTo(b.cov[2], 13);
    expect(a.r2).toBeCloseTo(b.r2, 13);
  });

  it('the default lag is floor(4 (n/100)^(2/9)) of the rows used; NaN rows are dropped, the others keep their order', () => {
    const yy = Float64Array.from([...y, NaN, 1]);
    const xx = Float64Array.from([...x1, 0, NaN]);
    const zz = Float64Array.from([...x2, 0, 0]);
    const r = neweyWestMultiple(yy, [xx, zz], { lag: 2 });
    expect(r.n).toBe(12);
    expect(r.se[1]).toBeCloseTo(0.04248224010569033, 13);
    expect(neweyWestMultiple(yy, [xx, zz]).lag).toBe(Math.floor(4 * Math.pow(12 / 100, 2 / 9)));
  });

  it('no fit when the regressors are collinear or there are no more rows than regressors', () => {
    const twice = Float64Array.from(x1, (v) => 2 * v);
    const r = neweyWestMultiple(y, [x1, twice]);
    expect(Number.isNaN(r.coef[1])).toBe(true);
    expect(Number.isNaN(r.r2)).toBe(true);
    const short = neweyWestMultiple(y.subarray(0, 3), [x1.subarray(0, 3), x2.subarray(0, 3)]);
    expect(short.n).toBe(3);
    expect(Number.isNaN(short.se[0])).toBe(true);
  });

  it('recovers the loadings of y = 0.001 + 1.0 · mkt + 0.5 · smb + noise, within their HAC intervals', () => {
    const rnd = mulberry32(7);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const T = 3000;
    const mkt = Float64Array.from({ length: T }, () => 0.01 * gauss());
    const smb = Float64Array.from({ length: T }, () => 0.006 * gauss());
    const out = Float64Array.from({ length: T }, (_, t) => 0.001 + 1.0 * mkt[t] + 0.5 * smb[t] + 0.004 * gauss());
    const r = neweyWestMultiple(out, [mkt, smb]);
    expect(Math.abs(r.coef[1] - 1) / r.se[1]).toBeLessThan(3);
    expect(Math.abs(r.coef[2] - 0.5) / r.se[2]).toBeLessThan(3);
    expect(r.coef[1]).toBeCloseTo(1, 1);
    expect(r.coef[2]).toBeCloseTo(0.5, 1);
    expect(r.t[2]).toBeGreaterThan(10);
    // a wrong null is rejected: the SMB loading is not 0.3
    expect(Math.abs(r.coef[2] - 0.3) / r.se[2]).toBeGreaterThan(5);
  });
});

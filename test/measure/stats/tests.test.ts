import { describe, expect, it } from 'vitest';
import { neweyWestLag } from '../../../engine/measure/stats/newey-west-lag.js';
import { neweyWestMean } from '../../../engine/measure/stats/newey-west-mean.js';
import { neweyWestOls } from '../../../engine/measure/stats/newey-west-ols.js';
import { predictiveRegression } from '../../../engine/measure/stats/predictive-regression.js';
import { fittedWithInterval } from '../../../engine/measure/stats/prediction-interval.js';
import { placeboTest } from '../../../engine/measure/stats/placebo-test.js';
import { signTest } from '../../../engine/measure/stats/sign-test.js';

describe('Newey–West', () => {
  it('default lag floor(4 (T/100)^(2/9))', () => {
    expect(neweyWestLag(100)).toBe(4);
    expect(neweyWestLag(9672)).toBe(Math.floor(4 * Math.pow(96.72, 2 / 9))); // 11
    expect(neweyWestLag(9672)).toBe(11);
  });

  it('t of a mean by hand: x = 1, 2, 3, 4, lag 1', () => {
    // u = −1.5 −0.5 0.5 1.5; γ0 = 5/4 = 1.25; γ1 = (0.75 − 0.25 + 0.75)/4 = 0.3125
    // S = 1.25 + 2 (1/2) 0.3125 = 1.5625; se = √(1.5625/4) = 0.625; t = 2.5 / 0.625 = 4
    const r = neweyWestMean(Float64Array.of(1, 2, 3, 4), 1);
    expect(r.mean).toBe(2.5);
    expect(r.se).toBeCloseTo(0.625, 14);
    expect(r.t).toBeCloseTo(4, 13);
    // lag 0 is the iid (divisor T) standard error: √(1.25/4)
    expect(neweyWestMean(Float64Array.of(1, 2, 3, 4), 0).se).toBeCloseTo(Math.sqrt(1.25 / 4), 14);
  });

  it('regression slope by hand: y = 1 3 2 5 on x = 0 1 2 3, lag 1', () => {
    // β = (4·22 − 6·11)/(4·14 − 36) = 1.1, α = (11 − 6.6)/4 = 1.1; e = −0.1 0.8 −1.3 0.6
    // s_t = (e, x e): Σ s s' = [2.7 5.1; 5.1 10.64]; lag-1 cross sums: ee −1.9, e·(xe)₋₁ −2.6, (xe)·e₋₁ −4.5, (xe)(xe)₋₁ −6.76
    // S = [2.7 − 1.9, 5.1 − 3.55; ·, 10.64 − 6.76] = [0.8 1.55; 1.55 3.88]; (X'X)⁻¹ = [0.7 −0.3; −0.3 0.2]
    // V = (X'X)⁻¹ S (X'X)⁻¹ = [0.0902 −0.0443; −0.0443 0.0412]; R² = 1 − 2.7/8.75
    const r = neweyWestOls(Float64Array.of(1, 3, 2, 5), Float64Array.of(0, 1, 2, 3), 1);
    expect(r.beta).toBeCloseTo(1.1, 14);
    expect(r.alpha).toBeCloseTo(1.1, 14);
    expect(r.cov[0]).toBeCloseTo(0.0902, 12);
    expect(r.cov[1]).toBeCloseTo(-0.0443, 12);
    expect(r.cov[2]).toBeCloseTo(0.0412, 12);
    expect(r.seBeta).toBeCloseTo(Math.sqrt(0.0412), 12);
    expect(r.tBeta).toBeCloseTo(1.1 / Math.sqrt(0.0412), 10);
    expect(r.r2).toBeCloseTo(1 - 2.7 / 8.75, 14);
    // fitted value at x0 = 2: 1.1 + 2.2 = 3.3, se = √(0.0902 − 4·0.0443 + 4·0.0412)
    const f = fittedWithInterval(r, 2);
    expect(f.value).toBeCloseTo(3.3, 13);
    expect(f.se).toBeCloseTo(Math.sqrt(0.0902 - 4 * 0.0443 + 4 * 0.0412), 12);
    expect(f.high - f.value).toBeCloseTo(1.959963984540054 * f.se, 8);
  });
});

describe('predictiveRegression', () => {
  it('out-of-sample R² by hand, horizon 1, two training pairs', () => {
    // origin t uses pairs s ≤ t − 1. t=2: fit (0,1),(1,3) → 1 + 2x → 5 vs y 2 (err² 9), mean 2 (0)
    // t=3: pairs 0..2 → 1.5 + 0.5x → 3 vs 5 (4), mean 2 (9); t=4: pairs 0..3 → 1.1 + 1.1x → 5.5 vs 4 (2.25), mean 2.75 (1.5625)
    // R²_OS = 1 − 15.25 / 10.5625
    const r = predictiveRegression(Float64Array.of(1, 3, 2, 5, 4), Float64Array.of(0, 1, 2, 3, 4), { horizon: 1, minTrain: 2 });
    expect(r.nOos).toBe(3);
    expect(r.r2Oos).toBeCloseTo(1 - 15.25 / 10.5625, 13);
    expect(r.lag).toBe(1);
  });

  it('never trains on an outcome that is not complete at the forecast origin', () => {
    // horizon 2: at t = 3 only pair 0 and 1 are complete (s + 2 ≤ 3); changing y[2] (complete at t = 4) cannot
    // change the t = 3 forecast. With minTrain 2 and T = 4 exactly one forecast (t = 3) is scored.
    const x = Float64Array.of(0, 1, 2, 3);
    const a = predictiveRegression(Float64Array.of(1, 3, 100, 5), x, { horizon: 2, minTrain: 2 });
    const b = predictiveRegression(Float64Array.of(1, 3, -100, 5), x, { horizon: 2, minTrain: 2 });
    expect(a.nOos).toBe(1);
    // forecast 1 + 2·3 = 7 vs y 5 → 4; mean 2 → 9
    expect(a.r2Oos).toBeCloseTo(1 - 4 / 9, 14);
    expect(b.r2Oos).toBe(a.r2Oos);
  });
});

describe('signTest', () => {
  it('exact binomial by hand', () => {
    expect(signTest(3, 8)).toBeCloseTo(186 / 256, 14); // 2 (1 + 8 + 28 + 56) / 256
    expect(signTest(8, 8)).toBeCloseTo(2 / 256, 15);
    expect(signTest(4, 8)).toBe(1);
    expect(signTest(0, 5)).toBeCloseTo(2 / 32, 15);
  });
});

describe('placeboTest', () => {
  it('events on the only special dates of a flat series are as extreme as it gets: p = 1 / (draws + 1)', () => {
    const values = new Float64Array(1000);
    for (const i of [10, 150, 300, 420, 555, 700, 810, 990]) values[i] = 1;
    const r = placeboTest(values, 8, 1, { draws: 2000, seed: 1 });
    expect(r.p).toBeCloseTo(1 / 2001, 15);
    expect(r.rank).toBe(1);
    expect(r.center).toBeCloseTo(0.008, 2);
  });

  it('a value that any date gives: p = 1', () => {
    const r = placeboTest(new Float64Array(50).fill(0.03), 5, 0.03, { draws: 500, seed: 2 });
    expect(r.p).toBe(1);
  });

  it('one event among {0, 0, 0, 1} observed at 1: p ≈ 1/4 (only placebo draws of the 1 are as extreme)', () => {
    const r = placeboTest(Float64Array.of(0, 0, 0, 1), 1, 1, { draws: 10_000, seed: 3 });
    expect(Math.abs(r.p - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(r.rank - 0.75)).toBeLessThan(0.02);
  });

  it('draws without replacement: two of {0, 1, 2, 3} give the exact means of the 6 pairs', () => {
    const r = placeboTest(Float64Array.of(0, 1, 2, 3), 2, 1.5, { draws: 3000, seed: 4 });
    const seen = [...new Set(Array.from(r.distribution))].sort();
    expect(seen).toEqual([0.5, 1, 1.5, 2, 2.5]); // pair sums 1 2 3 3 4 5, never 0 or 3 (a date twice)
    expect(r.p).toBe(1);
  });

  it('refuses nothing silently: n larger than the eligible dates gives NaN', () => {
    expect(placeboTest(Float64Array.of(1, 2), 3, 1).p).toBeNaN();
  });
});

describe('clusteredPlaceboTest', () => {
  it('moves a cluster as a block: two events 2 bars apart on the only special bars of 100 give p ≈ 1/98', async () => {
    const { clusteredPlaceboTest } = await import('../../../engine/measure/stats/clustered-placebo-test.js');
    // the pattern [0, 2] fits anchors 0..97 (98 of them); only anchor 10 reaches the observed mean 1
    const values = new Float64Array(100);
    values[10] = 1;
    values[12] = 1;
    const r = clusteredPlaceboTest(values, [Int32Array.of(0, 2)], 1, { draws: 20_000, seed: 2 });
    expect(r.eligible).toBe(98);
    expect(Math.abs(r.p - 1 / 98)).toBeLessThan(0.003);
    // the same two dates drawn independently would be this extreme only 1 in 98² of the time
    const seen = new Set(Array.from(r.distribution));
    expect([...seen].sort()).toEqual([0, 0.5, 1]); // a block covers 0, 1 or 2 of the special bars
  });

  it('ineligible bars (NaN) are never drawn', async () => {
    const { clusteredPlaceboTest } = await import('../../../engine/measure/stats/clustered-placebo-test.js');
    const values = Float64Array.of(NaN, 1, 2, NaN, 3);
    const r = clusteredPlaceboTest(values, [Int32Array.of(0, 1)], 1.5, { draws: 500, seed: 1 });
    expect(r.eligible).toBe(1); // only anchor 1 (bars 1 and 2)
    expect(new Set(Array.from(r.distribution))).toEqual(new Set([1.5]));
  });
});

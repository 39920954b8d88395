import { describe, expect, it } from 'vitest';
import { hodrick1b } from '../../../engine/measure/stats/hodrick-1b.js';
import { nonOverlappingRegressions } from '../../../engine/measure/stats/non-overlapping-regressions.js';
import { horizonOutcome, predictiveNull } from '../../../engine/measure/stats/predictive-null.js';
import { stationaryIndices } from '../../../engine/measure/stats/stationary-indices.js';
import { mulberry32 } from '../../../engine/core/random.js';

describe('hodrick1b', () => {
  it('one period ahead, by hand: slope −1, variance from the null residuals 0.5', () => {
    // pairs (x_t, r_{t+1}): (0, 1) (1, 0) (0, 2) (1, 1): slope −1. ε_s = r_s − 1 = 0, −1, 1, 0 with w_s = (1, x_{s−1});
    // S = [[2, 1], [1, 1]], Z = [[4, 2], [2, 2]], Z⁻¹ = [[½, −½], [−½, 1]]; V₁₁ = (Z⁻¹ S Z⁻¹)₁₁ = 0.5
    const r = hodrick1b(Float64Array.of(NaN, 1, 0, 2, 1), Float64Array.of(0, 1, 0, 1, 0), 1);
    expect(r.n).toBe(4);
    expect(r.beta).toBeCloseTo(-1, 15);
    expect(r.se).toBeCloseTo(Math.sqrt(0.5), 15);
    expect(r.t).toBeCloseTo(-Math.SQRT2, 14);
  });
});

describe('nonOverlappingRegressions', () => {
  it('every h-th pair from each start, classical t on n − 2 df, by hand', () => {
    // offset 0: (1, 1) (3, 3) (5, 6): dxx 8, dxy 10 → slope 1.25; SSR = 114/9 − 12.5 = 1/6; se √(1/6 / 8)
    const [a, b] = nonOverlappingRegressions(Float64Array.of(1, 9, 3, 9, 6, 9), Float64Array.of(1, 0, 3, 0, 5, 0), 2);
    expect(a.n).toBe(3);
    expect(a.beta).toBeCloseTo(1.25, 14);
    expect(a.t).toBeCloseTo(1.25 / Math.sqrt(1 / 6 / 8), 10);
    expect(a.p).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(a.t), 10);
    expect(b.beta).toBeNaN(); // offset 1: x constant
  });
});

describe('predictive null simulation', () => {
  it('horizonOutcome: the annualized difference of compounded returns, by hand', () => {
    const y = horizonOutcome(Float64Array.of(0, 0.1, 0.1, 0.1), Float64Array.of(0, 0, 0, 0), 2, 1);
    expect(y[0]).toBeCloseTo(0.1, 14);
    expect(y[1]).toBeCloseTo(0.1, 14);
    expect(y[2]).toBeNaN();
  });

  it('is deterministic, and a predictor that is the future return shows up far in the tail', () => {
    const T = 400;
    const rnd = mulberry32(9);
    const small = Float64Array.from({ length: T }, (_, t) => (t ? 0.01 * (rnd() - 0.5) : 0));
    const large = new Float64Array(T);
    const x = horizonOutcome(small, large, 24, 12); // the outcome itself, plus a little noise: slope ≈ 1, R² ≈ 1
    for (let t = 0; t < T; t++) x[t] = Number.isFinite(x[t]) ? x[t] + 0.0002 * (rnd() - 0.5) : 0;
    const input = { small, large, x, horizon: 24, periodsPerYear: 12, minTrain: 60 };
    const a = predictiveNull(input, { draws: 99, seed: 2, x0: 0.01 });
    const b = predictiveNull(input, { draws: 99, seed: 2, x0: 0.01 });
    expect(Buffer.from(a.tStar.buffer)).toEqual(Buffer.from(b.tStar.buffer));
    expect(a.observed.beta).toBeCloseTo(1, 1);
    expect(a.observed.r2).toBeGreaterThan(0.99);
    expect(a.pT).toBeCloseTo(1 / 100, 12);
    expect(a.pOos).toBeCloseTo(1 / 100, 12);
  });
});

describe('stationaryIndices', () => {
  it('blocks of mean length 1 jump every step; very long blocks walk on and wrap', () => {
    const long = stationaryIndices(10, 1e12, mulberry32(4), new Int32Array(10));
    for (let i = 1; i < 10; i++) expect(long[i]).toBe((long[0] + i) % 10);
    const short = stationaryIndices(1000, 1, mulberry32(4), new Int32Array(1000));
    let steps = 0;
    for (let i = 1; i < 1000; i++) if (short[i] === (short[i - 1] + 1) % 1000) steps++;
    expect(steps).toBeLessThan(10); // only by chance (≈ 1 in 1,000 each)
  });
});

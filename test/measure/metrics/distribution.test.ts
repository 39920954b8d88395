import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { mean, skewKurtosis, stdev } from '../../../engine/measure/metrics/moments.js';
import { historicalVar } from '../../../engine/measure/metrics/var.js';
import { avg, FIVE } from './series.js';

const m = computeMetrics({ ...FIVE, periodsPerYear: 252 });

describe('moments', () => {
  it('mean and sample standard deviation', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(stdev([1, 2, 3, 6])).toBeCloseTo(Math.sqrt((4 + 1 + 0 + 9) / 3), 15);
    expect(mean([9, 1, 2], 1)).toBe(1.5);
    expect(Number.isNaN(stdev([1]))).toBe(true);
  });

  it('skew m3 / m2^1.5 and excess kurtosis m4 / m2² − 3 from population moments', () => {
    // deviations from the mean 0.0125 of the bar returns
    const d = [0.0875, -0.2125, 0.0375, 0.0875];
    const m2 = avg(d.map((x) => x ** 2)); // 0.01546875
    const m3 = avg(d.map((x) => x ** 3)); // −0.00205078125
    const m4 = avg(d.map((x) => x ** 4));
    expect(m2).toBeCloseTo(0.01546875, 15);
    expect(m3).toBeCloseTo(-0.00205078125, 15);
    expect(m.skew).toBeCloseTo(m3 / m2 ** 1.5, 12);
    expect(m.kurtosis).toBeCloseTo(m4 / m2 ** 2 - 3, 12);
    // symmetric two-point distribution: skew 0, kurtosis 1 − 3
    const two = skewKurtosis([-1, 1, -1, 1]);
    expect(two.skew).toBeCloseTo(0, 15);
    expect(two.kurtosis).toBeCloseTo(-2, 15);
  });
});

describe('historical VaR and CVaR (per bar, returns)', () => {
  it('5 % quantile by linear interpolation (type 7) and the mean at or below it', () => {
    // sorted −0.2, 0.05, 0.1, 0.1; h = (4 − 1) × 0.05 = 0.15 → −0.2 + 0.15 × (0.05 + 0.2) = −0.1625
    expect(m.var95).toBeCloseTo(-0.1625, 15);
    expect(m.cvar95).toBeCloseTo(-0.2, 15);
  });

  it('on 101 evenly spaced returns −0.50 … +0.50: VaR −0.45, CVaR the mean of the six lowest', () => {
    const x = Float64Array.from({ length: 101 }, (_, i) => i / 100 - 0.5);
    const v = historicalVar(x);
    expect(v.var).toBeCloseTo(-0.45, 14);
    expect(v.cvar).toBeCloseTo(avg([-0.5, -0.49, -0.48, -0.47, -0.46, -0.45]), 14);
    expect(historicalVar(x, 0.99).var).toBeCloseTo(-0.49, 14);
    expect(Number.isNaN(historicalVar([]).var)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { correlationMatrix, pearson } from '../../../engine/measure/analytics/correlation.js';
import { boxStats, quantileSorted } from '../../../engine/measure/analytics/quantiles.js';
import { returnHistogram } from '../../../engine/measure/analytics/return-histogram.js';
import { rollingStats } from '../../../engine/measure/analytics/rolling-stats.js';
import { trailingWindowStart } from '../../../engine/measure/analytics/trailing-window.js';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { normalCdf } from '../../../engine/measure/metrics/normal.js';
import { dayFromYmd, endOfMonth } from '../../../engine/core/dates.js';

const monthEnds = (y: number, m: number, n: number) => Int32Array.from({ length: n }, (_, i) => endOfMonth(dayFromYmd(y, m + i, 1)));

describe('trailing windows', () => {
  it('looks back whole calendar months; month ends map to month ends', () => {
    const d = monthEnds(2020, 1, 14); // 2020-01-31 … 2021-02-28
    const s = trailingWindowStart(d, 12);
    expect(Array.from(s.subarray(0, 12))).toEqual(new Array(12).fill(-1));
    expect(s[12]).toBe(0); // 2021-01-31 → 2020-01-31
    expect(s[13]).toBe(1); // 2021-02-28 → 2020-02-29
  });
});

describe('rolling statistics', () => {
  const dates = monthEnds(2020, 1, 13);
  const returns = Float64Array.from({ length: 13 }, (_, t) => (t === 0 ? 0 : t % 2 ? 0.01 : 0.03));
  const cash = new Float64Array(13);
  const bench = returns.map((x) => 2 * x);
  const r = rollingStats({ dates, returns, cash, benchmark: bench, periodsPerYear: 12 });
  it('hand-computed values at the first full window', () => {
    // mean 0.02, sample sd 0.01·√(12/11): Sharpe = 0.02 / (0.01·√(12/11)) · √12 = 2√11; vol = 0.01·12/√11
    expect(r.sharpe[12]).toBeCloseTo(2 * Math.sqrt(11), 10);
    expect(r.volatility[12]).toBeCloseTo((0.01 * 12) / Math.sqrt(11), 12);
    expect(r.beta[12]).toBeCloseTo(0.5, 12);
    expect(r.ret[12]).toBeCloseTo(1.01 ** 6 * 1.03 ** 6 - 1, 12);
    expect(Number.isNaN(r.sharpe[11])).toBe(true);
  });
  it('agrees with the full-sample metrics on the same bars', () => {
    const noisy = Float64Array.from({ length: 13 }, (_, t) => (t === 0 ? 0 : Math.sin(t * 1.7) / 50));
    const c = Float64Array.from({ length: 13 }, (_, t) => (t === 0 ? 0 : 0.001));
    const x = rollingStats({ dates, returns: noisy, cash: c, benchmark: bench, periodsPerYear: 12 });
    const m = computeMetrics({ dates, returns: noisy, cash: c, benchmark: bench, periodsPerYear: 12 });
    expect(x.sharpe[12]).toBeCloseTo(m.sharpe, 10);
    expect(x.volatility[12]).toBeCloseTo(m.volatility, 12);
    expect(x.beta[12]).toBeCloseTo(m.beta, 10);
    expect(x.ret[12]).toBeCloseTo(m.totalReturn, 12);
  });
});

describe('return histogram', () => {
  it('Freedman–Diaconis width rounded to a nice width, counts and the normal fit', () => {
    const values = [0.001, 0.004, 0.006, 0.012, 0.02];
    const h = returnHistogram([{ name: 's', values }]);
    // IQR = 0.012 − 0.004 = 0.008; 2·0.008·5^(−1/3) = 0.00936 → 0.01
    expect(Array.from(h.edges)).toEqual([0, 0.01, 0.02, 0.03]);
    expect(Array.from(h.series[0].counts)).toEqual([3, 1, 1]);
    const mu = 0.0086,
      sd = Math.sqrt(values.reduce((s, v) => s + (v - mu) ** 2, 0) / 4);
    expect(h.series[0].normal[0]).toBeCloseTo(5 * (normalCdf((0.01 - mu) / sd) - normalCdf(-mu / sd)), 12);
  });
});

describe('quantiles and box statistics', () => {
  it('type 7 quantiles and Tukey whiskers', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25)).toBe(1.75);
    const b = boxStats([100, 2, 1, 3, 4]);
    expect(b).toEqual({ n: 5, min: 1, whiskerLow: 1, q1: 2, median: 3, q3: 4, whiskerHigh: 4, max: 100, mean: 22 });
  });
});

describe('correlation', () => {
  it('Pearson by hand: 15 / √228', () => {
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(15 / Math.sqrt(228), 14);
    expect(pearson([1, NaN, 2, 3], [2, 9, 4, 7])).toBeCloseTo(15 / Math.sqrt(228), 14);
    const m = correlationMatrix([
      [1, 2, 3],
      [2, 4, 7],
      [3, 2, 1],
    ]);
    expect(Array.from(m).map((v) => Number(v.toFixed(6)))).toEqual([1, 0.993399, -1, 0.993399, 1, -0.993399, -1, -0.993399, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_DEFINITIONS, type Metrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { summaryMetrics } from '../../../engine/measure/metrics/summary-metrics.js';
import { mulberry32 } from '../../../engine/core/random.js';
import { days, FIVE } from './series.js';

describe('computeMetrics: simulation inputs and bookkeeping', () => {
  it('start, end, bars', () => {
    const m = computeMetrics({ ...FIVE, periodsPerYear: 252 });
    expect(m.start).toBe(FIVE.dates[0]);
    expect(m.end).toBe(FIVE.dates[4]);
    expect(m.bars).toBe(5);
    expect(m.periodsPerYear).toBe(252);
  });

  it('exposure: mean over bars of Σ|w|; turnover per year; rebalances', () => {
    // weights T×A for 5 bars, 2 assets: Σ|w| = 0, 1, 1, 1, 1 (one short bar: 1.3 − 0.3 gross 1.6)
    const w = Float64Array.of(0, 0, 1, 0, 1, 0, 0.5, 0.5, 1.3, -0.3);
    const m = computeMetrics({ ...FIVE, weights: w, assets: 2, turnover: Float64Array.of(0, 0.5, 0, 0.25, 0), rebalanced: Uint8Array.of(0, 1, 0, 1, 0) });
    expect(m.exposure).toBeCloseTo((0 + 1 + 1 + 1 + 1.6) / 5, 14);
    // Σ turnover 0.75 over 4 / 365.25 years
    expect(m.turnoverAnnual).toBeCloseTo(0.75 / (4 / 365.25), 10);
    expect(m.rebalances).toBe(2);
    // a plain return series counts as fully invested; without simulation data these are NaN
    const plain = computeMetrics(FIVE);
    expect(plain.exposure).toBe(1);
    expect(plain.turnoverAnnual).toBeNaN();
    expect(plain.rebalances).toBeNaN();
  });

  it('defines every metric, and only those', () => {
    const m = computeMetrics(FIVE);
    expect(Object.keys(METRIC_DEFINITIONS).sort()).toEqual(Object.keys(m).sort());
    for (const d of Object.values(METRIC_DEFINITIONS)) {
      expect(d.label.length).toBeGreaterThan(0);
      expect(d.definition.length).toBeGreaterThan(0);
    }
    const dates: (keyof Metrics)[] = ['start', 'end', 'maxDrawdownPeak', 'maxDrawdownTrough', 'maxDrawdownRecovery'];
    for (const k of dates) expect(METRIC_DEFINITIONS[k].unit).toBe('date');
  });

  it('degrades to NaN on a single bar instead of throwing', () => {
    const m = computeMetrics({ dates: days('2020-01-01'), returns: Float64Array.of(0), cash: Float64Array.of(0) });
    expect(m.bars).toBe(1);
    expect(m.totalReturn).toBe(0);
    for (const k of ['cagr', 'volatility', 'sharpe', 'periodsPerYear', 'var95', 'bestMonth', 'psr'] as const) expect(m[k]).toBeNaN();
  });

  it('does not change its inputs', () => {
    const copy = { r: FIVE.returns.slice(), c: FIVE.cash.slice(), b: FIVE.benchmark.slice() };
    computeMetrics({ ...FIVE });
    expect(FIVE.returns).toEqual(copy.r);
    expect(FIVE.cash).toEqual(copy.c);
    expect(FIVE.benchmark).toEqual(copy.b);
  });
});

describe('summaryMetrics (the sweep’s two-pass metrics)', () => {
  it('agrees with computeMetrics on a random 3,000-bar series', () => {
    const rnd = mulberry32(3);
    const T = 3000;
    const dt = Int32Array.from({ length: T }, (_, i) => 10000 + i + Math.floor(i / 5) * 2);
    const ret = Float64Array.from({ length: T }, (_, i) => (i ? (rnd() - 0.49) * 0.03 : 0));
    const cs = Float64Array.from({ length: T }, () => rnd() * 0.0002);
    const bn = Float64Array.from({ length: T }, (_, i) => (i ? ret[i] * 0.7 + (rnd() - 0.5) * 0.01 : 0));
    const eq = new Float64Array(T);
    eq[0] = 1;
    for (let t = 1; t < T; t++) eq[t] = eq[t - 1] * (1 + ret[t]);
    const full = computeMetrics({ dates: dt, returns: ret, cash: cs, benchmark: bn, periodsPerYear: 252 });
    const s = summaryMetrics(eq, cs, bn, dt, 252);
    for (const k of ['totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'skew', 'kurtosis', 'psr', 'beta'] as const) {
      expect(s[k], k).toBeCloseTo(full[k], 9);
    }
  });
});

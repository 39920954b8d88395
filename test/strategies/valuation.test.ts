import { describe, expect, it } from 'vitest';
import { evaluateStrategy } from '../../engine/strategy/evaluate.js';
import { auditStrategy } from '../../engine/strategy/audit.js';
import { builtin } from '../../strategies/index.js';
import { parseParams } from '../../engine/strategy/params.js';
import { aboveTrailingQuantile } from '../../strategies/valuation.js';
import { parseIsoDay } from '../../engine/core/dates.js';
import { loadCatalog } from '../../engine/market/data/catalog.js';
import { buildMarket } from '../../engine/market/build-market.js';
import { makeMarket, monthEnds } from '../helpers/make-market.js';

const valuation = builtin('valuation')!;
const days = (xs: string[]) => Int32Array.from(xs.map(parseIsoDay));
const signal = (a: Float64Array) => Array.from(a, (x) => (Number.isNaN(x) ? null : x));

describe('aboveTrailingQuantile (percentile of month-end values, Hyndman & Fan type 7)', () => {
  const dates = days(monthEnds('2020-01', 8));
  const x = Float64Array.of(NaN, 1.0, 2.0, 1.5, 3.0, 0.5, 2.5, 2.0);

  it('rolling window of 3 months, median: hand-computed', () => {
    // t=3: {1, 2} + 1.5 → median 1.5, 1.5 > 1.5 no; t=4: {1.5, 2} + 3 → 2, yes;
    // t=5: {2, 3}… oldest out: {1.5, 3} + 0.5 → 1.5, no; t=6: {0.5, 3} + 2.5 → 2.5, no;
    // t=7: {0.5, 2.5} + 2 → 2, no. Before t=3 fewer than 3 months are known.
    expect(signal(aboveTrailingQuantile(dates, x, 0.5, 3, true))).toEqual([null, null, null, 0, 1, 0, 0, 0]);
  });

  it('expanding window with at least 3 months: hand-computed', () => {
    // t=4: {1, 1.5, 2, 3} → median 1.75 < 3; t=5: {0.5, 1, 1.5, 2, 3} → 1.5 > 0.5;
    // t=6: {0.5, 1, 1.5, 2, 2.5, 3} → 1.75 < 2.5; t=7: {0.5, 1, 1.5, 2, 2, 2.5, 3} → 2, not above
    expect(signal(aboveTrailingQuantile(dates, x, 0.5, 3, false))).toEqual([null, null, null, 0, 1, 0, 1, 0]);
    // 25th percentile at t=7: h = 6 × 0.25 = 1.5 → 1 + 0.5 × (1.5 − 1) = 1.25 < 2
    expect(aboveTrailingQuantile(dates, x, 0.25, 3, false)[7]).toBe(1);
  });

  it('on daily bars a month contributes the value known at its last bar', () => {
    const d = days(['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02', '2024-02-29', '2024-03-01', '2024-03-04']);
    const v = Float64Array.of(1, 2, 2, 5, 5, 3, 3);
    // January's sample is 2 (not 1); February's is 5 (known from Feb 2). Window of 2 months:
    // 02-01 {2} + 2 → 2, no; 02-02 {2} + 5 → 3.5, yes; 03-01 {5} + 3 → 4, no
    expect(signal(aboveTrailingQuantile(d, v, 0.5, 2, true))).toEqual([null, null, 0, 1, 1, 0, 0]);
  });

  it('an unknown value gives NaN and unknown months are not samples', () => {
    const v = Float64Array.of(2, NaN, 1, 3, NaN, 4, 1, 1);
    // samples: Jan 2, Mar 1, Apr 3, Jun 4, Jul 1 (Feb and May unknown)
    const out = signal(aboveTrailingQuantile(dates, v, 0.5, 2, false));
    expect(out).toEqual([null, null, 0, 1, null, 1, 0, 0]);
  });
});

describe('valuation strategy', () => {
  const dates = monthEnds('2020-01', 8);
  const market = makeMarket({
    dates,
    small: [100, 101, 102, 103, 104, 105, 106, 107],
    large: [100, 100, 100, 100, 100, 100, 100, 100],
    frequency: 'monthly',
    series: { bm_spread: [NaN, 1.0, 2.0, 1.5, 3.0, 0.5, 2.5, 2.0] },
  });

  it('holds small caps where the spread beats its trailing percentile, else large (also while unknown)', () => {
    const w = evaluateStrategy(valuation, market, parseParams(valuation.params, ['months=12', 'window=expanding'], 'valuation'));
    expect(Array.from({ length: 8 }, (_, t) => [w[2 * t], w[2 * t + 1]])).toEqual(new Array(8).fill([0, 1])); // 12 months never reached
    const e = evaluateStrategy(valuation, market, { pct: 50, window: 'expanding', months: 3, otherwise: 'large' });
    expect(Array.from({ length: 8 }, (_, t) => e[2 * t])).toEqual([0, 0, 0, 0, 1, 0, 1, 0]);
    expect(Array.from({ length: 8 }, (_, t) => e[2 * t + 1])).toEqual([1, 1, 1, 1, 0, 1, 0, 1]);
    const c = evaluateStrategy(valuation, market, { pct: 50, window: 'rolling', months: 3, otherwise: 'cash' });
    expect(Array.from({ length: 8 }, (_, t) => c[2 * t] + c[2 * t + 1])).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
  });

  it('does not change its inputs and passes the look-ahead audit on the shipped Fama/French data', () => {
    const ff = buildMarket(loadCatalog(), { universe: 'ff', series: ['bm_spread'] });
    const before = ff.series.bm_spread.slice();
    for (const window of ['rolling', 'expanding']) {
      const params = parseParams(valuation.params, [`window=${window}`, 'months=60', 'pct=70'], 'valuation');
      const res = auditStrategy(valuation, ff, params, { randomCuts: 10 });
      expect(res.firstOffence).toBeUndefined();
      expect(res.ok).toBe(true);
    }
    expect(ff.series.bm_spread).toEqual(before);
  });

  it('on the shipped data, matches an independent computation of the 10-year rolling median', () => {
    // Computed separately from data/bm_size.csv (NumPy quantile, default method): at the month end
    // the spread known is that of two months earlier; 2000-06: 2.5189 vs median 1.4284 → small;
    // 2009-03: 1.6100 vs 1.8074 → large; 2020-09: 2.1651 vs 1.4050 → small
    const ff = buildMarket(loadCatalog(), { universe: 'ff', series: ['bm_spread'] });
    const w = evaluateStrategy(valuation, ff, parseParams(valuation.params, [], 'valuation'));
    const small = (iso: string) => w[ff.dates.indexOf(parseIsoDay(iso)) * 2];
    expect(ff.series.bm_spread[ff.dates.indexOf(parseIsoDay('2000-06-30'))]).toBeCloseTo(2.51892128185, 10);
    expect(small('2000-06-30')).toBe(1);
    expect(small('2009-03-31')).toBe(0);
    expect(small('2020-09-30')).toBe(1);
  });
});

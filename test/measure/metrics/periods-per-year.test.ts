import { describe, expect, it } from 'vitest';
import { dayFromYmd, parseIsoDay, weekday } from '../../../engine/core/dates.js';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { periodsPerYear } from '../../../engine/core/periods-per-year.js';
import { stdev } from '../../../engine/measure/metrics/moments.js';

/** Every weekday from 2001-01-01 for `n` bars. */
function weekdays(n: number): Int32Array {
  const out: number[] = [];
  for (let d = parseIsoDay('2001-01-01'); out.length < n; d++) if (weekday(d) !== 0 && weekday(d) !== 6) out.push(d);
  return Int32Array.from(out);
}

/** Month-end dates from January 2000. */
function monthEnds(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, k) => dayFromYmd(2000, k + 2, 1) - 1);
}

describe('periodsPerYear: measured from the calendar, never assumed', () => {
  it('is (bars − 1) / (days spanned / 365.25)', () => {
    const d = Int32Array.of(0, 10, 365);
    expect(periodsPerYear(d)).toBeCloseTo(2 / (365 / 365.25), 14);
    expect(periodsPerYear(Int32Array.of(5))).toBeNaN();
  });
  it('about 261 for weekdays (252 with exchange holidays), 12 for month ends', () => {
    const daily = weekdays(2610);
    expect(periodsPerYear(daily)).toBeCloseTo(2609 / ((daily[2609] - daily[0]) / 365.25), 12);
    expect(Math.abs(periodsPerYear(daily) - 261)).toBeLessThan(0.5);
    const monthly = monthEnds(121);
    expect(Math.abs(periodsPerYear(monthly) - 12)).toBeLessThan(0.01);
  });
  it('computeMetrics annualizes daily and monthly series with the measured number', () => {
    for (const dates of [weekdays(600), monthEnds(37)]) {
      const T = dates.length;
      const r = Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : t % 3 === 0 ? -0.02 : 0.015));
      const m = computeMetrics({ dates, returns: r, cash: new Float64Array(T) });
      const ppy = (T - 1) / ((dates[T - 1] - dates[0]) / 365.25);
      expect(m.periodsPerYear).toBeCloseTo(ppy, 12);
      expect(m.volatility).toBeCloseTo(stdev(r, 1) * Math.sqrt(ppy), 12);
    }
    const daily = computeMetrics({ dates: weekdays(600), returns: new Float64Array(600).fill(0.001), cash: new Float64Array(600) });
    const monthly = computeMetrics({ dates: monthEnds(37), returns: new Float64Array(37).fill(0.001), cash: new Float64Array(37) });
    expect(daily.periodsPerYear).toBeGreaterThan(250);
    expect(monthly.periodsPerYear).toBeCloseTo(12, 1);
  });
});

import { describe, expect, it } from 'vitest';
import { calendarReturns } from '../../../engine/measure/metrics/calendar-returns.js';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { days, FIVE } from './series.js';

// Dec 2020 (partial), Jan 2021 (two bars), Feb 2021, Mar 2021
const dt = days('2020-12-30', '2020-12-31', '2021-01-04', '2021-01-29', '2021-02-01', '2021-03-31');
const r = Float64Array.of(0, 0.1, 0.2, -0.1, -0.5, 0.3);

describe('calendar returns', () => {
  it('compounds bar returns by the month and year of each bar’s date (partial periods included)', () => {
    const c = calendarReturns(dt, r);
    expect(c.months.map((x) => [x.year, x.month, +x.ret.toFixed(12)])).toEqual([
      [2020, 12, 0.1],
      [2021, 1, +(1.2 * 0.9 - 1).toFixed(12)],
      [2021, 2, -0.5],
      [2021, 3, 0.3],
    ]);
    expect(c.years.map((x) => [x.year, +x.ret.toFixed(12)])).toEqual([
      [2020, 0.1],
      [2021, +(1.2 * 0.9 * 0.5 * 1.3 - 1).toFixed(12)],
    ]);
    // bar 0 has no return: a one-bar series has no periods
    expect(calendarReturns(dt.subarray(0, 1), r.subarray(0, 1))).toEqual({ months: [], years: [] });
  });

  it('best and worst month and year, share of positive months', () => {
    const m = computeMetrics({ dates: dt, returns: r, cash: new Float64Array(6) });
    expect(m.bestMonth).toBeCloseTo(0.3, 14);
    expect(m.worstMonth).toBeCloseTo(-0.5, 14);
    expect(m.positiveMonths).toBe(3 / 4);
    expect(m.bestYear).toBeCloseTo(0.1, 14);
    expect(m.worstYear).toBeCloseTo(1.2 * 0.9 * 0.5 * 1.3 - 1, 14);
  });

  it('the five-bar week is one month and one year', () => {
    const m = computeMetrics({ ...FIVE, periodsPerYear: 252 });
    const week = 1.1 * 0.8 * 1.05 * 1.1 - 1;
    for (const k of ['bestMonth', 'worstMonth', 'bestYear', 'worstYear'] as const) expect(m[k]).toBeCloseTo(week, 14);
    expect(m.positiveMonths).toBe(1);
  });
});

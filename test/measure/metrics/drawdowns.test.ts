import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../engine/core/dates.js';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { drawdownEpisodes, drawdownSeries, drawdownTable } from '../../../engine/measure/metrics/drawdowns.js';
import { days, FIVE } from './series.js';

const iso = (d: number) => (Number.isNaN(d) ? null : isoDay(d));

describe('drawdowns', () => {
  it('series: equity over the running peak, minus 1', () => {
    const eq = Float64Array.of(1, 0.9, 1.05, 0.7, 1.1, 1.0);
    const dd = Array.from(drawdownSeries(eq));
    const want = [0, 0.9 / 1 - 1, 0, 0.7 / 1.05 - 1, 0, 1.0 / 1.1 - 1];
    dd.forEach((x, i) => expect(x).toBeCloseTo(want[i], 15));
  });

  it('episodes with peak, trough and recovery dates; the table lists the deepest first', () => {
    const dt = days('2020-01-01', '2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08');
    const eq = Float64Array.of(1, 0.9, 1.05, 0.7, 1.1, 1.0);
    const rows = (xs: ReturnType<typeof drawdownEpisodes>) => xs.map((e) => [iso(e.peak), iso(e.trough), iso(e.recovery), +e.depth.toFixed(12), e.days]);
    // 1 → 0.9 → back at 1.05 on 01-03 (2 days); 1.05 → 0.7 → 1.1 on 01-07 (4 days); 1.1 → 1.0, not recovered (1 day to the end)
    expect(rows(drawdownEpisodes(dt, eq))).toEqual([
      ['2020-01-01', '2020-01-02', '2020-01-03', -0.1, 2],
      ['2020-01-03', '2020-01-06', '2020-01-07', +(0.7 / 1.05 - 1).toFixed(12), 4],
      ['2020-01-07', '2020-01-08', null, +(1 / 1.1 - 1).toFixed(12), 1],
    ]);
    expect(rows(drawdownTable(dt, eq, 2))).toEqual([
      ['2020-01-03', '2020-01-06', '2020-01-07', +(0.7 / 1.05 - 1).toFixed(12), 4],
      ['2020-01-01', '2020-01-02', '2020-01-03', -0.1, 2],
    ]);
    // equal to the peak counts as recovered
    expect(rows(drawdownEpisodes(days('2020-01-01', '2020-01-02', '2020-01-03'), Float64Array.of(1, 0.5, 1)))).toEqual([
      ['2020-01-01', '2020-01-02', '2020-01-03', -0.5, 2],
    ]);
  });

  it('computeMetrics: max drawdown −20 % from 1.1 (01-05) to 0.88 (01-06), not recovered, 3 days long', () => {
    const m = computeMetrics({ ...FIVE, periodsPerYear: 252 });
    expect(m.maxDrawdown).toBeCloseTo(0.88 / 1.1 - 1, 14);
    expect(iso(m.maxDrawdownPeak)).toBe('2021-01-05');
    expect(iso(m.maxDrawdownTrough)).toBe('2021-01-06');
    expect(Number.isNaN(m.maxDrawdownRecovery)).toBe(true);
    expect(m.longestDrawdownDays).toBe(3);
  });

  it('computeMetrics: the recovery date, and the longest drawdown may not be the deepest', () => {
    const dt = days('2020-01-01', '2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08', '2020-02-28');
    // equity 1, 0.5, 1.0 (recovered 01-03), 0.9, 0.95, 0.99, 0.98 (a shallow dip to the end)
    const eq = [1, 0.5, 1.0, 0.9, 0.95, 0.99, 0.98];
    const r = Float64Array.from(eq, (e, t) => (t === 0 ? 0 : e / eq[t - 1] - 1));
    const m = computeMetrics({ dates: dt, returns: r, cash: new Float64Array(7) });
    expect(m.maxDrawdown).toBeCloseTo(-0.5, 14);
    expect(iso(m.maxDrawdownRecovery)).toBe('2020-01-03');
    expect(m.longestDrawdownDays).toBe(dt[6] - dt[2]); // 56 days from 01-03 to 02-28
    expect(m.longestDrawdownDays).toBe(56);
  });

  it('a series that never falls has no drawdown', () => {
    const m = computeMetrics({ dates: days('2020-01-01', '2020-01-02', '2020-01-03'), returns: Float64Array.of(0, 0.01, 0.02), cash: new Float64Array(3) });
    expect(m.maxDrawdown).toBe(0);
    expect(Number.isNaN(m.maxDrawdownPeak)).toBe(true);
    expect(m.longestDrawdownDays).toBe(0);
    expect(Number.isNaN(m.calmar)).toBe(true);
  });
});

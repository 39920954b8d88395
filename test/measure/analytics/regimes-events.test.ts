import { describe, expect, it } from 'vitest';
import { annualize, regimeTable } from '../../../engine/measure/analytics/regimes.js';
import { eventStudy, summarizeEvents } from '../../../engine/measure/analytics/event-study.js';
import { parseIsoDay as d, isoDay } from '../../../engine/core/dates.js';
import { Phase, type FedCycle } from '../../../engine/core/types.js';

const days = (...xs: string[]) => Int32Array.from(xs.map(d));

describe('regimeTable', () => {
  const dates = days('2020-01-01', '2020-01-02', '2020-01-03', '2020-01-04', '2020-01-05');
  const strategy = Float64Array.of(0, 0.1, -0.05, 0.02, 0.03);
  const small = Float64Array.of(0, 0.2, 0.1, -0.1, 0.0);
  const large = Float64Array.of(0, 0.05, 0.05, 0.05, 0.05);
  // phase known at each close; bar t's return is attributed to phase[t−1]
  const phase = Int8Array.of(Phase.Easing, Phase.Easing, Phase.Tightening, Phase.Hold, Phase.Hold);
  const cycles: FedCycle[] = [
    { id: 1, direction: 'easing', start: d('2019-12-01'), end: d('2020-01-01'), moves: 1, changeBp: -25, confirmed: d('2019-12-01') },
    { id: 2, direction: 'tightening', start: d('2020-01-03'), end: d('2020-01-03'), moves: 1, changeBp: 25, confirmed: d('2020-01-03') },
  ];
  const rows = regimeTable({ dates, strategy, small, large, phase, cycles });

  it('chains returns by the phase held during each bar', () => {
    const easing = rows.find((r) => r.scope === 'phase' && r.label === 'easing')!;
    expect(easing.bars).toBe(2); // bars 1 and 2
    expect(easing.days).toBe(2);
    expect(easing.strategy).toBeCloseTo(1.1 * 0.95 - 1, 14);
    expect(easing.small).toBeCloseTo(1.2 * 1.1 - 1, 14);
    expect(easing.large).toBeCloseTo(1.05 * 1.05 - 1, 14);
    expect(easing.relative).toBeCloseTo((1.2 * 1.1) / (1.05 * 1.05) - 1, 14);
    // a 2-day period is not annualized (its period return is `small`)
    expect(easing.smallAnn).toBeNaN();
    const hold = rows.find((r) => r.label === 'hold')!;
    expect(hold.bars).toBe(1); // bar 4 (phase at bar 3 is hold)
    expect(hold.strategy).toBeCloseTo(0.03, 14);
    const tight = rows.find((r) => r.label === 'tightening')!;
    expect(tight.small).toBeCloseTo(-0.1, 14);
  });

  it('splits cycles at the next cycle start (ex-post dates)', () => {
    const cyc = rows.filter((r) => r.scope === 'cycle');
    expect(cyc.map((r) => [r.label, r.bars])).toEqual([
      ['easing 2019-12-01', 2],
      ['tightening 2020-01-03', 2],
    ]);
    expect(cyc[1].strategy).toBeCloseTo(1.02 * 1.03 - 1, 14);
  });

  it('annualizes over calendar days', () => {
    expect(annualize(0.21, 730.5)).toBeCloseTo(0.1, 12);
  });
});

describe('eventStudy', () => {
  // month-end style levels: small doubles over a year, large +10 %
  const dates = days('2020-01-02', '2020-01-03', '2020-02-03', '2020-04-03', '2020-07-02', '2021-01-04');
  const small = Float64Array.of(100, 100, 110, 120, 150, 200);
  const large = Float64Array.of(50, 50, 51, 52, 53, 55);
  const strategy = Float64Array.of(1, 1, 1.1, 1.2, 1.3, 1.5);

  it('enters at the close of the event day and exits at the last bar before the anniversary', () => {
    const rows = eventStudy({ dates, small, large, strategy }, [{ event: 'first-cut', date: d('2020-01-03') }], [1, 3, 12]);
    // 12 months after 2020-01-03 is 2021-01-03, a Sunday: the last bar on or before it is 2020-07-02
    expect(rows.map((r) => [r.horizonMonths, isoDay(r.entryDate), isoDay(r.exitDate)])).toEqual([
      [1, '2020-01-03', '2020-02-03'],
      [3, '2020-01-03', '2020-04-03'],
      [12, '2020-01-03', '2020-07-02'],
    ]);
    expect(rows[2].small).toBeCloseTo(0.5, 14);
    expect(rows[0].small).toBeCloseTo(0.1, 14);
    expect(rows[0].large).toBeCloseTo(0.02, 14);
    expect(rows[0].spread).toBeCloseTo(0.08, 14);
    expect(rows[0].strategy).toBeCloseTo(0.1, 14);
  });

  it('enters on the next bar when the event falls on a non-trading day, and is empty past the data', () => {
    const rows = eventStudy({ dates, small, large, strategy }, [{ event: 'cut', date: d('2020-02-01') }], [1, 24]);
    expect(isoDay(rows[0].entryDate)).toBe('2020-02-03');
    // 2020-03-03 → the last bar on or before it is the entry bar itself: no return to measure
    expect(Number.isNaN(rows[0].exitDate)).toBe(true);
    expect(Number.isNaN(rows[0].small)).toBe(true);
    expect(Number.isNaN(rows[1].exitDate)).toBe(true);
  });

  it('summarizes means, medians and hit rates over complete rows', () => {
    const rows = [
      { event: 'x', eventDate: 0, entryDate: 0, horizonMonths: 1, exitDate: 1, strategy: 0.1, small: 0.1, large: 0.0, spread: 0.1 },
      { event: 'x', eventDate: 0, entryDate: 0, horizonMonths: 1, exitDate: 1, strategy: 0.0, small: -0.2, large: 0.1, spread: -0.3 },
      { event: 'x', eventDate: 0, entryDate: 0, horizonMonths: 1, exitDate: 1, strategy: 0.2, small: 0.3, large: 0.1, spread: 0.2 },
      { event: 'x', eventDate: 0, entryDate: 0, horizonMonths: 1, exitDate: NaN, strategy: NaN, small: NaN, large: NaN, spread: NaN },
    ];
    const [s] = summarizeEvents(rows);
    expect(s.n).toBe(3);
    expect(s.smallMean).toBeCloseTo(0.2 / 3, 14);
    expect(s.smallMedian).toBeCloseTo(0.1, 14);
    expect(s.spreadMedian).toBeCloseTo(0.1, 14);
    expect(s.spreadHitRate).toBeCloseTo(2 / 3, 14);
    expect(s.strategyMean).toBeCloseTo(0.1, 14);
  });
});

describe('eventStudy on a month-end calendar', () => {
  it('maps month ends to month ends (June 30 + 1 month = July 31)', () => {
    const dates = days('2020-05-31', '2020-06-30', '2020-07-31', '2020-08-31');
    const lvl = Float64Array.of(1, 1, 1.1, 1.2);
    const [row] = eventStudy({ dates, small: lvl, large: lvl, strategy: lvl }, [{ event: 'first-cut', date: d('2020-06-10') }], [1]);
    expect(isoDay(row.entryDate)).toBe('2020-06-30');
    expect(isoDay(row.exitDate)).toBe('2020-07-31');
    expect(row.small).toBeCloseTo(0.1, 14);
  });
});

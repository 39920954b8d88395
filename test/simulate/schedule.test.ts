import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../engine/core/dates.js';
import { periodKey, scheduleMask } from '../../engine/simulate/schedule.js';
import { simulate } from '../../engine/simulate/simulate.js';
import { market, N, rel } from './build.js';

const days = (xs: string[]) => Int32Array.from(xs.map(parseIsoDay));

// nine bars over three months; the month ends in the data are 01-29, 02-26 and 03-31 (the last bar)
const DATES = ['2021-01-27', '2021-01-28', '2021-01-29', '2021-02-01', '2021-02-15', '2021-02-26', '2021-03-01', '2021-03-15', '2021-03-31'];

describe('scheduleMask', () => {
  it('monthly: last bar of each month (plus the very last bar), or first bar of each month', () => {
    expect(Array.from(scheduleMask(days(DATES), { kind: 'period', period: 'monthly', at: 'last' })!)).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 1]);
    expect(Array.from(scheduleMask(days(DATES), { kind: 'period', period: 'monthly', at: 'first' })!)).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0]);
    // a series ending mid-month (Monday 2021-02-15) does not trade on its last bar: February goes on after the data
    expect(Array.from(scheduleMask(days(DATES.slice(0, 5)), { kind: 'period', period: 'monthly', at: 'last' })!)).toEqual([0, 0, 1, 0, 0]);
    // one ending on the month's last weekday does (Friday 2021-02-26: the next weekday is in March)
    expect(Array.from(scheduleMask(days(DATES.slice(0, 6)), { kind: 'period', period: 'monthly', at: 'last' })!)).toEqual([0, 0, 1, 0, 0, 1]);
  });

  it('weekly: weeks run Monday to Sunday', () => {
    const d = ['2024-03-07', '2024-03-08', '2024-03-11', '2024-03-15', '2024-03-17', '2024-03-18'];
    // the last bar, Monday 2024-03-18, is not the last of its week
    expect(Array.from(scheduleMask(days(d), { kind: 'period', period: 'weekly', at: 'last' })!)).toEqual([0, 1, 0, 0, 1, 0]);
    expect(Array.from(scheduleMask(days(d), { kind: 'period', period: 'weekly', at: 'first' })!)).toEqual([1, 0, 1, 0, 0, 1]);
    // 1970-01-04 was a Sunday, 1970-01-05 a Monday
    expect(periodKey(3, 'weekly')).toBe(0);
    expect(periodKey(4, 'weekly')).toBe(1);
    expect(periodKey(-4, 'weekly')).toBe(-1); // 1969-12-28, a Sunday
    expect(periodKey(-3, 'weekly')).toBe(0); // 1969-12-29, a Monday
  });

  it('quarterly and yearly', () => {
    const d = ['2019-12-30', '2019-12-31', '2020-01-02', '2020-03-31', '2020-04-01', '2020-06-30', '2020-07-01'];
    expect(Array.from(scheduleMask(days(d), { kind: 'period', period: 'quarterly', at: 'last' })!)).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(scheduleMask(days(d), { kind: 'period', period: 'quarterly', at: 'first' })!)).toEqual([1, 0, 1, 0, 1, 0, 1]);
    expect(Array.from(scheduleMask(days(d), { kind: 'period', period: 'yearly', at: 'last' })!)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(scheduleMask(days(d), { kind: 'period', period: 'yearly', at: 'first' })!)).toEqual([1, 0, 1, 0, 0, 0, 0]);
  });

  it('is null for schedules that do not depend on the calendar', () => {
    expect(scheduleMask(days(DATES), { kind: 'on-change' })).toBeNull();
    expect(scheduleMask(days(DATES), { kind: 'drift', band: 0.1 })).toBeNull();
  });
});

describe('simulate: periodic rebalancing', () => {
  // a gains 2 % a bar, b is flat
  const a = [0, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02];
  const b = new Array(9).fill(0);
  // 50/50 from the start; on 2021-02-01 a decision for 20/80
  const rows = [[0.5, 0.5], [N], [N], [0.2, 0.8], [N], [N], [N], [N], [N]];

  it('monthly (last) trades only on month-end bars; a new target waits, holdings drift', () => {
    const res = simulate(market([a, b], rows, { dates: DATES }), { lag: 0, rebalance: { kind: 'period', period: 'monthly', at: 'last' } });
    // bar 0: the first target trades at once; 01-29, 02-26, 03-31: month ends
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 1]);
    // by hand: bar 2 back to 50/50, bars 3–5 drift, bar 5 to 20/80, bars 6–8 drift, bar 8 back to 20/80
    let ha = 0.5;
    let hb = 0.5;
    ha *= 1.02 * 1.02; // bars 1–2
    let E = ha + hb;
    expect(res.equity[2]).toBeCloseTo(E, 14);
    ha = 0.5 * E;
    hb = 0.5 * E;
    ha *= 1.02 * 1.02; // bars 3–4: the 20/80 decision of bar 3 waits
    E = ha + hb;
    expect(res.weights[8]).toBeCloseTo(ha / E, 14); // bar 4, asset a
    expect(res.targets[8]).toBe(0.2);
    ha *= 1.02; // bar 5, then trade
    E = ha + hb;
    expect(rel(res.equity[5], E)).toBeLessThanOrEqual(1e-14);
    ha = 0.2 * E;
    hb = 0.8 * E;
    ha *= 1.02 * 1.02 * 1.02; // bars 6–8
    E = ha + hb;
    expect(rel(res.equity[8], E)).toBeLessThanOrEqual(1e-14);
    expect(res.weights[16]).toBeCloseTo(0.2, 14);
  });

  it('monthly (first) trades on the first bar of each month', () => {
    const res = simulate(market([a, b], rows, { dates: DATES }), { lag: 0, rebalance: { kind: 'period', period: 'monthly', at: 'first' } });
    // bar 0 (first target), 02-01 (also the 20/80 decision), 03-01
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0]);
    expect(res.weights[6]).toBeCloseTo(0.2, 14);
  });

  it('a decision with lag 1 on a month end waits for the next month end', () => {
    const late = [[0.5, 0.5], [N], [0.2, 0.8], [N], [N], [N], [N], [N], [N]];
    const res = simulate(market([a, b], late, { dates: DATES }), { lag: 1, rebalance: { kind: 'period', period: 'monthly', at: 'last' } });
    // first target effective at bar 1 (trades at once); decided 01-29, effective 02-01, traded 02-26
    expect(Array.from(res.rebalanced)).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 1]);
    expect(res.weights[4]).toBeCloseTo(0.5, 14); // bar 2: a month end, back to 50/50 (the new target is not effective yet)
    expect(res.weights[10]).toBeCloseTo(0.2, 14);
  });
});

describe('simulate: drift band', () => {
  it('rebalances when a weight strays more than the band from its target', () => {
    const a = [0, 0.1, 0.1, 0.1, 0];
    const b = [0, 0, 0, 0, 0];
    const res = simulate(market([a, b], [[0.5, 0.5]]), { lag: 0, rebalance: { kind: 'drift', band: 0.05 } });
    // bar 1: 0.55 / 1.05 = 0.524; bar 2: 0.605 / 1.105 = 0.548 (in band); bar 3: 0.6655 / 1.1655 = 0.571 > 0.55
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 0, 1, 0]);
    expect(res.weights[4]).toBeCloseTo(0.605 / 1.105, 14);
    expect(res.weights[6]).toBeCloseTo(0.5, 14);
    expect(res.equity[3]).toBeCloseTo(1.1655, 14);
  });

  it('a changed target trades even inside the band; a band of 0 trades on any drift', () => {
    const a = [0, 0.01, 0, 0.01];
    const b = [0, 0, 0, 0];
    const res = simulate(market([a, b], [[0.5, 0.5], [N], [0.51, 0.49], [N]]), { lag: 0, rebalance: { kind: 'drift', band: 0.05 } });
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 1, 0]);
    const tight = simulate(market([a, b], [[0.5, 0.5]]), { lag: 0, rebalance: { kind: 'drift', band: 0 } });
    expect(Array.from(tight.rebalanced)).toEqual([1, 1, 0, 1]);
  });

  it('drifts on short positions too (weights as signed fractions)', () => {
    const a = [0, 0.2, 0];
    const res = simulate(market([a], [[-0.5]]), { lag: 0, allowShort: true, rebalance: { kind: 'drift', band: 0.05 } });
    // bar 1: a −0.6, cash 1.5, E 0.9: weight −0.667, 0.167 from the target
    expect(res.rebalanced[1]).toBe(1);
    expect(res.weights[1]).toBeCloseTo(-0.5, 14);
  });
});

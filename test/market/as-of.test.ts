import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asOfJoin } from '../../engine/market/as-of.js';
import { publicationDay, publicationDays } from '../../engine/market/publication.js';
import { intersectDates } from '../../engine/market/intersect-dates.js';
import { compoundBetween } from '../../engine/market/compound-between.js';
import { parseIsoDay as d, isoDay } from '../../engine/core/dates.js';

const days = (...xs: string[]) => Int32Array.from(xs.map(d));

describe('publication rules', () => {
  it('close: known on the date itself', () => {
    expect(isoDay(publicationDay(d('2024-03-15'), { rule: 'close' }))).toBe('2024-03-15');
  });
  it('business-days: skips weekends', () => {
    expect(isoDay(publicationDay(d('2024-03-15'), { rule: 'business-days', n: 1 }))).toBe('2024-03-18'); // Fri → Mon
    expect(isoDay(publicationDay(d('2024-03-13'), { rule: 'business-days', n: 1 }))).toBe('2024-03-14');
  });
  it('ISM: first business day of the next month', () => {
    // June 2024 PMI: July 1 2024 is a Monday
    expect(isoDay(publicationDay(d('2024-06-01'), { rule: 'next-month-business-day', n: 1 }))).toBe('2024-07-01');
    // August 2024 PMI: September 1 2024 is a Sunday and Monday Sept 2 is Labor Day → Tuesday Sept 3
    expect(isoDay(publicationDay(d('2024-08-01'), { rule: 'next-month-business-day', n: 1 }))).toBe('2024-09-03');
    // December → January of the next year (January 1 is a holiday)
    expect(isoDay(publicationDay(d('2023-12-01'), { rule: 'next-month-business-day', n: 1 }))).toBe('2024-01-02');
  });
  it('CPI: day 15 of the next month', () => {
    expect(isoDay(publicationDay(d('2023-01-01'), { rule: 'next-month-day', n: 15 }))).toBe('2023-02-15');
  });
  it('months: n months after the reference month ends', () => {
    expect(isoDay(publicationDay(d('2020-03-01'), { rule: 'months', n: 12 }))).toBe('2021-04-01');
  });
  it('calendar-days', () => {
    expect(isoDay(publicationDay(d('2020-02-27'), { rule: 'calendar-days', n: 3 }))).toBe('2020-03-01');
  });
  it('keeps publication days non-decreasing', () => {
    const out = publicationDays(days('2020-01-01', '2020-01-31'), { rule: 'next-month-day', n: 15 });
    expect(Array.from(out, isoDay)).toEqual(['2020-02-15', '2020-02-15']);
  });
});

describe('asOfJoin', () => {
  it('a value published on day d is invisible on d−1 and visible on d', () => {
    const calendar = days('2024-06-28', '2024-07-01', '2024-07-02');
    // June PMI (dated 2024-06-01) published 2024-07-01
    const known = publicationDays(days('2024-05-01', '2024-06-01'), { rule: 'next-month-business-day', n: 1 });
    const { column } = asOfJoin(calendar, known, Float64Array.of(48.7, 48.5));
    expect(Array.from(column)).toEqual([48.7, 48.5, 48.5]);
  });
  it('is NaN before the first publication (never backfilled)', () => {
    const { column } = asOfJoin(days('2020-01-01', '2020-01-02'), days('2020-01-02'), Float64Array.of(7));
    expect(Number.isNaN(column[0])).toBe(true);
    expect(column[1]).toBe(7);
  });
  it('turns stale values into NaN and reports the first stale bar', () => {
    const { column, firstStaleBar } = asOfJoin(days('2020-01-01', '2020-01-10', '2020-01-20'), days('2020-01-01'), Float64Array.of(1), 10);
    expect(Array.from(column).map((x) => (Number.isNaN(x) ? null : x))).toEqual([1, 1, null]);
    expect(firstStaleBar).toBe(2);
  });
  it('property: the joined value at t is the last one known on or before t', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 60 }),
        (obs, cal) => {
          const known = Int32Array.from(obs.sort((a, b) => a - b));
          const values = Float64Array.from(known, (x) => x * 2 + 1);
          const calendar = Int32Array.from(cal.sort((a, b) => a - b));
          const { column } = asOfJoin(calendar, known, values);
          calendar.forEach((day, t) => {
            const seen = Array.from(known).filter((k) => k <= day);
            const expected = seen.length ? seen[seen.length - 1] * 2 + 1 : NaN;
            expect(column[t]).toBe(expected);
          });
        },
      ),
    );
  });
});

describe('intersectDates', () => {
  it('keeps dates present in every input with their row indexes', () => {
    const a = Int32Array.of(1, 2, 3, 5, 8);
    const b = Int32Array.of(2, 3, 4, 5, 9);
    const { dates, index } = intersectDates([a, b]);
    expect(Array.from(dates)).toEqual([2, 3, 5]);
    expect(Array.from(index[0])).toEqual([1, 2, 3]);
    expect(Array.from(index[1])).toEqual([0, 1, 3]);
  });
});

describe('compoundBetween', () => {
  it('compounds daily returns into each bar, excluding the previous bar date', () => {
    const calendar = Int32Array.of(10, 12, 15);
    const out = compoundBetween(calendar, Int32Array.of(10, 11, 12, 13, 15), Float64Array.of(0.5, 0.1, 0.2, 0.01, 0.02));
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(1.1 * 1.2 - 1, 15);
    expect(out[2]).toBeCloseTo(1.01 * 1.02 - 1, 15);
  });
  it('is NaN after the series ends', () => {
    const out = compoundBetween(Int32Array.of(1, 2, 3), Int32Array.of(1, 2), Float64Array.of(0.1, 0.1));
    expect(Number.isNaN(out[2])).toBe(true);
  });
});

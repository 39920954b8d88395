import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addBusinessDays, addMonths, dayFromYmd, endOfMonth, isoDay, nthBusinessDayOfMonth, parseIsoDay, weekday, ymdFromDay } from '../../engine/dates.js';

describe('calendar arithmetic', () => {
  it('agrees with Date over 1800–2200 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000, max: 84_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isoDay(day)).toBe(iso);
        expect(parseIsoDay(iso)).toBe(day);
        const { year, month, day: d } = ymdFromDay(day);
        expect(dayFromYmd(year, month, d)).toBe(day);
        expect(weekday(day)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });
  it('rolls months over like Date.UTC and refuses impossible dates', () => {
    expect(isoDay(dayFromYmd(2020, 13, 1))).toBe('2021-01-01');
    expect(isoDay(dayFromYmd(2020, 0, 1))).toBe('2019-12-01');
    expect(isoDay(dayFromYmd(2020, 3, 0))).toBe('2020-02-29');
    for (const bad of ['2021-02-29', '1900-02-29', '2020-04-31', '2020-00-10', '2020-1-10', '20-01-01x']) expect(Number.isNaN(parseIsoDay(bad))).toBe(true);
    expect(isoDay(parseIsoDay('2000-02-29'))).toBe('2000-02-29');
  });
  it('month ends, months and business days', () => {
    expect(isoDay(endOfMonth(parseIsoDay('2024-02-10')))).toBe('2024-02-29');
    expect(isoDay(addMonths(parseIsoDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoDay(addBusinessDays(parseIsoDay('2024-03-15'), 1))).toBe('2024-03-18');
    expect(isoDay(nthBusinessDayOfMonth(parseIsoDay('2024-06-15'), 1))).toBe('2024-06-03');
  });
});

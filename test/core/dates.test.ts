import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addBusinessDays,
  addMonths,
  dayFromYmd,
  endOfMonth,
  isoDay,
  nthBusinessDayOfMonth,
  parseIsoDay,
  weekday,
  ymdFromDay,
} from '../../engine/core/dates.js';

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
  it('accepts exactly what /^(\\d{4})-(\\d{2})-(\\d{2})$/ and a real calendar date accept (random near-dates, property)', () => {
    const ref = (t: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
      if (!m) return NaN;
      const [y, mo, d] = [+m[1], +m[2], +m[3]];
      const back = new Date(0);
      back.setUTCFullYear(y, mo - 1, d); // years below 100 too (Date.UTC would read them as 19xx)
      return mo >= 1 && mo <= 12 && back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? back.getTime() / 86_400_000 : NaN;
    };
    // ten characters built from digits, dashes and look-alikes (a space, a slash, a colon, Arabic-Indic and full-width digits, a sign)
    const char = fc.constantFrom(...'0123456789', '-', '-', ' ', '/', ':', '\u0661', '\uff11', '+', 'a');
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 9, maxLength: 11 }),
        fc.integer({ min: 0, max: 2999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (noise, y, mo, d) => {
          const date = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          // the date as is, pure noise, and the date with each one character replaced by a noise character
          const variants = [noise.join(''), date, ...Array.from({ length: 10 }, (_, k) => date.slice(0, k) + noise[k % noise.length] + date.slice(k + 1))];
          for (const t of variants) {
            const want = ref(t);
            const got = parseIsoDay(t);
            expect(Number.isNaN(got) ? 'invalid' : got).toBe(Number.isNaN(want) ? 'invalid' : want);
          }
        },
      ),
      { numRuns: 3000, seed: 1201 },
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

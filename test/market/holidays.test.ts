import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDay, parseIsoDay as d, weekday } from '../../engine/core/dates.js';
import { addFedBusinessDays, fedHolidays, isFedBusinessDay } from '../../engine/market/holidays.js';
import { publicationDay } from '../../engine/market/publication.js';
import { ROOT } from '../helpers/cli.js';

const h1 = { rule: 'business-days', n: 1 } as const;
const pub = (day: string) => isoDay(publicationDay(d(day), h1));

describe('the H.15 publication rule follows the Federal Reserve holiday calendar', () => {
  it('Columbus Day 1987-10-12: Friday 1987-10-09 is published Tuesday 1987-10-13', () => {
    expect(pub('1987-10-09')).toBe('1987-10-13');
  });
  it('other holidays of every kind push publication to the next business day', () => {
    expect(pub('2024-07-03')).toBe('2024-07-05'); // Independence Day (Thu)
    expect(pub('2023-11-22')).toBe('2023-11-24'); // Thanksgiving
    expect(pub('2022-06-17')).toBe('2022-06-21'); // Juneteenth observed Mon 2022-06-20
    expect(pub('2021-06-18')).toBe('2021-06-21'); // not yet a Federal Reserve holiday in 2021
    expect(pub('1970-02-20')).toBe('1970-02-24'); // Washington's Birthday on Feb 22 → observed Mon Feb 23
    expect(pub('1975-10-24')).toBe('1975-10-28'); // Veterans Day on the fourth Monday of October (1971–1977)
    expect(pub('1985-01-18')).toBe('1985-01-21'); // no Martin Luther King Jr. Day before 1986
    expect(pub('1986-01-17')).toBe('1986-01-21'); // its first year
    expect(pub('2018-12-04')).toBe('2018-12-06'); // national day of mourning (G. H. W. Bush)
    expect(pub('2021-12-30')).toBe('2022-01-03'); // New Year's Day on a Saturday: observed Fri 2021-12-31
  });
  it('the first business day of a month skips holidays (ISM, monthly bill rate)', () => {
    expect(isoDay(publicationDay(d('2024-08-01'), { rule: 'next-month-business-day', n: 1 }))).toBe('2024-09-03'); // Labor Day
    expect(isoDay(publicationDay(d('2023-12-01'), { rule: 'next-month-business-day', n: 1 }))).toBe('2024-01-02'); // New Year's Day
  });
  it('the holiday table has 10 or 11 weekday holidays a year, none on a weekend', () => {
    for (let y = 1954; y <= 2030; y++) {
      const days = fedHolidays(y);
      for (const x of days) expect([0, 6], isoDay(x)).not.toContain(weekday(x));
      const regular = days.filter(
        (x) =>
          ![
            '1963-11-25',
            '1968-04-09',
            '1969-03-31',
            '1972-12-28',
            '1973-01-25',
            '1994-04-27',
            '2004-06-11',
            '2007-01-02',
            '2018-12-05',
            '2025-01-09',
          ].includes(isoDay(x)),
      );
      // a Saturday New Year's Day moves to Dec 31 of the year before
      expect(regular.length, String(y)).toBeGreaterThanOrEqual(8);
      expect(regular.length, String(y)).toBeLessThanOrEqual(12);
    }
    expect(addFedBusinessDays(d('2024-03-15'), 0)).toBe(d('2024-03-15'));
    expect(isFedBusinessDay(d('2024-12-25'))).toBe(false);
  });
  it('agrees with the Treasury market: H.15 yields are missing on every holiday of the table since 1962 (with the documented exceptions)', () => {
    const rows = readFileSync(join(ROOT, 'data', 'ust_10y.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    const have = new Set(rows);
    const open: string[] = [];
    for (let y = 1962; y <= 2023; y++) {
      for (const x of fedHolidays(y)) {
        const s = isoDay(x);
        if (s > rows[rows.length - 1] || !have.has(s)) continue;
        const fridayBeforeSaturday = weekday(x) === 5 && fedHolidays(y).includes(x) && weekday(x + 1) === 6;
        const veteransInOctober = y >= 1974 && y <= 1977 && s.slice(5, 7) === '10';
        if (!fridayBeforeSaturday && !veteransInOctober) open.push(s);
      }
    }
    // days of mourning on which the bond market stayed open (federal offices closed): conservative
    expect(open).toEqual(['1972-12-28', '1973-01-25', '2007-01-02']);
  });
});

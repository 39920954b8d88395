import { dayFromYmd, weekday, ymdFromDay } from '../core/dates.js';

/**
 * Federal holidays on which the Federal Reserve Board does not publish (its releases, such
 * as H.15, come out on the next business day), built from the rules in force each year
 * since 1954 with the federal observed-day shifts (a Saturday holiday is observed on the
 * Friday before, a Sunday one on the Monday after; 5 U.S.C. 6103 and Executive Order
 * 11582):
 *
 * - New Year's Day, Independence Day, Christmas Day: Jan 1, Jul 4, Dec 25;
 * - Martin Luther King Jr. Day: third Monday of January, from 1986;
 * - Washington's Birthday: Feb 22 until 1970, third Monday of February from 1971;
 * - Memorial Day: May 30 until 1970, last Monday of May from 1971;
 * - Juneteenth: Jun 19, from 2022 (the Federal Reserve first closed for it in 2022);
 * - Labor Day: first Monday of September;
 * - Columbus Day: Oct 12 until 1970, second Monday of October from 1971;
 * - Veterans Day: Nov 11, except 1971–1977 (fourth Monday of October);
 * - Thanksgiving: fourth Thursday of November;
 * - national days of mourning that closed federal offices (Kennedy 1963, King 1968,
 *   Eisenhower 1969, Truman 1972, Johnson 1973, Nixon 1994, Reagan 2004, Ford 2007,
 *   G. H. W. Bush 2018, Carter 2025).
 *
 * The Uniform Monday Holiday Act (1968) took effect in 1971. Treating a Saturday holiday's
 * Friday as closed is conservative (Reserve Banks open that Friday, the Board does not):
 * a value becomes visible a day later at most, never earlier.
 */
export function fedHolidays(year: number): number[] {
  const out: number[] = [];
  const fixed = (month: number, day: number) => {
    const d = dayFromYmd(year, month, day);
    const w = weekday(d);
    out.push(w === 6 ? d - 1 : w === 0 ? d + 1 : d);
  };
  const nthWeekday = (month: number, dow: number, n: number) => {
    const first = dayFromYmd(year, month, 1);
    return first + ((dow - weekday(first) + 7) % 7) + 7 * (n - 1);
  };
  const lastMonday = (month: number) => {
    const last = dayFromYmd(year, month + 1, 1) - 1;
    return last - ((weekday(last) - 1 + 7) % 7);
  };
  fixed(1, 1);
  if (year >= 1986) out.push(nthWeekday(1, 1, 3));
  if (year >= 1971) out.push(nthWeekday(2, 1, 3));
  else fixed(2, 22);
  if (year >= 1971) out.push(lastMonday(5));
  else fixed(5, 30);
  if (year >= 2022) fixed(6, 19);
  fixed(7, 4);
  out.push(nthWeekday(9, 1, 1));
  if (year >= 1971) out.push(nthWeekday(10, 1, 2));
  else fixed(10, 12);
  if (year >= 1971 && year <= 1977) out.push(nthWeekday(10, 1, 4));
  else fixed(11, 11);
  out.push(nthWeekday(11, 4, 4));
  fixed(12, 25);
  // the observed New Year's Day of the next year may fall on Dec 31 of this one
  const next = dayFromYmd(year + 1, 1, 1);
  if (weekday(next) === 6) out.push(next - 1);
  for (const d of MOURNING) if (ymdFromDay(d).year === year) out.push(d);
  return [...new Set(out.filter((d) => ymdFromDay(d).year === year))].sort((a, b) => a - b);
}

/** National days of mourning on which federal offices closed (executive orders). */
const MOURNING = [
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
].map((s) => dayFromYmd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))));

const byYear = new Map<number, Set<number>>();

/** Whether `day` (days since epoch) is a Federal Reserve holiday (see {@link fedHolidays}). */
export function isFedHoliday(day: number): boolean {
  const year = ymdFromDay(day).year;
  let set = byYear.get(year);
  if (!set) {
    set = new Set(fedHolidays(year));
    byYear.set(year, set);
  }
  return set.has(day);
}

/** Whether `day` is a Federal Reserve business day: Monday to Friday and not a holiday. */
export function isFedBusinessDay(day: number): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6 && !isFedHoliday(day);
}

/**
 * Adds n Federal Reserve business days (weekdays that are not holidays); n = 0 returns the
 * day itself.
 *
 * @example addFedBusinessDays(parseIsoDay('1987-10-09'), 1) // 1987-10-13: Columbus Day 1987-10-12 is skipped
 */
export function addFedBusinessDays(day: number, n: number): number {
  let out = day;
  for (let left = n; left > 0;) {
    out += 1;
    if (isFedBusinessDay(out)) left -= 1;
  }
  return out;
}

/** The n-th Federal Reserve business day (n ≥ 1) of the month containing `day`. */
export function nthFedBusinessDayOfMonth(day: number, n: number): number {
  const { year, month } = ymdFromDay(day);
  return addFedBusinessDays(dayFromYmd(year, month, 1) - 1, n);
}

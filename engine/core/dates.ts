/**
 * Calendar arithmetic on whole days since 1970-01-01 (UTC). Pure functions, no Date
 * objects in hot paths beyond parsing and formatting.
 */

/**
 * Days since epoch of a calendar date (month 1–12; months and days out of range roll over,
 * like Date.UTC). Integer arithmetic after H. Hinnant's days_from_civil.
 */
export function dayFromYmd(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m0 + (m0 > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at position i of `text` (0–9), or −1 when it is not an ASCII digit. */
function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Parses `YYYY-MM-DD` strictly (real calendar date); returns NaN when invalid. */
export function parseIsoDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  // the digits read one by one (what /^(\d{4})-(\d{2})-(\d{2})$/ accepts, without a regular expression or substrings: data files have one date per row)
  const d0 = digitAt(text, 0),
    d1 = digitAt(text, 1),
    d2 = digitAt(text, 2),
    d3 = digitAt(text, 3);
  const d5 = digitAt(text, 5),
    d6 = digitAt(text, 6),
    d8 = digitAt(text, 8),
    d9 = digitAt(text, 9);
  if ((d0 | d1 | d2 | d3 | d5 | d6 | d8 | d9) < 0) return NaN;
  const y = d0 * 1000 + d1 * 100 + d2 * 10 + d3,
    mo = d5 * 10 + d6,
    d = d8 * 10 + d9;
  if (mo < 1 || mo > 12 || d < 1) return NaN;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > MONTH_DAYS[mo - 1] + (leap ? 1 : 0)) return NaN;
  return dayFromYmd(y, mo, d);
}

/** Year, month (1–12) and day of a day number (H. Hinnant's civil_from_days). */
export function ymdFromDay(day: number): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  if (!Number.isFinite(day)) return new Date(NaN).toISOString(); // throws RangeError like Date
  const { year, month, day: d } = ymdFromDay(day);
  return `${year}-${month < 10 ? '0' : ''}${month}-${d < 10 ? '0' : ''}${d}`;
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Month index (year × 12 + month − 1) of a day, for grouping by month. */
export function monthIndex(day: number): number {
  const { year, month } = ymdFromDay(day);
  return year * 12 + month - 1;
}

/** Last calendar day of the month containing `day`. */
export function endOfMonth(day: number): number {
  const { year, month } = ymdFromDay(day);
  return dayFromYmd(year, month + 1, 1) - 1;
}

/** Adds whole calendar months, clamping the day to the target month's length. */
export function addMonths(day: number, months: number): number {
  const { year, month, day: d } = ymdFromDay(day);
  const first = dayFromYmd(year, month + months, 1);
  const last = endOfMonth(first);
  return Math.min(first + d - 1, last);
}

/** Adds n weekdays (Mon–Fri; no holiday calendar). n = 0 returns the day itself. */
export function addBusinessDays(day: number, n: number): number {
  let out = day;
  let left = n;
  while (left > 0) {
    out += 1;
    const w = weekday(out);
    if (w !== 0 && w !== 6) left -= 1;
  }
  return out;
}

/** The n-th weekday (Mon–Fri) of the month containing `day` (n ≥ 1). */
export function nthBusinessDayOfMonth(day: number, n: number): number {
  const { year, month } = ymdFromDay(day);
  let out = dayFromYmd(year, month, 1);
  let count = 0;
  for (;;) {
    const w = weekday(out);
    if (w !== 0 && w !== 6) {
      count += 1;
      if (count === n) return out;
    }
    out += 1;
  }
}

/** Difference in calendar months between two days, fractional (30.4375-day months). */
export function monthsBetween(from: number, to: number): number {
  return (to - from) / 30.436875;
}

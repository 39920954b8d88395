/**
 * Calendar arithmetic on whole days since 1970-01-01 (UTC). Pure functions, no Date
 * objects in hot paths beyond parsing and formatting.
 */

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since epoch of a calendar date (month 1–12). */
export function dayFromYmd(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Parses `YYYY-MM-DD` strictly (real calendar date); returns NaN when invalid. */
export function parseIsoDay(text: string): number {
  const m = ISO_RE.exec(text);
  if (!m) return NaN;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
  const day = dayFromYmd(y, mo, d);
  const back = ymdFromDay(day);
  return back.year === y && back.month === mo && back.day === d ? day : NaN;
}

/** Year, month (1–12) and day of a day number. */
export function ymdFromDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
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

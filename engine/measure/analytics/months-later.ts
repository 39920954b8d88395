import { addMonths, dayFromYmd, endOfMonth, ymdFromDay } from '../../core/dates.js';

/**
 * The calendar day `h` months after each date, by the event study's rule: a month end maps to
 * the month end h months later (`endOfMonth(addMonths(e, h))`), any other day to the same day
 * of that month, clamped to its length (`addMonths(e, h)`); h may be negative. For whole h the
 * first day of every month involved is computed once, so a date costs one civil-date
 * conversion instead of five; other h take the two functions per date. The input is not changed.
 *
 * @example monthsLaterDays(Int32Array.of(parseIsoDay('2024-01-31')), 1) // [day of 2024-02-29]
 */
export function monthsLaterDays(dates: Int32Array, h: number): Int32Array {
  const T = dates.length;
  const out = new Int32Array(T);
  if (!Number.isInteger(h)) {
    for (let i = 0; i < T; i++) {
      const e = dates[i];
      out[i] = e === endOfMonth(e) ? endOfMonth(addMonths(e, h)) : addMonths(e, h);
    }
    return out;
  }
  // month index (year × 12 + month − 1) and day of month of every date
  const month = new Int32Array(T);
  const day = new Int8Array(T);
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < T; i++) {
    const c = ymdFromDay(dates[i]);
    const k = c.year * 12 + c.month - 1;
    month[i] = k;
    day[i] = c.day;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (T === 0) return out;
  // first day of each month index from `from` to `to` (a date's own month and the month after it, h months on)
  const from = Math.min(lo, lo + h),
    to = Math.max(hi, hi + h) + 1;
  const start = new Int32Array(to - from + 1);
  for (let k = from; k <= to; k++) {
    const y = Math.floor(k / 12);
    start[k - from] = dayFromYmd(y, k - 12 * y + 1, 1);
  }
  for (let i = 0; i < T; i++) {
    const k = month[i] - from;
    const end = start[k + h + 1] - 1;
    out[i] = dates[i] === start[k + 1] - 1 ? end : Math.min(start[k + h] + day[i] - 1, end);
  }
  return out;
}

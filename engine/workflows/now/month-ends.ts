import { monthIndex, weekday } from '../../core/dates.js';

/** The next weekday (Monday to Friday) after `day`. */
function nextWeekday(day: number): number {
  let d = day + 1;
  while (weekday(d) === 0 || weekday(d) === 6) d++;
  return d;
}

/**
 * The bars that close a calendar month, as known at the close of `asOf`: bar t (dated on or
 * before `asOf`) closes its month when the next bar on or before `asOf` falls in a later month,
 * or, for the last bar known, when no weekday is left in its month (the rule of the `:last`
 * schedules: data that stops in mid-month has no month end for that month). Bars after `asOf`
 * are never looked at, so the answer is the same whether the data goes on or ends at `asOf`. On
 * month-end data every bar qualifies.
 *
 * @example monthEndBars(dailyDates, parseIsoDay('2025-09-18')) // Int32Array of bar indices, the last one in August 2025
 */
export function monthEndBars(dates: Int32Array, asOf: number): Int32Array {
  let last = -1;
  while (last + 1 < dates.length && dates[last + 1] <= asOf) last++;
  const out: number[] = [];
  for (let t = 0; t <= last; t++) {
    const m = monthIndex(dates[t]);
    const closes = t < last ? monthIndex(dates[t + 1]) > m : monthIndex(nextWeekday(dates[t])) > m;
    if (closes) out.push(t);
  }
  return Int32Array.from(out);
}

import { addMonths, dayFromYmd, endOfMonth, ymdFromDay } from '../core/dates.js';
import { addFedBusinessDays, nthFedBusinessDayOfMonth } from './holidays.js';
import type { Publication } from '../core/types.js';

/**
 * The day an observation dated `day` becomes known under a publication rule
 * (see {@link Publication}); it is usable from that day's close on.
 */
export function publicationDay(day: number, rule: Publication): number {
  switch (rule.rule) {
    case 'close':
      return day;
    case 'business-days':
      return addFedBusinessDays(day, rule.n); // H.15 and other Federal Reserve releases: holidays skipped
    case 'calendar-days':
      return day + rule.n;
    case 'next-month-business-day':
      return nthFedBusinessDayOfMonth(endOfMonth(day) + 1, rule.n);
    case 'next-month-day': {
      const { year, month } = ymdFromDay(endOfMonth(day) + 1);
      return Math.min(dayFromYmd(year, month, rule.n), endOfMonth(dayFromYmd(year, month, 1)));
    }
    case 'months':
      return addMonths(endOfMonth(day) + 1, rule.n);
    case 'column':
      throw new Error(`publication rule "column" (${rule.column}) takes its dates from the file: pass them to publicationDays`);
  }
}

/**
 * Publication days of every observation, forced non-decreasing (a later value never shows
 * first). Rule `column` takes the days from `published` (one per observation, as loaded).
 */
export function publicationDays(dates: Int32Array, rule: Publication, published?: Int32Array): Int32Array {
  if (rule.rule === 'column' && (!published || published.length !== dates.length)) {
    throw new Error(`publication rule "column" needs one publication date per observation (column "${rule.column}")`);
  }
  const out = new Int32Array(dates.length);
  let last = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const p = Math.max(rule.rule === 'column' ? published![i] : publicationDay(dates[i], rule), last);
    out[i] = p;
    last = p;
  }
  return out;
}

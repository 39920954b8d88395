import { ymdFromDay } from '../../core/dates.js';

/** Returns compounded by calendar month (month 1–12) and year, fractions. */
export interface CalendarReturns {
  months: { year: number; month: number; ret: number }[];
  years: { year: number; ret: number }[];
}

/**
 * Monthly and annual returns: per-bar returns (index 0 ignored, it has no return) compounded,
 * Π(1 + r_t) − 1, over the bars whose dates fall in each calendar month and year. A bar's return
 * belongs to the period of its closing date. Partial first and last periods are included as they
 * are (e.g. a series starting on 15 March has a March return covering 15–31 March only).
 */
export function calendarReturns(dates: Int32Array, returns: ArrayLike<number>): CalendarReturns {
  const months: CalendarReturns['months'] = [];
  const years: CalendarReturns['years'] = [];
  let mGrowth = 1;
  let yGrowth = 1;
  for (let t = 1; t < dates.length; t++) {
    const { year, month } = ymdFromDay(dates[t]);
    const g = 1 + returns[t];
    const m = months[months.length - 1];
    if (m !== undefined && m.year === year && m.month === month) mGrowth *= g;
    else {
      mGrowth = g;
      months.push({ year, month, ret: 0 });
    }
    months[months.length - 1].ret = mGrowth - 1;
    const y = years[years.length - 1];
    if (y !== undefined && y.year === year) yGrowth *= g;
    else {
      yGrowth = g;
      years.push({ year, ret: 0 });
    }
    years[years.length - 1].ret = yGrowth - 1;
  }
  return { months, years };
}

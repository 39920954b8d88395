import { ymdFromDay } from '../dates.js';

/** Returns compounded by calendar month and year (partial first and last periods included). */
export interface CalendarReturns {
  months: { year: number; month: number; ret: number }[];
  years: { year: number; ret: number }[];
}

/** Compounds per-bar returns (index 0 ignored: it has no return) by calendar month and year of each bar's date. */
export function calendarReturns(dates: Int32Array, returns: ArrayLike<number>): CalendarReturns {
  const months: CalendarReturns['months'] = [];
  const years: CalendarReturns['years'] = [];
  for (let t = 1; t < dates.length; t++) {
    const { year, month } = ymdFromDay(dates[t]);
    const g = 1 + returns[t];
    const m = months[months.length - 1];
    if (m && m.year === year && m.month === month) m.ret = (1 + m.ret) * g - 1;
    else months.push({ year, month, ret: g - 1 });
    const y = years[years.length - 1];
    if (y && y.year === year) y.ret = (1 + y.ret) * g - 1;
    else years.push({ year, ret: g - 1 });
  }
  return { months, years };
}

import { monthIndex } from '../core/dates.js';
import type { Rebalance } from '../core/types.js';

/** Calendar period of a periodic rebalance schedule. */
export type Period = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/** Integer key of the calendar period containing `day`: weeks run Monday–Sunday; months, quarters and years by the calendar. */
export function periodKey(day: number, period: Period): number {
  switch (period) {
    case 'weekly':
      return Math.floor((day + 3) / 7); // 1970-01-05 (day 4) was a Monday: (4 + 3) / 7 = 1
    case 'monthly':
      return monthIndex(day);
    case 'quarterly':
      return Math.floor(monthIndex(day) / 3);
    case 'yearly':
      return Math.floor(monthIndex(day) / 12);
  }
}

/**
 * Mask of the bars (1) on which a periodic schedule trades; null for other schedules.
 * `last`: the last bar of each period in the calendar, i.e. every bar whose next bar falls in a
 * new period; the data's final bar only when its period is over — when the next weekday after it
 * falls in a new period (a month-end bar, a Friday for weekly) — since otherwise its period goes
 * on after the data ends. `first`: the first bar of each period, i.e. bar 0 and every bar whose
 * previous bar falls in an earlier period.
 */
export function scheduleMask(dates: Int32Array, rebalance: Rebalance): Uint8Array | null {
  if (rebalance.kind !== 'period') return null;
  const T = dates.length;
  const mask = new Uint8Array(T);
  if (T === 0) return mask;
  const keys = new Float64Array(T);
  for (let t = 0; t < T; t++) keys[t] = periodKey(dates[t], rebalance.period);
  if (rebalance.at === 'last') {
    for (let t = 0; t + 1 < T; t++) if (keys[t + 1] !== keys[t]) mask[t] = 1;
    if (periodKey(nextWeekday(dates[T - 1]), rebalance.period) !== keys[T - 1]) mask[T - 1] = 1;
  } else {
    mask[0] = 1;
    for (let t = 1; t < T; t++) if (keys[t] !== keys[t - 1]) mask[t] = 1;
  }
  return mask;
}

/** The next Monday-to-Friday day after `day` (days since 1970-01-01, a Thursday). */
function nextWeekday(day: number): number {
  let d = day + 1;
  while (((d % 7) + 7 + 3) % 7 >= 5) d++; // 0 = Monday … 4 = Friday, 5–6 the weekend
  return d;
}

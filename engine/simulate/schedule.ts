import { monthIndex } from '../dates.js';
import type { Rebalance } from '../types.js';

type Period = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

/** Period key of a day: weeks start on Monday; months, quarters and years by calendar. */
export function periodKey(day: number, period: Period): number {
  switch (period) {
    case 'weekly':
      return Math.floor((day + 3) / 7); // 1970-01-05 was a Monday: (4 + 3) / 7 = 1
    case 'monthly':
      return monthIndex(day);
    case 'quarterly':
      return Math.floor(monthIndex(day) / 3);
    case 'yearly':
      return Math.floor(monthIndex(day) / 12);
  }
}

/**
 * Bars on which a periodic schedule trades (1) — `last`: the last bar of each period (the
 * next bar falls in a new period; the final bar of the data is not one, since its period
 * may go on); `first`: the first bar of each new period after the first bar. Other
 * schedules return null (they do not depend on the calendar).
 */
export function scheduleMask(dates: Int32Array, rebalance: Rebalance): Uint8Array | null {
  if (rebalance.kind !== 'period') return null;
  const T = dates.length;
  const mask = new Uint8Array(T);
  const keys = new Float64Array(T);
  for (let t = 0; t < T; t++) keys[t] = periodKey(dates[t], rebalance.period);
  if (rebalance.at === 'last') {
    for (let t = 0; t + 1 < T; t++) if (keys[t + 1] !== keys[t]) mask[t] = 1;
  } else {
    for (let t = 1; t < T; t++) if (keys[t] !== keys[t - 1]) mask[t] = 1;
  }
  return mask;
}

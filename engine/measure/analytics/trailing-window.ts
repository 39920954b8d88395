import { monthsLaterDays } from './months-later.js';

/**
 * Start of the trailing window of `months` calendar months ending at each bar: the index of the
 * last bar dated on or before the bar's date minus `months` months (a month-end date maps to the
 * month end `months` earlier), or −1 while the history is shorter than a full window.
 * A window statistic at bar t then uses the returns of bars start + 1 … t.
 * @example trailingWindowStart(monthEnds, 12)[12] === 0 // 13 month ends: the 12th looks back to the first
 */
export function trailingWindowStart(dates: Int32Array, months: number): Int32Array {
  const out = new Int32Array(dates.length).fill(-1);
  const targets = monthsLaterDays(dates, -months);
  let j = -1;
  for (let t = 0; t < dates.length; t++) {
    const target = targets[t];
    while (j + 1 < t && dates[j + 1] <= target) j++;
    if (j >= 0 && dates[j] <= target) out[t] = j;
  }
  return out;
}

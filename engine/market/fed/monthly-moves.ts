import { endOfMonth, monthIndex, nthBusinessDayOfMonth } from '../../core/dates.js';
import type { RateMove } from './detect-cycles.js';

/**
 * Policy-rate moves from a daily rate series before a target series exists: one move per
 * month whose average rate differs from the previous month's average by at least
 * `minStep` points, dated the first business day of the next month (when the average is
 * known). Only observations before `before` (days since epoch) are used.
 */
export function monthlyMoves(dates: Int32Array, values: Float64Array, before: number, minStep = 0.25): RateMove[] {
  const means: { month: number; lastDay: number; mean: number }[] = [];
  let sum = 0;
  let n = 0;
  let month = NaN;
  let lastDay = 0;
  for (let i = 0; i < dates.length && dates[i] < before; i++) {
    const mi = monthIndex(dates[i]);
    if (mi !== month) {
      if (n > 0) means.push({ month, lastDay, mean: sum / n });
      month = mi;
      sum = 0;
      n = 0;
    }
    sum += values[i];
    n++;
    lastDay = dates[i];
  }
  // the month containing `before` is incomplete: leave it out
  const moves: RateMove[] = [];
  let ref = means.length ? means[0].mean : NaN;
  for (let k = 1; k < means.length; k++) {
    const step = means[k].mean - ref;
    if (Math.abs(step) >= minStep) {
      moves.push({ date: nthBusinessDayOfMonth(endOfMonth(means[k].lastDay) + 1, 1), previous: ref, rate: means[k].mean });
      ref = means[k].mean;
    }
  }
  return moves;
}

import { monthIndex } from '../../core/dates.js';

/**
 * A factor's return over each bar of a run: the factor observations whose date falls after the
 * previous bar and on or before this one, compounded, Π(1 + f) − 1 — matched by day for a daily
 * run and by calendar month for a monthly one (a factor dated 1990-01-31 is the return of the bar
 * closing in January 1990, whatever its day). A bar is matched only when the factor has an
 * observation in the bar's own day (month) and, for months, in every month the bar spans; else
 * NaN, as is bar 0 (it has no return). Factor-mimicking portfolios as in Fama & French 1993 and
 * 2015, J. Financial Economics 33(1), 116(1); compounding over a bar that spans two factor periods
 * (a holiday of one market) is the return of holding the factor portfolio over both.
 *
 * @example matchFactorToBars(runDates, 'monthly', ff5Smb.dates, ff5Smb.values) // per-bar SMB, NaN outside the factor's months
 */
export function matchFactorToBars(
  barDates: Int32Array,
  frequency: 'daily' | 'monthly',
  factorDates: Int32Array,
  factorValues: ArrayLike<number>,
): Float64Array {
  const key = frequency === 'monthly' ? monthIndex : (d: number) => d;
  const T = barDates.length;
  const out = new Float64Array(T).fill(NaN);
  const fk = Int32Array.from(factorDates, key);
  let j = 0;
  for (let t = 1; t < T; t++) {
    const lo = key(barDates[t - 1]),
      hi = key(barDates[t]);
    while (j < fk.length && fk[j] <= lo) j++;
    let g = 1,
      count = 0,
      last = NaN;
    let i = j;
    for (; i < fk.length && fk[i] <= hi; i++) {
      g *= 1 + factorValues[i];
      count++;
      last = fk[i];
    }
    const complete = last === hi && (frequency === 'daily' || count === hi - lo);
    // one factor period: its value as published (1 + f − 1 would round it)
    if (complete && Number.isFinite(g)) out[t] = count === 1 ? factorValues[i - 1] : g - 1;
    j = i;
  }
  return out;
}

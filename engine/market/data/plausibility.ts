import { isoDay } from '../../core/dates.js';
import { DataError } from '../../core/errors.js';
import type { CatalogEntry } from '../../core/types.js';

/** A price may not move more than this fraction in one bar without a remark (±50 %). */
export const PRICE_JUMP = 0.5;
/** A return series may not exceed this in one bar without a remark (+100 %). */
export const RETURN_JUMP = 1;

/** More than this many offending bars (at least 3, or 1 % of the bars) is an error rather than a warning. */
function tolerated(n: number): number {
  return Math.max(3, Math.floor(n * 0.01));
}

const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

/**
 * Plausibility of a loaded price or return series, beyond the per-value checks: a return
 * series whose bars exceed +100 % (a price series or percent figures called returns), or a
 * price series whose bar-to-bar changes exceed ±50 % (returns called prices). Many such bars
 * throw a DataError naming the file, series and first date; a few (a genuine +120 % month
 * of the smallest stocks in 1933, a split) are returned as warnings. Other kinds pass.
 *
 * @example checkPlausible(entry, 'data/x.csv', dates, values) // [] for a well-formed series
 */
export function checkPlausible(entry: CatalogEntry, file: string, dates: Int32Array, values: Float64Array): string[] {
  return [...checkValues(entry, file, dates, values), ...checkGaps(entry, file, dates)];
}

/** The longest gap between two observations a series of this frequency has without a remark, calendar days. */
export const MAX_GAP_DAYS: Partial<Record<CatalogEntry['frequency'], number>> = { daily: 14, weekly: 21, monthly: 62 };

/**
 * Holes in a series: observations further apart than its frequency allows (daily: 14 calendar
 * days, more than the 12 of the bank holiday of March 1933; monthly: 62), which a backtest would
 * otherwise bridge silently (a price carried over the hole, cash earning nothing in it). Returns
 * one warning naming the largest hole and how many there are.
 *
 * @example checkGaps(entry, 'data/rut.csv', dates) // [] when no two bars are more than 14 days apart
 */
export function checkGaps(entry: CatalogEntry, file: string, dates: Int32Array): string[] {
  const max = MAX_GAP_DAYS[entry.frequency];
  if (max === undefined) return [];
  let count = 0, worst = -1;
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] - dates[i - 1] > max) {
      count++;
      if (worst < 0 || dates[i] - dates[i - 1] > dates[worst] - dates[worst - 1]) worst = i;
    }
  }
  if (count === 0) return [];
  return [`series "${entry.id}" (${file}) has ${count} hole(s) longer than ${max} days for ${entry.frequency} data, the longest ${dates[worst] - dates[worst - 1]} days from ${isoDay(dates[worst - 1])} to ${isoDay(dates[worst])}; a backtest bridges it as if nothing happened`];
}

function checkValues(entry: CatalogEntry, file: string, dates: Int32Array, values: Float64Array): string[] {
  const n = values.length;
  let count = 0;
  let first = -1;
  if (entry.kind === 'return') {
    for (let i = 0; i < n; i++) {
      if (Math.abs(values[i]) > RETURN_JUMP) {
        if (first < 0) first = i;
        count++;
      }
    }
    if (count === 0) return [];
    const where = `${isoDay(dates[first])}: ${values[first]}`;
    if (count > tolerated(n)) {
      throw new DataError(file, undefined, undefined, `series "${entry.id}" (kind return): ${count} of ${n} values exceed 100 % in one bar (first ${where}); returns are fractions (0.01 = 1 %): is it a price series (kind "price") or in percent?`);
    }
    return [`series "${entry.id}" (${file}) has ${count} bar(s) with a return above 100 % (first ${isoDay(dates[first])}: ${pct(values[first])}); check that the values are fractions`];
  }
  if (entry.kind === 'price') {
    for (let i = 1; i < n; i++) {
      if (Math.abs(values[i] / values[i - 1] - 1) > PRICE_JUMP) {
        if (first < 0) first = i;
        count++;
      }
    }
    if (count === 0) return [];
    const where = `${isoDay(dates[first])}: ${values[first - 1]} → ${values[first]}`;
    if (count > tolerated(n)) {
      throw new DataError(file, undefined, undefined, `series "${entry.id}" (kind price): bar-to-bar changes exceed ±50 % on ${count} of ${n - 1} bars (first ${where}); the values look like returns: is its kind "return"?`);
    }
    return [`series "${entry.id}" (${file}) changes by more than ±50 % in one bar ${count} time(s) (first ${where}); check for a split or a wrong value`];
  }
  return [];
}

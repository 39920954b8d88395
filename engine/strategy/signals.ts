/**
 * Building blocks for vectorized strategies. Each takes and returns per-bar columns
 * (Float64Array, one value per bar), reads only bars ≤ t to produce bar t, and never
 * mutates its inputs. NaN means "not known yet" and propagates.
 */
import { sharedMonthsBack, sharedMonthsSince } from './calendar-memo.js';

/** A column filled with one value. */
export function constant(length: number, value: number): Float64Array {
  return new Float64Array(length).fill(value);
}

/** Value k bars earlier (NaN for the first k bars). */
export function lagged(x: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = k; t < x.length; t++) out[t] = x[t - k];
  return out;
}

/** Difference over k bars: x[t] − x[t−k]. */
export function change(x: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = k; t < x.length; t++) out[t] = x[t] - x[t - k];
  return out;
}

/** Relative change over k bars: x[t] / x[t−k] − 1 (fraction). */
export function pctChange(x: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = k; t < x.length; t++) out[t] = x[t] / x[t - k] - 1;
  return out;
}

/**
 * For each bar, the index of the last bar dated on or before the same calendar day
 * `months` months earlier (−1 when there is none): calendar-true lookbacks on any frequency.
 * A month-end date looks back to the month end (2020-02-29 → 2020-01-31). Computed once per
 * calendar and k (a fresh copy is returned).
 */
export function monthsBackIndex(dates: Int32Array, months: number): Int32Array {
  return sharedMonthsBack(dates, months).slice();
}

/**
 * Calendar months since the latest of `events` (days since 1970-01-01, ascending) on or before
 * each bar: (date − event) / 30.436875, NaN before the first. Written into `out` when given.
 */
export function monthsSince(dates: Int32Array, events: readonly number[], out: Float64Array = new Float64Array(dates.length)): Float64Array {
  out.set(sharedMonthsSince(dates, events));
  return out;
}

/** Difference over calendar months: x[t] − x[bar `months` months earlier] (NaN when there is none). Written into `out` when given. */
export function changeOverMonths(dates: Int32Array, x: ArrayLike<number>, months: number, out: Float64Array = new Float64Array(x.length)): Float64Array {
  const back = sharedMonthsBack(dates, months);
  for (let t = 0; t < x.length; t++) {
    const b = back[t];
    out[t] = b >= 0 ? x[t] - x[b] : NaN;
  }
  return out;
}

/** Return between two calendar lookbacks: x[t − skip months] / x[t − lookback months] − 1 (e.g. 12-1 momentum). Written into `out` when given. */
export function momentum(
  dates: Int32Array,
  price: ArrayLike<number>,
  lookbackMonths: number,
  skipMonths = 0,
  out: Float64Array = new Float64Array(price.length),
): Float64Array {
  const from = sharedMonthsBack(dates, lookbackMonths);
  const to = skipMonths > 0 ? sharedMonthsBack(dates, skipMonths) : null;
  for (let t = 0; t < price.length; t++) {
    const end = to ? to[t] : t;
    out[t] = from[t] >= 0 && end >= 0 ? price[end] / price[from[t]] - 1 : NaN;
  }
  return out;
}

/** Trailing mean over n bars (NaN until n values; a NaN inside the window gives NaN). */
export function rollingMean(x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = n - 1; t < x.length; t++) {
    let s = 0;
    for (let k = t - n + 1; k <= t; k++) s += x[k];
    out[t] = s / n;
  }
  return out;
}

/** Trailing sample standard deviation over n bars. */
export function rollingStd(x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = n - 1; t < x.length; t++) {
    let s = 0;
    for (let k = t - n + 1; k <= t; k++) s += x[k];
    const m = s / n;
    let v = 0;
    for (let k = t - n + 1; k <= t; k++) v += (x[k] - m) * (x[k] - m);
    out[t] = Math.sqrt(v / (n - 1));
  }
  return out;
}

/** Trailing z-score over n bars: (x − mean) / std. */
export function rollingZ(x: ArrayLike<number>, n: number): Float64Array {
  const m = rollingMean(x, n);
  const s = rollingStd(x, n);
  const out = new Float64Array(x.length);
  for (let t = 0; t < x.length; t++) out[t] = (x[t] - m[t]) / s[t];
  return out;
}

/** 1 on bars where x crosses above `level` (x[t−1] ≤ level < x[t]), else 0 (NaN while unknown). */
export function crossAbove(x: ArrayLike<number>, level: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = 1; t < x.length; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(x[t - 1])) continue;
    out[t] = x[t - 1] <= level && x[t] > level ? 1 : 0;
  }
  return out;
}

/** 1 on bars where x crosses below `level` (x[t−1] ≥ level > x[t]), else 0. */
export function crossBelow(x: ArrayLike<number>, level: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = 1; t < x.length; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(x[t - 1])) continue;
    out[t] = x[t - 1] >= level && x[t] < level ? 1 : 0;
  }
  return out;
}

/**
 * Long-only two-asset split from a signal in [0, 1] (NaN = no decision): the first asset
 * gets s, the second 1 − s. Returns `[first, second]`.
 */
export function split(signal: ArrayLike<number>): [Float64Array, Float64Array] {
  const a = new Float64Array(signal.length);
  const b = new Float64Array(signal.length);
  for (let t = 0; t < signal.length; t++) {
    const s = signal[t];
    a[t] = s;
    b[t] = Number.isNaN(s) ? NaN : 1 - s;
  }
  return [a, b];
}

/** Per bar: `ifTrue` where the condition is 1 (true), `ifFalse` where 0, NaN where the condition is NaN. */
export function choose(condition: ArrayLike<number>, ifTrue: number, ifFalse: number): Float64Array {
  const out = new Float64Array(condition.length);
  for (let t = 0; t < condition.length; t++) {
    const c = condition[t];
    out[t] = Number.isNaN(c) ? NaN : c ? ifTrue : ifFalse;
  }
  return out;
}

/**
 * Set-independent calendar arithmetic computed once per calendar and shared by every call:
 * the "bar k calendar months back" index per k, and months since the latest of a list of
 * event days. A sweep evaluates a strategy thousands of times on one calendar; these depend
 * only on the dates (and k or the events), never on the parameters being swept.
 *
 * Entries are keyed by the dates array and checked against a snapshot of its contents on
 * every use (a strategy may have written into its copy of the dates), so a result never
 * comes from a different calendar; a market's own column handed to a built-in (view.ts's
 * isSharedColumn), which nothing writes into, is checked once. Callers get the cached arrays
 * read-only: every exported helper that hands one out copies it.
 */
import { Buffer } from 'node:buffer';
import { monthsLaterDays } from '../measure/analytics/months-later.js';
import { isSharedColumn } from './view.js';

interface Entry {
  snapshot: Int32Array;
  back: Map<number, Int32Array>;
  since: Map<string, Float64Array>;
  /** The snapshot was found equal to a column nothing writes into ({@link isSharedColumn}): no check needed again. */
  fixed?: boolean;
}

const memo = new WeakMap<Int32Array, Entry>();

/** Equal contents of two columns of one type, compared byte for byte (a native memcmp: memo checks run on every use). */
export function same<C extends Int32Array | Float64Array>(a: C, b: C): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

const derived = new WeakMap<Float64Array, { snapshot: Float64Array; value: unknown; fixed?: boolean }>();

/**
 * A set-independent value derived from a column (e.g. per-block bounds of a view's series),
 * made by `make` once and made again whenever the column's contents change (checked byte for
 * byte on every use; once for a market's own column handed to a built-in, which nothing writes
 * into). One value per column: `make` must depend on nothing else that can change.
 */
export function derivedOf<V>(column: Float64Array, make: () => V): V {
  let d = derived.get(column);
  if (d !== undefined && d.fixed === true) return d.value as V;
  if (d === undefined || !same(d.snapshot, column)) derived.set(column, (d = { snapshot: column.slice(), value: make() }));
  if (isSharedColumn(column)) d.fixed = true;
  return d.value as V;
}

/** The memo keys of the lists made by {@link eventList} (they cannot change, so each is joined once). */
const keys = new WeakMap<readonly number[], string>();

/** A frozen copy of event days whose memo key {@link sharedMonthsSince} computes only once. */
export function eventList(days: readonly number[]): readonly number[] {
  const list = Object.freeze(Array.from(days, Number));
  keys.set(list, list.join(','));
  return list;
}

function eventsKey(events: readonly number[]): string {
  return keys.get(events) ?? events.join(',');
}

function entry(dates: Int32Array): Entry {
  let e = memo.get(dates);
  if (e !== undefined && e.fixed === true) return e;
  if (e === undefined || !same(e.snapshot, dates)) {
    e = { snapshot: dates.slice(), back: new Map(), since: new Map() };
    memo.set(dates, e);
  }
  if (isSharedColumn(dates)) e.fixed = true;
  return e;
}

/** {@link import('./signals.js').monthsBackIndex}, computed once per calendar and k (read-only: do not write into it). */
export function sharedMonthsBack(dates: Int32Array, months: number): Int32Array {
  const e = entry(dates);
  let out = e.back.get(months);
  if (out === undefined) {
    out = new Int32Array(dates.length);
    const targets = monthsLaterDays(dates, -months);
    let j = -1;
    for (let t = 0; t < dates.length; t++) {
      const target = targets[t];
      while (j + 1 <= t && dates[j + 1] <= target) j++;
      out[t] = j;
    }
    e.back.set(months, out);
  }
  return out;
}

/** Average days per calendar month (365.2425 / 12 would be the Gregorian mean; this is 365.25 / 12, the Julian year's). */
export const DAYS_PER_MONTH = 30.436875;

/**
 * Months since the latest event day on or before each bar, (date − event) / 30.436875
 * (NaN before the first event); computed once per calendar and event list (read-only).
 */
export function sharedMonthsSince(dates: Int32Array, events: readonly number[]): Float64Array {
  const e = entry(dates);
  const key = eventsKey(events);
  let out = e.since.get(key);
  if (out === undefined) {
    out = new Float64Array(dates.length);
    let last = NaN;
    let k = 0;
    for (let t = 0; t < dates.length; t++) {
      while (k < events.length && events[k] <= dates[t]) last = events[k++];
      out[t] = (dates[t] - last) / DAYS_PER_MONTH;
    }
    e.since.set(key, out);
  }
  return out;
}

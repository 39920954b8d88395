import { addMonths, endOfMonth } from '../dates.js';

/** One event × horizon: returns from the entry close to the exit close (fractions). */
export interface EventRow {
  event: string;
  /** Event date, entry and exit bar dates (days since epoch; exit NaN when past the data). */
  eventDate: number;
  entryDate: number;
  horizonMonths: number;
  exitDate: number;
  strategy: number;
  small: number;
  large: number;
  /** small − large, in return points. */
  spread: number;
}

/** Averages of one event kind × horizon. */
export interface EventSummary {
  event: string;
  horizonMonths: number;
  n: number;
  smallMean: number;
  smallMedian: number;
  largeMean: number;
  largeMedian: number;
  spreadMean: number;
  spreadMedian: number;
  /** Fraction of events where small beat large. */
  spreadHitRate: number;
  strategyMean: number;
}

/** Inputs: bar dates and price-like levels (equity or total-return indexes). */
export interface EventInput {
  dates: Int32Array;
  strategy: Float64Array;
  small: Float64Array;
  large: Float64Array;
}

/** The default horizons, calendar months. */
export const HORIZONS = [1, 3, 6, 12, 24] as const;

/**
 * Event study. Entry: the close of the first bar dated on or after the event (the
 * decision is announced before that close, so the announcement-day move is excluded).
 * Exit after h calendar months: the close of the last bar dated on or before entry date
 * + h months (from a month-end entry, the month end h months later); when that date is
 * past the data, the row is left empty (NaN).
 */
export function eventStudy(input: EventInput, events: readonly { event: string; date: number }[], horizons: readonly number[] = HORIZONS): EventRow[] {
  const { dates } = input;
  const T = dates.length;
  const rows: EventRow[] = [];
  const lastBarOnOrBefore = (day: number) => {
    let lo = 0, hi = T - 1;
    if (dates[0] > day) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (dates[mid] <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const ev of events) {
    const before = lastBarOnOrBefore(ev.date - 1);
    const entry = before + 1;
    if (ev.date < dates[0] || entry >= T) continue; // outside the data
    for (const h of horizons) {
      const e = dates[entry];
      const target = e === endOfMonth(e) ? endOfMonth(addMonths(e, h)) : addMonths(e, h); // month ends map to month ends
      const exit = target > dates[T - 1] ? -1 : lastBarOnOrBefore(target);
      const r = (x: Float64Array) => (exit > entry ? x[exit] / x[entry] - 1 : NaN);
      const small = r(input.small), large = r(input.large);
      rows.push({ event: ev.event, eventDate: ev.date, entryDate: dates[entry], horizonMonths: h, exitDate: exit > entry ? dates[exit] : NaN, strategy: r(input.strategy), small, large, spread: small - large });
    }
  }
  return rows;
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Mean, median and hit rate per event kind and horizon over the complete rows. */
export function summarizeEvents(rows: readonly EventRow[]): EventSummary[] {
  const groups = new Map<string, EventRow[]>();
  for (const r of rows) {
    if (Number.isNaN(r.exitDate)) continue;
    const key = `${r.event}\u0000${r.horizonMonths}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  const out: EventSummary[] = [];
  for (const g of groups.values()) {
    const pick = (f: (r: EventRow) => number) => g.map(f);
    out.push({
      event: g[0].event,
      horizonMonths: g[0].horizonMonths,
      n: g.length,
      smallMean: mean(pick((r) => r.small)),
      smallMedian: median(pick((r) => r.small)),
      largeMean: mean(pick((r) => r.large)),
      largeMedian: median(pick((r) => r.large)),
      spreadMean: mean(pick((r) => r.spread)),
      spreadMedian: median(pick((r) => r.spread)),
      spreadHitRate: g.filter((r) => r.spread > 0).length / g.length,
      strategyMean: mean(pick((r) => r.strategy)),
    });
  }
  return out.sort((a, b) => a.event.localeCompare(b.event) || a.horizonMonths - b.horizonMonths);
}

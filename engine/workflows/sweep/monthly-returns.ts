import { isoDay, monthIndex } from '../../core/dates.js';
import type { Market } from '../../core/types.js';

/** The calendar months of a market: what every set's monthly returns are measured over. */
export interface MonthFrame {
  /** Bar indexes delimiting the months: month m runs from bar bounds[m] (exclusive) to bounds[m + 1] (inclusive). */
  bounds: Int32Array;
  /** Cash return compounded over each month. */
  cash: Float64Array;
  /** Last date (YYYY-MM-DD) of each month, for manifests. */
  ends: string[];
}

const frames = new WeakMap<Int32Array, MonthFrame>();

/**
 * The months of a market's calendar: the first bar, then the last bar of every calendar month
 * (the last month may be incomplete). A monthly calendar gives one month per bar after the
 * first. Computed once per calendar and shared by every set.
 */
export function monthFrame(market: Pick<Market, 'dates' | 'cash'>): MonthFrame {
  const cached = frames.get(market.dates);
  if (cached) return cached;
  const { dates, cash: cashBar } = market;
  const T = dates.length;
  const bounds: number[] = [0];
  for (let t = 1; t < T; t++) if (t === T - 1 || monthIndex(dates[t + 1]) !== monthIndex(dates[t])) bounds.push(t);
  const b = Int32Array.from(bounds);
  const cash = new Float64Array(b.length - 1);
  for (let m = 0; m < cash.length; m++) {
    let g = 1;
    for (let t = b[m] + 1; t <= b[m + 1]; t++) g *= 1 + cashBar[t];
    cash[m] = g - 1;
  }
  const frame = { bounds: b, cash, ends: Array.from(b.subarray(1), (t) => isoDay(dates[t])) };
  frames.set(market.dates, frame);
  return frame;
}

/**
 * Monthly returns in excess of cash of one equity curve (E[end]/E[start] − 1 − cash return of
 * the month), computed in double precision and stored as Float32 (the compact form the
 * probability of backtest overfitting is computed from).
 */
export function monthlyExcessReturns(equity: ArrayLike<number>, frame: MonthFrame, out: Float32Array = new Float32Array(frame.cash.length)): Float32Array {
  const b = frame.bounds;
  for (let m = 0; m < frame.cash.length; m++) out[m] = equity[b[m + 1]] / equity[b[m]] - 1 - frame.cash[m];
  return out;
}

/** Monthly returns in excess of cash of a per-bar return series (e.g. the benchmark's), in double precision. */
export function monthlyExcessOfReturns(returns: ArrayLike<number>, frame: MonthFrame): Float64Array {
  const b = frame.bounds;
  const out = new Float64Array(frame.cash.length);
  for (let m = 0; m < out.length; m++) {
    let g = 1;
    for (let t = b[m] + 1; t <= b[m + 1]; t++) g *= 1 + returns[t];
    out[m] = g - 1 - frame.cash[m];
  }
  return out;
}

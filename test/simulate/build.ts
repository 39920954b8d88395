/** Test helpers: small hand-written markets for simulate(). */
import { parseIsoDay } from '../../engine/core/dates.js';
import type { SimInput } from '../../engine/simulate/simulate.js';

/** No decision on this bar (a NaN row). */
export const N = NaN;

/** Per-bar simple returns from a price path (index 0 is 0). */
export function returnsOf(prices: number[]): number[] {
  return prices.map((p, t) => (t === 0 ? 0 : p / prices[t - 1] - 1));
}

/** Consecutive days from 2001-01-02 (a Tuesday), or the given ISO dates. */
export function days(T: number, iso?: string[]): Int32Array {
  if (iso) return Int32Array.from(iso.map(parseIsoDay));
  const d0 = parseIsoDay('2001-01-02');
  return Int32Array.from({ length: T }, (_, t) => d0 + t);
}

/**
 * A SimInput from per-asset return columns and per-bar target rows (a row of NaN = no decision;
 * `[N]` is widened to a full NaN row).
 */
export function market(returns: number[][], targets: number[][], opts: { cash?: number[]; dates?: string[] } = {}): SimInput {
  const A = returns.length;
  const T = returns[0].length;
  const w = new Float64Array(T * A).fill(NaN);
  targets.forEach((row, t) => {
    if (row.length === 1 && Number.isNaN(row[0])) return;
    row.forEach((x, a) => (w[t * A + a] = x));
  });
  return {
    dates: days(T, opts.dates),
    assets: returns.map((_, a) => `a${a}`),
    returns: returns.map((r) => Float64Array.from(r)),
    cash: Float64Array.from(opts.cash ?? new Array(T).fill(0)),
    targets: w,
  };
}

/** Relative difference |x / y − 1| (0 when both are 0). */
export function rel(x: number, y: number): number {
  return x === y ? 0 : Math.abs(x / y - 1);
}

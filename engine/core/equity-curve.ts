/**
 * Equity at each bar compounded from per-bar returns: E_0 = `initial`, E_t = E_{t−1}·(1 + r_t).
 * The one home of "cumulative growth from returns" (buy-and-hold curves, the metrics' equity,
 * rolling windows, a run's buy-and-hold columns, a monthly universe's prices from its returns, a
 * benchmark's index); each step is exactly that product, in that order, so every caller gets the
 * same bits.
 *
 * Units: `returns` are simple returns as fractions (0.05 = +5 %) over each bar, from the close
 * before to this close; r_0 is ignored (bar 0 has no return). The result is in the units of
 * `initial` (1 by default: growth of one unit), one value per bar, a new array. A NaN return
 * makes that bar and every later one NaN; a return of −1 (−100 %) makes them 0.
 *
 * @param returns - per-bar simple returns, fractions; index 0 ignored
 * @param initial - equity at bar 0 (default 1)
 * @returns equity at each bar, length `returns.length` (empty for no bars)
 *
 * @example
 * equityCurve([0, 0.1, -0.2, 0.05]) // Float64Array [1, 1.1, 0.88, 0.924] (to rounding: 0.8800000000000001, …)
 * equityCurve([0, 0.5], 100) // Float64Array [100, 150]
 */
export function equityCurve(returns: ArrayLike<number>, initial = 1): Float64Array {
  const out = new Float64Array(returns.length);
  if (returns.length === 0) return out;
  out[0] = initial;
  for (let t = 1; t < returns.length; t++) out[t] = out[t - 1] * (1 + returns[t]);
  return out;
}

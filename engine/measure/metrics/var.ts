/**
 * Historical value at risk and conditional VaR of per-bar returns at confidence p (default 0.95),
 * both per bar (not annualized) and as returns (negative numbers for losses).
 * Quantile rule: VaR = the (1 − p) sample quantile with linear interpolation between order
 * statistics, h = (n − 1)(1 − p), q = x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)) on the sorted
 * returns (Hyndman & Fan 1996, definition 7; numpy's and R's default). CVaR (expected
 * shortfall) = the mean of the returns at or below that quantile.
 */
export function historicalVar(x: ArrayLike<number>, p = 0.95): { var: number; cvar: number } {
  const n = x.length;
  if (n === 0) return { var: NaN, cvar: NaN };
  const s = Float64Array.from(x).sort();
  const h = (n - 1) * (1 - p);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const q = s[lo] + (h - lo) * (s[hi] - s[lo]);
  let sum = 0;
  let k = 0;
  for (let i = 0; i < n && s[i] <= q; i++) {
    sum += s[i];
    k++;
  }
  return { var: q, cvar: k > 0 ? sum / k : q };
}

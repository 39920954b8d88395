/**
 * Historical value at risk and conditional VaR at level p (default 0.95) of per-bar
 * returns: VaR = the (1 − p) quantile with linear interpolation between order statistics
 * (Hyndman & Fan type 7, numpy's default); CVaR = mean of the returns at or below it.
 * Both are returns (negative numbers for losses), per bar, not annualized.
 */
export function historicalVar(x: ArrayLike<number>, p = 0.95): { var: number; cvar: number } {
  const n = x.length;
  if (n === 0) return { var: NaN, cvar: NaN };
  const s = Float64Array.from(x).sort();
  const h = (n - 1) * (1 - p);
  const lo = Math.floor(h);
  const q = s[lo] + (h - lo) * ((s[Math.min(lo + 1, n - 1)] ?? s[lo]) - s[lo]);
  let sum = 0, k = 0;
  for (let i = 0; i < n && s[i] <= q; i++) {
    sum += s[i];
    k++;
  }
  return { var: q, cvar: k ? sum / k : q };
}

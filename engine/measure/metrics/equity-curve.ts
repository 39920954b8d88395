/** Equity at each bar from per-bar returns (index 0 ignored): E_0 = initial, E_t = E_{t−1}·(1 + r_t). */
export function equityCurve(returns: ArrayLike<number>, initial = 1): Float64Array {
  const out = new Float64Array(returns.length);
  if (returns.length === 0) return out;
  out[0] = initial;
  for (let t = 1; t < returns.length; t++) out[t] = out[t - 1] * (1 + returns[t]);
  return out;
}

/** Per-bar excess returns r_t − c_t over the cash series, fractions, for bars 1…T−1 (bar 0 has no return): length T − 1. */
export function excessReturns(returns: ArrayLike<number>, cash: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, returns.length - 1));
  for (let t = 1; t < returns.length; t++) out[t - 1] = returns[t] - cash[t];
  return out;
}

/** Mean over bars of gross exposure Σ_a |w_a| (fraction of equity) from T×A row-major weights. */
export function exposure(weights: ArrayLike<number>, A: number): number {
  const T = A > 0 ? Math.floor(weights.length / A) : 0;
  if (T === 0) return NaN;
  let s = 0;
  for (let i = 0; i < T * A; i++) s += Math.abs(weights[i]);
  return s / T;
}

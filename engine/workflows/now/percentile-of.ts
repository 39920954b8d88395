/**
 * The share of values[0 … i] at or below values[i] (the empirical percentile of the latest
 * reading in the history known with it; NaN values are left out).
 *
 * @example percentileOf(Float64Array.of(3, 1, 2, 2), 3) // 3 of 4 at or below 2: 0.75
 */
export function percentileOf(values: ArrayLike<number>, i: number): number {
  const x = values[i];
  if (!Number.isFinite(x)) return NaN;
  let n = 0,
    below = 0;
  for (let k = 0; k <= i; k++) {
    if (!Number.isFinite(values[k])) continue;
    n++;
    if (values[k] <= x) below++;
  }
  return below / n;
}

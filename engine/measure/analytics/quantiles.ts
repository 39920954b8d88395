/**
 * The p-quantile of ascending sorted values with linear interpolation between order statistics,
 * h = (n − 1)·p (Hyndman & Fan 1996, definition 7; numpy's and R's default). NaN when empty.
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25) === 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Five-number summary of a sample with Tukey's whiskers. */
export interface BoxStats {
  n: number;
  min: number;
  /** Lowest and highest value within 1.5 × IQR of the quartiles (Tukey 1977). */
  whiskerLow: number;
  q1: number;
  median: number;
  q3: number;
  whiskerHigh: number;
  max: number;
  mean: number;
}

/**
 * Quartiles (type 7), Tukey's whiskers (the most extreme values within 1.5·IQR of the quartiles;
 * Tukey 1977, Exploratory Data Analysis, ch. 2), extremes and mean of the finite values.
 * @example boxStats([1, 2, 3, 4, 100]).whiskerHigh === 4
 */
export function boxStats(values: ArrayLike<number>): BoxStats {
  const s = Float64Array.from(Array.from(values).filter(Number.isFinite)).sort();
  const n = s.length;
  if (n === 0) return { n: 0, min: NaN, whiskerLow: NaN, q1: NaN, median: NaN, q3: NaN, whiskerHigh: NaN, max: NaN, mean: NaN };
  const q1 = quantileSorted(s, 0.25),
    median = quantileSorted(s, 0.5),
    q3 = quantileSorted(s, 0.75);
  const lowFence = q1 - 1.5 * (q3 - q1),
    highFence = q3 + 1.5 * (q3 - q1);
  let i = 0;
  while (s[i] < lowFence) i++;
  let j = n - 1;
  while (s[j] > highFence) j--;
  let sum = 0;
  for (const x of s) sum += x;
  return { n, min: s[0], whiskerLow: s[i], q1, median, q3, whiskerHigh: s[j], max: s[n - 1], mean: sum / n };
}

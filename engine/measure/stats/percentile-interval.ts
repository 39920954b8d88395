/** A confidence interval and the level it was computed at. */
export interface Interval {
  low: number;
  high: number;
  level: number;
}

/** Rearranges a[lo..hi] so that a[k] holds the value it would have sorted (Hoare's selection, 1961). */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    // median of three as pivot
    const mid = (lo + hi) >>> 1;
    const x = a[lo],
      y = a[mid],
      z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo,
      j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The p-quantile (type 7) of the values in `a`, reordering `a` (linear expected time). */
function quantileInPlace(a: Float64Array, p: number): number {
  const n = a.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const k = Math.floor(h);
  select(a, k, 0, n - 1);
  const lo = a[k];
  if (k + 1 >= n || h === k) return lo;
  // the next order statistic is the smallest value above position k
  let next = Infinity;
  for (let i = k + 1; i < n; i++) if (a[i] < next) next = a[i];
  return lo + (h - k) * (next - lo);
}

/**
 * Percentile bootstrap interval: the (1 − level)/2 and (1 + level)/2 quantiles (type 7,
 * Hyndman & Fan 1996) of the bootstrap draws (Efron & Tibshirani, An Introduction to the
 * Bootstrap, 1993, §13.3). NaN draws are left out; the input is not changed (one copy is
 * made and partially ordered by selection, in linear expected time).
 *
 * @example percentileInterval(draws, 0.95) // { low, high, level: 0.95 }
 */
export function percentileInterval(draws: ArrayLike<number>, level = 0.95): Interval {
  let m = 0;
  for (let i = 0; i < draws.length; i++) if (!Number.isNaN(draws[i])) m++;
  const s = new Float64Array(m);
  m = 0;
  for (let i = 0; i < draws.length; i++) if (!Number.isNaN(draws[i])) s[m++] = draws[i];
  const a = (1 - level) / 2;
  const low = quantileInPlace(s, a);
  const high = quantileInPlace(s, 1 - a);
  return { low, high, level };
}

/**
 * Exact two-sided sign test: the probability, under a fair coin, of a count of successes
 * at least as far from n/2 as k out of n, p = min(1, 2 P(X ≤ min(k, n − k))) with
 * X ~ Binomial(n, 1/2) (Conover, Practical Nonparametric Statistics, 3rd ed., 1999, §3.4).
 * Ties are the caller's to drop.
 *
 * @example signTest(3, 8) // 0.7265625 (= 186 / 256)
 */
export function signTest(k: number, n: number): number {
  if (!(n > 0) || k < 0 || k > n) return NaN;
  const m = Math.min(k, n - k);
  // P(X ≤ m) summed in log space (exact enough for n in the thousands)
  let logC = 0;
  let tail = 0;
  const logHalfN = n * Math.log(0.5);
  for (let i = 0; i <= m; i++) {
    if (i > 0) logC += Math.log((n - i + 1) / i);
    tail += Math.exp(logC + logHalfN);
  }
  return Math.min(1, 2 * tail);
}

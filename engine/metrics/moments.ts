/** Mean of x[from..]; NaN for no values. */
export function mean(x: ArrayLike<number>, from = 0): number {
  let s = 0;
  for (let i = from; i < x.length; i++) s += x[i];
  return x.length > from ? s / (x.length - from) : NaN;
}

/** Sample standard deviation (n − 1) of x[from..]. */
export function stdev(x: ArrayLike<number>, from = 0): number {
  const n = x.length - from;
  if (n < 2) return NaN;
  const m = mean(x, from);
  let v = 0;
  for (let i = from; i < x.length; i++) v += (x[i] - m) * (x[i] - m);
  return Math.sqrt(v / (n - 1));
}

/**
 * Skewness and excess kurtosis of x[from..] from population moments:
 * skew = m3 / m2^1.5, kurtosis = m4 / m2² − 3 (0 for a normal distribution).
 */
export function skewKurtosis(x: ArrayLike<number>, from = 0): { skew: number; kurtosis: number } {
  const n = x.length - from;
  if (n < 3) return { skew: NaN, kurtosis: NaN };
  const m = mean(x, from);
  let m2 = 0, m3 = 0, m4 = 0;
  for (let i = from; i < x.length; i++) {
    const d = x[i] - m;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return m2 > 0 ? { skew: m3 / Math.pow(m2, 1.5), kurtosis: m4 / (m2 * m2) - 3 } : { skew: NaN, kurtosis: NaN };
}

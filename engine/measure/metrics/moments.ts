/** Arithmetic mean of x[from…]; NaN when empty. */
export function mean(x: ArrayLike<number>, from = 0): number {
  const n = x.length - from;
  if (n <= 0) return NaN;
  let s = 0;
  for (let i = from; i < x.length; i++) s += x[i];
  return s / n;
}

/** Sample standard deviation of x[from…] (divisor n − 1); NaN for fewer than two values. */
export function stdev(x: ArrayLike<number>, from = 0): number {
  const n = x.length - from;
  if (n < 2) return NaN;
  const m = mean(x, from);
  let v = 0;
  for (let i = from; i < x.length; i++) v += (x[i] - m) * (x[i] - m);
  return Math.sqrt(v / (n - 1));
}

/**
 * Skewness and excess kurtosis of x[from…] from population moments m_k = Σ(x − x̄)^k / n:
 * skew = m3 / m2^1.5, kurtosis = m4 / m2² − 3 (0 for a normal distribution); NaN for fewer than
 * three values or zero variance. (The moment estimators g1 and g2 of Joanes & Gill 1998.)
 */
export function skewKurtosis(x: ArrayLike<number>, from = 0): { skew: number; kurtosis: number } {
  const n = x.length - from;
  if (n < 3) return { skew: NaN, kurtosis: NaN };
  const m = mean(x, from);
  let m2 = 0,
    m3 = 0,
    m4 = 0;
  for (let i = from; i < x.length; i++) {
    const d = x[i] - m;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return m2 > 0 ? { skew: m3 / Math.pow(m2, 1.5), kurtosis: m4 / (m2 * m2) - 3 } : { skew: NaN, kurtosis: NaN };
}

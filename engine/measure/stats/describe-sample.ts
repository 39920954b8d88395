/** Location and spread of a sample (NaN values are left out). */
export interface SampleSummary {
  n: number;
  mean: number;
  median: number;
  /** Sample standard deviation (divisor n − 1; NaN when n < 2). */
  sd: number;
  /** Classical t statistic of the mean: mean / (sd / √n) (NaN when n < 2 or sd = 0). */
  t: number;
}

/**
 * n, mean, median, sample standard deviation and the one-sample t statistic of the
 * mean (Student 1908; e.g. Wasserman, All of Statistics, 2004, §10.1).
 *
 * @example describeSample(Float64Array.of(1, 2, 3, 6)) // { n: 4, mean: 3, median: 2.5, sd: 2.160…, t: 2.777… }
 */
export function describeSample(x: ArrayLike<number>): SampleSummary {
  const v: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) v.push(x[i]);
  const n = v.length;
  if (n === 0) return { n, mean: NaN, median: NaN, sd: NaN, t: NaN };
  let sum = 0;
  for (const a of v) sum += a;
  const mean = sum / n;
  let ss = 0;
  for (const a of v) ss += (a - mean) * (a - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  v.sort((a, b) => a - b);
  const median = n % 2 ? v[n >> 1] : (v[n / 2 - 1] + v[n / 2]) / 2;
  const t = n > 1 && sd > 0 ? mean / (sd / Math.sqrt(n)) : NaN;
  return { n, mean, median, sd, t };
}

import { createRequire } from 'node:module';

type Cdf = (x: number, v: number) => number;
type Quantile = (p: number, v: number) => number;
let cdf: Cdf | undefined;
let quantile: Quantile | undefined;
const load = createRequire(import.meta.url);

/**
 * P(T ≤ t) for Student's t with `df` degrees of freedom (stdlib's regularized incomplete
 * beta; Student 1908; Abramowitz & Stegun 1964, 26.7.1). Loaded on first use.
 *
 * @example studentTCdf(2, 7) // 0.95719…
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return NaN;
  cdf ??= load('@stdlib/stats-base-dists-t-cdf') as Cdf;
  return cdf(t, df);
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom (stdlib). Loaded on first use.
 *
 * @example studentTQuantile(0.975, 7) // 2.36462…
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0) || !(p > 0 && p < 1)) return NaN;
  quantile ??= load('@stdlib/stats-base-dists-t-quantile') as Quantile;
  return quantile(p, df);
}

/**
 * Two-sided p-value of a t statistic on `df` degrees of freedom, p = 2 P(T ≥ |t|).
 *
 * @example twoSidedTP(2.3646, 7) // ≈ 0.05
 */
export function twoSidedTP(t: number, df: number): number {
  if (!Number.isFinite(t) || !(df > 0)) return Number.isNaN(t) ? NaN : t === 0 ? 1 : 0;
  return Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
}

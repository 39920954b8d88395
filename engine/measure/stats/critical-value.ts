import { quantileSorted } from './quantile-sorted.js';

/**
 * The two-sided critical value of a simulated statistic: the `level` quantile (type 7) of
 * its absolute values, NaN draws left out — the number that replaces 1.96 when a t
 * statistic is referred to its simulated rather than its normal distribution (bootstrap-t:
 * Hall 1992, The Bootstrap and Edgeworth Expansion, §3.10; symmetric intervals).
 *
 * @example criticalValue(Float64Array.of(-3, -1, 0.5, 2), 0.5) // 1.5
 */
export function criticalValue(draws: ArrayLike<number>, level = 0.95): number {
  const a: number[] = [];
  for (let i = 0; i < draws.length; i++) if (!Number.isNaN(draws[i])) a.push(Math.abs(draws[i]));
  return quantileSorted(Float64Array.from(a).sort(), level);
}

/**
 * Two-sided p of an observed statistic against simulated draws of it under the null,
 * (1 + #{|draw| ≥ |observed|}) / (B + 1) (Davison & Hinkley 1997, eq. 4.11); NaN draws count
 * as not extreme and NaN observed gives NaN.
 *
 * @example simulatedP(2, Float64Array.of(-3, -1, 0.5, 2)) // (1 + 2) / 5 = 0.6
 */
export function simulatedP(observed: number, draws: ArrayLike<number>): number {
  if (Number.isNaN(observed)) return NaN;
  const o = Math.abs(observed) * (1 - 1e-12);
  let k = 0;
  for (let i = 0; i < draws.length; i++) if (Math.abs(draws[i]) >= o) k++;
  return (k + 1) / (draws.length + 1);
}

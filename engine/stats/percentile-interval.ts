import { quantileSorted } from './quantile-sorted.js';

/** A confidence interval and the level it was computed at. */
export interface Interval {
  low: number;
  high: number;
  level: number;
}

/**
 * Percentile bootstrap interval: the (1 − level)/2 and (1 + level)/2 quantiles of the
 * bootstrap draws (Efron & Tibshirani, An Introduction to the Bootstrap, 1993, §13.3).
 * NaN draws are left out; the input is not changed (a sorted copy is made once).
 *
 * @example percentileInterval(draws, 0.95) // { low, high, level: 0.95 }
 */
export function percentileInterval(draws: ArrayLike<number>, level = 0.95): Interval {
  let m = 0;
  for (let i = 0; i < draws.length; i++) if (!Number.isNaN(draws[i])) m++;
  const s = new Float64Array(m);
  m = 0;
  for (let i = 0; i < draws.length; i++) if (!Number.isNaN(draws[i])) s[m++] = draws[i];
  s.sort();
  const a = (1 - level) / 2;
  return { low: quantileSorted(s, a), high: quantileSorted(s, 1 - a), level };
}

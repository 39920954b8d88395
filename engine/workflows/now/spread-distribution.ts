import { quantileSorted } from '../../measure/stats/quantile-sorted.js';
import type { SpreadDistribution } from '../../formats/now-folder.js';

/**
 * Mean, median, 10/25/75/90 % quantiles (type 7) and the share above 0 of the finite values.
 *
 * @example spreadDistribution([0.1, -0.05, 0.02, 0.03]) // { n: 4, mean: 0.025, median: 0.025, ahead: 0.75, … }
 */
export function spreadDistribution(values: ArrayLike<number>): SpreadDistribution {
  const xs = Array.from(values).filter(Number.isFinite);
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let sum = 0,
    ahead = 0;
  for (const x of sorted) {
    sum += x;
    if (x > 0) ahead++;
  }
  const q = (p: number) => quantileSorted(sorted, p);
  return { n, mean: n ? sum / n : NaN, median: q(0.5), q10: q(0.1), q25: q(0.25), q75: q(0.75), q90: q(0.9), ahead: n ? ahead / n : NaN };
}

import type { Interval } from './percentile-interval.js';
import { quantileSorted } from './quantile-sorted.js';

/** The excess of an event statistic over its placebo centre, with an interval. */
export interface PlaceboExcess extends Interval {
  /** Observed statistic minus the mean of the placebo distribution. */
  excess: number;
  /** Standard deviation of the placebo distribution (the standard error of the excess under the null). */
  se: number;
}

/**
 * The excess of an observed event mean over what random dates give (the placebo centre c,
 * the mean of the placebo distribution d), with the interval that inverts the placebo test
 * under a shift: excess ± q_level(|d − c|). It excludes 0 exactly when the two-sided placebo
 * p-value (Phipson & Smyth 2010, see placeboPValue) is below 1 − level, up to the +1
 * correction, so interval and p never disagree (test inversion: Lehmann & Romano,
 * Testing Statistical Hypotheses, 3rd ed., 2005, §3.5).
 *
 * @example placeboExcess(0.06, placeboDraws) // { excess: 0.06 − centre, low, high, se, level: 0.95 }
 */
export function placeboExcess(observed: number, distribution: Float64Array, level = 0.95): PlaceboExcess {
  let m = 0,
    sum = 0;
  for (let b = 0; b < distribution.length; b++) {
    if (Number.isFinite(distribution[b])) {
      m++;
      sum += distribution[b];
    }
  }
  if (m < 2 || !Number.isFinite(observed)) return { excess: NaN, low: NaN, high: NaN, se: NaN, level };
  const center = sum / m;
  const dev = new Float64Array(m);
  let ss = 0;
  m = 0;
  for (let b = 0; b < distribution.length; b++) {
    if (Number.isFinite(distribution[b])) {
      dev[m++] = Math.abs(distribution[b] - center);
      ss += (distribution[b] - center) ** 2;
    }
  }
  dev.sort();
  const half = quantileSorted(dev, level);
  const excess = observed - center;
  return { excess, low: excess - half, high: excess + half, se: Math.sqrt(ss / (m - 1)), level };
}

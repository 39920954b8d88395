import { normalQuantile } from '../../measure/metrics/normal.js';
import { placeboExcess } from '../../measure/stats/placebo-interval.js';

/** A statistic tested against its value under every shift of a joint rotation. */
export interface ShiftVerdict {
  /** The observed value minus the centre of the shift distribution, its 95 % interval by test inversion, the exact two-sided p, the shifts, the MDE. */
  excess: number;
  ciLow: number;
  ciHigh: number;
  p: number;
  shifts: number;
  mde: number;
}

/**
 * The test of a joint rotation from its enumerated distribution (`distribution[0]` is the
 * observed statistic, shift 0): p = #{s : |d_s − c| ≥ |d_0 − c|} / S with c the mean of d, exact
 * because every shift is one of S equally likely outcomes (as rotationTest); the interval inverts
 * it (placeboExcess); the MDE is the test's own 5 % critical value plus z₀.₈ of its standard
 * deviation (as eventInference's).
 *
 * @example shiftVerdict(Float64Array.of(3, 0, 1, -1, 2)) // { excess: 2, p: 0.4, shifts: 5, … } (|3 − 1| and |−1 − 1| reach 2)
 */
export function shiftVerdict(distribution: Float64Array): ShiftVerdict {
  const S = distribution.length;
  const observed = distribution[0];
  const ex = placeboExcess(observed, distribution);
  const c = distribution.reduce((a, b) => a + b, 0) / S;
  const dObs = Math.abs(observed - c) * (1 - 1e-12);
  let extreme = 0;
  for (let k = 0; k < S; k++) if (Math.abs(distribution[k] - c) >= dObs) extreme++;
  return { excess: ex.excess, ciLow: ex.low, ciHigh: ex.high, p: extreme / S, shifts: S, mde: ex.high - ex.excess + normalQuantile(0.8) * ex.se };
}

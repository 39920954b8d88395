import { normalQuantile } from '../metrics/normal.js';
import { studentTQuantile } from './student-t.js';

/**
 * The minimum detectable effect of a two-sided test: the true effect that a test of size
 * `level` (default 0.05) rejects with probability `power` (default 0.8), given the standard
 * error of the estimate: MDE = (q_{1−level/2} + q_{power}) · se, with Student's t quantiles
 * on `df` degrees of freedom or normal ones when df is omitted (Bloom 1995, "Minimum
 * detectable effects", Evaluation Review 19). An effect smaller than this is one the data
 * could not be expected to find: "not shown" below it means "uninformative", not "absent".
 *
 * @example minimumDetectableEffect(0.035) // (1.960 + 0.842) · 0.035 ≈ 0.098
 * @example minimumDetectableEffect(0.035, { df: 7 }) // (2.365 + 0.896) · 0.035 ≈ 0.114
 */
export function minimumDetectableEffect(se: number, options: { df?: number; level?: number; power?: number } = {}): number {
  const level = options.level ?? 0.05,
    power = options.power ?? 0.8;
  if (!(se >= 0)) return NaN;
  const q = (p: number) => (options.df === undefined ? normalQuantile(p) : studentTQuantile(p, options.df));
  return (q(1 - level / 2) + q(power)) * se;
}

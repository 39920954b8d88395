import { normalCdf } from '../../measure/metrics/normal.js';

/**
 * Two-sided p-value of a statistic that is standard normal under the null,
 * p = 2 (1 − Φ(|z|)) (large-sample test of a HAC t; Newey & West 1987).
 *
 * @example twoSidedNormalP(1.96) // ≈ 0.05
 */
export function twoSidedNormalP(z: number): number {
  return Number.isFinite(z) ? 2 * (1 - normalCdf(Math.abs(z))) : NaN;
}

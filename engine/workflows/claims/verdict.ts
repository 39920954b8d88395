import type { Verdict } from '../../formats/claims-folder.js';

/** Level of every verdict's test (two-sided). */
export const ALPHA = 0.05;

/**
 * The verdict rule: *supported* when the test of the claim's null rejects at 5 % (p < 0.05,
 * two-sided; on the primary family, Holm's adjusted p) and the estimate has the claimed sign,
 * *contradicted* when it rejects with the other sign, *not shown* otherwise, and *not tested*
 * when there is no test (fewer than 5 independent groups, or no p).
 *
 * @example verdictOf(0.01, 0.04, 1) // 'supported'
 * @example verdictOf(0.3, 0.04, 1) // 'not shown'
 */
export function verdictOf(p: number, estimate: number, direction: 1 | -1): Verdict {
  if (!Number.isFinite(p) || !Number.isFinite(estimate)) return 'not tested';
  if (p >= ALPHA) return 'not shown';
  return Math.sign(estimate) === direction ? 'supported' : 'contradicted';
}

/** The verdict in words for a sentence. */
export function verdictWords(v: Verdict): string {
  return v === 'supported'
    ? 'history supports the claim'
    : v === 'contradicted'
      ? 'history contradicts the claim'
      : v === 'not tested'
        ? 'too few independent observations to test'
        : 'not shown';
}

import type { Verdict } from './types.js';

/**
 * The verdict rule: *supported* when the 95 % interval excludes zero in the claimed
 * direction, *contradicted* when it excludes zero the other way, *not shown* otherwise
 * (including when there is no interval, e.g. too few events).
 *
 * @example verdictOf(0.01, 0.08, 1) // 'supported'
 */
export function verdictOf(low: number, high: number, direction: 1 | -1): Verdict {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return 'not shown';
  if (direction > 0 ? low > 0 : high < 0) return 'supported';
  if (direction > 0 ? high < 0 : low > 0) return 'contradicted';
  return 'not shown';
}

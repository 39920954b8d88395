import type { FedFrame } from '../../core/types.js';
import { detectCycles } from './detect-cycles.js';
import { fedFrame } from './fed-frame.js';

/**
 * The Fed phase of each bar of a calendar under another hold rule: the cycles detected
 * again from the frame's moves (every move known at its last close, also those before the
 * calendar starts) with the frame's threshold, and the phase "hold" after `holdDays`
 * calendar days without a move in the cycle's direction (see fedFrame). With the frame's own
 * hold rule it is the frame's phase column.
 *
 * @example phaseWithHold(m.dates, m.fed, 91) // Int8Array of Phase values
 */
export function phaseWithHold(dates: Int32Array, fed: Pick<FedFrame, 'moves' | 'threshold' | 'resumeDays' | 'policyRate'>, holdDays: number): Int8Array {
  const cycles = detectCycles(fed.moves, { threshold: fed.threshold, resumeDays: fed.resumeDays });
  return fedFrame(dates, fed.policyRate, fed.moves, cycles, { threshold: fed.threshold, resumeDays: fed.resumeDays, holdDays }).phase;
}

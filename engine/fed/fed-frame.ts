import { monthsBetween } from '../dates.js';
import { Phase, type FedFrame } from '../types.js';
import type { DetectedCycle, RateMove } from './detect-cycles.js';

/** Options of {@link fedFrame}. */
export interface FedFrameOptions {
  /** Calendar days without a move in the cycle's direction after which the phase is "hold" (default 183). */
  holdDays?: number;
}

/**
 * Annotates a calendar with the Fed policy phase known at each bar's close: the
 * direction of the latest confirmed cycle while its last same-direction move is at most
 * `holdDays` old, "hold" otherwise (and before the first cycle). First cuts are flagged
 * on the first bar on or after the easing cycle's confirmation; months since the first
 * cut count from the cut itself.
 */
export function fedFrame(
  calendar: Int32Array,
  policyRate: Float64Array,
  moves: readonly RateMove[],
  cycles: readonly DetectedCycle[],
  options: FedFrameOptions = {},
): FedFrame {
  const holdDays = options.holdDays ?? 183;
  const T = calendar.length;
  const phase = new Int8Array(T);
  const cycleId = new Int32Array(T);
  const firstCut = new Uint8Array(T);
  const barsSince = new Float64Array(T).fill(NaN);
  const monthsSince = new Float64Array(T).fill(NaN);
  const move = new Int8Array(T);

  let c = -1; // latest confirmed cycle index
  let m = -1; // latest known move index
  let lastDirMove = NaN; // date of the latest move in the current cycle's direction
  let cutDate = NaN; // date of the latest known first cut
  let cutBar = -1; // bar at which it became known
  let flaggedCut = -1;
  let lastMoveSeen = -1;
  for (let t = 0; t < T; t++) {
    const day = calendar[t];
    while (c + 1 < cycles.length && cycles[c + 1].confirmed <= day) {
      c++;
      lastDirMove = cycles[c].confirmed;
      if (cycles[c].direction === 'easing') {
        cutDate = cycles[c].start;
        cutBar = t;
      }
    }
    while (m + 1 < moves.length && moves[m + 1].date <= day) {
      m++;
      const step = moves[m].rate - moves[m].previous;
      if (c >= 0 && m > cycles[c].confirmIndex) {
        const dir = cycles[c].direction === 'easing' ? -1 : 1;
        if (Math.sign(step) === dir) lastDirMove = moves[m].date;
      }
    }
    if (m > lastMoveSeen) {
      const step = moves[m].rate - moves[m].previous;
      move[t] = step < 0 ? 1 : step > 0 ? -1 : 0;
      lastMoveSeen = m;
    }
    if (c >= 0) {
      cycleId[t] = cycles[c].id;
      const dir = cycles[c].direction === 'easing' ? Phase.Easing : Phase.Tightening;
      phase[t] = day - lastDirMove <= holdDays ? dir : Phase.Hold;
    }
    if (cutBar >= 0) {
      if (cutBar === t && flaggedCut !== cutBar) {
        firstCut[t] = 1;
        flaggedCut = t;
      }
      barsSince[t] = t - cutBar;
      monthsSince[t] = monthsBetween(cutDate, day);
    }
  }
  return {
    policyRate,
    phase,
    cycleId,
    firstCut,
    barsSinceFirstCut: barsSince,
    monthsSinceFirstCut: monthsSince,
    move,
    cycles: cycles.map(({ id, direction, start, end, moves: n, changeBp, confirmed }) => ({ id, direction, start, end, moves: n, changeBp, confirmed })),
  };
}

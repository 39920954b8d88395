import { monthsBetween } from '../../core/dates.js';
import { Phase, type FedFrame } from '../../core/types.js';
import type { CycleOptions, DetectedCycle, RateMove } from './detect-cycles.js';
import { cyclesKnownAt } from './cycles-known-at.js';

/** Options of {@link fedFrame}. */
export interface FedFrameOptions extends CycleOptions {
  /** Calendar days without a move in the cycle's direction after which the phase is "hold" (default 183). */
  holdDays?: number;
}

/**
 * Annotates a calendar with the Fed policy phase known at each bar's close: the
 * direction of the latest confirmed cycle while its last same-direction move is at most
 * `holdDays` old, "hold" otherwise (and before the first cycle). An event (a first cut
 * becoming known, a move) is flagged on the first bar on or after it: bar t shows the
 * events dated after bar t − 1 and up to bar t (bar 0 only those of its own day), so
 * nothing known before the calendar starts is flagged. Months since the first cut count
 * from the cut itself; bars since count from the flagged bar (NaN when the cut became
 * known before the calendar's first bar). Build the frame on the whole calendar of the
 * data and cut it with {@link sliceFed}: the annotation of a bar then never depends on
 * where a run starts.
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
  let cutBar = NaN; // bar at which it became known (NaN: before the calendar)
  for (let t = 0; t < T; t++) {
    const day = calendar[t];
    const previous = t > 0 ? calendar[t - 1] : day - 1; // events after this day show at bar t
    while (c + 1 < cycles.length && cycles[c + 1].confirmed <= day) {
      c++;
      lastDirMove = cycles[c].confirmed;
      if (cycles[c].direction === 'easing') {
        cutDate = cycles[c].start;
        const fresh = cycles[c].confirmed > previous;
        cutBar = fresh ? t : NaN;
        if (fresh) firstCut[t] = 1;
      }
    }
    let net = 0;
    let any = false;
    while (m + 1 < moves.length && moves[m + 1].date <= day) {
      m++;
      const step = moves[m].rate - moves[m].previous;
      if (c >= 0 && m > cycles[c].confirmIndex) {
        const dir = cycles[c].direction === 'easing' ? -1 : 1;
        if (Math.sign(step) === dir) lastDirMove = moves[m].date;
      }
      if (moves[m].date > previous) {
        any = true;
        net = step; // the latest move of the bar decides its sign
      }
    }
    if (any) move[t] = net < 0 ? 1 : net > 0 ? -1 : 0;
    if (c >= 0) {
      cycleId[t] = cycles[c].id;
      const dir = cycles[c].direction === 'easing' ? Phase.Easing : Phase.Tightening;
      phase[t] = day - lastDirMove <= holdDays ? dir : Phase.Hold;
    }
    if (!Number.isNaN(cutDate)) {
      barsSince[t] = t - cutBar;
      monthsSince[t] = monthsBetween(cutDate, day);
    }
  }
  const last = T > 0 ? calendar[T - 1] : -Infinity;
  const threshold = options.threshold ?? 0.25;
  const known = moves.filter((x) => x.date <= last).map((x) => ({ ...x }));
  return {
    policyRate,
    phase,
    cycleId,
    firstCut,
    barsSinceFirstCut: barsSince,
    monthsSinceFirstCut: monthsSince,
    move,
    cycles: cyclesKnownAt(known, threshold, last, options.resumeDays),
    moves: known,
    threshold,
    ...(options.resumeDays !== undefined ? { resumeDays: options.resumeDays } : {}),
  };
}

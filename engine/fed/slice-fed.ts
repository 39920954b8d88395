import type { FedFrame } from '../types.js';
import { cyclesKnownAt } from './cycles-known-at.js';

/**
 * Bars `lo` to `hi − 1` of a Fed frame built on a longer calendar whose bar `hi − 1` is
 * dated `lastDay`: per-bar columns are copied, moves and cycles limited to those known at
 * `lastDay`'s close. The annotation of a bar is the same whatever the cut.
 */
export function sliceFed(f: FedFrame, lo: number, hi: number, lastDay: number): FedFrame {
  const moves = f.moves.filter((m) => m.date <= lastDay).map((m) => ({ ...m }));
  return {
    policyRate: f.policyRate.slice(lo, hi),
    phase: f.phase.slice(lo, hi),
    cycleId: f.cycleId.slice(lo, hi),
    firstCut: f.firstCut.slice(lo, hi),
    barsSinceFirstCut: f.barsSinceFirstCut.slice(lo, hi),
    monthsSinceFirstCut: f.monthsSinceFirstCut.slice(lo, hi),
    move: f.move.slice(lo, hi),
    cycles: cyclesKnownAt(moves, f.threshold, lastDay),
    moves,
    threshold: f.threshold,
  };
}

import type { FedFrame } from '../../core/types.js';
import { cyclesKnownAt } from './cycles-known-at.js';

/**
 * Bars `lo` to `hi − 1` of a Fed frame built on a longer calendar whose bar `hi − 1` is
 * dated `lastDay`: per-bar columns are copied (or, with `copy: false`, views sharing the
 * frame's memory), moves and cycles limited to those known at `lastDay`'s close. The
 * annotation of a bar is the same whatever the cut.
 */
export function sliceFed(f: FedFrame, lo: number, hi: number, lastDay: number, options: { copy?: boolean } = {}): FedFrame {
  const moves = f.moves.filter((m) => m.date <= lastDay).map((m) => ({ ...m }));
  const cut = <T extends Float64Array | Int32Array | Int8Array | Uint8Array>(a: T): T =>
    options.copy === false ? (a.subarray(lo, hi) as T) : (a.slice(lo, hi) as T);
  return {
    policyRate: cut(f.policyRate),
    phase: cut(f.phase),
    cycleId: cut(f.cycleId),
    firstCut: cut(f.firstCut),
    barsSinceFirstCut: cut(f.barsSinceFirstCut),
    monthsSinceFirstCut: cut(f.monthsSinceFirstCut),
    move: cut(f.move),
    cycles: cyclesKnownAt(moves, f.threshold, lastDay, f.resumeDays),
    moves,
    threshold: f.threshold,
    ...(f.resumeDays !== undefined ? { resumeDays: f.resumeDays } : {}),
  };
}

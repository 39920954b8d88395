import { Phase, type FedCycle, type PolicyMove } from '../../core/types.js';

/** A change of the policy rate known from `date`'s close (percent per year). */
export type RateMove = PolicyMove;

/** A confirmed policy cycle with the decision that confirmed it (point-in-time). */
export interface DetectedCycle extends FedCycle {
  /** Index in the moves list of the first move and of the confirming move. */
  startIndex: number;
  confirmIndex: number;
}

/** Options of {@link detectCycles}. */
export interface CycleOptions {
  /** Cumulative move from the last extreme that confirms a turn, percentage points (default 0.25). */
  threshold?: number;
  /**
   * Days without any move after which a move in the current cycle's direction starts a new cycle
   * (a first cut after a long pause; default: never). International samples count a first cut as
   * a cut after a hike or after 365 days without a move.
   */
  resumeDays?: number;
}

/**
 * Detects easing and tightening cycles from policy-rate moves with a zig-zag rule:
 * a cycle turns when the rate has moved at least `threshold` points away from the
 * running extreme (peak in tightening, trough in easing) of the current cycle. The new
 * cycle starts at the first move away from that extreme (the "first cut" of an easing
 * cycle) and is confirmed at the move that crosses the threshold; with 25 bp steps both
 * are the same decision. Runs online: each cycle uses only moves up to its confirmation,
 * so the result is free of look-ahead. The first move sets the initial direction.
 */
export function detectCycles(moves: readonly RateMove[], options: CycleOptions = {}): DetectedCycle[] {
  const threshold = options.threshold ?? 0.25;
  const resume = options.resumeDays ?? Infinity;
  const eps = 1e-9;
  const cycles: DetectedCycle[] = [];
  if (moves.length === 0) return cycles;
  // Pretend the series was moving the opposite way and sat at an extreme before the first move.
  let dir: number = moves[0].rate < moves[0].previous ? Phase.Tightening : Phase.Easing;
  let extreme = moves[0].previous;
  let candidate = -1;
  let current: DetectedCycle | undefined;
  for (let i = 0; i < moves.length; i++) {
    const r = moves[i].rate;
    const step = r - moves[i].previous;
    if (current && i > 0 && moves[i].date - moves[i - 1].date >= resume && (dir === Phase.Easing ? step < -eps : step > eps)) {
      // a move in the cycle's direction after a long pause: a new cycle starts (and is confirmed) here
      extreme = r;
      candidate = -1;
      current = {
        id: cycles.length + 1,
        direction: current.direction,
        start: moves[i].date,
        end: moves[i].date,
        moves: 1,
        changeBp: Math.round(step * 1e4) / 100,
        confirmed: moves[i].date,
        startIndex: i,
        confirmIndex: i,
      };
      cycles.push(current);
      continue;
    }
    const extends_ = dir === Phase.Tightening ? r > extreme + eps : r < extreme - eps;
    if (extends_) {
      extreme = r;
      candidate = -1;
      if (current) {
        current.end = moves[i].date;
        current.moves += 1;
        current.changeBp = Math.round((r - moves[current.startIndex].previous) * 1e4) / 100;
      }
      continue;
    }
    const away = dir === Phase.Tightening ? extreme - r : r - extreme;
    if (away > eps && candidate < 0) candidate = i;
    if (away >= threshold - eps) {
      dir = -dir;
      extreme = r;
      const start = candidate;
      candidate = -1;
      let count = 0;
      for (let k = start; k <= i; k++) {
        const step = moves[k].rate - moves[k].previous;
        if (dir === Phase.Easing ? step < 0 : step > 0) count++;
      }
      current = {
        id: cycles.length + 1,
        direction: dir === Phase.Easing ? 'easing' : 'tightening',
        start: moves[start].date,
        end: moves[i].date,
        moves: count,
        changeBp: Math.round((r - moves[start].previous) * 1e4) / 100,
        confirmed: moves[i].date,
        startIndex: start,
        confirmIndex: i,
      };
      cycles.push(current);
    }
  }
  return cycles;
}

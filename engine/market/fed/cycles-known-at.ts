import type { FedCycle, PolicyMove } from '../../core/types.js';
import { detectCycles } from './detect-cycles.js';

/**
 * The policy cycles as known at the close of `day`: detected from the moves dated on or
 * before it (the detection is online, so ids and starts agree with the full history, and
 * a cycle still running shows only the moves made by then).
 */
export function cyclesKnownAt(moves: readonly PolicyMove[], threshold: number, day: number, resumeDays?: number): FedCycle[] {
  let n = 0;
  while (n < moves.length && moves[n].date <= day) n++;
  return detectCycles(moves.slice(0, n), { threshold, resumeDays }).map(({ id, direction, start, end, moves: k, changeBp, confirmed }) => ({
    id,
    direction,
    start,
    end,
    moves: k,
    changeBp,
    confirmed,
  }));
}

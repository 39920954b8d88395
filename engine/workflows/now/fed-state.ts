import { monthsBetween } from '../../core/dates.js';
import type { PolicyMove } from '../../core/types.js';
import type { DetectedCycle } from '../../market/fed/detect-cycles.js';

/** Where the Fed stood at the close of one day, from the moves known by then. */
export interface FedState {
  /** Direction of the latest confirmed cycle (undefined before the first one) and its id and first move. */
  direction?: 'easing' | 'tightening';
  cycleId: number;
  cycleStart: number;
  /** Phase by the hold rule: the cycle's direction while its last same-direction move is at most `holdDays` old. */
  phase: 'easing' | 'tightening' | 'hold';
  /** Calendar months since the cycle's first move (the first cut of an easing cycle). */
  cycleMonths: number;
  /** Moves in the cycle's direction so far (cuts of an easing cycle) and the net change since the cycle began, basis points. */
  cycleMoves: number;
  changeBp: number;
  /** Date of the latest move of any direction, months since it, and the rate it set (percent per year). */
  lastMove: number;
  monthsSinceMove: number;
  rate: number;
}

/**
 * The Fed's state at the close of each of `days` (ascending), from the policy moves known by
 * then and the cycles detected on them (detectCycles is online: a cycle is used from its
 * confirmation, and its moves are counted up to the day). The phase follows fedFrame's hold
 * rule (default 183 days). Days before the first confirmed cycle have no direction and NaN counts.
 *
 * @example fedStates(m.fed.moves, detectCycles(m.fed.moves), Int32Array.of(parseIsoDay('2025-09-18')))[0] // { direction: 'easing', cycleMoves: 4, changeBp: −125, … }
 */
export function fedStates(moves: readonly PolicyMove[], cycles: readonly DetectedCycle[], days: ArrayLike<number>, holdDays = 183): FedState[] {
  const out: FedState[] = [];
  let c = -1,
    m = -1;
  for (let d = 0; d < days.length; d++) {
    const day = days[d];
    while (c + 1 < cycles.length && cycles[c + 1].confirmed <= day) c++;
    while (m + 1 < moves.length && moves[m + 1].date <= day) m++;
    const last = m >= 0 ? moves[m] : undefined;
    const base = {
      lastMove: last?.date ?? NaN,
      monthsSinceMove: last ? monthsBetween(last.date, day) : NaN,
      rate: last?.rate ?? NaN,
    };
    if (c < 0) {
      out.push({ cycleId: 0, cycleStart: NaN, phase: 'hold', cycleMoves: NaN, changeBp: NaN, cycleMonths: NaN, ...base });
      continue;
    }
    const cy = cycles[c];
    const dir = cy.direction === 'easing' ? -1 : 1;
    let count = 0,
      lastDir = cy.confirmed;
    for (let k = cy.startIndex; k <= m; k++) {
      if (Math.sign(moves[k].rate - moves[k].previous) !== dir) continue;
      count++;
      if (k >= cy.confirmIndex) lastDir = Math.max(lastDir, moves[k].date);
    }
    out.push({
      direction: cy.direction,
      cycleId: cy.id,
      cycleStart: cy.start,
      phase: day - lastDir <= holdDays ? cy.direction : 'hold',
      cycleMonths: monthsBetween(cy.start, day),
      cycleMoves: count,
      changeBp: Math.round((moves[m].rate - moves[cy.startIndex].previous) * 1e4) / 100,
      ...base,
    });
  }
  return out;
}

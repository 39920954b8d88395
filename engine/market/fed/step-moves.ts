import type { RateMove } from './detect-cycles.js';

/**
 * A central bank's moves from its policy rate kept as a step series (one value per day, carried
 * between decisions): a move wherever the rate, rounded to `decimals`, differs from the last
 * known value, dated the day it became known (`known[i]`, e.g. the effective date's close).
 * Missing values (NaN) neither move nor reset the level. The rule every bank without a
 * decision table shares (see docs/data.md, "Central banks").
 *
 * @example stepMoves(Int32Array.of(0, 1, 2), Float64Array.of(4.25, 4.25, 3.75)) // [{ date: 2, previous: 4.25, rate: 3.75 }]
 */
export function stepMoves(known: Int32Array, values: Float64Array, decimals = 2): RateMove[] {
  const scale = 10 ** decimals;
  const moves: RateMove[] = [];
  let level = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const r = Math.round(v * scale) / scale;
    if (Number.isFinite(level) && r !== level) moves.push({ date: known[i], previous: level, rate: r });
    level = r;
  }
  return moves;
}

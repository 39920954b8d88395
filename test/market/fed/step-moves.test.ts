import { describe, expect, it } from 'vitest';
import { stepMoves } from '../../../engine/market/fed/step-moves.js';

describe('stepMoves', () => {
  it('a move wherever the rounded rate changes, dated the day it is known; gaps neither move nor reset', () => {
    const known = Int32Array.of(10, 11, 12, 13, 14, 15, 16);
    const values = Float64Array.of(4.25, 4.25, 3.75, NaN, 3.75, 5.501, 5.5);
    expect(stepMoves(known, values)).toEqual([
      { date: 12, previous: 4.25, rate: 3.75 },
      { date: 15, previous: 3.75, rate: 5.5 },
    ]);
  });
  it('no values, one value: no move', () => {
    expect(stepMoves(new Int32Array(0), new Float64Array(0))).toEqual([]);
    expect(stepMoves(Int32Array.of(1), Float64Array.of(2))).toEqual([]);
  });
});

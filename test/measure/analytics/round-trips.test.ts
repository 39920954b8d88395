import { describe, expect, it } from 'vitest';
import { roundTrips, roundTripStats } from '../../../engine/measure/analytics/round-trips.js';

describe('round trips', () => {
  // two assets over six bars; realized weights after trading, row-major
  const dates = Int32Array.of(0, 1, 2, 5, 6, 9);
  const weights = Float64Array.of(0, 0, 1, 0, 1.05, 0, 0, 1, 0, 0.9, 0, -0.5);
  const a = Float64Array.of(0, 0.1, 0.2, -0.1, 0.05, 0);
  const b = Float64Array.of(0, 0, 0.3, 0.1, -0.2, 0.1);
  const trips = roundTrips({ dates, assets: ['a', 'b'], weights, returns: [a, b] });

  it('opens when the weight turns non-zero and closes when it returns to zero or flips', () => {
    expect(trips.map((t) => [t.asset, t.side, t.entryBar, t.exitBar, t.bars, t.days, t.open])).toEqual([
      ['a', 1, 1, 3, 2, 4, false],
      ['b', 1, 3, 5, 2, 4, false],
      ['b', -1, 5, 5, 0, 0, true],
    ]);
    // a held over bars 2..3: 1.2 × 0.9 − 1 = 0.08 (drift from 1 to 1.05 does not split it); b over bars 4..5: 0.8 × 1.1 − 1
    expect(trips[0].ret).toBeCloseTo(0.08, 14);
    expect(trips[1].ret).toBeCloseTo(-0.12, 14);
    expect(trips[2].ret).toBe(0);
  });

  it('statistics count closed trips only', () => {
    const s = roundTripStats(trips);
    expect(s.count).toBe(2);
    expect([s.wins, s.losses, s.hitRate]).toEqual([1, 1, 0.5]);
    expect(s.avgWin).toBeCloseTo(0.08, 14);
    expect(s.avgLoss).toBeCloseTo(-0.12, 14);
    expect(s.avgReturn).toBeCloseTo(-0.02, 14);
    expect(s.payoff).toBeCloseTo(2 / 3, 12);
    expect(s.avgDays).toBe(4);
    expect(Number.isNaN(roundTripStats([]).hitRate)).toBe(true);
  });

  it('a short round trip earns the negative of the asset return', () => {
    const w = Float64Array.of(0, -1, -1, 0);
    const r = Float64Array.of(0, 0.5, -0.2, 0.1);
    const [t] = roundTrips({ dates: Int32Array.of(0, 1, 2, 3), assets: ['x'], weights: w, returns: [r] });
    expect(t.side).toBe(-1);
    expect(t.ret).toBeCloseTo(-(0.8 * 1.1 - 1), 14);
  });
});

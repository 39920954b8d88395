import { describe, expect, it } from 'vitest';
import { nearestAnalogues } from '../../../engine/measure/analytics/nearest-analogues.js';

describe('nearestAnalogues', () => {
  it('one feature: |x − x*| / s, nearest first, by hand', () => {
    const r = nearestAnalogues([Float64Array.of(0, 1, 3)], [1], [1], [2.6], [0, 1, 2], 2);
    expect(Array.from(r.rows)).toEqual([2, 1]);
    expect(r.distances[0]).toBeCloseTo(0.4, 12);
    expect(r.distances[1]).toBeCloseTo(1.6, 12);
  });

  it('weighted and standardized: √(Σ w ((x − x*) / s)² / Σ w), by hand', () => {
    // row 0: (2 − 0)/2 = 1 on feature a (w 3), (10 − 13)/3 = −1 on b (w 1): √((3·1 + 1·1) / 4) = 1
    // row 1: 0 on a, (19 − 13)/3 = 2 on b: √((0 + 4) / 4) = 1; the tie keeps row order
    const a = Float64Array.of(2, 0),
      b = Float64Array.of(10, 19);
    const r = nearestAnalogues([a, b], [3, 1], [2, 3], [0, 13], [1, 0], 2);
    expect(Array.from(r.distances)).toEqual([1, 1]);
    expect(Array.from(r.rows)).toEqual([0, 1]);
  });

  it('a row lacking a feature is compared on the others; a row with none in common is left out', () => {
    const a = Float64Array.of(1, NaN, NaN),
      b = Float64Array.of(1, 3, NaN);
    const r = nearestAnalogues([a, b], [1, 1], [1, 1], [0, 0], [0, 1, 2], 5);
    // row 0: √((1 + 1) / 2) = 1; row 1: only b, √(9 / 1) = 3; row 2: nothing in common
    expect(Array.from(r.rows)).toEqual([0, 1]);
    expect(Array.from(r.distances)).toEqual([1, 3]);
  });

  it('at most perGroup rows of one group: the next group fills the place', () => {
    const x = Float64Array.of(0, 0.1, 0.2, 0.3, 5, 6);
    const group = Int32Array.of(1, 1, 1, 1, 2, 3);
    const r = nearestAnalogues([x], [1], [1], [0], [0, 1, 2, 3, 4, 5], 4, { group, perGroup: 2 });
    expect(Array.from(r.rows)).toEqual([0, 1, 4, 5]);
    // without the limit the four nearest are all of group 1
    expect(Array.from(nearestAnalogues([x], [1], [1], [0], [0, 1, 2, 3, 4, 5], 4).rows)).toEqual([0, 1, 2, 3]);
  });

  it('the cut-off shortcut gives the full sort’s answer when the limit skips many rows', () => {
    const n = 200;
    const x = Float64Array.from({ length: n }, (_, i) => i / n);
    const group = Int32Array.from({ length: n }, (_, i) => (i < 150 ? 0 : i)); // the 150 nearest share one group
    const r = nearestAnalogues(
      [x],
      [1],
      [1],
      [0],
      Int32Array.from({ length: n }, (_, i) => i),
      10,
      { group, perGroup: 2 },
    );
    expect(Array.from(r.rows)).toEqual([0, 1, 150, 151, 152, 153, 154, 155, 156, 157]);
  });
});

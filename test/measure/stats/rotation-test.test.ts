import { describe, expect, it } from 'vitest';
import { rotationTest } from '../../../engine/measure/stats/rotation-test.js';

describe('rotationTest', () => {
  it('every circular shift of the event pattern, by hand', () => {
    // events at 0 and 2 of 1..5: shifts give (1+3)/2, (2+4)/2, (3+5)/2, (4+1)/2, (5+2)/2 = 2, 3, 4, 2.5, 3.5
    const r = rotationTest(Float64Array.of(1, 2, 3, 4, 5), Int32Array.of(0, 2));
    expect(Array.from(r.distribution)).toEqual([2, 3, 4, 2.5, 3.5]);
    expect(r.observed).toBe(2);
    expect(r.center).toBe(3); // the mean of the values
    expect(r.p).toBeCloseTo(2 / 5, 15); // |2 − 3| and |4 − 3| reach 1
    expect(r.eligible).toBe(5);
  });

  it('weights count events unequally (each group once), and the centre stays the series mean', () => {
    const r = rotationTest(Float64Array.of(1, 2, 3, 4), Int32Array.of(0, 1, 3), Float64Array.of(0.25, 0.25, 0.5));
    expect(r.observed).toBeCloseTo(0.25 * 1 + 0.25 * 2 + 0.5 * 4, 15);
    expect(r.center).toBeCloseTo(2.5, 15);
  });

  it('no events: NaN', () => {
    expect(rotationTest(Float64Array.of(1, 2), new Int32Array(0)).p).toBeNaN();
  });
});

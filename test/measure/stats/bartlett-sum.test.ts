import { describe, expect, it } from 'vitest';
import { bartlettSum } from '../../../engine/measure/stats/bartlett-sum.js';

describe('bartlettSum', () => {
  it('weights lag-j products by 1 − j/(L+1), by hand', () => {
    // u = 1, −1, 1: Σu² = 3; lag 1 products −1 −1 = −2, weight ½; lag 2 product 1, weight ⅓
    expect(bartlettSum(Float64Array.of(1, -1, 1), 0)).toBe(3);
    expect(bartlettSum(Float64Array.of(1, -1, 1), 1)).toBe(1);
    expect(bartlettSum(Float64Array.of(1, -1, 1), 2)).toBeCloseTo(3 + 2 * (2 / 3) * -2 + 2 * (1 / 3) * 1, 15);
  });
});

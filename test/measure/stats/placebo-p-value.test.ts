import { describe, expect, it } from 'vitest';
import { placeboPValue } from '../../../engine/measure/stats/placebo-p-value.js';

describe('placeboPValue', () => {
  it('counts draws at least as far from the placebo mean as the observed value, +1 corrected', () => {
    // centre 0.175; distances 0.175, 0.075, 0.025, 0.225 against 0.125 → 2 at least as extreme
    const r = placeboPValue(0.3, 5, 8, Float64Array.of(0, 0.1, 0.2, 0.4));
    expect(r.center).toBeCloseTo(0.175, 15);
    expect(r.p).toBeCloseTo(3 / 5, 15);
    expect(r.rank).toBe(0.75);
    expect(r.n).toBe(5);
    expect(r.eligible).toBe(8);
  });
  it('counts a draw equal to the observed value as extreme despite rounding', () => {
    const r = placeboPValue(0.1 + 0.2, 1, 2, Float64Array.of(0.3, -0.3));
    expect(r.p).toBeCloseTo(3 / 3, 15);
  });
});

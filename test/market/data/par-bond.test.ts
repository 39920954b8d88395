import { describe, expect, it } from 'vitest';
import { bondPrice, parBondConvexity, parBondDuration, parBondReturn } from '../../../data/par-bond.js';

describe('par bond duration and convexity (Swinkels 2019)', () => {
  it('match hand-computed values', () => {
    // y = 4 %: (1 − 1.02^−20) / 0.04 = (1 − 0.672971) / 0.04 = 8.17572
    expect(parBondDuration(0.04, 10)).toBeCloseTo(8.17572, 5);
    // (2 / 0.0016)(1 − 0.672971) − 20 / (0.04 × 1.02^21) = 408.786 − 329.888 = 78.898
    expect(parBondConvexity(0.04, 10)).toBeCloseTo(78.898, 3);
    expect(parBondDuration(0, 10)).toBe(10);
    expect(parBondConvexity(0, 10)).toBe(105); // zero-coupon limit n(n+1)/4 with n = 20 half years
    expect(Math.abs(parBondConvexity(1e-4, 10) - 105)).toBeLessThan(0.1);
  });

  it('are the derivatives of the exact price of a par bond', () => {
    for (const y of [0.01, 0.04, 0.08, 0.15]) {
      const h = 1e-5;
      const [p, up, down] = [bondPrice(y, y, 10), bondPrice(y, y + h, 10), bondPrice(y, y - h, 10)];
      expect(p).toBeCloseTo(1, 12);
      expect(-(up - down) / (2 * h)).toBeCloseTo(parBondDuration(y, 10), 5);
      expect((up + down - 2 * p) / (h * h)).toBeCloseTo(parBondConvexity(y, 10), 2);
    }
  });

  it('one-step return: carry plus price change, close to exact repricing for moves up to 50 bp', () => {
    // 4 % → 4.10 % in one day: 0.04/365 − 8.17572 × 0.001 + ½ × 78.898 × 0.001² = −0.00802668
    expect(parBondReturn(0.04, 0.041, 1, 10)).toBeCloseTo(-0.00802668, 7);
    for (const dy of [-0.005, -0.001, 0.001, 0.005]) {
      const exact = bondPrice(0.04, 0.04 + dy, 10) - 1; // price change of the par bond (no time passes)
      expect(Math.abs(parBondReturn(0.04, 0.04 + dy, 0, 10) - exact)).toBeLessThan(5e-5);
    }
  });
});

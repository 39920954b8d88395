import { describe, expect, it } from 'vitest';
import { equityCurve } from '../../engine/core/equity-curve.js';

describe('equityCurve: E_0 = initial, E_t = E_{t−1}·(1 + r_t), by hand', () => {
  it('compounds simple returns from 1 (r_0 ignored)', () => {
    // 1 → ×1.1 = 1.1 → ×0.8 = 0.88 → ×1.05 = 0.924 → ×1.1 = 1.0164
    const e = equityCurve([0.5, 0.1, -0.2, 0.05, 0.1]);
    expect(e).toBeInstanceOf(Float64Array);
    expect(Array.from(e, (x) => +x.toFixed(12))).toEqual([1, 1.1, 0.88, 0.924, 1.0164]);
  });

  it('starts at the initial equity, in its units', () => {
    expect(Array.from(equityCurve([0, 0.5, -0.5], 100))).toEqual([100, 150, 75]);
    expect(Array.from(equityCurve([0.3], 2))).toEqual([2]);
  });

  it('is exactly the left-to-right product (the same bits as a hand loop)', () => {
    const r = [0, 0.013, -0.0071, 0.0042, 1e-9, -0.031, 0.0207];
    let e = 1;
    const hand = [1];
    for (let t = 1; t < r.length; t++) hand.push((e = e * (1 + r[t])));
    expect(Array.from(equityCurve(r))).toEqual(hand);
    expect(Array.from(equityCurve(Float64Array.from(r)))).toEqual(hand);
  });

  it('no bars → empty; −100 % → 0 from there on; NaN → NaN from there on', () => {
    expect(equityCurve([]).length).toBe(0);
    expect(Array.from(equityCurve([0, 0.1, -1, 0.5]))).toEqual([1, 1.1, 0, 0]);
    expect(Array.from(equityCurve([0, 0.1, NaN, 0.5]))).toEqual([1, 1.1, NaN, NaN]);
  });

  it('leaves its input unchanged', () => {
    const r = Float64Array.from([0, 0.1, 0.2]);
    equityCurve(r);
    expect(Array.from(r)).toEqual([0, 0.1, 0.2]);
  });
});

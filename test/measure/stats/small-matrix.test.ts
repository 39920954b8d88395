import { describe, expect, it } from 'vitest';
import { invert, symmetricEigen } from '../../../engine/measure/stats/small-matrix.js';

describe('small matrices', () => {
  it('inverts a non-symmetric matrix that needs pivoting, and fills NaN for a singular one', () => {
    const a = Float64Array.of(0, 2, 1, 1, 1, 0, 3, 0, 1);
    const inv = invert(a, 3);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let l = 0; l < 3; l++) s += a[i * 3 + l] * inv[l * 3 + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 14);
      }
    expect(Array.from(invert(Float64Array.of(1, 2, 2, 4), 2)).every(Number.isNaN)).toBe(true);
  });

  it('finds the eigenvalues and unit eigenvectors of a symmetric matrix (A v = λ v)', () => {
    // eigenvalues of [[2,1,0],[1,2,1],[0,1,2]] are 2 − √2, 2, 2 + √2
    const a = Float64Array.of(2, 1, 0, 1, 2, 1, 0, 1, 2);
    const { values, vectors } = symmetricEigen(a, 3);
    expect(Array.from(values).sort((x, y) => x - y)).toEqual([2 - Math.SQRT2, 2, 2 + Math.SQRT2].map((v) => expect.closeTo(v, 13)));
    for (let e = 0; e < 3; e++) {
      let norm = 0;
      for (let i = 0; i < 3; i++) {
        let av = 0;
        for (let l = 0; l < 3; l++) av += a[i * 3 + l] * vectors[l * 3 + e];
        expect(av).toBeCloseTo(values[e] * vectors[i * 3 + e], 13);
        norm += vectors[i * 3 + e] ** 2;
      }
      expect(norm).toBeCloseTo(1, 14);
    }
  });
});

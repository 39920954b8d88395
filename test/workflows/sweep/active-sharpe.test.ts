import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../engine/core/random.js';
import { activeMoments, activeSharpe, activeSharpes } from '../../../engine/workflows/sweep/overfitting.js';

/** The information ratio as the end of a sweep computed it when it read monthly.f32 back (the active returns stored first). */
function readBackRatio(f32: Float32Array, o: number, M: number, bench: Float64Array): number {
  const a = new Float64Array(M);
  let s = 0;
  for (let m = 0; m < M; m++) s += a[m] = f32[o + m] - bench[m];
  if (!Number.isFinite(s) || M < 2) return NaN;
  const mu = s / M;
  let v = 0;
  for (let m = 0; m < M; m++) {
    const d = a[m] - mu;
    v += d * d;
  }
  const sr = mu / Math.sqrt(v / (M - 1));
  return Number.isFinite(sr) ? sr : NaN;
}

describe('the information ratio of each set against the benchmark', () => {
  it('is the same bits one row at a time, four at a time, and as read back before', () => {
    const rnd = mulberry32(3);
    for (const M of [0, 1, 2, 7, 448, 1184]) {
      for (const rows of [0, 1, 3, 4, 9, 64]) {
        const bench = Float64Array.from({ length: M }, () => Math.fround((rnd() - 0.5) * 0.08)); // Float32 values: a row can equal it
        const f32 = Float32Array.from({ length: rows * M }, () => (rnd() - 0.48) * 0.1);
        if (rows > 2 && M > 0) f32.fill(NaN, M, 2 * M); // a failed set
        if (rows > 5 && M > 1) f32.set(bench, 5 * M); // no active return at all: no ratio (0/0)
        const out = new Float64Array(rows * 3).fill(7);
        activeSharpes(f32, rows, M, bench, out, 1, 3);
        for (let r = 0; r < rows; r++) {
          const want = readBackRatio(f32, r * M, M, bench);
          expect(Object.is(activeSharpe(f32, r * M, M, bench), want)).toBe(true);
          expect(Object.is(out[1 + r * 3], want)).toBe(true);
          expect(out[r * 3]).toBe(7);
          if ((r === 1 && rows > 2) || (r === 5 && M > 1)) expect(want).toBeNaN();
        }
      }
    }
  });

  it('gives the selected set its skew and excess kurtosis', () => {
    const M = 5;
    const bench = new Float64Array(M);
    const f32 = Float32Array.from([0.01, -0.02, 0.03, 0.0, 0.05]);
    const a = Array.from(f32);
    const mu = a.reduce((x, y) => x + y) / M;
    const pop = a.reduce((x, y) => x + (y - mu) ** 2, 0) / M;
    const m = activeMoments(f32, 0, M, bench);
    expect(m.sr).toBeCloseTo(mu / Math.sqrt((pop * M) / (M - 1)), 12);
    expect(m.skew).toBeCloseTo(a.reduce((x, y) => x + (y - mu) ** 3, 0) / M / pop ** 1.5, 12);
    expect(m.kurt).toBeCloseTo(a.reduce((x, y) => x + (y - mu) ** 4, 0) / M / pop ** 2 - 3, 12);
    expect(activeMoments(new Float32Array(M).fill(NaN), 0, M, bench).sr).toBeNaN();
  });
});

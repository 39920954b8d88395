import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as S from '../../engine/strategy/signals.js';
import { parseIsoDay as d } from '../../engine/core/dates.js';

const arr = (x: Float64Array) => Array.from(x, (v) => (Number.isNaN(v) ? null : +v.toFixed(12)));

describe('signals', () => {
  const x = Float64Array.of(1, 2, 4, 8, 16);
  it('lagged, change and pctChange look back k bars', () => {
    expect(arr(S.lagged(x, 2))).toEqual([null, null, 1, 2, 4]);
    expect(arr(S.change(x, 1))).toEqual([null, 1, 2, 4, 8]);
    expect(arr(S.pctChange(x, 2))).toEqual([null, null, 3, 3, 3]);
  });
  it('rolling mean, std and z-score', () => {
    expect(arr(S.rollingMean(x, 2))).toEqual([null, 1.5, 3, 6, 12]);
    expect(S.rollingStd(x, 3)[2]).toBeCloseTo(Math.sqrt(((1 - 7 / 3) ** 2 + (2 - 7 / 3) ** 2 + (4 - 7 / 3) ** 2) / 2), 12);
    expect(S.rollingZ(x, 3)[2]).toBeCloseTo((4 - 7 / 3) / S.rollingStd(x, 3)[2], 12);
  });
  it('crosses', () => {
    const y = Float64Array.of(49, 51, 52, 48, 50.5);
    expect(arr(S.crossAbove(y, 50))).toEqual([null, 1, 0, 0, 1]);
    expect(arr(S.crossBelow(y, 50))).toEqual([null, 0, 0, 1, 0]);
  });
  it('calendar-month lookbacks work on any frequency', () => {
    const dates = Int32Array.from(['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30'].map(d));
    expect(Array.from(S.monthsBackIndex(dates, 1))).toEqual([-1, 0, 1, 2]);
    expect(Array.from(S.monthsBackIndex(dates, 2))).toEqual([-1, -1, 0, 1]);
    const p = Float64Array.of(100, 110, 121, 133.1);
    expect(arr(S.momentum(dates, p, 3, 1))).toEqual([null, null, null, 0.21]);
    expect(arr(S.changeOverMonths(dates, p, 1))).toEqual([null, 10, 11, 12.1]);
  });
  it('split and choose', () => {
    const [a, b] = S.split(Float64Array.of(1, 0.25, NaN));
    expect(arr(a)).toEqual([1, 0.25, null]);
    expect(arr(b)).toEqual([0, 0.75, null]);
    expect(arr(S.choose(Float64Array.of(1, 0, NaN), 0.9, 0.1))).toEqual([0.9, 0.1, null]);
  });
  it('property: a signal at t does not change when later values change (no look-ahead)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 8, maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (xs, cut) => {
        const a = Float64Array.from(xs);
        const b = Float64Array.from(xs.map((v, i) => (i >= cut ? v * 2 : v)));
        for (const f of [(v: Float64Array) => S.rollingMean(v, 3), (v: Float64Array) => S.pctChange(v, 2), (v: Float64Array) => S.rollingZ(v, 4)]) {
          const fa = f(a),
            fb = f(b);
          for (let t = 0; t < cut; t++) expect(Object.is(fa[t], fb[t])).toBe(true);
        }
      }),
    );
  });
});

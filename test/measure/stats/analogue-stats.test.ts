import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../engine/core/random.js';
import { cumulativeSpread } from '../../../engine/measure/analytics/cumulative-spread.js';
import { analogueNull } from '../../../engine/measure/stats/analogue-null.js';
import { analogueScore, type AnalogueSets } from '../../../engine/measure/stats/analogue-score.js';
import { effectiveNumber } from '../../../engine/measure/stats/effective-number.js';
import { outOfSampleR2 } from '../../../engine/measure/stats/out-of-sample-r2.js';

describe('effectiveNumber', () => {
  it('(Σ n)² / Σ n², by hand', () => {
    expect(effectiveNumber([12, 6, 6])).toBeCloseTo((24 * 24) / (144 + 36 + 36), 12); // 2.667
    expect(effectiveNumber([4, 4, 4, 4, 4])).toBe(5); // equal groups: G
    expect(effectiveNumber([20])).toBe(1); // one group holds them all
    expect(effectiveNumber([3, 0, 1])).toBeCloseTo(16 / 10, 12); // empty groups ignored
    expect(effectiveNumber([])).toBeNaN();
  });
});

describe('outOfSampleR2', () => {
  it('1 − SSE(forecast) / SSE(benchmark) over the complete origins, by hand', () => {
    const r = outOfSampleR2([1, 2, 3, NaN], [1, 2, 2, 5], [2, 2, 2, 2]);
    expect(r.n).toBe(3);
    expect(r.sseForecast).toBe(1);
    expect(r.sseBenchmark).toBe(2);
    expect(r.r2).toBe(0.5);
    expect(outOfSampleR2([1], [1], [1]).r2).toBeNaN(); // no benchmark error: undefined
  });
});

describe('cumulativeSpread', () => {
  it('small − large cumulative over the next h periods, by hand', () => {
    const y = cumulativeSpread(Float64Array.of(0, 0.1, 0.1, -0.5), Float64Array.of(0, 0, 0.1, 0.2), 2);
    expect(y[0]).toBeCloseTo(1.1 * 1.1 - 1 * 1.1, 12); // 0.11
    expect(y[1]).toBeCloseTo(1.1 * 0.5 - 1.1 * 1.2, 12); // −0.77
    expect(y[2]).toBeNaN();
    expect(y[3]).toBeNaN();
  });
});

/** Origins 2 and 3 of a one-period outcome, averaging the outcomes of periods 0 and 1. */
const SETS: AnalogueSets = { horizon: 1, origins: Int32Array.of(2, 3), offsets: Int32Array.of(0, 1, 2), members: Int32Array.of(0, 1) };

describe('analogueScore', () => {
  it('forecast = mean outcome of the analogues, benchmark = mean of the outcomes complete at the origin, by hand', () => {
    const s = analogueScore(Float64Array.of(1, 2, 3, 4, NaN), SETS);
    expect(Array.from(s.forecast)).toEqual([1, 2]);
    expect(Array.from(s.benchmark)).toEqual([1.5, 2]); // (1 + 2) / 2 at origin 2; (1 + 2 + 3) / 3 at origin 3
    expect(Array.from(s.realized)).toEqual([3, 4]);
    expect(s.sseForecast).toBe(8);
    expect(s.sseBenchmark).toBe(6.25);
    expect(s.r2).toBeCloseTo(1 - 8 / 6.25, 14);
  });

  it('refuses an analogue whose outcome was not complete at the origin (look-ahead)', () => {
    const leak: AnalogueSets = { horizon: 2, origins: Int32Array.of(3), offsets: Int32Array.of(0, 1), members: Int32Array.of(2) };
    expect(() => analogueScore(Float64Array.of(1, 2, 3, 4, 5), leak)).toThrow(/not known/);
  });
});

describe('analogueNull', () => {
  const T = 160;
  const rnd = mulberry32(3);
  const small = Float64Array.from({ length: T }, (_, t) => (t ? 0.02 * (rnd() - 0.5) + 0.004 * Math.sin(t / 7) : 0));
  const large = Float64Array.from({ length: T }, (_, t) => (t ? 0.02 * (rnd() - 0.5) : 0));
  // each origin from 40 on averages the outcomes of 3 earlier periods with complete outcomes
  const h = 3;
  const origins: number[] = [],
    offsets = [0],
    members: number[] = [];
  for (let o = 40; o < T; o++) {
    origins.push(o);
    members.push(o - h - 7, o - h - 14, o - h - 21);
    offsets.push(members.length);
  }
  const sets: AnalogueSets = { horizon: h, origins: Int32Array.from(origins), offsets: Int32Array.from(offsets), members: Int32Array.from(members) };

  it('observed is analogueScore on the real outcomes; seeded and deterministic; one-sided p with the +1 correction', () => {
    const [a] = analogueNull(small, large, [sets], { draws: 200, seed: 9 });
    const [b] = analogueNull(small, large, [sets], { draws: 200, seed: 9 });
    expect(a.observed.r2).toBe(analogueScore(cumulativeSpread(small, large, h), sets).r2);
    expect(Array.from(a.r2Star)).toEqual(Array.from(b.r2Star));
    const beyond = Array.from(a.r2Star).filter((x) => x >= a.observed.r2).length;
    expect(a.p).toBe((beyond + 1) / 201);
  });

  it('each draw is the same forecaster scored on a resampled history: with endless blocks, a rotation of the returns', () => {
    // a mean block length of Infinity never starts a new block: the resample is the history rotated
    const [sim] = analogueNull(small, large, [sets], { draws: 1, seed: 5, blockLength: Infinity });
    const r = mulberry32(5);
    const start = Math.floor(r() * (T - 1));
    const s = new Float64Array(T),
      l = new Float64Array(T);
    for (let t = 1; t < T; t++) {
      const k = (start + t - 1) % (T - 1);
      s[t] = small[k + 1];
      l[t] = large[k + 1];
    }
    expect(sim.r2Star[0]).toBeCloseTo(analogueScore(cumulativeSpread(s, l, h), sets).r2, 10);
  });

  it('several horizons share the resamples and return one result each', () => {
    const sets1 = { ...sets, horizon: 1 };
    const both = analogueNull(small, large, [sets1, sets], { draws: 50, seed: 2 });
    expect(both).toHaveLength(2);
    expect(Array.from(both[1].r2Star)).toEqual(Array.from(analogueNull(small, large, [sets], { draws: 50, seed: 2 })[0].r2Star));
  });
});

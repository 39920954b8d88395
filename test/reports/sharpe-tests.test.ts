import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../engine/core/random.js';
import { holm } from '../../engine/measure/stats/holm.js';
import { sharpeDifference } from '../../engine/measure/stats/sharpe-difference.js';
import { formatP, sharpeTests, sharpeTestsCsv, sharpeVerdict, untested, type ExcessSeries } from '../../reports/compare/sharpe-tests.js';

/** Daily excess returns: mean `mu`, a shared factor with weight `w` and noise of its own (seeded). */
function series(n: number, mu: number, w: number, common: Float64Array, seed: number): ExcessSeries {
  const rnd = mulberry32(seed);
  const excess = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    excess[t] = mu + 0.01 * (w * common[t] + Math.sqrt(1 - w * w) * z);
  }
  return { dates: Int32Array.from({ length: n }, (_, t) => 10_000 + t), excess };
}

function commonFactor(n: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd()));
}

const sharpeOf = (s: ExcessSeries) => {
  const x = s.excess;
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
  return (m / Math.sqrt(v)) * Math.sqrt(252);
};

describe('sharpeTests: the leader against every other run, Holm-adjusted', () => {
  const n = 4000;
  const f = commonFactor(n, 1);

  it('marks the leader best only when every adjusted p < 0.05, showing the largest adjusted p', () => {
    const runs = [series(n, 0.0001, 0.9, f, 2), series(n, 0.0009, 0.9, f, 3), series(n, -0.0003, 0.9, f, 4)];
    const t = sharpeTests(runs, runs.map(sharpeOf), 252);
    expect(t.leader).toBe(1);
    expect(t.reason).toBeNull();
    expect(t.pairs.map((p) => p.other)).toEqual([0, 2]);
    // each pair is the Ledoit & Wolf test of the leader's and the other run's returns, annualized
    for (const p of t.pairs) {
      const direct = sharpeDifference(runs[1].excess, runs[p.other].excess, { periodsPerYear: 252 });
      expect(p.test.difference).toBe(direct.difference);
      expect(p.test.p).toBe(direct.p);
      expect(p.test.sharpeA).toBeCloseTo(sharpeOf(runs[1]), 12);
    }
    expect(t.pairs.map((p) => p.pHolm)).toEqual(holm(t.pairs.map((p) => p.test.p)));
    expect(t.p).toBe(Math.max(...t.pairs.map((p) => p.pHolm)));
    expect(t.p).toBeLessThan(0.05);
    expect(t.significant).toBe(true);
    expect(sharpeVerdict(t, ['R1', 'R2', 'R3'])).toBe(`best, p ${t.p < 0.001 ? '< 0.001' : `= ${t.p.toFixed(3)}`}`);
  });

  it('a lead inside the noise is "not distinguishable", naming the run that decides', () => {
    // run 2 is as good as the leader in truth; run 0 is far worse
    const runs = [series(n, -0.0006, 0.9, f, 5), series(n, 0.0004, 0.9, f, 6), series(n, 0.0004, 0.9, f, 7)];
    const t = sharpeTests(runs, runs.map(sharpeOf), 252);
    const other = t.leader === 1 ? 2 : 1;
    expect(t.significant).toBe(false);
    expect(t.decisive).toBe(other);
    expect(t.p).toBeGreaterThanOrEqual(0.05);
    expect(sharpeVerdict(t, ['R1', 'R2', 'R3'])).toBe(`not distinguishable from R${other + 1}, p = ${t.p.toFixed(3)}`);
    // the far worse run alone would be separated
    expect(t.pairs.find((p) => p.other === 0)!.test.p).toBeLessThan(0.01);
  });

  it('pairs the series on the dates both hold', () => {
    const a = series(n, 0.0005, 0.9, f, 8);
    const b = series(n, 0.0001, 0.9, f, 9);
    const shorter = { dates: b.dates.subarray(100), excess: b.excess.subarray(100) };
    const t = sharpeTests([a, shorter], [sharpeOf(a), sharpeOf(shorter)], 252);
    expect(t.pairs[0].test.n).toBe(n - 100);
    expect(t.pairs[0].test.difference).toBe(sharpeDifference(a.excess.subarray(100), shorter.excess, { periodsPerYear: 252 }).difference);
  });

  it('writes one CSV row per comparison and says why nothing was tested', () => {
    const runs = [series(n, 0.0001, 0.9, f, 2), series(n, 0.0009, 0.9, f, 3)];
    const t = sharpeTests(runs, runs.map(sharpeOf), 252);
    const csv = sharpeTestsCsv(t, ['R1', 'R2']);
    expect(csv.header.slice(0, 11)).toEqual(['run_a', 'run_b', 'sharpe_a', 'sharpe_b', 'difference', 'se', 'ci_low', 'ci_high', 'z', 'p', 'p_holm']);
    expect(csv.rows).toHaveLength(1);
    expect(csv.rows[0].slice(0, 2)).toEqual(['R2', 'R1']);
    expect(csv.rows[0][11]).toBe(t.significant);
    const none = untested('the runs are not directly comparable');
    expect(sharpeVerdict(none, [])).toBe('not tested: the runs are not directly comparable');
    expect(sharpeTestsCsv(none, []).rows).toEqual([]);
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(0.04321)).toBe('0.043');
  });
});

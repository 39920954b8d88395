import { describe, expect, it } from 'vitest';
import { bootstrapMean } from '../../../engine/measure/stats/bootstrap-mean.js';
import { percentileInterval } from '../../../engine/measure/stats/percentile-interval.js';
import { quantileSorted } from '../../../engine/measure/stats/quantile-sorted.js';
import { stationaryBootstrapMeans } from '../../../engine/measure/stats/stationary-bootstrap.js';
import { optimalBlockLength } from '../../../engine/measure/stats/block-length.js';
import { describeSample } from '../../../engine/measure/stats/describe-sample.js';
import { deriveSeed } from '../../../engine/core/random.js';

const bytes = (a: Float64Array) => Buffer.from(a.buffer).toString('hex');

describe('describeSample', () => {
  it('n, mean, median, sd and t by hand', () => {
    // 1, 2, 3, 6: mean 3, deviations −2 −1 0 3 → SS 14, sd √(14/3), t = 3 / (sd / 2)
    const s = describeSample(Float64Array.of(1, 2, 3, 6, NaN));
    expect(s.n).toBe(4);
    expect(s.mean).toBe(3);
    expect(s.median).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(14 / 3), 14);
    expect(s.t).toBeCloseTo(3 / (Math.sqrt(14 / 3) / 2), 12);
  });
});

describe('quantileSorted and percentileInterval', () => {
  it('type-7 quantiles by hand', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25)).toBe(1.75);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 1)).toBe(4);
    // 0..100: the 2.5 % and 97.5 % quantiles are 2.5 and 97.5
    const d = Float64Array.from({ length: 101 }, (_, i) => 100 - i);
    const ci = percentileInterval(d);
    expect(ci.low).toBeCloseTo(2.5, 12);
    expect(ci.high).toBeCloseTo(97.5, 12);
    expect(d[0]).toBe(100); // input untouched
  });
});

describe('bootstrapMean (iid)', () => {
  it('matches the exactly enumerated bootstrap of {0, 1, 2}', () => {
    // 27 equally likely resamples; sums 0..6 with counts 1 3 6 7 6 3 1. P(mean = 0) = 1/27 > 2.5 %
    // and P(mean = 2) = 1/27 > 2.5 %, so the percentile 95 % interval is exactly [0, 2];
    // the mean of the bootstrap distribution is the sample mean 1.
    const draws = bootstrapMean(Float64Array.of(0, 1, 2), { draws: 10_000, seed: 5 });
    const ci = percentileInterval(draws);
    expect([ci.low, ci.high]).toEqual([0, 2]);
    let zeros = 0,
      mean = 0;
    for (const v of draws) {
      if (v === 0) zeros++;
      mean += v / draws.length;
    }
    expect(Math.abs(zeros / 10_000 - 1 / 27)).toBeLessThan(4 * Math.sqrt(((1 / 27) * (26 / 27)) / 10_000));
    expect(mean).toBeCloseTo(1, 1);
  });

  it('is deterministic: same seed, same bytes; another seed, other draws', () => {
    const x = Float64Array.of(0.1, -0.05, 0.2, 0.03, -0.12);
    expect(bytes(bootstrapMean(x, { seed: 9, draws: 500 }))).toBe(bytes(bootstrapMean(x, { seed: 9, draws: 500 })));
    expect(bytes(bootstrapMean(x, { seed: 10, draws: 500 }))).not.toBe(bytes(bootstrapMean(x, { seed: 9, draws: 500 })));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
  });

  it('draws whole clusters: two clusters {0, 0} and {3} give cluster-resample means 0, 1 and 3', () => {
    // clusters drawn twice with replacement: {A,A} → 0, {A,B} or {B,A} → 3/3 = 1, {B,B} → 3
    const draws = bootstrapMean(Float64Array.of(0, 0, 3), { clusters: Int32Array.of(0, 0, 1), draws: 4000, seed: 2 });
    const seen = new Set(Array.from(draws));
    expect([...seen].sort()).toEqual([0, 1, 3]);
    const ones = Array.from(draws).filter((v) => v === 1).length / 4000;
    expect(Math.abs(ones - 0.5)).toBeLessThan(0.04);
  });
});

describe('stationaryBootstrapMeans', () => {
  it('with mean block length 1 is the iid bootstrap (interval [0, 2] for {0, 1, 2})', () => {
    const draws = stationaryBootstrapMeans(Float64Array.of(0, 1, 2), new Int32Array(3), 1, { blockLength: 1, seed: 3 });
    const ci = percentileInterval(draws);
    expect([ci.low, ci.high]).toEqual([0, 2]);
  });

  it('with one endless block every resample is a circular shift: group means are the sample group means', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6);
    const g = Int32Array.of(0, 1, 0, 1, -1, 0);
    const draws = stationaryBootstrapMeans(x, g, 2, { blockLength: 1e12, seed: 4, draws: 50 });
    for (let b = 0; b < 50; b++) {
      expect(draws[b * 2]).toBeCloseTo((1 + 3 + 6) / 3, 12);
      expect(draws[b * 2 + 1]).toBeCloseTo((2 + 4) / 2, 12);
    }
  });

  it('is deterministic for a seed', () => {
    const x = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i));
    const g = new Int32Array(200);
    const a = stationaryBootstrapMeans(x, g, 1, { blockLength: 5, seed: 11, draws: 300 });
    expect(bytes(a)).toBe(bytes(stationaryBootstrapMeans(x, g, 1, { blockLength: 5, seed: 11, draws: 300 })));
  });
});

describe('optimalBlockLength (Politis–White, Patton–Politis–White correction)', () => {
  it('alternating ±1 series of 16: every autocorrelation significant → M = m_max = 9, b = ∛16', () => {
    // n = 16: K_N = 5, m_max = ⌈4⌉ + 5 = 9, b_max = ⌈min(12, 16/3)⌉ = 6. R̂(k) = (−1)^k (16 − k)/16.
    // flat top λ(k/9) = 1 for k ≤ 4, 8/9 6/9 4/9 2/9 0 for k = 5..9.
    // Σ λ R̂ over k = −9..9: 1 + (2/16)[−15 + 14 − 13 + 12 + (8/9)(−11) + (6/9)10 + (4/9)(−9) + (2/9)8] = 1 − 66/72 = 1/12
    // Ĝ = Σ λ |k| R̂ = 2[(−15 + 28 − 39 + 48)/16 + ((8/9)(−55) + (6/9)60 + (4/9)(−63) + (2/9)64)/16] = −1/12
    // b = (2 Ĝ² / (2 (1/12)²))^(1/3) 16^(1/3) = ∛16 ≈ 2.52 (below the cap of 6)
    const x = Float64Array.from({ length: 16 }, (_, i) => (i % 2 ? -1 : 1));
    expect(optimalBlockLength(x)).toBeCloseTo(Math.cbrt(16), 12);
  });

  it('is 1 for a constant series and tiny samples, and grows with persistence', () => {
    expect(optimalBlockLength(new Float64Array(50).fill(2))).toBe(1);
    expect(optimalBlockLength(Float64Array.of(1, 2))).toBe(1);
    let s = 7;
    const noise = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
    const iid = Float64Array.from({ length: 2000 }, noise);
    const ar = new Float64Array(2000);
    for (let t = 1; t < 2000; t++) ar[t] = 0.9 * ar[t - 1] + noise();
    expect(optimalBlockLength(iid)).toBeLessThan(5);
    expect(optimalBlockLength(ar)).toBeGreaterThan(15);
  });
});

describe('meanInference', () => {
  it('a constant series: estimate and interval are the scaled constant; t undefined (no variance)', async () => {
    const { meanInference } = await import('../../../engine/measure/stats/mean-inference.js');
    const m = meanInference(new Float64Array(50).fill(0.001), 252, { draws: 200 });
    expect(m.estimate).toBeCloseTo(0.252, 12);
    expect(m.ciLow).toBeCloseTo(0.252, 12);
    expect(m.ciHigh).toBeCloseTo(0.252, 12);
    expect(m.t).toBeNaN();
  });

  it('the t is the Newey–West t of the mean and the interval brackets the estimate', async () => {
    const { meanInference } = await import('../../../engine/measure/stats/mean-inference.js');
    const { neweyWestMean } = await import('../../../engine/measure/stats/newey-west-mean.js');
    const x = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i * 0.7) * 0.01 + 0.0005);
    const m = meanInference(x, 12, { draws: 500, seed: 3 });
    expect(m.t).toBeCloseTo(neweyWestMean(x).t, 12);
    expect(m.ciLow).toBeLessThan(m.estimate);
    expect(m.ciHigh).toBeGreaterThan(m.estimate);
  });
});

describe('percentileInterval by selection', () => {
  it('equals the sorted type-7 quantiles on random draws with ties', async () => {
    const { mulberry32 } = await import('../../../engine/core/random.js');
    const rnd = mulberry32(9);
    for (const n of [1, 2, 3, 10, 101, 1000, 4321]) {
      const x = Float64Array.from({ length: n }, () => Math.round(rnd() * 50) / 10);
      const sorted = x.slice().sort();
      const ci = percentileInterval(x, 0.9);
      expect(ci.low).toBe(quantileSorted(sorted, 0.05));
      expect(ci.high).toBe(quantileSorted(sorted, 0.95));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { skewKurtosis } from '../../../engine/measure/metrics/moments.js';
import { normalCdf, normalQuantile } from '../../../engine/measure/metrics/normal.js';
import { deflatedSharpe, expectedMaxSharpe, probabilisticSharpe } from '../../../engine/measure/metrics/psr.js';
import { FIVE } from './series.js';

describe('standard normal', () => {
  // reference values: 0.5·erfc(−x/√2) and the inverse (Python's math.erfc, statistics.NormalDist)
  it('cdf to ~1e-15 absolute (~1e-9 relative in the far tail)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(2.5)).toBeCloseTo(0.9937903346742238, 15);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300957, 15);
    expect(normalCdf(-6) / 9.865876450377012e-10 - 1).toBeCloseTo(0, 8);
    expect(normalCdf(-8) / 6.220960574271819e-16 - 1).toBeCloseTo(0, 7);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });
  it('quantile to ~1e-13 (~1e-9 far in the tails)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 13);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 8);
    expect(normalQuantile(0.999999)).toBeCloseTo(4.753424308817089, 10);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(2)).toBeNaN();
  });
});

describe('probabilistic Sharpe ratio (Bailey & López de Prado 2012)', () => {
  it('follows Φ((SR − SR*)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²))', () => {
    const sr = 0.1,
      n = 100,
      skew = -0.5,
      excessKurt = 3; // γ4 = 6
    const z = (sr * Math.sqrt(n - 1)) / Math.sqrt(1 - skew * sr + ((6 - 1) / 4) * sr * sr);
    expect(probabilisticSharpe(sr, n, skew, excessKurt)).toBeCloseTo(normalCdf(z), 15);
    expect(probabilisticSharpe(sr, n, skew, excessKurt)).toBeCloseTo(0.8327976065888889, 12);
    // a zero Sharpe is a coin flip; a benchmark equal to the estimate too
    expect(probabilisticSharpe(0, n, 0, 0)).toBe(0.5);
    expect(probabilisticSharpe(0.2, n, 0, 0, 0.2)).toBe(0.5);
    // fat left tails lower it
    expect(probabilisticSharpe(0.1, 250, -1, 5)).toBeLessThan(probabilisticSharpe(0.1, 250, 0, 0));
    expect(probabilisticSharpe(0.1, 1, 0, 0)).toBeNaN();
  });

  it('computeMetrics uses the per-bar excess Sharpe with the excess returns’ skew and kurtosis', () => {
    const ex = [0.099, -0.201, 0.049, 0.099];
    const mean = 0.0115;
    const sd = Math.sqrt(0.061875 / 3);
    const { skew, kurtosis } = skewKurtosis(ex);
    const z = ((mean / sd) * Math.sqrt(4 - 1)) / Math.sqrt(1 - skew * (mean / sd) + ((kurtosis + 2) / 4) * (mean / sd) ** 2);
    expect(computeMetrics({ ...FIVE, periodsPerYear: 252 }).psr).toBeCloseTo(normalCdf(z), 12);
  });
});

describe('deflated Sharpe ratio (Bailey & López de Prado 2014)', () => {
  it('expected maximum Sharpe of N unskilled trials: √V·((1 − γ)Φ⁻¹(1 − 1/N) + γΦ⁻¹(1 − 1/(Ne)))', () => {
    expect(expectedMaxSharpe(10, 0.002)).toBeCloseTo(0.07041817678129592, 12);
    expect(expectedMaxSharpe(100, 0.002)).toBeCloseTo(0.11317200186513214, 12);
    expect(expectedMaxSharpe(1000, 0.002)).toBeCloseTo(0.14557345959098997, 12);
    expect(expectedMaxSharpe(1, 0.002)).toBe(0);
  });

  it('is the PSR against that maximum: more trials or more dispersion → lower', () => {
    const dsr = (trials: number, variance: number) => deflatedSharpe(0.08, 2000, -0.3, 2, trials, variance);
    expect(dsr(1, 0.002)).toBe(probabilisticSharpe(0.08, 2000, -0.3, 2));
    expect(dsr(10, 0.002)).toBeCloseTo(probabilisticSharpe(0.08, 2000, -0.3, 2, expectedMaxSharpe(10, 0.002)), 15);
    expect(dsr(100, 0.002)).toBeLessThan(dsr(10, 0.002));
    expect(dsr(10_000, 0.002)).toBeLessThan(dsr(100, 0.002));
    expect(dsr(100, 0.004)).toBeLessThan(dsr(100, 0.002));
    expect(dsr(100, 0.002)).toBeLessThan(probabilisticSharpe(0.08, 2000, -0.3, 2));
  });
});

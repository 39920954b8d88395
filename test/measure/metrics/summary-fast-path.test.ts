/** The sweep's summary metrics: the fast drawdown pre-test, the shared context, and the start from the initial capital. */
import { describe, expect, it } from 'vitest';
import { SummaryContext, summaryMetrics, summaryMetricsOf } from '../../../engine/measure/metrics/summary-metrics.js';
import { mulberry32 } from '../../../engine/core/random.js';

/** Brute force: min over bars of E_t / running peak − 1, the peak starting at the initial capital. */
function bruteDrawdown(eq: Float64Array, initial: number): number {
  let peak = initial;
  let mdd = 0;
  for (let t = 1; t < eq.length; t++) {
    if (eq[t] > peak) peak = eq[t];
    const dd = eq[t] / peak - 1;
    if (dd < mdd) mdd = dd;
  }
  return mdd;
}

function curve(seed: number, T: number, vol: number): Float64Array {
  const rnd = mulberry32(seed);
  const eq = new Float64Array(T);
  eq[0] = 1;
  for (let t = 1; t < T; t++) eq[t] = eq[t - 1] * (1 + (rnd() - 0.5) * vol);
  return eq;
}

describe('summaryMetricsOf', () => {
  it('max drawdown is bit-identical to the brute-force running-peak minimum (200 random curves)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const eq = curve(seed, 500, seed % 3 === 0 ? 0.2 : 0.02);
      const T = eq.length;
      const s = summaryMetrics(
        eq,
        new Float64Array(T),
        new Float64Array(T),
        Int32Array.from({ length: T }, (_, i) => i),
        252,
        1,
      );
      expect(Object.is(s.maxDrawdown, bruteDrawdown(eq, 1))).toBe(true);
    }
  });

  it('one shared context gives the same bits as a fresh one per curve', () => {
    const T = 800;
    const dates = Int32Array.from({ length: T }, (_, i) => 9000 + i);
    const rnd = mulberry32(9);
    const cash = Float64Array.from({ length: T }, (_, i) => (i ? rnd() * 1e-4 : 0));
    const bench = Float64Array.from({ length: T }, (_, i) => (i ? (rnd() - 0.5) * 0.02 : 0));
    const ctx = new SummaryContext(cash, bench, dates, 252);
    for (let seed = 1; seed <= 20; seed++) {
      const eq = curve(seed, T, 0.03);
      expect(summaryMetricsOf(ctx, eq, 1)).toEqual(summaryMetrics(eq, cash, bench, dates, 252, 1));
    }
  });

  it('measures from the initial capital: a cost paid at bar 0 counts (hand-computed)', () => {
    // initial 1, 10 bp paid at bar 0 (equity 0.999), then +1 % and −2 %
    const eq = Float64Array.of(0.999, 0.999 * 1.01, 0.999 * 1.01 * 0.98);
    const zero = new Float64Array(3);
    const s = summaryMetrics(eq, zero, zero, Int32Array.of(0, 1, 2), 252, 1);
    expect(s.totalReturn).toBeCloseTo(0.999 * 1.01 * 0.98 - 1, 15);
    // returns 0.999·1.01 − 1 = 0.00899 and −0.02; the peak after bar 1 is 0.999·1.01
    expect(s.maxDrawdown).toBeCloseTo(-0.02, 15);
    const m1 = 0.999 * 1.01 - 1;
    const mean = (m1 - 0.02) / 2;
    const sd = Math.sqrt(((m1 - mean) ** 2 + (-0.02 - mean) ** 2) / 1);
    expect(s.volatility).toBeCloseTo(sd * Math.sqrt(252), 12);
  });

  it('after ruin the returns are 0 (not 0/0)', () => {
    const eq = Float64Array.of(1, 1.1, 0, 0, 0);
    const z = new Float64Array(5);
    const s = summaryMetrics(eq, z, z, Int32Array.of(0, 1, 2, 3, 4), 252, 1);
    expect(s.totalReturn).toBe(-1);
    expect(s.maxDrawdown).toBe(-1);
    expect(Number.isFinite(s.volatility)).toBe(true);
  });
});

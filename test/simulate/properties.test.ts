import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32 } from '../../engine/core/random.js';
import { simulate, type SimInput } from '../../engine/simulate/simulate.js';
import { simulateMany } from '../../engine/simulate/simulate-many.js';
import type { Rebalance, SimOptions } from '../../engine/core/types.js';

const SCHEDULES: Rebalance[] = [
  { kind: 'on-change' },
  { kind: 'every-bar' },
  { kind: 'period', period: 'monthly', at: 'last' },
  { kind: 'period', period: 'weekly', at: 'first' },
  { kind: 'period', period: 'quarterly', at: 'last' },
  { kind: 'drift', band: 0.03 },
];

const scenario = fc.record({
  T: fc.integer({ min: 1, max: 90 }),
  A: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  lag: fc.integer({ min: 0, max: 3 }),
  schedule: fc.integer({ min: 0, max: SCHEDULES.length - 1 }),
  cost: fc.constantFrom(0, 0.0005, 0.01, -1), // −1: a different cost per asset
  slippage: fc.constantFrom(0, 0.0002),
  leverage: fc.boolean(),
  density: fc.constantFrom(0.05, 0.3, 1),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

/** A random market and `sets` target matrices: long-only (or levered up to 1.5 when allowed), some rows repeated, the rest NaN. */
function build(p: Scenario, sets = 1): { input: SimInput; targets: Float64Array[]; options: Partial<SimOptions> } {
  const rnd = mulberry32(p.seed);
  const { T, A } = p;
  const dates = Int32Array.from({ length: T }, (_, t) => 11000 + t * 2 + Math.floor(t / 3)); // uneven steps across months
  const returns = Array.from({ length: A }, () => Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : (rnd() - 0.5) * 0.2 - (rnd() < 0.02 ? 0.5 : 0))));
  const cash = Float64Array.from({ length: T }, () => rnd() * 0.0005);
  const targets = Array.from({ length: sets }, () => {
    const w = new Float64Array(T * A).fill(NaN);
    let last: number[] | null = null;
    for (let t = 0; t < T; t++) {
      if (rnd() >= p.density) continue;
      if (last === null || rnd() < 0.8) {
        const raw = Array.from({ length: A }, () => rnd());
        const s = raw.reduce((x, y) => x + y, 0);
        const scale = (p.leverage ? 1.5 : 1) * rnd();
        last = raw.map((x) => (x / s) * scale);
      }
      last.forEach((x, a) => (w[t * A + a] = x));
    }
    return w;
  });
  const options: Partial<SimOptions> = {
    lag: p.lag,
    rebalance: SCHEDULES[p.schedule],
    cost: p.cost >= 0 ? p.cost : Float64Array.from({ length: A }, (_, a) => 0.001 * (a + 1)),
    slippage: p.slippage,
    allowLeverage: p.leverage,
    borrowSpread: p.leverage ? 0.02 : 0,
  };
  return { input: { dates, assets: Array.from({ length: A }, (_, a) => `x${a}`), returns, cash, targets: targets[0] }, targets, options };
}

describe('simulate: properties', () => {
  it('simulateMany gives bit-identical equity to simulate, and the same counts and sums', () => {
    fc.assert(
      fc.property(scenario, (p) => {
        const { input, targets, options } = build(p, 3);
        const many = simulateMany(input, targets, options);
        targets.forEach((w, k) => {
          const one = simulate({ ...input, targets: w }, options);
          const row = many.equity.subarray(k * p.T, (k + 1) * p.T);
          for (let t = 0; t < p.T; t++) expect(Object.is(row[t], one.equity[t])).toBe(true);
          expect(many.rebalances[k]).toBe(one.rebalanced.reduce((s, x) => s + x, 0));
          expect(many.costs[k]).toBeCloseTo(
            one.costs.reduce((s, x) => s + x, 0),
            12,
          );
          expect(many.turnover[k]).toBeCloseTo(
            one.turnover.reduce((s, x) => s + x, 0),
            12,
          );
          let gross = 0;
          for (const x of one.weights) gross += Math.abs(x);
          expect(many.exposure[k]).toBeCloseTo(gross / p.T, 12);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('long-only equity stays positive when returns are above −100 %', () => {
    fc.assert(
      fc.property(scenario, (p) => {
        const { input, options } = build({ ...p, leverage: false });
        for (const e of simulate(input, options).equity) expect(e).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('bookkeeping: weights and cash add up to 1, trades land on the target, returns chain the equity', () => {
    fc.assert(
      fc.property(scenario, (p) => {
        const { input, options } = build(p);
        const res = simulate(input, options);
        const { A, T } = p;
        const end = res.ruinBar >= 0 ? res.ruinBar : T; // after ruin nothing is held
        for (let t = 0; t < end; t++) {
          let s = res.cashWeight[t];
          for (let a = 0; a < A; a++) s += res.weights[t * A + a];
          expect(s).toBeCloseTo(1, 9);
          if (res.rebalanced[t] === 1) for (let a = 0; a < A; a++) expect(res.weights[t * A + a]).toBeCloseTo(res.targets[t * A + a], 12);
          // bar 1's return is measured from the initial capital (a lag-0 trade at bar 0 pays its cost)
          if (t > 0) expect(res.returns[t]).toBeCloseTo(res.equity[t] / (t === 1 ? 1 : res.equity[t - 1]) - 1, 14);
        }
        for (const tr of res.trades) expect(Math.abs(tr.to - tr.from)).toBeGreaterThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('never changes its inputs', () => {
    fc.assert(
      fc.property(scenario, (p) => {
        const { input, targets, options } = build(p, 2);
        const before = JSON.stringify([
          Array.from(input.dates),
          input.returns.map((r) => Array.from(r)),
          Array.from(input.cash),
          targets.map((w) => Array.from(w, String)),
          String(options.cost),
        ]);
        simulate(input, options);
        simulateMany(input, targets, options);
        const after = JSON.stringify([
          Array.from(input.dates),
          input.returns.map((r) => Array.from(r)),
          Array.from(input.cash),
          targets.map((w) => Array.from(w, String)),
          String(options.cost),
        ]);
        expect(after).toBe(before);
      }),
      { numRuns: 100 },
    );
  });
});

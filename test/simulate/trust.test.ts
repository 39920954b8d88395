/** Ruin, absurd costs, lag 0 measured from the initial capital, and weight errors that name the strategy. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate/simulate.js';
import { simulateMany } from '../../engine/simulate/simulate-many.js';
import { computeMetrics } from '../../engine/measure/metrics/compute-metrics.js';
import { summaryMetrics } from '../../engine/measure/metrics/summary-metrics.js';
import { backtest } from '../../engine/workflows/run/backtest.js';
import { runBatch } from '../../engine/workflows/sweep/run-batch.js';
import { DEFAULT_SIM_OPTIONS } from '../../engine/simulate/simulate.js';
import { defineStrategy } from '../../engine/strategy/define.js';
import { float32Decimal } from '../../engine/strategy/evaluate.js';
import { makeMarket, weekdays } from '../helpers/make-market.js';
import { isoDay } from '../../engine/core/dates.js';
import { market, N } from './build.js';

describe('ruin: equity at or below 0 ends the run', () => {
  // 10× levered into an asset that falls 12 % on bar 2: equity 1 → 1 + 10·(−0.12) = −0.2
  const inp = market([[0, 0.01, -0.12, 0.3, 0.3]], [[10]]);
  const opts = { lag: 0, allowLeverage: true };

  it('closes the positions, keeps equity at 0, and says when', () => {
    const r = simulate(inp, opts);
    expect(r.ruinBar).toBe(2);
    expect(Array.from(r.equity.subarray(2))).toEqual([0, 0, 0]);
    expect(r.equity[1]).toBeCloseTo(1 + 10 * 0.01 - 9 * 0, 12);
    expect(Array.from(r.returns.subarray(2))).toEqual([-1, 0, 0]);
    expect(Array.from(r.weights.subarray(2))).toEqual([0, 0, 0]);
    expect(r.cashWeight[3]).toBe(0);
    // the "recovery" of the old engine (negative equity times negative returns) cannot happen
    for (const e of r.equity) expect(e).toBeGreaterThanOrEqual(0);
    const m = computeMetrics({ dates: inp.dates, returns: r.returns, cash: inp.cash });
    expect(m.totalReturn).toBe(-1);
    expect(m.maxDrawdown).toBe(-1);
    expect(isoDay(m.ruinDate)).toBe('2001-01-04');
    const fine = market([[0, 0.01, 0.01]], [[1]]);
    expect(Number.isNaN(computeMetrics({ dates: fine.dates, returns: simulate(fine).returns, cash: fine.cash }).ruinDate)).toBe(true);
  });

  it('simulateMany and the sweep metrics agree', () => {
    const many = simulateMany(inp, [inp.targets!], opts);
    expect(many.ruinBar[0]).toBe(2);
    expect(Array.from(many.equity)).toEqual(Array.from(simulate(inp, opts).equity));
    const s = summaryMetrics(many.equity, inp.cash, inp.returns[0], inp.dates, 252, 1);
    expect(s.totalReturn).toBe(-1);
    expect(s.maxDrawdown).toBe(-1);
  });

  it('a trade whose cost takes all the equity ruins the run at that bar', () => {
    // the strategy is refused an absurd cost, so reach ruin through the cost of a huge levered trade
    const r = simulate(market([[0, 0, 0]], [[N], [400]]), { lag: 0, allowLeverage: true, cost: 0.003 });
    expect(r.ruinBar).toBe(1);
    expect(Array.from(r.equity)).toEqual([1, 0, 0]);
  });
});

describe('absurd costs are refused', () => {
  it('cost + slippage of 1,000 bp or more of traded value', () => {
    const inp = market([[0, 0.01]], [[1]]);
    expect(() => simulate(inp, { cost: 100 })).toThrow(/cost \+ slippage of a0 is 1000000 bp of traded value; more than 1000 bp is not a trading cost/);
    expect(() => simulate(inp, { cost: 0.05, slippage: 0.05 })).toThrow(/1000 bp/);
    expect(() => simulate(inp, { cost: 0.0999 })).not.toThrow();
  });
});

describe('lag 0 with costs: measured from the initial capital', () => {
  const dates = weekdays('2021-01-04', 6);
  const prices = [100, 101, 99, 102, 104, 103];
  const m = makeMarket({ dates, small: prices, large: prices.map((p) => p * 2) });
  const hold = defineStrategy({
    id: 'hold',
    name: 'Hold',
    description: 'd',
    assets: ['small'],
    weights: (v) => ({ small: new Float64Array(v.length).fill(1) }),
  });

  it('total return includes the first trade cost paid at bar 0 (hand-computed)', () => {
    const r = backtest(hold, {}, m, { sim: { ...DEFAULT_SIM_OPTIONS, lag: 0, cost: 0.001 } });
    // buy at bar 0's close with 10 bp: equity 0.999, then the price path 100 → 103
    const want = 0.999 * (103 / 100) - 1;
    expect(r.sim.equity[0]).toBeCloseTo(0.999, 15);
    expect(r.metrics.strategy.totalReturn).toBeCloseTo(want, 14);
    expect(r.sim.returns[1]).toBeCloseTo(0.999 * 1.01 - 1, 14);
    const rows = runBatch(
      { market: m, strategy: hold, sim: { ...DEFAULT_SIM_OPTIONS, lag: 0, cost: 0.001, periodsPerYear: m.periodsPerYear }, benchmark: 'large' },
      [{ index: 0, params: {} }],
    );
    expect(rows[0].metrics!.totalReturn).toBeCloseTo(want, 14);
    expect(rows[0].metrics!.totalReturn).toBeCloseTo(r.metrics.strategy.totalReturn, 14);
    expect(rows[0].metrics!.maxDrawdown).toBeCloseTo(r.metrics.strategy.maxDrawdown, 14);
    expect(rows[0].metrics!.volatility).toBeCloseTo(r.metrics.strategy.volatility, 14);
  });
});

describe('weight errors name the strategy, its file and parameters', () => {
  const dates = weekdays('2021-01-04', 5);
  const m = makeMarket({ dates, small: [1, 1, 1, 1, 1], large: [1, 1, 1, 1, 1] });
  const lever = defineStrategy({
    id: 'lever',
    name: 'Lever',
    description: 'd',
    assets: ['small', 'large'],
    params: { x: { type: 'number', default: 1, min: 0, max: 5, description: 'x' } },
    weights: (v, p) => ({ small: new Float64Array(v.length).fill(p.x), large: new Float64Array(v.length).fill(0.5) }),
  });
  const fromFile = { ...lever, file: 'strategies/examples/lever.ts' };

  it('in a backtest and in a sweep', () => {
    expect(() => backtest(fromFile, { x: 1 }, m, { sim: { ...DEFAULT_SIM_OPTIONS } })).toThrow(
      'strategy "lever" in strategies/examples/lever.ts (x=1): weights at 2021-01-04: sum 1.5 > 1 (leverage); pass allowLeverage to allow it',
    );
    const rows = runBatch({ market: m, strategy: fromFile, sim: { ...DEFAULT_SIM_OPTIONS }, benchmark: 'large' }, [
      { index: 0, params: { x: 0.5 } },
      { index: 1, params: { x: 2 } },
    ]);
    expect(rows[0].error).toBeUndefined();
    expect(rows[1].error).toBe(
      'strategy "lever" in strategies/examples/lever.ts (x=2): weights at 2021-01-04: sum 2.5 > 1 (leverage); pass --allow-leverage to allow it',
    );
  });

  it('a row checked only at the end (the last lag rows, never traded) fails the same way', () => {
    const late = defineStrategy({
      ...lever,
      id: 'late',
      weights: (_v) => ({ small: Float64Array.of(0.5, 0.5, 0.5, 0.5, NaN), large: Float64Array.of(0.5, 0.5, 0.5, 0.5, 0.5) }),
    });
    expect(() => backtest(late, {}, m, { sim: { ...DEFAULT_SIM_OPTIONS, lag: 1 } })).toThrow(
      /strategy "late": weights at 2021-01-08: small \(s\) is NaN but the row is not all NaN/,
    );
  });
});

describe('Float32Array weights', () => {
  const dates = weekdays('2021-01-04', 4);
  const m = makeMarket({ dates, small: [1, 1.1, 1.2, 1.1], large: [1, 1.05, 1.1, 1.2] });
  const f32 = defineStrategy({
    id: 'f32',
    name: 'F32',
    description: 'd',
    assets: ['small', 'large'],
    weights: (v) => ({ small: new Float32Array(v.length).fill(0.6), large: new Float32Array(v.length).fill(0.4) }) as never,
  });

  it('0.6/0.4 in float32 (sum 1.0000000298) is read as 0.6/0.4, not refused as leverage', () => {
    expect(Math.fround(0.6) + Math.fround(0.4)).toBeGreaterThan(1 + 1e-9);
    const r = backtest(f32, {}, m, { sim: { ...DEFAULT_SIM_OPTIONS } });
    expect(r.decisions[0]).toBe(0.6);
    expect(r.decisions[1]).toBe(0.4);
    expect(runBatch({ market: m, strategy: f32, sim: { ...DEFAULT_SIM_OPTIONS }, benchmark: 'large' }, [{ index: 0, params: {} }])[0].error).toBeUndefined();
  });

  it('float32Decimal: the shortest decimal with the same float32', () => {
    expect(float32Decimal(Math.fround(0.6))).toBe(0.6);
    expect(float32Decimal(Math.fround(1 / 3))).toBe(0.33333334);
    expect(Math.fround(float32Decimal(Math.fround(1 / 3)))).toBe(Math.fround(1 / 3));
    expect(float32Decimal(0)).toBe(0);
    expect(Number.isNaN(float32Decimal(NaN))).toBe(true);
  });
});

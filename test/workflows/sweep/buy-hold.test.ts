import { describe, expect, it } from 'vitest';
import { sweepBuyHold } from '../../../engine/workflows/sweep/buy-hold.js';
import { backtest } from '../../../engine/workflows/run/backtest.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { mulberry32 } from '../../../engine/core/random.js';
import { builtin } from '../../../strategies/index.js';
import { makeMarket, weekdays } from '../../helpers/make-market.js';

describe("the sweep's buy-and-hold reference", () => {
  it("equals the run report's buy-and-hold metrics of small and large caps over the same bars (results.csv's column names)", () => {
    const dates = weekdays('2010-01-04', 800);
    const rnd = mulberry32(3);
    const walk = (drift: number, vol: number) => {
      const p = [100];
      for (let t = 1; t < dates.length; t++) p.push(p[t - 1] * (1 + drift + vol * (rnd() - 0.5)));
      return p;
    };
    const market = makeMarket({ dates, small: walk(0.0004, 0.03), large: walk(0.0003, 0.02), cash: dates.map(() => 0.00005) });
    const hold = sweepBuyHold(market, 'large');
    const run = backtest(builtin('buy-hold')!, { asset: 'small' }, market, { sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear } });
    expect(hold.small.asset).toBe(market.small);
    expect(hold.large.asset).toBe(market.large);
    for (const role of ['small', 'large'] as const) {
      const own = run.metrics[role];
      for (const [column, key] of [
        ['total_return', 'totalReturn'],
        ['cagr', 'cagr'],
        ['volatility', 'volatility'],
        ['sharpe', 'sharpe'],
        ['sortino', 'sortino'],
        ['max_drawdown', 'maxDrawdown'],
        ['calmar', 'calmar'],
        ['psr', 'psr'],
        ['beta', 'beta'],
      ] as const)
        expect(hold[role].metrics[column], `${role} ${column}`).toBeCloseTo(own[key], 10);
    }
    expect(hold.large.metrics.beta).toBeCloseTo(1, 12);
    expect(hold.note).toMatch(/same bars as every set/);
  });
});

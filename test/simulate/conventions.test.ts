import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate/simulate.js';
import { market, N, rel, returnsOf } from './build.js';

describe('simulate: growth, lag and compounding by hand', () => {
  const prices = [100, 103, 99.5, 101.25, 108.7, 120.3];
  const r = returnsOf(prices);

  it('buy and hold (lag 0, one asset at weight 1) follows the price ratio', () => {
    const res = simulate(market([r], [[1]]), { lag: 0 });
    prices.forEach((p, t) => expect(rel(res.equity[t], p / 100)).toBeLessThanOrEqual(1e-12));
    for (let t = 0; t < prices.length; t++) {
      expect(res.weights[t]).toBeCloseTo(1, 12);
      expect(res.cashWeight[t]).toBeCloseTo(0, 12);
    }
    expect(res.trades).toEqual([{ bar: 0, date: res.trades[0].date, asset: 'a0', from: 0, to: 1, value: 1, cost: 0 }]);
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 0, 0, 0, 0]);
    // portfolio returns: E_t / E_{t−1} − 1, index 0 is 0
    expect(res.returns[0]).toBe(0);
    for (let t = 1; t < prices.length; t++) expect(res.returns[t]).toBeCloseTo(r[t], 12);
  });

  it('lag 1 trades at the next close: bar 1’s return is missed, then the price ratio from bar 1', () => {
    const res = simulate(market([r], [[1]]), { lag: 1 });
    expect(res.equity[0]).toBe(1);
    expect(res.equity[1]).toBe(1);
    for (let t = 2; t < prices.length; t++) expect(rel(res.equity[t], prices[t] / prices[1])).toBeLessThanOrEqual(1e-12);
    expect(res.trades[0].bar).toBe(1);
    // the effective target is NaN until the decision takes effect
    expect(Number.isNaN(res.targets[0])).toBe(true);
    expect(res.targets[1]).toBe(1);
  });

  it('lag k equals lag 0 on targets shifted down by k rows, bit for bit', () => {
    const a = [0, 0.01, -0.02, 0.015, 0.03, -0.01, 0.005];
    const b = [0, -0.004, 0.006, 0.001, -0.002, 0.008, 0.003];
    const rows = [[0.5, 0.5], [N], [N], [0.9, 0.1], [N], [0.2, 0.3], [N]];
    for (const k of [1, 2, 3]) {
      const shifted = [...Array.from({ length: k }, () => [N]), ...rows.slice(0, rows.length - k)];
      const lagged = simulate(market([a, b], rows), { lag: k });
      const direct = simulate(market([a, b], shifted), { lag: 0 });
      expect(Array.from(lagged.equity)).toEqual(Array.from(direct.equity));
    }
  });

  it('a constant 60/40 mix rebalanced every bar compounds the weighted mean return', () => {
    const a = [0, 0.02, -0.01, 0.03, -0.04];
    const b = [0, -0.005, 0.01, 0.002, 0.007];
    const res = simulate(market([a, b], [[0.6, 0.4]]), { lag: 0, rebalance: { kind: 'every-bar' } });
    let e = 1;
    for (let t = 1; t < a.length; t++) {
      e *= 1 + 0.6 * a[t] + 0.4 * b[t];
      expect(rel(res.equity[t], e)).toBeLessThanOrEqual(1e-12);
      expect(res.weights[2 * t]).toBeCloseTo(0.6, 14);
      expect(res.weights[2 * t + 1]).toBeCloseTo(0.4, 14);
    }
    // bar 1 before trading: 0.6·1.02 and 0.4·0.995 of E = 1 + 0.6·0.02 − 0.4·0.005
    const E1 = 0.6 * 1.02 + 0.4 * 0.995;
    const turnover1 = (Math.abs(0.6 - (0.6 * 1.02) / E1) + Math.abs(0.4 - (0.4 * 0.995) / E1)) / 2;
    expect(res.turnover[1]).toBeCloseTo(turnover1, 14);
    expect(res.rebalanced.every((x) => x === 1)).toBe(true);
  });

  it('uninvested weight stays in cash and earns the cash return', () => {
    const res = simulate(market([[0, 0.1, 0.1]], [[0.5]], { cash: [0, 0.01, 0.01] }), { lag: 0 });
    expect(res.equity[1]).toBeCloseTo(0.5 * 1.1 + 0.5 * 1.01, 15);
    expect(res.equity[2]).toBeCloseTo(0.5 * 1.1 * 1.1 + 0.5 * 1.01 * 1.01, 15);
    expect(res.cashIncome[1]).toBeCloseTo(0.5 * 0.01, 15);
    expect(res.cashWeight[0]).toBeCloseTo(0.5, 15);
  });
});

describe('simulate: costs', () => {
  it('costs reduce equity by exactly (cost + slippage) × traded value (3 bars by hand)', () => {
    const a = [0, 0.1, -0.02];
    const b = [0, -0.05, 0.03];
    const cash = [0, 0.001, 0.001];
    const rate = 0.002 + 0.0005; // cost 20 bp + slippage 5 bp
    const res = simulate(market([a, b], [[0.5, 0.3], [0.2, 0.6], [N]], { cash }), { lag: 0, cost: 0.002, slippage: 0.0005, initial: 1000 });

    // bar 0: buy 500 of a and 300 of b out of 1000 cash: traded 800, cost 2
    expect(res.costs[0]).toBeCloseTo(800 * rate, 12);
    expect(res.equity[0]).toBeCloseTo(1000 - 2, 12);
    expect(res.turnover[0]).toBeCloseTo((500 + 300 + Math.abs(0.2 * 1000 - 1000)) / (2 * 1000), 14);
    // holdings after: 0.5·998, 0.3·998, cash 0.2·998
    const ha = 0.5 * 998 * 1.1;
    const hb = 0.3 * 998 * 0.95;
    const hc = 0.2 * 998 * 1.001;
    const E1 = ha + hb + hc; // 1033.1296
    expect(E1).toBeCloseTo(1033.1296, 9);
    // bar 1: to 20/60: traded |0.2·E1 − ha| + |0.6·E1 − hb|
    const traded1 = Math.abs(0.2 * E1 - ha) + Math.abs(0.6 * E1 - hb); // 342.27408 + 335.44776
    expect(traded1).toBeCloseTo(677.72184, 9);
    const E1after = E1 - rate * traded1;
    expect(res.costs[1]).toBeCloseTo(rate * traded1, 12);
    expect(rel(res.equity[1], E1after)).toBeLessThanOrEqual(1e-14);
    expect(res.turnover[1]).toBeCloseTo((traded1 + Math.abs(0.2 * E1 - hc)) / (2 * E1), 14);
    // bar 2: no decision, holdings drift
    const E2 = 0.2 * E1after * 0.98 + 0.6 * E1after * 1.03 + 0.2 * E1after * 1.001;
    expect(rel(res.equity[2], E2)).toBeLessThanOrEqual(1e-14);
    expect(res.costs[2]).toBe(0);

    expect(res.trades.map((x) => [x.bar, x.asset, +x.from.toFixed(12), x.to, +x.value.toFixed(9), +x.cost.toFixed(12)])).toEqual([
      [0, 'a0', 0, 0.5, 500, +(500 * rate).toFixed(12)],
      [0, 'a1', 0, 0.3, 300, +(300 * rate).toFixed(12)],
      [1, 'a0', +(ha / E1).toFixed(12), 0.2, +Math.abs(0.2 * E1 - ha).toFixed(9), +(Math.abs(0.2 * E1 - ha) * rate).toFixed(12)],
      [1, 'a1', +(hb / E1).toFixed(12), 0.6, +Math.abs(0.6 * E1 - hb).toFixed(9), +(Math.abs(0.6 * E1 - hb) * rate).toFixed(12)],
    ]);
  });

  it('per-asset costs apply per asset', () => {
    const res = simulate(
      market(
        [
          [0, 0],
          [0, 0],
        ],
        [[0.5, 0.5]],
      ),
      { lag: 0, cost: Float64Array.of(0.001, 0.003), slippage: 0.0005 },
    );
    expect(res.equity[0]).toBeCloseTo(1 - 0.5 * 0.0015 - 0.5 * 0.0035, 15);
    expect(res.trades.map((x) => x.cost)).toEqual([0.5 * 0.0015, 0.5 * 0.0035]);
  });
});

describe('simulate: cash, drift and bookkeeping', () => {
  it('all-zero weights (and no decision at all) earn the cash series compounded', () => {
    const cash = [0, 0.001, 0.002, 0.0005];
    const r = [0, 0.5, -0.5, 0.1];
    for (const rows of [[[0]], [[N]]]) {
      const res = simulate(market([r], rows, { cash }), { lag: 0 });
      expect(res.equity[1]).toBeCloseTo(1.001, 15);
      expect(res.equity[3]).toBeCloseTo(1.001 * 1.002 * 1.0005, 15);
      expect(res.cashIncome[2]).toBeCloseTo(1.001 * 0.002, 15);
      expect(Array.from(res.cashWeight)).toEqual([1, 1, 1, 1]);
      expect(res.trades).toEqual([]);
      expect(Array.from(res.rebalanced)).toEqual([0, 0, 0, 0]);
    }
  });

  it('holdings drift between on-change rebalances: weights are h_a / E', () => {
    const a = [0, 0.5, 0, -0.2];
    const b = [0, 0, 0.1, 0.05];
    // the repeated (0.5, 0.5) at bar 1 is no change: no trade
    const res = simulate(market([a, b], [[0.5, 0.5], [0.5, 0.5], [N], [0.3, 0.7]]), { lag: 0 });
    // bar 1: a 0.75, b 0.5 → 0.6 / 0.4
    expect(res.weights[2]).toBeCloseTo(0.75 / 1.25, 15);
    expect(res.weights[3]).toBeCloseTo(0.5 / 1.25, 15);
    // bar 2: a 0.75, b 0.55
    expect(res.weights[4]).toBeCloseTo(0.75 / 1.3, 15);
    expect(res.weights[5]).toBeCloseTo(0.55 / 1.3, 15);
    expect(res.targets[4]).toBe(0.5);
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 0, 1]);
    // bar 3: a 0.6, b 0.5775, E 1.1775, then to 30/70
    const E3 = 0.75 * 0.8 + 0.55 * 1.05;
    expect(res.equity[3]).toBeCloseTo(E3, 15);
    expect(res.turnover[3]).toBeCloseTo((Math.abs(0.3 * E3 - 0.6) + Math.abs(0.7 * E3 - 0.5775)) / (2 * E3), 14);
    expect(res.weights[6]).toBeCloseTo(0.3, 15);
  });

  it('lists only the assets whose weight changes', () => {
    const res = simulate(
      market(
        [
          [0, 0, 0],
          [0, 0, 0],
        ],
        [[0.5, 0.5], [0.5, 0.3], [N]],
      ),
      { lag: 0 },
    );
    expect(res.trades.map((x) => [x.bar, x.asset, x.from, x.to])).toEqual([
      [0, 'a0', 0, 0.5],
      [0, 'a1', 0, 0.5],
      [1, 'a1', 0.5, 0.3],
    ]);
    expect(res.cashWeight[1]).toBeCloseTo(0.2, 15);
    // turnover of the second trade: 0.2 from a1 to cash
    expect(res.turnover[1]).toBeCloseTo(0.2, 15);
  });

  it('every-bar waits for the first decision, then trades each bar', () => {
    const res = simulate(market([[0, 0.1, 0.1, -0.1]], [[N], [N], [0.5]]), { lag: 0, rebalance: { kind: 'every-bar' } });
    expect(Array.from(res.rebalanced)).toEqual([0, 0, 1, 1]);
    expect(res.equity[1]).toBe(1);
    expect(res.equity[3]).toBeCloseTo(1 + 0.5 * -0.1, 15);
  });

  it('does not change its inputs', () => {
    const inp = market(
      [
        [0, 0.1, -0.2],
        [0, 0.05, 0.02],
      ],
      [[0.5, 0.5], [N], [0.1, 0.2]],
      { cash: [0, 0.001, 0.001] },
    );
    const copy = { dates: inp.dates.slice(), returns: inp.returns.map((r) => r.slice()), cash: inp.cash.slice(), targets: inp.targets.slice() };
    const cost = Float64Array.of(0.001, 0.002);
    simulate(inp, { lag: 0, cost });
    expect(inp.dates).toEqual(copy.dates);
    expect(inp.returns).toEqual(copy.returns);
    expect(inp.cash).toEqual(copy.cash);
    expect(inp.targets).toEqual(copy.targets);
    expect(Array.from(cost)).toEqual([0.001, 0.002]);
  });
});

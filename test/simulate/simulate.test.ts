import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate, type SimInput } from '../../engine/simulate/simulate.js';
import { simulateMany } from '../../engine/simulate/simulate-many.js';
import { WeightError } from '../../engine/simulate/validate-targets.js';
import { scheduleMask } from '../../engine/simulate/schedule.js';
import { parseIsoDay as d } from '../../engine/dates.js';
import { mulberry32 } from '../../engine/random.js';

const N = NaN;

function input(returns: number[][], targets: number[][], cash?: number[], dates?: string[]): SimInput {
  const T = returns[0].length;
  const A = returns.length;
  const t = new Float64Array(T * A);
  targets.forEach((row, i) => row.forEach((w, a) => (t[i * A + a] = w)));
  return {
    dates: Int32Array.from(dates ? dates.map(d) : Array.from({ length: T }, (_, i) => 18000 + i)),
    assets: returns.map((_, a) => `a${a}`),
    returns: returns.map((r) => Float64Array.from(r)),
    cash: Float64Array.from(cash ?? new Array(T).fill(0)),
    targets: t,
  };
}

describe('simulate: conventions by hand', () => {
  it('buy and hold equals the price ratio (lag 0)', () => {
    const prices = [100, 110, 99, 120.45, 130];
    const r = prices.map((p, i) => (i === 0 ? 0 : p / prices[i - 1] - 1));
    const res = simulate(input([r], [[1], [N], [N], [N], [N]]), { lag: 0 });
    prices.forEach((p, i) => expect(res.equity[i]).toBeCloseTo(p / 100, 12));
    expect(res.trades).toHaveLength(1);
  });

  it('lag 1 trades at the next close: the first bar\'s return is missed', () => {
    const r = [0, 0.1, 0.2];
    const res = simulate(input([r], [[1], [N], [N]]), { lag: 1 });
    expect(Array.from(res.equity)).toEqual([1, 1, 1.2]);
    expect(res.trades[0].bar).toBe(1);
  });

  it('a constant mix rebalanced every bar compounds the weighted mean return', () => {
    const a = [0, 0.1, -0.05, 0.02];
    const b = [0, -0.02, 0.03, 0.01];
    const res = simulate(input([a, b], [[0.6, 0.4], [N, N], [N, N], [N, N]]), { lag: 0, rebalance: { kind: 'every-bar' } });
    let e = 1;
    for (let t = 1; t < 4; t++) {
      e *= 1 + 0.6 * a[t] + 0.4 * b[t];
      expect(res.equity[t]).toBeCloseTo(e, 14);
    }
  });

  it('holdings drift between on-change rebalances', () => {
    const a = [0, 0.5, 0];
    const b = [0, 0, 0];
    const res = simulate(input([a, b], [[0.5, 0.5], [0.5, 0.5], [N, N]]), { lag: 0 });
    // after bar 1: 0.75 / 1.25 in a; the repeated decision does not trade (on-change)
    expect(res.weights[2]).toBeCloseTo(0.6, 14);
    expect(res.weights[3]).toBeCloseTo(0.4, 14);
    expect(res.rebalanced[1]).toBe(0);
    const daily = simulate(input([a, b], [[0.5, 0.5], [0.5, 0.5], [N, N]]), { lag: 0, rebalance: { kind: 'every-bar' } });
    expect(daily.weights[2]).toBeCloseTo(0.5, 14);
    expect(daily.turnover[1]).toBeCloseTo(0.1, 14); // (|0.5−0.6| + |0.5−0.4|) / 2
  });

  it('costs reduce equity by exactly cost × traded value', () => {
    // 10 bp; start in cash (1), buy 100 % a at bar 0: traded 1, cost 0.001
    const a = [0, 0.1, 0];
    const b = [0, 0, 0];
    const res = simulate(input([a, b], [[1, 0], [N, N], [0, 1]]), { lag: 0, cost: 0.001 });
    expect(res.equity[0]).toBeCloseTo(1 - 0.001, 15);
    const e1 = 0.999 * 1.1;
    expect(res.equity[1]).toBeCloseTo(e1, 15);
    // bar 2: sell a (e1) and buy b (e1): traded 2·e1, cost 0.002·e1
    expect(res.equity[2]).toBeCloseTo(e1 - 0.001 * 2 * e1, 15);
    expect(res.costs[2]).toBeCloseTo(0.002 * e1, 15);
    expect(res.trades.map((t) => [t.asset, t.from, t.to])).toEqual([
      ['a0', 0, 1],
      ['a0', 1, 0],
      ['a1', 0, 1],
    ]);
    expect(res.turnover[2]).toBeCloseTo(1, 14);
  });

  it('slippage adds to the cost rate, and per-asset costs apply per asset', () => {
    const res = simulate(input([[0, 0], [0, 0]], [[0.5, 0.5], [N, N]]), { lag: 0, cost: Float64Array.of(0.001, 0.003), slippage: 0.0005 });
    expect(res.equity[0]).toBeCloseTo(1 - 0.5 * 0.0015 - 0.5 * 0.0035, 15);
  });

  it('all cash earns the cash series', () => {
    const cash = [0, 0.001, 0.002, 0.0005];
    const res = simulate(input([[0, 0.5, -0.5, 0.1]], [[0], [N], [N], [N]], cash), { lag: 0 });
    expect(res.equity[3]).toBeCloseTo(1.001 * 1.002 * 1.0005, 15);
    expect(res.cashIncome[2]).toBeCloseTo(1.001 * 0.002, 15);
    expect(res.cashWeight[3]).toBe(1);
  });

  it('uninvested remainder earns cash; leverage pays cash + spread', () => {
    const cash = [0, 0.01, 0.01];
    const half = simulate(input([[0, 0.1, 0.1]], [[0.5], [N], [N]], cash), { lag: 0 });
    expect(half.equity[1]).toBeCloseTo(0.5 * 1.1 + 0.5 * 1.01, 15);
    expect(() => simulate(input([[0, 0.1, 0.1]], [[1.5], [N], [N]], cash), { lag: 0 })).toThrow(/sum to 1.5 > 1 \(leverage\); pass --allow-leverage/);
    const lev = simulate(input([[0, 0.1, 0.1]], [[1.5], [N], [N]], cash), { lag: 0, allowLeverage: true, borrowSpread: 0.0252, periodsPerYear: 252 });
    // borrowed 0.5 pays 1 % + 0.01 % per bar
    expect(lev.equity[1]).toBeCloseTo(1.5 * 1.1 - 0.5 * 1.0101, 14);
  });

  it('shorts need permission and then earn the negative of the asset return', () => {
    expect(() => simulate(input([[0, 0.1]], [[-0.5], [N]]), { lag: 0 })).toThrow(WeightError);
    const res = simulate(input([[0, 0.1]], [[-0.5], [N]]), { lag: 0, allowShort: true });
    expect(res.equity[1]).toBeCloseTo(1.5 - 0.5 * 1.1, 15);
  });

  it('refuses rows that are NaN for some assets only', () => {
    expect(() => simulate(input([[0, 0], [0, 0]], [[0.5, N], [N, N]]), { lag: 0 })).toThrow(/NaN for some assets only/);
  });

  it('monthly schedule trades only on the last bar of each month', () => {
    const dates = ['2020-01-30', '2020-01-31', '2020-02-03', '2020-02-28', '2020-03-02', '2020-03-03'];
    const mask = scheduleMask(Int32Array.from(dates.map(d)), { kind: 'period', period: 'monthly', at: 'last' });
    expect(Array.from(mask!)).toEqual([0, 1, 0, 1, 0, 0]);
    const first = scheduleMask(Int32Array.from(dates.map(d)), { kind: 'period', period: 'monthly', at: 'first' });
    expect(Array.from(first!)).toEqual([0, 0, 1, 0, 1, 0]);
    const a = [0, 0.1, 0.1, 0.1, 0.1, 0.1];
    const res = simulate(input([a, new Array(6).fill(0)], [[1, 0], [N, N], [0, 1], [N, N], [N, N], [N, N]], undefined, dates), { lag: 0, rebalance: { kind: 'period', period: 'monthly', at: 'last' } });
    // first target trades at once (bar 0); the switch decided on 2020-02-03 waits for 2020-02-28
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('weekly keys start on Monday', () => {
    const dates = ['2024-03-07', '2024-03-08', '2024-03-11', '2024-03-15', '2024-03-18'];
    expect(Array.from(scheduleMask(Int32Array.from(dates.map(d)), { kind: 'period', period: 'weekly', at: 'last' })!)).toEqual([0, 1, 0, 1, 0]);
  });

  it('a drift band rebalances when a weight strays more than the band', () => {
    const a = [0, 0.1, 0.1, 0.1];
    const b = [0, 0, 0, 0];
    const res = simulate(input([a, b], [[0.5, 0.5], [N, N], [N, N], [N, N]]), { lag: 0, rebalance: { kind: 'drift', band: 0.05 } });
    // bar 1: 0.55/1.05 = 0.5238 (in band); bar 2: 0.605/1.105 = 0.5475 (in band); bar 3: 0.6655/1.1655 = 0.571 > 0.55
    expect(Array.from(res.rebalanced)).toEqual([1, 0, 0, 1]);
  });
});

/** Reference target-weight backtester, written the straightforward way (objects per bar). */
function reference(inp: SimInput): number[] {
  const A = inp.assets.length;
  let cash = 1;
  let units = new Array(A).fill(0);
  const prices = inp.returns.map(() => 1);
  const out: number[] = [];
  for (let t = 0; t < inp.dates.length; t++) {
    for (let a = 0; a < A; a++) if (t > 0) prices[a] *= 1 + inp.returns[a][t];
    if (t > 0) cash *= 1 + inp.cash[t];
    const value = cash + units.reduce((s, u, a) => s + u * prices[a], 0);
    const row = Array.from({ length: A }, (_, a) => inp.targets[t * A + a]);
    if (!Number.isNaN(row[0])) {
      const target = row.map((w) => (w * value) / 1);
      const newUnits = target.map((v, a) => v / prices[a]);
      cash = value - target.reduce((s, v) => s + v, 0);
      units = newUnits;
    }
    out.push(cash + units.reduce((s, u, a) => s + u * prices[a], 0));
  }
  return out;
}

describe('simulate: replay against an independent target-weight backtester', () => {
  it('matches to 1e-9 relative on 8,000 bars with random rebalances (lag 0, no costs)', () => {
    const rnd = mulberry32(42);
    const T = 8000;
    const A = 3;
    const returns = Array.from({ length: A }, () => Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : (rnd() - 0.48) * 0.04)));
    const cash = Float64Array.from({ length: T }, () => 0.0001 * rnd());
    const targets = new Float64Array(T * A).fill(NaN);
    for (let t = 0; t < T; t++) {
      if (t === 0 || rnd() < 0.05) {
        const w = [rnd(), rnd(), rnd()];
        const s = w.reduce((x, y) => x + y, 0) * (1 + rnd() * 0.3);
        w.forEach((x, a) => (targets[t * A + a] = x / s));
      }
    }
    const inp: SimInput = { dates: Int32Array.from({ length: T }, (_, i) => i), assets: ['a', 'b', 'c'], returns, cash, targets };
    const ours = simulate(inp, { lag: 0, rebalance: { kind: 'every-bar' } });
    // every-bar re-trades to the last target; the reference only trades on decision rows: use on-change semantics for parity
    const onDecision = simulate(inp, { lag: 0 });
    const ref = reference(inp);
    let worst = 0;
    for (let t = 0; t < T; t++) worst = Math.max(worst, Math.abs(onDecision.equity[t] / ref[t] - 1));
    expect(worst).toBeLessThan(1e-9);
    expect(ours.equity[T - 1]).not.toBe(onDecision.equity[T - 1]);
  });
});

describe('simulate: properties', () => {
  const arb = fc.record({
    T: fc.integer({ min: 2, max: 60 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
    lag: fc.integer({ min: 0, max: 3 }),
    mode: fc.constantFrom('on-change', 'every-bar', 'monthly', 'drift'),
    cost: fc.constantFrom(0, 0.0005, 0.01),
  });
  const build = ({ T, seed }: { T: number; seed: number }) => {
    const rnd = mulberry32(seed);
    const A = 2;
    const targets = new Float64Array(T * A).fill(NaN);
    for (let t = 0; t < T; t++) if (rnd() < 0.3) {
      const x = rnd();
      targets[t * A] = x;
      targets[t * A + 1] = (1 - x) * rnd();
    }
    return {
      dates: Int32Array.from({ length: T }, (_, i) => 19000 + i * 3),
      assets: ['s', 'l'],
      returns: [0, 1].map(() => Float64Array.from({ length: T }, (_, t) => (t ? (rnd() - 0.5) * 0.3 : 0))),
      cash: Float64Array.from({ length: T }, () => rnd() * 0.001),
      targets,
    };
  };
  const rebalance = (m: string) =>
    m === 'monthly' ? ({ kind: 'period', period: 'monthly', at: 'last' } as const) : m === 'drift' ? ({ kind: 'drift', band: 0.05 } as const) : m === 'every-bar' ? ({ kind: 'every-bar' } as const) : ({ kind: 'on-change' } as const);

  it('simulateMany gives bit-identical equity to simulate, and inputs are not mutated', () => {
    fc.assert(
      fc.property(arb, (p) => {
        const inp = build(p);
        const copy = Float64Array.from(inp.targets);
        const opts = { lag: p.lag, rebalance: rebalance(p.mode), cost: p.cost };
        const one = simulate(inp, opts);
        const many = simulateMany(inp, [inp.targets, inp.targets], opts);
        for (let t = 0; t < p.T; t++) {
          expect(Object.is(many.equity[t], one.equity[t])).toBe(true);
          expect(Object.is(many.equity[p.T + t], one.equity[t])).toBe(true);
        }
        expect(many.rebalances[0]).toBe(one.rebalanced.reduce((s, x) => s + x, 0));
        expect(Array.from(inp.targets)).toEqual(Array.from(copy));
      }),
    );
  });

  it('long-only equity stays positive with returns above −100 %', () => {
    fc.assert(
      fc.property(arb, (p) => {
        const res = simulate(build(p), { lag: p.lag, rebalance: rebalance(p.mode), cost: p.cost });
        for (const e of res.equity) expect(e).toBeGreaterThan(0);
      }),
    );
  });
});

describe('period keys', () => {
  it('quarterly and yearly schedules trade on the last bar of each quarter and year', () => {
    const dates = ['2019-12-30', '2019-12-31', '2020-01-02', '2020-03-31', '2020-04-01', '2020-06-30', '2020-07-01'];
    const days = Int32Array.from(dates.map(d));
    expect(Array.from(scheduleMask(days, { kind: 'period', period: 'quarterly', at: 'last' })!)).toEqual([0, 1, 0, 1, 0, 1, 0]);
    expect(Array.from(scheduleMask(days, { kind: 'period', period: 'yearly', at: 'last' })!)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(scheduleMask(days, { kind: 'period', period: 'yearly', at: 'first' })!)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    expect(scheduleMask(days, { kind: 'on-change' })).toBeNull();
  });
});

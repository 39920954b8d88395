/**
 * Replay against an independent reference: a target-weight backtester written the
 * straightforward way (positions as objects of units × price, a trade at the bar's close to
 * weights that are fractions of the pre-trade equity — the convention of bt's and vectorbt's
 * target-percent orders), on 8,000 synthetic daily bars (about 31 years).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../engine/core/random.js';
import { simulate, type SimInput } from '../../engine/simulate/simulate.js';
import { simulateMany } from '../../engine/simulate/simulate-many.js';

interface Position {
  units: number;
  price: number;
}

interface Bar {
  date: Date;
  equity: number;
  traded: boolean;
}

type Rule = 'on-change' | 'every-bar' | 'month-end';

/** The Monday-to-Friday day after a date. */
function nextWeekday(d: Date): Date {
  const n = new Date(d.getTime() + 86_400_000);
  while (n.getUTCDay() === 0 || n.getUTCDay() === 6) n.setUTCDate(n.getUTCDate() + 1);
  return n;
}

/** The reference backtester: one object per position and per bar, calendar from Date. */
function reference(inp: SimInput, lag: number, rule: Rule, rate: number): Bar[] {
  const A = inp.assets.length;
  const T = inp.dates.length;
  const dateOf = (t: number) => new Date(inp.dates[t] * 86_400_000);
  let cash = 1;
  let book: Position[] = inp.assets.map(() => ({ units: 0, price: 1 }));
  let target: number[] | null = null;
  const bars: Bar[] = [];
  for (let t = 0; t < T; t++) {
    if (t > 0) {
      book = book.map((p, a) => ({ units: p.units, price: p.price * (1 + inp.returns[a][t]) }));
      cash *= 1 + inp.cash[t];
    }
    const value = cash + book.reduce((s, p) => s + p.units * p.price, 0);
    const row = t - lag >= 0 ? Array.from({ length: A }, (_, a) => inp.targets[(t - lag) * A + a]) : null;
    let first = false;
    let changed = false;
    if (row !== null && row.every((w) => !Number.isNaN(w))) {
      first = target === null;
      changed = target === null || row.some((w, a) => w !== target![a]);
      target = row;
    }
    // the last bar of its month: the next bar is in a new month; for the final bar, the next weekday is
    const next = t < T - 1 ? dateOf(t + 1) : nextWeekday(dateOf(t));
    const monthEnd = next.getUTCMonth() !== dateOf(t).getUTCMonth();
    const trade = target !== null && (first || rule === 'every-bar' || (rule === 'on-change' && changed) || (rule === 'month-end' && monthEnd));
    let equity = value;
    let traded = false;
    if (trade) {
      const orders = target!.map((w, a) => w * value - book[a].units * book[a].price);
      traded = orders.some((o) => o !== 0);
      const fee = orders.reduce((s, o) => s + Math.abs(o) * rate, 0);
      equity = value - fee;
      book = book.map((p, a) => ({ units: (target![a] * equity) / p.price, price: p.price }));
      cash = equity * (1 - target!.reduce((s, w) => s + w, 0));
    }
    bars.push({ date: dateOf(t), equity, traded });
  }
  return bars;
}

/** 8,000 weekdays from 1990-01-01 (~31 years), three assets, random decisions (some repeated, most bars NaN). */
function syntheticMarket(seed: number): SimInput {
  const rnd = mulberry32(seed);
  const T = 8000;
  const A = 3;
  const dates = new Int32Array(T);
  for (let t = 0, d = 7305; t < T; d++) if ((d + 4) % 7 !== 0 && (d + 4) % 7 !== 6) dates[t++] = d; // 7305 = 1990-01-01
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const vols = [0.016, 0.011, 0.004];
  const returns = vols.map((v) => Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : 0.0003 + v * normal())));
  const cash = Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : 0.0001 * (1 + Math.sin(t / 500))));
  const targets = new Float64Array(T * A).fill(NaN);
  let last: number[] = [];
  for (let t = 0; t < T; t++) {
    const u = rnd();
    if (u < 0.03 || t === 0) {
      const w = [rnd(), rnd(), rnd()];
      const s = (w[0] + w[1] + w[2]) * (1 + rnd() * 0.5); // Σw between 0.67 and 1
      last = w.map((x) => x / s);
    } else if (u > 0.99 && last.length) {
      // the same decision again (no change for on-change)
    } else continue;
    last.forEach((x, a) => (targets[t * A + a] = x));
  }
  return { dates, assets: ['small', 'large', 'bonds'], returns, cash, targets };
}

function worstRelativeError(ours: Float64Array, ref: Bar[]): number {
  let worst = 0;
  for (let t = 0; t < ref.length; t++) worst = Math.max(worst, Math.abs(ours[t] / ref[t].equity - 1));
  return worst;
}

describe('replay against an independent target-weight backtester (8,000 bars)', () => {
  const inp = syntheticMarket(20240601);

  it('lag 0, no costs, on-change: equity within 1e-9 relative at every bar', () => {
    const ours = simulate(inp, { lag: 0 });
    const ref = reference(inp, 0, 'on-change', 0);
    expect(worstRelativeError(ours.equity, ref)).toBeLessThanOrEqual(1e-9);
    expect(Array.from(ours.rebalanced, (x) => x === 1)).toEqual(ref.map((b) => b.traded));
    // the equity moved: this is not a trivial series
    expect(Math.abs(ours.equity[7999] - 1)).toBeGreaterThan(0.1);
  });

  it('lag 1 with costs, every bar', () => {
    const ours = simulate(inp, { lag: 1, rebalance: { kind: 'every-bar' }, cost: 0.0008, slippage: 0.0002 });
    expect(worstRelativeError(ours.equity, reference(inp, 1, 'every-bar', 0.001))).toBeLessThanOrEqual(1e-9);
  });

  it('lag 2 with costs, month ends', () => {
    const ours = simulate(inp, { lag: 2, rebalance: { kind: 'period', period: 'monthly', at: 'last' }, cost: 0.0005 });
    const ref = reference(inp, 2, 'month-end', 0.0005);
    expect(worstRelativeError(ours.equity, ref)).toBeLessThanOrEqual(1e-9);
    expect(Array.from(ours.rebalanced, (x) => x === 1)).toEqual(ref.map((b) => b.traded));
  });

  it('simulateMany replays the same sets bit for bit', () => {
    const other = syntheticMarket(7).targets;
    const many = simulateMany(inp, [inp.targets, other], { lag: 0, cost: 0.001 });
    const T = inp.dates.length;
    expect(Array.from(many.equity.subarray(0, T))).toEqual(Array.from(simulate(inp, { lag: 0, cost: 0.001 }).equity));
    expect(Array.from(many.equity.subarray(T))).toEqual(Array.from(simulate({ ...inp, targets: other }, { lag: 0, cost: 0.001 }).equity));
  });
});

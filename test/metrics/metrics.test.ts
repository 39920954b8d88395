import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../engine/metrics/compute-metrics.js';
import { drawdownSeries, drawdownTable } from '../../engine/metrics/drawdowns.js';
import { calendarReturns } from '../../engine/metrics/calendar-returns.js';
import { historicalVar } from '../../engine/metrics/var.js';
import { normalCdf, normalQuantile } from '../../engine/metrics/normal.js';
import { deflatedSharpe, expectedMaxSharpe, probabilisticSharpe } from '../../engine/metrics/psr.js';
import { skewKurtosis } from '../../engine/metrics/moments.js';
import { periodsPerYear } from '../../engine/market/periods-per-year.js';
import { parseIsoDay as d, isoDay } from '../../engine/dates.js';

const days = (...xs: string[]) => Int32Array.from(xs.map(d));

// Five bars over five calendar days; returns (bar 1..4): +10 %, −20 %, +5 %, +10 %
const dates = days('2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08');
const r = Float64Array.of(0, 0.1, -0.2, 0.05, 0.1);
const cash = Float64Array.of(0, 0.001, 0.001, 0.001, 0.001);
const bench = Float64Array.of(0, 0.05, -0.1, 0.0, 0.05);
const m = computeMetrics({ dates, returns: r, cash, periodsPerYear: 252, benchmark: bench });

const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const sd = (x: number[]) => Math.sqrt(x.reduce((a, b) => a + (b - mean(x)) ** 2, 0) / (x.length - 1));

describe('metrics against hand computation', () => {
  const rets = [0.1, -0.2, 0.05, 0.1];
  const ex = rets.map((x) => x - 0.001);
  it('total return and CAGR from calendar days', () => {
    const total = 1.1 * 0.8 * 1.05 * 1.1 - 1; // 0.0164
    expect(m.totalReturn).toBeCloseTo(total, 14);
    expect(m.cagr).toBeCloseTo(Math.pow(1 + total, 365.25 / 4) - 1, 10);
  });
  it('volatility, Sharpe and Sortino on excess returns', () => {
    expect(m.volatility).toBeCloseTo(sd(rets) * Math.sqrt(252), 12);
    expect(m.sharpe).toBeCloseTo((mean(ex) / sd(ex)) * Math.sqrt(252), 12);
    const down = Math.sqrt((0.201 ** 2) / 4);
    expect(m.sortino).toBeCloseTo((mean(ex) / down) * Math.sqrt(252), 12);
  });
  it('max drawdown with peak, trough and recovery dates', () => {
    // equity 1, 1.1, 0.88, 0.924, 1.0164: peak 1.1 on 01-05, trough 0.88 on 01-06, not recovered
    expect(m.maxDrawdown).toBeCloseTo(0.88 / 1.1 - 1, 14);
    expect(isoDay(m.maxDrawdownPeak)).toBe('2021-01-05');
    expect(isoDay(m.maxDrawdownTrough)).toBe('2021-01-06');
    expect(Number.isNaN(m.maxDrawdownRecovery)).toBe(true);
    expect(m.longestDrawdownDays).toBe(3);
    expect(m.calmar).toBeCloseTo(m.cagr / 0.2, 10);
  });
  it('best/worst month and year, positive months', () => {
    expect(m.bestMonth).toBeCloseTo(m.totalReturn, 14); // one month
    expect(m.positiveMonths).toBe(1);
    expect(m.bestYear).toBeCloseTo(m.totalReturn, 14);
  });
  it('skew and excess kurtosis from population moments', () => {
    const mu = mean(rets);
    const m2 = mean(rets.map((x) => (x - mu) ** 2));
    const m3 = mean(rets.map((x) => (x - mu) ** 3));
    const m4 = mean(rets.map((x) => (x - mu) ** 4));
    expect(m.skew).toBeCloseTo(m3 / m2 ** 1.5, 12);
    expect(m.kurtosis).toBeCloseTo(m4 / m2 ** 2 - 3, 12);
  });
  it('historical VaR and CVaR 95 % (type 7 quantile)', () => {
    // sorted: −0.2, 0.05, 0.1, 0.1; h = 3 × 0.05 = 0.15 → −0.2 + 0.15 × 0.25 = −0.1625
    expect(m.var95).toBeCloseTo(-0.1625, 14);
    expect(m.cvar95).toBeCloseTo(-0.2, 14);
    const v = historicalVar(Float64Array.from({ length: 101 }, (_, i) => i / 100 - 0.5));
    expect(v.var).toBeCloseTo(-0.45, 12);
    expect(v.cvar).toBeCloseTo(mean(Array.from({ length: 6 }, (_, i) => i / 100 - 0.5)), 12);
  });
  it('beta, alpha, tracking error and information ratio', () => {
    const bx = [0.05, -0.1, 0, 0.05].map((x) => x - 0.001);
    const mx = mean(ex), mb = mean(bx);
    const cov = ex.reduce((s, x, i) => s + (x - mx) * (bx[i] - mb), 0);
    const vb = bx.reduce((s, x) => s + (x - mb) ** 2, 0);
    expect(m.beta).toBeCloseTo(cov / vb, 12);
    expect(m.alphaAnnual).toBeCloseTo((mx - (cov / vb) * mb) * 252, 12);
    const diff = [0.05, -0.1, 0.05, 0.05];
    expect(m.trackingError).toBeCloseTo(sd(diff) * Math.sqrt(252), 12);
    expect(m.informationRatio).toBeCloseTo((mean(diff) * 252) / (sd(diff) * Math.sqrt(252)), 12);
  });
  it('exposure, turnover and rebalances from the simulation', () => {
    const w = Float64Array.of(0, 0, 1, 0, 1, 0, 0.5, 0.5, 0.5, 0.5);
    const mm = computeMetrics({ dates, returns: r, cash, weights: w, assets: 2, turnover: Float64Array.of(0, 0.5, 0, 0.25, 0), rebalanced: Uint8Array.of(0, 1, 0, 1, 0) });
    expect(mm.exposure).toBeCloseTo(4 / 5, 14);
    expect(mm.turnoverAnnual).toBeCloseTo(0.75 / (4 / 365.25), 10);
    expect(mm.rebalances).toBe(2);
  });
});

describe('annualization is measured from the calendar', () => {
  it('daily weekdays give about 261, month ends 12', () => {
    const wd: number[] = [];
    for (let x = d('2001-01-01'); wd.length < 2610; x++) if ((((x + 4) % 7) + 7) % 7 % 6 !== 0) wd.push(x);
    expect(periodsPerYear(Int32Array.from(wd))).toBeCloseTo(261, 0);
    const me = Int32Array.from(Array.from({ length: 121 }, (_, k) => d(new Date(Date.UTC(2000, k + 1, 0)).toISOString().slice(0, 10))));
    expect(periodsPerYear(me)).toBeCloseTo(12, 1);
  });
  it('computeMetrics uses the measured frequency by default', () => {
    const me = Int32Array.from(Array.from({ length: 25 }, (_, k) => d(new Date(Date.UTC(2000, k + 1, 0)).toISOString().slice(0, 10))));
    const rr = Float64Array.from({ length: 25 }, (_, k) => (k ? (k % 2 ? 0.02 : -0.01) : 0));
    const mm = computeMetrics({ dates: me, returns: rr, cash: new Float64Array(25) });
    expect(mm.periodsPerYear).toBeCloseTo(24 / ((me[24] - me[0]) / 365.25), 12);
    expect(mm.volatility).toBeCloseTo(sd(Array.from(rr.subarray(1))) * Math.sqrt(mm.periodsPerYear), 12);
  });
});

describe('drawdowns and calendar returns', () => {
  it('lists episodes deepest first with recovery', () => {
    const dt = days('2020-01-01', '2020-01-02', '2020-01-03', '2020-01-04', '2020-01-05', '2020-01-06');
    const eq = Float64Array.of(1, 0.9, 1.05, 0.7, 1.1, 1.0);
    expect(Array.from(drawdownSeries(eq)).map((x) => +x.toFixed(6))).toEqual([0, -0.1, 0, -0.333333, 0, -0.090909]);
    const t = drawdownTable(dt, eq, 3);
    expect(t.map((e) => [isoDay(e.peak), isoDay(e.trough), Number.isNaN(e.recovery) ? null : isoDay(e.recovery), +e.depth.toFixed(6), e.days])).toEqual([
      ['2020-01-03', '2020-01-04', '2020-01-05', -0.333333, 2],
      ['2020-01-01', '2020-01-02', '2020-01-03', -0.1, 2],
      ['2020-01-05', '2020-01-06', null, -0.090909, 1],
    ]);
  });
  it('compounds returns by month and year', () => {
    const dt = days('2020-12-30', '2020-12-31', '2021-01-04', '2021-02-01');
    const c = calendarReturns(dt, Float64Array.of(0, 0.1, 0.2, -0.5));
    expect(c.months.map((x) => [x.year, x.month, +x.ret.toFixed(12)])).toEqual([
      [2020, 12, 0.1],
      [2021, 1, 0.2],
      [2021, 2, -0.5],
    ]);
    expect(c.years.map((x) => +x.ret.toFixed(12))).toEqual([0.1, 1.2 * 0.5 - 1]);
  });
});

describe('probabilistic and deflated Sharpe ratio', () => {
  it('normal cdf and quantile', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
  });
  it('PSR follows the Bailey–López de Prado formula', () => {
    const sr = 0.1, n = 250, skew = -0.5, kurt = 3; // excess kurtosis 3 → raw 6
    const z = (sr * Math.sqrt(n - 1)) / Math.sqrt(1 - skew * sr + ((6 - 1) / 4) * sr * sr);
    expect(probabilisticSharpe(sr, n, skew, kurt)).toBeCloseTo(normalCdf(z), 12);
    expect(probabilisticSharpe(0, n, 0, 0)).toBeCloseTo(0.5, 7);
  });
  it('DSR falls as the number of trials grows', () => {
    const v = 0.002;
    const d10 = deflatedSharpe(0.08, 2000, 0, 0, 10, v);
    const d1000 = deflatedSharpe(0.08, 2000, 0, 0, 1000, v);
    expect(d1000).toBeLessThan(d10);
    expect(expectedMaxSharpe(1000, v)).toBeCloseTo(Math.sqrt(v) * ((1 - 0.5772156649) * normalQuantile(1 - 1 / 1000) + 0.5772156649 * normalQuantile(1 - 1 / (1000 * Math.E))), 12);
  });
  it('metrics PSR uses per-bar excess Sharpe and moments', () => {
    const rets = [0.1, -0.2, 0.05, 0.1].map((x) => x - 0.001);
    const { skew, kurtosis } = skewKurtosis(rets);
    expect(m.psr).toBeCloseTo(probabilisticSharpe(mean(rets) / sd(rets), 4, skew, kurtosis), 12);
  });
});

import { summaryMetrics } from '../../engine/metrics/summary-metrics.js';
import { mulberry32 } from '../../engine/random.js';

describe('summaryMetrics (the sweep\'s one-pass metrics)', () => {
  it('agrees with computeMetrics on a random 3,000-bar series', () => {
    const rnd = mulberry32(3);
    const T = 3000;
    const dt = Int32Array.from({ length: T }, (_, i) => 10000 + i + Math.floor(i / 5) * 2);
    const ret = Float64Array.from({ length: T }, (_, i) => (i ? (rnd() - 0.49) * 0.03 : 0));
    const cs = Float64Array.from({ length: T }, () => rnd() * 0.0002);
    const bn = Float64Array.from({ length: T }, (_, i) => (i ? ret[i] * 0.7 + (rnd() - 0.5) * 0.01 : 0));
    const eq = new Float64Array(T);
    eq[0] = 1;
    for (let t = 1; t < T; t++) eq[t] = eq[t - 1] * (1 + ret[t]);
    const full = computeMetrics({ dates: dt, returns: ret, cash: cs, benchmark: bn, periodsPerYear: 252 });
    const s = summaryMetrics(eq, cs, bn, dt, 252);
    for (const k of ['totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'skew', 'kurtosis', 'psr', 'beta'] as const) {
      expect(s[k], k).toBeCloseTo(full[k], 9);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { dayFromYmd, endOfMonth } from '../../../engine/core/dates.js';
import { mulberry32 } from '../../../engine/core/random.js';
import { Phase } from '../../../engine/core/types.js';
import { factorAttribution, type FactorAttribution } from '../../../engine/measure/analytics/factor-attribution.js';
import { fitFactors } from '../../../engine/measure/analytics/factor-fit.js';
import { matchFactorToBars } from '../../../engine/measure/analytics/factor-match.js';
import { rollingFactorLoadings } from '../../../engine/measure/analytics/rolling-factor-loadings.js';

const NAMES = ['mkt_rf', 'smb', 'hml', 'rmw', 'cma', 'mom'];

/** Month-end dates from January 1990, `n` of them. */
function monthEnds(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => endOfMonth(dayFromYmd(1990 + Math.floor(i / 12), (i % 12) + 1, 1)));
}

/** Six independent factor series on `dates` (monthly-sized returns) and a seeded normal generator. */
function synthetic(n: number, seed: number) {
  const rnd = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const sd = [0.045, 0.03, 0.03, 0.02, 0.02, 0.04];
  const values = sd.map((s) => Float64Array.from({ length: n }, () => s * gauss()));
  return { gauss, values };
}

function term(a: FactorAttribution, scope: string, name: string, series = 'strategy') {
  const f = a.fits.find((x) => x.scope === scope && x.series === series)!;
  return { fit: f, ...f.terms.find((x) => x.term === name)! };
}

describe('matchFactorToBars', () => {
  it('monthly: by calendar month, whatever the day; a missing month leaves its bar (and a bar spanning it) NaN', () => {
    // bars on the last business day, factors dated the calendar month end; March and July are missing
    const bars = Int32Array.of(
      dayFromYmd(1990, 1, 31),
      dayFromYmd(1990, 2, 28),
      dayFromYmd(1990, 3, 30),
      dayFromYmd(1990, 4, 30),
      dayFromYmd(1990, 6, 29),
      dayFromYmd(1990, 8, 31),
    );
    const fd = Int32Array.of(...[1, 2, 4, 5, 6, 8].map((m) => endOfMonth(dayFromYmd(1990, m, 1))));
    const out = matchFactorToBars(bars, 'monthly', fd, Float64Array.of(0.01, 0.02, 0.04, 0.1, 0.2, 0.3));
    expect(Number.isNaN(out[0])).toBe(true); // bar 0 has no return
    expect(out[1]).toBe(0.02); // one factor month: its value exactly
    expect(Number.isNaN(out[2])).toBe(true); // no March factor
    expect(out[3]).toBe(0.04);
    expect(out[4]).toBeCloseTo(1.1 * 1.2 - 1, 15); // June's bar spans May and June: compounded
    expect(Number.isNaN(out[5])).toBe(true); // August's bar spans July, which is missing
  });

  it('daily: by day, compounding the factor days a bar spans; no factor on the bar day: NaN', () => {
    const d = (x: number) => dayFromYmd(2020, 1, x);
    const bars = Int32Array.of(d(2), d(3), d(7), d(8));
    const out = matchFactorToBars(bars, 'daily', Int32Array.of(d(2), d(3), d(6), d(7), d(9)), Float64Array.of(0.5, 0.01, 0.02, -0.03, 0.9));
    expect(out[1]).toBe(0.01);
    expect(out[2]).toBeCloseTo(1.02 * 0.97 - 1, 15); // the bar from the 3rd to the 7th holds the 6th and the 7th
    expect(Number.isNaN(out[3])).toBe(true); // no factor on the 8th
  });
});

describe('factorAttribution', () => {
  const T = 600;
  const dates = monthEnds(T);
  const { gauss, values } = synthetic(T, 11);
  const factors = NAMES.map((name, i) => ({ name, dates, values: values[i] }));
  const cash = Float64Array.from({ length: T }, () => 0.003);
  // phases: alternating spells of 40 months of easing, tightening, hold
  const phase = Int8Array.from({ length: T }, (_, t) => [Phase.Easing, Phase.Tightening, Phase.Hold][Math.floor(t / 40) % 3]);
  const easingBar = (t: number) => t > 0 && phase[t - 1] === Phase.Easing;
  const noise = Float64Array.from({ length: T }, () => 0.01 * gauss());
  // strategy: cash + 0.001 a month + 1.0 · Mkt + (0.5, or 0.9 while easing) · SMB + noise
  const strategy = Float64Array.from({ length: T }, (_, t) => cash[t] + 0.001 + values[0][t] + (easingBar(t) ? 0.9 : 0.5) * values[1][t] + noise[t]);
  // a buy-and-hold whose SMB loading never changes
  const steady = Float64Array.from({ length: T }, (_, t) => cash[t] + 1.0 * values[0][t] + 0.5 * values[1][t] + noise[t]);
  const a = factorAttribution({
    dates,
    frequency: 'monthly',
    periodsPerYear: 12,
    phase,
    cash,
    series: [
      { name: 'strategy', returns: strategy },
      { name: 'small', returns: steady },
    ],
    factors,
  });

  it('recovers the loadings of 0.5 · SMB + 1.0 · Mkt + noise (the buy-and-hold) and a zero alpha', () => {
    expect(a.matched).toBe(T - 1);
    const mkt = term(a, 'all', 'mkt_rf', 'small');
    const smb = term(a, 'all', 'smb', 'small');
    const alpha = term(a, 'all', 'alpha', 'small');
    expect(Math.abs(mkt.estimate - 1)).toBeLessThan(2.5 * mkt.se);
    expect(Math.abs(smb.estimate - 0.5)).toBeLessThan(2.5 * smb.se);
    expect(smb.ciLow).toBeLessThan(0.5);
    expect(smb.ciHigh).toBeGreaterThan(0.5);
    expect(smb.estimate).toBeCloseTo(0.5, 1);
    expect(Math.abs(alpha.t)).toBeLessThan(2.5);
    expect(mkt.fit.r2).toBeGreaterThan(0.9);
    for (const f of ['hml', 'rmw', 'cma', 'mom']) expect(Math.abs(term(a, 'all', f, 'small').t)).toBeLessThan(3);
    // only the strategy gets the phase split
    expect(a.fits.filter((f) => f.series === 'small').map((f) => f.scope)).toEqual(['all']);
  });

  it('annualizes alpha by bars per year: 0.001 a month is about 1.2 % a year', () => {
    const alpha = term(a, 'timed', 'alpha');
    expect(Math.abs(alpha.estimate - 0.012)).toBeLessThan(2.5 * alpha.se);
    expect(alpha.se).toBeGreaterThan(0);
  });

  it('splits the SMB loading by Fed phase and tests the difference', () => {
    const easing = term(a, 'easing', 'smb');
    const tightening = term(a, 'tightening', 'smb');
    const diff = term(a, 'easing-tightening', 'smb');
    expect(Math.abs(easing.estimate - 0.9)).toBeLessThan(3 * easing.se);
    expect(Math.abs(tightening.estimate - 0.5)).toBeLessThan(3 * tightening.se);
    expect(Math.abs(diff.estimate - 0.4)).toBeLessThan(3 * diff.se);
    // the interaction regression's difference is the difference of the two separate fits
    expect(diff.estimate).toBeCloseTo(easing.estimate - tightening.estimate, 10);
    expect(diff.t).toBeGreaterThan(4);
    expect(diff.p).toBeLessThan(0.001);
    // the other loadings do not differ between phases
    expect(Math.abs(term(a, 'easing-tightening', 'mkt_rf').t)).toBeLessThan(3);
    // n: 200 easing and 200 tightening bars (bar 0 has no return, the last bar's phase is not used)
    expect(easing.fit.n + tightening.fit.n).toBe(diff.fit.n);
    // a bar's return belongs to the phase known at the previous close: bars 1–40, 121–160, … are easing bars
    expect(easing.fit.n).toBe(200);
    expect(easing.fit.from).toBe(dates[1]);
    expect(tightening.fit.from).toBe(dates[41]);
    expect(Math.abs(term(a, 'hold', 'smb').estimate - 0.5)).toBeLessThan(3 * term(a, 'hold', 'smb').se);
  });

  it('the timed model finds the extra SMB loading while the Fed eases', () => {
    const extra = term(a, 'timed', 'smb_easing');
    expect(Math.abs(extra.estimate - 0.4)).toBeLessThan(3 * extra.se);
    expect(extra.t).toBeGreaterThan(4);
    expect(Math.abs(term(a, 'timed', 'smb').estimate - 0.5)).toBeLessThan(3 * term(a, 'timed', 'smb').se);
    expect(term(a, 'timed', 'alpha').fit.r2).toBeGreaterThan(term(a, 'all', 'alpha').fit.r2);
  });

  it('no phase difference when the loadings do not change', () => {
    const b = factorAttribution({ dates, frequency: 'monthly', periodsPerYear: 12, phase, cash, series: [{ name: 'strategy', returns: steady }], factors });
    expect(Math.abs(term(b, 'easing-tightening', 'smb').t)).toBeLessThan(2.5);
    expect(Math.abs(term(b, 'timed', 'smb_easing').t)).toBeLessThan(2.5);
  });

  it('reports n and the period covered when the factors end before the run', () => {
    const short = factors.map((f) => ({ ...f, dates: f.dates.subarray(0, 500), values: f.values.subarray(0, 500) }));
    const b = factorAttribution({
      dates,
      frequency: 'monthly',
      periodsPerYear: 12,
      phase,
      cash,
      series: [{ name: 'strategy', returns: strategy }],
      factors: short,
    });
    expect(b.bars).toBe(T - 1);
    expect(b.matched).toBe(499);
    expect(b.coverage.to).toBe(dates[499]);
    const all = term(b, 'all', 'alpha');
    expect(all.fit.n).toBe(499);
    expect(all.fit.from).toBe(dates[1]);
    expect(all.fit.to).toBe(dates[499]);
  });

  it('too few bars: no estimate, n still reported', () => {
    const f = fitFactors('all', 'strategy', strategy.subarray(0, 20), [{ name: 'smb', values: values[1].subarray(0, 20) }], dates.subarray(0, 20), 12);
    expect(f.n).toBe(20);
    expect(Number.isNaN(f.terms[1].estimate)).toBe(true);
  });
});

describe('rollingFactorLoadings', () => {
  it('recovers an exact loading in every 36-month window and skips windows with an unmatched month', () => {
    const n = 41; // bar 0 has no return: months 1..40
    const dates = monthEnds(n);
    const { values } = synthetic(n, 5);
    const smb = values[1];
    const cash = Float64Array.from({ length: n }, () => 0.002);
    const returns = Float64Array.from({ length: n }, (_, t) => cash[t] + 0.001 + 0.7 * smb[t]);
    const r = rollingFactorLoadings(dates, returns, cash, [{ name: 'smb', values: smb }], 36);
    expect(r.dates.length).toBe(40 - 36 + 1);
    expect(r.dates[0]).toBe(dates[36]);
    for (let i = 0; i < r.dates.length; i++) {
      expect(r.loadings[0][i]).toBeCloseTo(0.7, 12);
      expect(r.alpha[i]).toBeCloseTo(0.012, 12);
      expect(r.r2[i]).toBeCloseTo(1, 12);
    }
    const gap = Float64Array.from(smb);
    gap[3] = NaN;
    const g = rollingFactorLoadings(dates, returns, cash, [{ name: 'smb', values: gap }], 36);
    expect(Array.from(g.dates)).toEqual([dates[39], dates[40]]); // windows ending at month 39 and 40 start after month 3
  });

  it('daily bars are compounded to calendar months first (excess = Π(1 + r) − Π(1 + cash))', () => {
    // 2 daily bars a month: month m has returns a and b, cash c each; its excess is (1+a)(1+b) − (1+c)²
    const dates: number[] = [dayFromYmd(1999, 12, 31)];
    for (let m = 0; m < 40; m++) {
      const y = 2000 + Math.floor(m / 12),
        mo = (m % 12) + 1;
      dates.push(dayFromYmd(y, mo, 10), dayFromYmd(y, mo, 20));
    }
    const T = dates.length;
    const rnd = mulberry32(3);
    const f = Float64Array.from({ length: T }, () => (rnd() - 0.5) * 0.02);
    const cash = Float64Array.from({ length: T }, () => 0.0001);
    const ret = Float64Array.from({ length: T }, (_, t) => 0.0001 + 0.3 * f[t]);
    const r = rollingFactorLoadings(Int32Array.from(dates), ret, cash, [{ name: 'f', values: f }], 36);
    expect(r.dates.length).toBe(5);
    // compounding makes the monthly relation nearly, not exactly, linear
    expect(r.loadings[0][0]).toBeCloseTo(0.3, 2);
    expect(r.loadings[0][0]).not.toBe(0.3);
  });
});

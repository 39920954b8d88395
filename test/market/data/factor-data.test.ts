import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { isoDay, monthIndex, parseIsoDay } from '../../../engine/core/dates.js';
import { FACTOR_SERIES } from '../../../engine/workflows/run/factor-files.js';

const catalog = loadCatalog();
const load = (id: string) => loadSeries(catalog.series.find((e) => e.id === id)!, catalog.dir);
const at = (id: string, iso: string) => {
  const s = load(id);
  return s.values[s.dates.indexOf(parseIsoDay(iso))];
};

describe('shipped Fama/French factors (attribution inputs)', () => {
  it('every factor id of a run is in the catalog, as a return series published with French’s lag', () => {
    for (const freq of ['monthly', 'daily'] as const) {
      for (const id of Object.values(FACTOR_SERIES[freq])) {
        const e = catalog.series.find((x) => x.id === id)!;
        expect(e, id).toBeDefined();
        expect(e.kind).toBe('return');
        expect(e.frequency).toBe(freq);
        expect(e.units).toBe(freq === 'monthly' ? 'fraction per month' : 'fraction per day');
        expect(e.publication).toEqual({ rule: 'months', n: 1 });
        expect(e.source).toMatch(/^Kenneth R\. French Data Library/);
        expect(e.description).toMatch(/not a trading signal/);
      }
    }
  });

  it('are fractions, dated as documented, with the known months', () => {
    expect(at('ff5_mkt_rf', '1987-10-31')).toBe(-0.2319);
    expect(at('ff5_mkt_rf', '2008-10-31')).toBe(-0.172);
    expect(at('ff5_smb', '1963-07-31')).toBe(-0.0048);
    expect(at('ff_mom', '1927-01-31')).toBe(0.0057);
    expect(at('ff5_mkt_rf_daily', '1987-10-19')).toBe(-0.1744);
    const m = load('ff5_smb');
    expect([isoDay(m.dates[0]), isoDay(m.dates[m.dates.length - 1])]).toEqual(['1963-07-31', '2026-04-30']);
    expect(isoDay(load('ff_mom').dates.at(-1)!)).toBe('2025-04-30');
    expect(isoDay(load('ff5_smb_daily').dates.at(-1)!)).toBe('2026-03-31');
  });

  it('the daily SMB compounded by calendar month tracks the monthly SMB (correlation > 0.99)', () => {
    const monthly = load('ff5_smb');
    const daily = load('ff5_smb_daily');
    const g = new Map<number, number>();
    daily.dates.forEach((d, i) => g.set(monthIndex(d), (g.get(monthIndex(d)) ?? 1) * (1 + daily.values[i])));
    const x: number[] = [],
      y: number[] = [];
    monthly.dates.forEach((d, i) => {
      const v = g.get(monthIndex(d));
      if (v === undefined) return;
      x.push(monthly.values[i]);
      y.push(v - 1);
    });
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const [mx, my] = [mean(x), mean(y)];
    const cov = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0);
    const r = cov / Math.sqrt(x.reduce((s, v) => s + (v - mx) ** 2, 0) * y.reduce((s, v) => s + (v - my) ** 2, 0));
    expect(x.length).toBe(753);
    expect(r).toBeGreaterThan(0.99);
  });

  it('a strategy asking for a factor sees a month only from the first day of the second month after it', () => {
    const ff = buildMarket(catalog, { universe: 'ff', from: '1989-06-01', series: ['ff5_smb'] });
    const col = ff.series.ff5_smb;
    const bar = (iso: string) => ff.dates.indexOf(parseIsoDay(iso));
    expect(col[bar('1990-02-28')]).toBe(-0.0228); // December 1989, known from 1990-02-01
    expect(col[bar('1990-03-31')]).toBe(-0.0121); // January 1990, known from 1990-03-01
  });
});

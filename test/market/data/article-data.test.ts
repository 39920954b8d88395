import { describe, expect, it } from 'vitest';
import { findEntry, loadCatalog } from '../../../engine/market/data/catalog.js';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import type { Series } from '../../../engine/core/types.js';

const catalog = loadCatalog();
const load = (id: string): Series => loadSeries(findEntry(catalog, id), catalog.dir);

/** Value of a series on an ISO date (undefined when absent). */
function at(s: Series, iso: string): number | undefined {
  const i = s.dates.indexOf(parseIsoDay(iso));
  return i < 0 ? undefined : s.values[i];
}

function range(s: Series): [string, string, number] {
  return [isoDay(s.dates[0]), isoDay(s.dates[s.dates.length - 1]), s.dates.length];
}

describe('ISM PMI: first release (point in time) and revised', () => {
  const pit = load('ism_pmi');
  const revised = load('ism_pmi_revised');

  it('covers 1948-01 to 2025-11 point in time and 1948-01 to 2021-12 revised', () => {
    expect(range(pit)).toEqual(['1948-01-01', '2025-11-01', 935]);
    expect(range(revised)).toEqual(['1948-01-01', '2021-12-01', 888]);
  });

  it('pins values and publication dates taken from the raw files', () => {
    const pub = (iso: string) => isoDay(pit.published![pit.dates.indexOf(parseIsoDay(iso))]);
    // haydenlee ISM-MAN_PMI.csv last line "1948-01-01,51.7": revised, known the first weekday of February
    expect(at(pit, '1948-01-01')).toBe(51.7);
    expect(pub('1948-01-01')).toBe('1948-02-02'); // 1948-02-01 was a Sunday
    // lumpen95 ism_pmi.csv first row "2007-01-04,51.4": December 2006 as first released
    expect(at(pit, '2006-12-01')).toBe(51.4);
    expect(pub('2006-12-01')).toBe('2007-01-04');
    // "2017-10-11,60.8": September 2017, the latest release date of the file; revised 60.2
    expect(at(pit, '2017-09-01')).toBe(60.8);
    expect(pub('2017-09-01')).toBe('2017-10-11');
    expect(at(revised, '2017-09-01')).toBe(60.2);
    // last row "2025-12-02,48.2"
    expect(at(pit, '2025-11-01')).toBe(48.2);
    expect(pub('2025-11-01')).toBe('2025-12-02');
    // revised first line "2021-12-01,58.7", a middle row "1980-01-01,46.2", last line "1948-01-01,51.7"
    expect(at(revised, '2021-12-01')).toBe(58.7);
    expect(at(revised, '1980-01-01')).toBe(46.2);
    expect(at(pit, '1980-01-01')).toBe(46.2);
    expect(at(revised, '1948-01-01')).toBe(51.7);
  });

  it('differs from the revised history by 0.47 points on average over the 181 common months', () => {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < revised.dates.length; i++) {
      const j = pit.dates.indexOf(revised.dates[i]);
      if (pit.dates[j] < parseIsoDay('2006-12-01')) {
        expect(pit.values[j]).toBe(revised.values[i]); // before the first releases: the revised values
        continue;
      }
      sum += Math.abs(pit.values[j] - revised.values[i]);
      n++;
    }
    expect(n).toBe(181);
    expect(sum / n).toBeCloseTo(0.4746, 4);
  });

  it('is never published before the first weekday of the following month', () => {
    for (let i = 0; i < pit.dates.length; i++) {
      const d = new Date(pit.dates[i] * 864e5);
      const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 864e5;
      expect(pit.published![i]).toBeGreaterThanOrEqual(next);
      expect(pit.published![i] - next).toBeLessThan(14);
    }
  });

  it('is visible in a backtest from its release date and not stale before 2025-12', () => {
    const m = buildMarket(catalog, { universe: 'russell', from: '2010-01-01', series: ['ism_pmi'] });
    const col = m.series.ism_pmi;
    const bar = (iso: string) => m.dates.findIndex((x) => x >= parseIsoDay(iso));
    // September 2017 (60.8) is known from 2017-10-11; the day before, August (58.8) still shows
    expect(col[bar('2017-10-11')]).toBe(60.8);
    expect(col[bar('2017-10-11') - 1]).toBe(58.8);
    expect(col[bar('2025-12-31')]).toBe(48.2);
    const stale = m.warnings.filter((w) => w.includes('"ism_pmi"'));
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatch(/stale from 2026-02/);
  });
});

describe('valuations by size (Fama/French 2x3 BE/ME)', () => {
  const small = load('bm_small');
  const large = load('bm_large');
  const spread = load('bm_spread');

  it('runs monthly 1926-07 to 2024-12', () => {
    for (const s of [small, large, spread]) expect(range(s)).toEqual(['1926-07-31', '2024-12-31', 1182]);
  });

  it('pins the first, a middle and the last month, computed by hand from the raw tables', () => {
    // 192607: BE/ME 0.5070 1.0809 3.1784 | 0.4517 1.0146 2.2390; firms 44 69 94 | 84 102 35;
    // average cap 7.83 6.94 4.74 | 110.00 118.36 43.37. ME = firms × cap:
    // small (344.52·0.5070 + 478.86·1.0809 + 445.56·3.1784) / 1268.94 = 1.66158
    // big (9240·0.4517 + 12072.72·1.0146 + 1517.95·2.2390) / 22830.67 = 0.868191
    expect(at(small, '1926-07-31')).toBeCloseTo(1.66158, 4);
    expect(at(large, '1926-07-31')).toBeCloseTo(0.868191, 5);
    expect(at(spread, '1926-07-31')).toBeCloseTo(1.66158 / 0.868191, 4);
    // 198410: BE/ME 0.3259 0.8066 1.4555 | 0.3697 0.8233 1.3682; firms 1773 1082 761 | 269 276 215;
    // cap 61.39 70.36 62.32 | 1759.83 1598.76 1896.20 → small 0.713884, big 0.828907 (the narrowest spread)
    expect(at(small, '1984-10-31')).toBeCloseTo(0.713884, 5);
    expect(at(large, '1984-10-31')).toBeCloseTo(0.828907, 5);
    expect(at(spread, '1984-10-31')).toBeCloseTo(0.861235, 5);
    // 202412: BE/ME 0.1583 0.4510 1.1710 | 0.1025 0.4587 0.9015; firms 459 784 1047 | 423 326 127;
    // cap 1302.37 1236.15 631.21 | 92247.96 32867.83 33606.20 → small 0.586048, big 0.236320
    expect(at(small, '2024-12-31')).toBeCloseTo(0.586048, 5);
    expect(at(large, '2024-12-31')).toBeCloseTo(0.23632, 5);
    expect(at(spread, '2024-12-31')).toBeCloseTo(2.47989, 4);
  });

  it('spread is small / large in every month', () => {
    for (let i = 0; i < spread.values.length; i++) expect(spread.values[i]).toBeCloseTo(small.values[i] / large.values[i], 9);
  });

  it('is known one month after the month (from the first day of the second month after)', () => {
    const m = buildMarket(catalog, { universe: 'ff', from: '2024-01-01', series: ['bm_spread'] });
    const bar = (iso: string) => m.dates.indexOf(parseIsoDay(iso));
    expect(m.series.bm_spread[bar('2024-03-31')]).toBe(at(spread, '2024-01-31'));
    expect(m.series.bm_spread[bar('2025-01-31')]).toBe(at(spread, '2024-11-30'));
  });

  it('ships the six value-weighted portfolio returns (first table of the file)', () => {
    // 192607 "1.0874, 0.9081, -0.0695, 5.7168, 1.8971, 2.0066"; 202412 "-7.0067 … -6.5860"
    expect(at(load('ff_small_lobm'), '1926-07-31')).toBe(0.010874);
    expect(at(load('ff_big_hibm'), '1926-07-31')).toBe(0.020066);
    expect(at(load('ff_small_midbm'), '2024-12-31')).toBe(-0.085931);
    expect(at(load('ff_big_lobm'), '1970-01-31')).toBe(-0.080937); // 197001 "-6.0263, -5.2292, -2.2378, -8.0937, …"
    expect(at(load('ff_small_hibm'), '1970-01-31')).toBe(-0.022378);
    expect(at(load('ff_big_hibm'), '2024-12-31')).toBe(-0.06586);
  });
});

describe('Shiller CAPE and earnings yield', () => {
  const cape = load('cape');
  const ey = load('sp_earnings_yield');
  const gw = load('sp_earnings_yield_gw');

  it('pins values from ie_data.csv', () => {
    expect(range(cape)).toEqual(['1881-01-01', '2025-02-01', 1730]);
    expect(range(ey)).toEqual(['1871-01-01', '2024-09-01', 1845]);
    expect(at(cape, '1881-01-01')).toBe(18.47); // "1881.01,6.19,…,18.47"
    expect(at(cape, '2000-01-01')).toBe(43.77);
    expect(at(cape, '2025-02-01')).toBe(37.97);
    expect(at(ey, '1871-01-01')).toBeCloseTo(0.4 / 4.44, 12); // E 0.40, P 4.44
    expect(at(ey, '2000-01-01')).toBeCloseTo(49.1 / 1425.59, 12);
    expect(at(ey, '2024-09-01')).toBeCloseTo(200.27 / 5621.26, 12); // the last month with earnings
    // Goyal–Welch rows "187101,4.44,0.2600,0.4000", "197001,85.02,3.1633,5.7300", "202412,"5,881.63",74.8323,210.1700"
    expect(range(gw)).toEqual(['1871-01-31', '2024-12-31', 1848]);
    expect(at(gw, '1871-01-31')).toBeCloseTo(0.4 / 4.44, 12);
    expect(at(gw, '1970-01-31')).toBeCloseTo(5.73 / 85.02, 12);
    expect(at(gw, '2024-12-31')).toBeCloseTo(210.17 / 5881.63, 12);
  });

  it('agrees with the Goyal–Welch earnings yield (E12 / month-end index) where both exist', () => {
    const byMonth = new Map<string, number>();
    for (let i = 0; i < gw.dates.length; i++) byMonth.set(isoDay(gw.dates[i]).slice(0, 7), gw.values[i]);
    const rel: number[] = [];
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < ey.dates.length; i++) {
      const g = byMonth.get(isoDay(ey.dates[i]).slice(0, 7));
      if (g === undefined) continue;
      rel.push(Math.abs(ey.values[i] / g - 1));
      xs.push(ey.values[i]);
      ys.push(g);
    }
    expect(rel).toHaveLength(1845);
    rel.sort((a, b) => a - b);
    // Shiller divides by the month's average price, Goyal–Welch by the month-end level
    expect(rel[rel.length >> 1]).toBeLessThan(0.015);
    expect(rel[Math.floor(rel.length * 0.99)]).toBeLessThan(0.1);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const [mx, my] = [mean(xs), mean(ys)];
    let sxy = 0, sxx = 0, syy = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) ** 2;
      syy += (ys[i] - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.995);
  });

  it('is published six months after the month', () => {
    const m = buildMarket(catalog, { universe: 'ff', from: '2024-01-01', series: ['cape'] });
    const bar = m.dates.indexOf(parseIsoDay('2024-08-31'));
    expect(m.series.cape[bar]).toBe(at(cape, '2024-01-01')); // January known from August 1, February from September 1
    expect(m.series.cape[bar + 1]).toBe(at(cape, '2024-02-01'));
  });
});

describe('bonds', () => {
  const bonds = load('bonds');
  const daily = load('bonds_10y');
  const yields = load('ust_10y');

  it('monthly ltr from Goyal–Welch, 1926-01 to 2024-12', () => {
    expect(range(bonds)).toEqual(['1926-01-31', '2024-12-31', 1188]);
    expect(at(bonds, '1926-01-31')).toBe(0.0138); // "192601,…,0.0138,…"
    expect(at(bonds, '1970-01-31')).toBe(-0.0021);
    expect(at(bonds, '2024-12-31')).toBe(-0.0154);
  });

  it('daily 10-year total-return index follows carry − duration × Δy + ½ convexity × Δy²', () => {
    expect(range(daily)).toEqual([isoDay(yields.dates[0]), isoDay(yields.dates[yields.dates.length - 1]), yields.dates.length]);
    expect(daily.values[0]).toBe(100);
    // 1962-01-02 4.06 % → 01-03 4.03 %: D(4.06 %, 10y) = (1 − 1.0203^−20)/0.0406 = 8.15210,
    // C = 78.5693; r = 0.0406/365 + 8.15210 × 0.0003 + ½ × 78.5693 × 0.0003² = 0.00256040
    expect(daily.values[1] / daily.values[0] - 1).toBeCloseTo(0.0025604, 7);
    // 2008-10-15 4.04 % → 10-16 3.99 %: D = 8.15996, C = 78.6787; r = 0.0404/365 + 8.15996 × 0.0005 + ½ × 78.6787 × 0.0005² = 0.0042005
    expect(at(daily, '2008-10-16')! / at(daily, '2008-10-15')! - 1).toBeCloseTo(0.0042005, 7);
    // 2024-01-29 4.08 % → 01-30 4.06 % (the older DGS10 copy's last day): D = 8.14425, C = 78.4602; r = 0.001742199
    expect(at(daily, '2024-01-30')! / at(daily, '2024-01-29')! - 1).toBeCloseTo(0.001742199, 8);
    expect(at(daily, '2024-01-30')).toBe(3609.87441074);
  });

  it('tracks the long-bond return month by month (correlation 0.94 over 1962–2024)', () => {
    const monthEnd = new Map<string, number>();
    for (let i = 0; i < daily.dates.length; i++) monthEnd.set(isoDay(daily.dates[i]).slice(0, 7), daily.values[i]);
    const keys = [...monthEnd.keys()];
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 1; i < keys.length - 1; i++) {
      const k = bonds.dates.findIndex((d) => isoDay(d).startsWith(keys[i]));
      if (k < 0) continue; // ltr ends in 2024-12, the yields in 2026-08
      const l = bonds.values[k];
      a.push(monthEnd.get(keys[i])! / monthEnd.get(keys[i - 1])! - 1);
      b.push(l);
    }
    expect(a).toHaveLength(755); // 1962-02 … 2024-12
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const [ma, mb] = [mean(a), mean(b)];
    let sab = 0, saa = 0, sbb = 0, mad = 0;
    for (let i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) ** 2;
      sbb += (b[i] - mb) ** 2;
      mad += Math.abs(a[i] - b[i]);
    }
    expect(sab / Math.sqrt(saa * sbb)).toBeCloseTo(0.94, 2);
    expect((mad / a.length) * 100).toBeCloseTo(0.78, 2); // pp per month, as stated in data/README.md
  });
});

describe('universes with bonds', () => {
  it('ff-bonds: three monthly assets 1926-07 to 2024-12 with the bonds role', () => {
    const m = buildMarket(catalog, { universe: 'ff-bonds' });
    expect(m.assets).toEqual(['ff_small', 'ff_large', 'bonds']);
    expect(m.bonds).toBe('bonds');
    expect(isoDay(m.dates[0])).toBe('1926-07-31');
    expect(isoDay(m.dates[m.dates.length - 1])).toBe('2024-12-31');
    expect(m.returns.bonds[m.dates.length - 1]).toBe(-0.0154);
  });

  it('russell-bonds: daily, ends with the 10-year yield', () => {
    const m = buildMarket(catalog, { universe: 'russell-bonds' });
    expect(m.assets).toEqual(['rut', 'spx', 'bonds_10y']);
    expect(m.bonds).toBe('bonds_10y');
    expect(isoDay(m.dates[0])).toBe('1987-09-10');
    expect(isoDay(m.dates[m.dates.length - 1])).toBe('2026-08-20');
    expect(m.periodsPerYear).toBeGreaterThan(245);
  });
});

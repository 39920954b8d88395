import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { loadFomc } from '../../../engine/market/data/load-fomc.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { isoDay, parseIsoDay } from '../../../engine/core/dates.js';

const catalog = loadCatalog();

describe('shipped data', () => {
  it('every catalog series loads and validates', () => {
    for (const e of catalog.series) {
      if (e.kind === 'event') expect(loadFomc(e, catalog.dir).decisions.length).toBeGreaterThan(100);
      else expect(loadSeries(e, catalog.dir).dates.length).toBeGreaterThan(100);
    }
  });

  it('FOMC decisions agree with the target series they were derived from', () => {
    const { decisions } = loadFomc(catalog.series.find((s) => s.id === 'fomc')!, catalog.dir);
    const target = loadSeries(catalog.series.find((s) => s.id === 'fed_target')!, catalog.dir);
    const at = new Map(Array.from(target.dates, (dd, i) => [dd, target.values[i]]));
    for (const dec of decisions.filter((x) => x.effective <= target.dates[target.dates.length - 1])) {
      expect(at.get(dec.effective)).toBe(dec.target);
      expect(dec.date).toBeLessThanOrEqual(dec.effective);
      expect(dec.effective - dec.date).toBeLessThanOrEqual(3);
    }
  });

  it('the universes cover their documented periods', () => {
    const russell = buildMarket(catalog, { universe: 'russell' });
    expect(isoDay(russell.dates[0])).toBe('1987-09-10');
    expect(russell.periodsPerYear).toBeGreaterThan(250);
    expect(russell.periodsPerYear).toBeLessThan(253);
    const ff = buildMarket(catalog, { universe: 'ff' });
    expect(isoDay(ff.dates[0])).toBe('1926-07-31');
    expect(ff.periodsPerYear).toBeCloseTo(12, 2);
    // cash is the daily T-bill return compounded within each month: July 1926 ≈ 0.22 %
    expect(ff.cash[1]).toBeGreaterThan(0.001);
    expect(ff.cash[1]).toBeLessThan(0.004);
  });
});

describe('Fed cycles from the shipped data', () => {
  const market = buildMarket(catalog, { universe: 'ff' });
  const easing = market.fed.cycles.filter((c) => c.direction === 'easing').map((c) => isoDay(c.start));

  // Commonly cited first cuts of easing cycles since 1984 (month), and the date our rule gives.
  const cited: [string, string][] = [
    ['1984-10', '1984-09-20'], // DFEDTAR's first cut after the 1984 peak came in September; the often-cited October date is the discount-rate cut
    ['1987-11', '1987-11-03'], // "1987-10/11": after the crash
    ['1989-06', '1989-06-06'],
    ['1995-07', '1995-07-06'],
    ['1998-09', '1998-09-29'],
    ['2001-01', '2001-01-03'],
    ['2007-09', '2007-09-18'],
    ['2019-07', '2019-07-31'],
    ['2024-09', '2024-09-18'],
  ];
  for (const [month, date] of cited) {
    it(`finds the easing cycle that starts ${month} (${date})`, () => {
      expect(easing).toContain(date);
      const gap = Math.abs(parseIsoDay(date) - parseIsoDay(`${month}-15`));
      expect(gap).toBeLessThanOrEqual(31);
    });
  }

  it('finds no other easing cycle since 1984 besides the two small-step ones of 1985', () => {
    const since84 = easing.filter((x) => x >= '1984-01-01');
    expect(since84.filter((x) => !cited.some(([, dd]) => dd === x))).toEqual(['1985-04-25', '1985-12-17']);
  });

  it('marks the first cut point-in-time and counts months since', () => {
    const russell = buildMarket(catalog, { universe: 'russell' });
    const t = russell.dates.findIndex((x) => isoDay(x) >= '2019-07-31');
    expect(russell.fed.firstCut[t]).toBe(1);
    expect(russell.fed.phase[t]).toBe(1);
    expect(russell.fed.monthsSinceFirstCut[t + 21]).toBeGreaterThan(0.9);
    expect(russell.fed.monthsSinceFirstCut[t - 1]).toBeGreaterThan(100); // since 2007-09
  });
});

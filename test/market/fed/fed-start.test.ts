import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { sliceMarket } from '../../../engine/market/slice-market.js';
import { isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import type { Market } from '../../../engine/core/types.js';

const catalog = loadCatalog();

/** The bars of `full` from `from` on, as one comparable record per bar. */
function fedRows(m: Market, from = -Infinity): unknown[] {
  const out: unknown[] = [];
  const f = m.fed;
  for (let t = 0; t < m.dates.length; t++) {
    if (m.dates[t] < from) continue;
    out.push([isoDay(m.dates[t]), f.phase[t], f.cycleId[t], f.firstCut[t], f.move[t], f.barsSinceFirstCut[t], f.monthsSinceFirstCut[t], f.policyRate[t]]);
  }
  return out;
}

describe('the Fed annotation does not depend on where the run starts', () => {
  const full = buildMarket(catalog, { universe: 'russell' });

  it('a run from 2008-01-01 sees the same phase, cycle, first-cut, move and counters as the full run', () => {
    const late = buildMarket(catalog, { universe: 'russell', from: '2008-01-01' });
    expect(late.fed.firstCut[0]).toBe(0);
    expect(late.fed.move[0]).toBe(0);
    expect(fedRows(late)).toEqual(fedRows(full, parseIsoDay('2008-01-01')));
  });

  it('cycle ids and the 1982 cycle start agree between a run from 1960 (ff) and one from 1987 (russell)', () => {
    const ff = buildMarket(catalog, { universe: 'ff', from: '1960-01-01' });
    const byStart = new Map(ff.fed.cycles.map((c) => [c.start, c]));
    for (const c of full.fed.cycles) {
      const o = byStart.get(c.start);
      expect(o, isoDay(c.start)).toBeDefined();
      expect(o!.id).toBe(c.id);
      expect(o!.confirmed).toBe(c.confirmed);
      if (o!.confirmed <= ff.dates[ff.dates.length - 1]) expect(o!.moves).toBe(c.moves);
    }
    const ids = (m: Market, day: string) => m.fed.cycleId[m.dates.findIndex((x) => x >= parseIsoDay(day))];
    expect(ids(ff, '1990-01-01')).toBe(ids(full, '1990-01-01'));
  });

  it('cycles and FOMC decisions hold only what is known at the frame end', () => {
    const to2010 = buildMarket(catalog, { universe: 'russell', to: '2010-12-31' });
    const last = to2010.dates[to2010.dates.length - 1];
    expect(to2010.fomc.every((d) => d.date <= last)).toBe(true);
    expect(to2010.fed.cycles.every((c) => c.confirmed <= last && c.end <= last)).toBe(true);
    expect(to2010.fomc.length).toBeGreaterThan(0);
    expect(to2010.fomc.length).toBeLessThan(full.fomc.length);
    // the same as slicing the full frame at that bar
    const cut = sliceMarket(full, to2010.dates.length);
    expect(cut.fed.cycles).toEqual(to2010.fed.cycles);
    expect(cut.fomc).toEqual(to2010.fomc);
  });

  it('a cycle still running at the cut shows only the moves made by then', () => {
    // the 2007 easing cycle: first cut 2007-09-18, cuts until 2008-12-16
    const t = full.dates.findIndex((x) => x >= parseIsoDay('2008-01-02'));
    const cut = sliceMarket(full, t + 1);
    const c = cut.fed.cycles.find((x) => isoDay(x.start) === '2007-09-18')!;
    expect(isoDay(c.end)).toBe('2007-12-11');
    expect(c.moves).toBe(3);
    expect(c.changeBp).toBe(-100);
  });
});

describe('a cycle that began before the first bar', () => {
  it('is the regime row of the bars it covers, with the id and start of the full history', async () => {
    const { regimeTable } = await import('../../../engine/measure/analytics/regimes.js');
    const full = buildMarket(catalog, { universe: 'russell' });
    const late = buildMarket(catalog, { universe: 'russell', from: '2008-01-01', to: '2009-12-31' });
    const r = late.returns[late.small];
    const rows = regimeTable({ dates: late.dates, strategy: r, small: r, large: late.returns[late.large], phase: late.fed.phase, cycles: late.fed.cycles });
    const first = rows.find((x) => x.scope === 'cycle')!;
    const cycle2007 = full.fed.cycles.find((c) => isoDay(c.start) === '2007-09-18')!;
    expect(first.label).toBe('easing 2007-09-18');
    expect(first.cycleId).toBe(cycle2007.id);
    expect(isoDay(first.start)).toBe('2008-01-02');
  });
});

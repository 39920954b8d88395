/**
 * First cuts of every central bank in the shipped data, by the one rule the US uses (a zig-zag
 * turn of 0.25 points; a series' first move counts only after a year of known rate), and with a
 * 365-day pause also counted as a turn. Hand-checked against the bank histories listed in the
 * data's provenance notes (../shared/data/README.md, section 7.5: a cut after a hike or after
 * 365 days without a move).
 */
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../engine/core/dates.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { cutEvents } from '../../../engine/workflows/claims/event-claims.js';
import { auditStrategy } from '../../../engine/strategy/audit.js';
import { parseParams } from '../../../engine/strategy/params.js';
import { builtin } from '../../../strategies/index.js';

const catalog = loadCatalog();
const firstCuts = (universe: string, resumeDays?: number) => {
  const m = buildMarket(catalog, { universe, ...(resumeDays ? { fed: { resumeDays } } : {}) });
  return cutEvents(m, m.dates[0]).first.map(isoDay);
};

const TURNS: Record<string, string[]> = {
  // 1999-04-09, the ECB's first decision 98 days after it began, is not a turn
  'europe-ecb': ['2001-05-11', '2008-10-15', '2011-11-09', '2024-06-12'],
  'europe-boe': ['1990-10-08', '1995-12-13', '1998-10-08', '2001-02-08', '2005-08-04', '2007-12-06', '2020-03-11', '2024-08-01'],
  'europe-snb': ['1992-09-15', '2001-03-22', '2008-10-08'],
  'japan-boj': ['1991-07-01', '2008-10-31'],
  'apxj-rba': ['1996-07-31', '2001-02-07', '2008-09-03', '2011-11-02', '2025-02-19'],
  'apxj-rbnz': ['2001-03-14', '2003-04-24', '2008-07-24', '2011-03-10', '2015-06-11'],
  // 1996-03-20 comes 27 days after the overnight target series begins
  'na-boc': ['1998-09-29', '2001-01-23', '2003-07-15', '2007-12-04', '2015-01-21', '2020-03-04'],
};

/** The cuts a 365-day pause adds: section 7.5's list, plus the BoJ's 2006-03-09 step (the end of quantitative easing, which the BIS series shows as 0.15 → 0). */
const AFTER_PAUSE: Record<string, string[]> = {
  'europe-ecb': ['2002-12-06', '2016-03-16'],
  'europe-boe': ['2003-02-06', '2016-08-04'],
  'europe-snb': ['1999-04-09', '2011-08-03', '2014-12-18'],
  'japan-boj': ['1995-04-14', '1998-09-09', '2001-02-28', '2006-03-09', '2010-10-05', '2016-02-16'],
  'apxj-rba': ['1998-12-02', '2015-02-04', '2019-06-05'],
  'apxj-rbnz': ['2019-05-09'],
  'na-boc': [],
};

describe('first cuts of every central bank', () => {
  for (const [universe, dates] of Object.entries(TURNS)) {
    it(`${universe}: the US rule`, () => expect(firstCuts(universe)).toEqual(dates));
    it(`${universe}: with a 365-day pause counted as a turn`, () => expect(firstCuts(universe, 365)).toEqual([...dates, ...AFTER_PAUSE[universe]].sort()));
  }
  it('the US first cuts are unchanged by the generalization (ff since 1954)', () => {
    const m = buildMarket(catalog, { universe: 'ff', from: '1954-07-01' });
    expect(cutEvents(m, m.dates[0]).first.map(isoDay)).toEqual(
      '1958-01-01 1960-07-01 1961-04-03 1967-02-01 1970-04-01 1971-12-01 1974-02-01 1974-09-02 1975-12-01 1979-12-03 1980-06-02 1981-03-02 1981-09-01 1982-07-01 1984-09-20 1985-04-25 1985-12-17 1987-11-03 1989-06-06 1995-07-06 1998-09-29 2001-01-03 2007-09-18 2019-07-31 2024-09-18'.split(
        ' ',
      ),
    );
  });
});

describe('the regional universes pass the look-ahead audit', () => {
  for (const universe of Object.keys(TURNS)) {
    it(`${universe}: first-cut-rotation and fed-regime decide identically on history truncated at every cut`, () => {
      const m = buildMarket(catalog, { universe });
      for (const id of ['first-cut-rotation', 'fed-regime']) {
        const s = builtin(id);
        const res = auditStrategy(s, m, parseParams(s.params, [], id), { randomCuts: 10 });
        expect(res.firstOffence).toBeUndefined();
        expect(res.ok).toBe(true);
      }
    });
  }
});

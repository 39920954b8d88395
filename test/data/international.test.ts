// The shipped international data (data/intl_*.csv, data/*_rate.csv and their catalog entries)
// against facts checked by hand in the raw files and in the banks' own announcements. Reads
// only the repository's data/ folder, never ../shared.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));

interface Table {
  columns: string[];
  rows: string[][];
}

function table(file: string): Table {
  const [head, ...lines] = readFileSync(DATA + file, 'utf8').trimEnd().split('\n');
  return { columns: head.split(','), rows: lines.map((l) => l.split(',')) };
}

/** A policy-rate file as date → value. */
function rate(file: string): { dates: string[]; at: Map<string, number> } {
  const { columns, rows } = table(file);
  expect(columns).toEqual(['date', 'value']);
  return { dates: rows.map((r) => r[0]), at: new Map(rows.map((r) => [r[0], Number(r[1])])) };
}

interface Entry {
  id: string;
  file: string;
  column: string;
  kind: string;
  frequency: string;
  units: string;
  publication: { rule: string; n?: number };
  source: string;
  maxStaleDays?: number;
  description?: string;
}
interface Universe {
  id: string;
  assets: string[];
  small: string;
  large: string;
  policy?: string;
  region?: string;
  cash: string;
  frequency: string;
  align: string;
}
const catalog = JSON.parse(readFileSync(DATA + 'catalog.json', 'utf8')) as { defaultUniverse: string; series: Entry[]; universes: Universe[] };
const byId = new Map(catalog.series.map((s) => [s.id, s]));

const REGIONS = ['europe', 'japan', 'apxj', 'na', 'developed'];
const RATES = ['ecb_rate', 'boe_rate', 'snb_rate', 'boj_rate', 'rba_rate', 'rbnz_rate', 'boc_rate'];

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('regional Fama/French factors', () => {
  for (const region of REGIONS) {
    it(`intl_${region}.csv: monthly from 1990-07, month ends without a hole, small − large = SMB`, () => {
      const { columns, rows } = table(`intl_${region}.csv`);
      expect(columns).toEqual(['date', 'mkt_rf', 'smb', 'hml', 'rf', 'small', 'large']);
      expect(rows[0][0]).toBe('1990-07-31');
      const bad: string[] = [];
      for (let i = 0; i < rows.length; i++) {
        const d = rows[i][0];
        const next = new Date(`${d}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        if (next.getUTCDate() !== 1) bad.push(`${d}: not a month end`);
        if (i > 0) {
          const [y0, m0] = rows[i - 1][0].split('-').map(Number);
          const [y1, m1] = d.split('-').map(Number);
          if (y1 * 12 + m1 !== y0 * 12 + m0 + 1) bad.push(`${d}: a month missing before`);
        }
        const [mktRf, smb, , rf, small, large] = rows[i].slice(1).map(Number);
        if (!(Math.abs(small - large - smb) < 1e-12)) bad.push(`${d}: small − large ≠ smb`);
        if (!(Math.abs((small + large) / 2 - (rf + mktRf)) < 1e-12)) bad.push(`${d}: the legs do not straddle rf + mkt_rf`);
      }
      expect(bad).toEqual([]);
    });
  }

  it('Europe Mkt-RF is −22.02 % in 2008-10 and −15.44 % in 2020-03 (French, three vintages agree)', () => {
    const at = new Map(table('intl_europe.csv').rows.map((r) => [r[0], Number(r[1])]));
    expect(at.get('2008-10-31')).toBe(-0.2202);
    expect(at.get('2020-03-31')).toBe(-0.1544);
  });

  it('each region ends at its vintage month', () => {
    const last = (f: string) => table(f).rows.at(-1)![0];
    expect(last('intl_europe.csv')).toBe('2025-04-30');
    expect(last('intl_japan.csv')).toBe('2025-03-31');
    expect(last('intl_apxj.csv')).toBe('2025-09-30');
    expect(last('intl_na.csv')).toBe('2020-05-31');
    expect(last('intl_developed.csv')).toBe('2025-12-31');
  });

  it('catalog: factors are lagged like the US factors, the legs are returns known at the close', () => {
    for (const region of REGIONS) {
      for (const col of ['mkt_rf', 'smb', 'hml', 'rf', 'small', 'large']) {
        const e = byId.get(`${region}_${col}`)!;
        expect(e, `${region}_${col}`).toBeDefined();
        expect([e.file, e.column, e.kind, e.frequency, e.units, e.maxStaleDays]).toEqual([`intl_${region}.csv`, col, 'return', 'monthly', 'fraction per month', 70]);
        expect(e.publication).toEqual(col === 'small' || col === 'large' ? { rule: 'close' } : { rule: 'months', n: 1 });
        expect(e.source).toMatch(/French Data Library.*Bloomberg vintage.*GitHub/);
      }
      expect(byId.get(`${region}_small`)!.description).toMatch(/not an investable portfolio/);
    }
    expect(byId.get('na_smb')!.description).toMatch(/5-factor/);
  });
});

describe('central-bank policy rates', () => {
  for (const id of RATES) {
    it(`${id}: one row per weekday, no weekend, no hole, 2 decimals (or an exact eighth)`, () => {
      const { dates, at } = rate(`${id}.csv`);
      const holes = dates.filter((d, i) => i > 0 && (Date.parse(d) - Date.parse(dates[i - 1])) / 864e5 !== (weekday(d) === 1 ? 3 : 1));
      expect(holes).toEqual([]);
      expect(dates.filter((d) => weekday(d) === 0 || weekday(d) === 6)).toEqual([]);
      const odd = [...at.values()].filter((v) => Math.abs(v * 100 - Math.round(v * 100)) > 1e-9 && Math.abs(v * 8 - Math.round(v * 8)) > 1e-9);
      expect(odd).toEqual([]);
      const e = byId.get(id)!;
      expect([e.file, e.column, e.kind, e.frequency, e.units, e.maxStaleDays]).toEqual([`${id}.csv`, 'value', 'rate', 'daily', 'percent per year', 10]);
      expect(e.publication).toEqual({ rule: 'close' });
      expect(e.description).toMatch(/effective dates/);
    });
  }

  it('ECB MRO: 4.25 → 3.75 on 2008-10-15, 1.25 → 1.50 on 2011-07-13, 4.50 → 4.25 on 2024-06-12, 2.15 from 2025-06-11 to 2026-04-16', () => {
    const { dates, at } = rate('ecb_rate.csv');
    expect([dates[0], dates.at(-1)]).toEqual(['1999-01-01', '2026-04-16']);
    expect([at.get('2008-10-14'), at.get('2008-10-15')]).toEqual([4.25, 3.75]);
    expect([at.get('2011-07-12'), at.get('2011-07-13')]).toEqual([1.25, 1.5]);
    expect([at.get('2024-06-11'), at.get('2024-06-12')]).toEqual([4.5, 4.25]);
    expect(at.get('2025-06-10')).toBe(2.4);
    expect(dates.filter((d) => d >= '2025-06-11').every((d) => at.get(d) === 2.15)).toBe(true);
    // the minimum bid rate of the variable-rate tenders (BIS) fills FRED's blank 2000-06-28..2008-10-14
    expect(at.get('2005-01-03')).toBe(2);
  });

  it('BoE Bank Rate: 0.50 from 2009-03-05, 0.10 on 2020-03-19, 3.75 on 2025-12-18', () => {
    const { dates, at } = rate('boe_rate.csv');
    expect([dates[0], dates.at(-1)]).toEqual(['1975-01-20', '2025-12-18']);
    expect([at.get('2009-03-04'), at.get('2009-03-05')]).toEqual([1, 0.5]);
    expect([at.get('2020-03-10'), at.get('2020-03-11'), at.get('2020-03-18'), at.get('2020-03-19')]).toEqual([0.75, 0.25, 0.25, 0.1]);
    expect([at.get('2025-12-17'), at.get('2025-12-18')]).toEqual([4, 3.75]);
    expect(at.get('1975-01-20')).toBe(11.25);
  });

  it('SNB: the change of definition on 2000-01-03, the target midpoint 0.375 kept exact, −0.75 from 2015-01-15', () => {
    const { dates, at } = rate('snb_rate.csv');
    expect([dates[0], dates.at(-1)]).toEqual(['1990-01-01', '2022-05-02']);
    expect([at.get('1999-12-31'), at.get('2000-01-03')]).toEqual([0.5, 1.75]);
    expect(at.get('2003-03-06')).toBe(0.375);
    expect([at.get('2015-01-14'), at.get('2015-01-15')]).toEqual([-0.25, -0.75]);
  });

  it('BoJ: −0.10 from its effective date 2016-02-16, 0.05 carried through the QQE gap, the 2006-03-09 regime step kept', () => {
    const { dates, at } = rate('boj_rate.csv');
    expect([dates[0], dates.at(-1)]).toEqual(['1990-01-01', '2022-05-02']);
    expect([at.get('2016-02-15'), at.get('2016-02-16')]).toEqual([0.05, -0.1]);
    expect(at.get('2014-06-02')).toBe(0.05);
    expect(dates.filter((d) => d >= '2016-02-16').every((d) => at.get(d) === -0.1)).toBe(true);
    expect([at.get('2006-03-08'), at.get('2006-03-09')]).toEqual([0.15, 0]);
    expect([at.get('2008-10-30'), at.get('2008-10-31')]).toEqual([0.5, 0.3]);
  });

  it('RBA: the target from 1990-01-23, artefacts rounded, 7.25 → 7.00 on 2008-09-03, F1 to 2026-02', () => {
    const { dates, at } = rate('rba_rate.csv');
    expect([dates[0], dates.at(-1)]).toEqual(['1990-01-23', '2026-02-26']);
    expect(at.get('1990-01-23')).toBe(17.25);
    expect(at.get('2005-04-11')).toBe(5.5); // 5.5007 in BIS
    expect([at.get('2008-09-02'), at.get('2008-09-03')]).toEqual([7.25, 7]);
    expect([at.get('2025-02-18'), at.get('2025-02-19')]).toEqual([4.35, 4.1]);
    expect([at.get('2026-02-03'), at.get('2026-02-04')]).toEqual([3.6, 3.85]);
  });

  it('RBNZ OCR: 4.50 from 1999-03-17, 8.25 → 8.00 on 2008-07-24, 0.25 from 2020-03-17', () => {
    const { dates, at } = rate('rbnz_rate.csv');
    expect([dates[0], dates.at(-1)]).toEqual(['1999-03-17', '2022-04-27']);
    expect(at.get('1999-03-17')).toBe(4.5);
    expect([at.get('2008-07-23'), at.get('2008-07-24')]).toEqual([8.25, 8]);
    expect([at.get('2020-03-16'), at.get('2020-03-17')]).toEqual([1, 0.25]);
    expect(at.get('2022-04-27')).toBe(1.5);
  });

  it('BoC overnight target: from 1996-02-22, 1.75 → 1.25 on 2020-03-04, 0.25 from 2020-03-27', () => {
    const { dates, at } = rate('boc_rate.csv');
    expect([dates[0], dates.at(-1)]).toEqual(['1996-02-22', '2022-04-29']);
    expect([at.get('2020-03-03'), at.get('2020-03-04')]).toEqual([1.75, 1.25]);
    expect(at.get('2020-03-27')).toBe(0.25);
    expect([at.get('2015-01-20'), at.get('2015-01-21')]).toEqual([1, 0.75]);
  });
});

describe('international universes', () => {
  const expected: [string, string, string][] = [
    ['europe-ecb', 'europe', 'ecb_rate'],
    ['europe-boe', 'europe', 'boe_rate'],
    ['europe-snb', 'europe', 'snb_rate'],
    ['japan-boj', 'japan', 'boj_rate'],
    ['apxj-rba', 'apxj', 'rba_rate'],
    ['apxj-rbnz', 'apxj', 'rbnz_rate'],
    ['na-boc', 'na', 'boc_rate'],
  ];

  it('pair a region’s legs with a bank’s policy rate, after the US universes', () => {
    const ids = catalog.universes.map((u) => u.id);
    expect(ids.slice(-expected.length)).toEqual(expected.map(([id]) => id));
    expect(catalog.defaultUniverse).toBe('russell');
    for (const [id, region, policy] of expected) {
      const u = catalog.universes.find((x) => x.id === id)!;
      expect(u).toMatchObject({
        assets: [`${region}_small`, `${region}_large`],
        small: `${region}_small`,
        large: `${region}_large`,
        policy,
        region,
        cash: 'cash',
        frequency: 'monthly',
        align: 'intersection',
      });
      expect(byId.get(policy)?.kind).toBe('rate');
    }
  });
});

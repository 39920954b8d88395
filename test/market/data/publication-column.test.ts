import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { asOfJoin } from '../../../engine/market/as-of.js';
import { publicationDays } from '../../../engine/market/publication.js';
import { isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import { DataError } from '../../../engine/core/errors.js';
import type { CatalogEntry } from '../../../engine/core/types.js';

const entry: CatalogEntry = {
  id: 'pmi',
  file: 'pmi.csv',
  column: 'value',
  kind: 'indicator',
  frequency: 'monthly',
  units: 'index',
  publication: { rule: 'column', column: 'published' },
  source: 'test',
};

function folder(csv: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pubcol-'));
  writeFileSync(join(dir, 'pmi.csv'), csv);
  return dir;
}

describe('publication rule "column": each row carries its publication date', () => {
  it('loads the dates and joins each value from its own publication date', () => {
    const dir = folder('date,value,published\n2024-01-01,49,2024-02-02\n2024-02-01,51,2024-03-11\n2024-03-01,52,2024-04-01\n');
    const s = loadSeries(entry, dir);
    expect(Array.from(s.published!, isoDay)).toEqual(['2024-02-02', '2024-03-11', '2024-04-01']);
    const known = publicationDays(s.dates, entry.publication, s.published);
    const cal = Int32Array.from(['2024-02-01', '2024-02-02', '2024-03-08', '2024-03-11', '2024-04-01'], parseIsoDay);
    // 02-01: nothing known yet; 02-02: January; 03-08: still January (February is released late); 03-11: February
    expect(Array.from(asOfJoin(cal, known, s.values).column)).toEqual([NaN, 49, 49, 51, 52]);
  });

  it('never lets a later value show before an earlier one (publication days non-decreasing)', () => {
    const dates = Int32Array.from(['2024-01-01', '2024-02-01'], parseIsoDay);
    const published = Int32Array.from(['2024-03-05', '2024-03-01'], parseIsoDay);
    expect(Array.from(publicationDays(dates, { rule: 'column', column: 'p' }, published), isoDay)).toEqual(['2024-03-05', '2024-03-05']);
  });

  it('refuses a publication date before the row date, or not a date, naming file:line:column', () => {
    const early = folder('date,value,published\n2024-01-01,49,2024-02-02\n2024-02-01,51,2024-01-31\n');
    expect(() => loadSeries(entry, early)).toThrow(DataError);
    expect(() => loadSeries(entry, early)).toThrow(/pmi\.csv:3:.*published.*2024-01-31 is before the row's date 2024-02-01/);
    const junk = folder('date,value,published\n2024-01-01,49,soon\n');
    expect(() => loadSeries(entry, junk)).toThrow(/pmi\.csv:2:.*published.*"soon" is not an ISO date/);
    const missing = folder('date,value\n2024-01-01,49\n');
    expect(() => loadSeries(entry, missing)).toThrow(/published/);
  });

  it('the catalog checks that the rule names a column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pubcat-'));
    const bad = { ...entry, publication: { rule: 'column' } };
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: [bad], universes: [] }));
    expect(() => loadCatalog(dir)).toThrow(/publication\.column must name the column of publication dates/);
  });

  it('a universe\'s bonds role must be one of its assets besides small and large', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bondscat-'));
    const series = ['a', 'b', 'c'].map((id) => ({ ...entry, id, file: `${id}.csv`, column: 'close', kind: 'price', frequency: 'daily', publication: { rule: 'close' } }));
    const cash = { ...entry, id: 'cash', file: 'cash.csv', column: 'return', kind: 'return', frequency: 'daily', publication: { rule: 'close' } };
    const universe = (over: object) => ({ id: 'u', description: 'x', assets: ['a', 'b'], small: 'a', large: 'b', cash: 'cash', frequency: 'daily', align: 'intersection', ...over });
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: [...series, cash], universes: [universe({ bonds: 'c' })] }));
    expect(() => loadCatalog(dir)).toThrow(/universe "u": bonds "c" must be one of its assets other than "small" and "large"/);
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: [...series, cash], universes: [universe({ assets: ['a', 'b', 'c'], bonds: 'c' })] }));
    expect(loadCatalog(dir).universes.find((u) => u.id === 'u')?.bonds).toBe('c');
  });

  it('publicationDays without the per-row dates is an internal error', () => {
    expect(() => publicationDays(new Int32Array(2), { rule: 'column', column: 'p' })).toThrow(/needs one publication date per observation/);
  });
});

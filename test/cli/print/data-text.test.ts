import { describe, expect, it } from 'vitest';
import { dataAddJson, dataAddLines, dataCheckJson, dataCheckLines, unavailableLines } from '../../../engine/cli/print/data-text.js';
import type { Catalog } from '../../../engine/core/types.js';
import type { AddedSeries } from '../../../engine/market/data/import/add-series.js';

const catalog = {
  dir: 'my-data',
  series: [],
  universes: [],
  unavailable: { series: { rut: 'left out of the npm package', spx: 'same' }, universes: { russell: 'needs rut, spx' } },
} as unknown as Catalog;

describe('data check and data add as text', () => {
  it('names what is not available here, or nothing', () => {
    expect(unavailableLines(catalog)).toEqual(['not available here: series rut, spx; universes russell', '  (left out of the npm package)']);
    expect(unavailableLines({ ...catalog, unavailable: undefined })).toEqual([]);
  });

  it('prints each series (its warnings below it), each universe, and a verdict', () => {
    const check = {
      series: [
        { id: 'a', from: '2000-01-03', to: '2020-12-31', rows: 5284, warnings: [] },
        { id: 'bb', from: '2001-01-31', to: '2020-12-31', rows: 240, warnings: ['2 gaps over 10 days'] },
      ],
      universes: [{ id: 'u', from: '2001-01-31', to: '2020-12-31', bars: 240 }],
    };
    expect(dataCheckLines({ ...catalog, unavailable: undefined }, check)).toEqual([
      'ok  a   2000-01-03 to 2020-12-31  5,284 rows',
      'warn bb  2001-01-31 to 2020-12-31  240 rows',
      '      2 gaps over 10 days',
      'ok  universe u   2001-01-31 to 2020-12-31  240 common bars',
      'data check: 2 series, 1 universes, all valid; 1 with warnings (above): look at them before trusting a backtest',
    ]);
    expect(dataCheckJson(catalog, check)).toEqual({ ok: true, dir: 'my-data', ...check, warnings: ['2 gaps over 10 days'], unavailable: catalog.unavailable });
  });

  it('says how a download was read and what was written, with a note on a default publication rule', () => {
    const added = {
      entry: { id: 'my_cpi', kind: 'indicator', frequency: 'monthly', publication: { rule: 'months', n: 1 } },
      download: { file: 'cpi.csv', format: 'fred', column: 'CPIAUCSL', dates: Int32Array.from([10957, 11323]), dropped: 2, reversed: true },
      csv: 'data/my_cpi.csv',
      catalog: 'data/catalog.json',
      overridesShipped: false,
      created: true,
    } as unknown as AddedSeries;
    const lines = dataAddLines(added, false);
    expect(lines[0]).toBe(
      'read cpi.csv as a fred file: column "CPIAUCSL", 2 rows from 2000-01-01 to 2001-01-01, 2 without a value skipped, newest first (reversed)',
    );
    expect(lines[1]).toMatch(/^wrote data\/my_cpi\.csv and created data\/catalog\.json: series "my_cpi", indicator, monthly, known \S/);
    expect(lines[2]).toMatch(/^note: the publication rule .+ is a conservative default; set --publication to the real release schedule$/);
    expect(dataAddLines(added, true)).toHaveLength(2);
    expect(dataAddJson(added)).toMatchObject({
      csv: 'data/my_cpi.csv',
      created: true,
      format: 'fred',
      column: 'CPIAUCSL',
      rows: 2,
      dropped: 2,
      reversed: true,
    });
  });
});

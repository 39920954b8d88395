/**
 * `data update` from Kenneth French's data library, against a local HTTP server that serves
 * zips built here from small French-layout CSVs: a newer vintage (a revised value, an added
 * month), a weighted sum of columns (the regional small and large legs), a named table of a
 * portfolio file, a daily file, and the failures that must keep the current file — a zip with
 * no CSV, a damaged zip, a truncated one, a changed layout (table or column not found), a
 * shorter file, a 404, an HTML page. Nothing here touches the internet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isoDay, parseIsoDay } from '../../../../engine/core/dates.js';
import type { CatalogEntry } from '../../../../engine/core/types.js';
import { loadCatalog } from '../../../../engine/market/data/catalog.js';
import { loadSeries } from '../../../../engine/market/data/load-series.js';
import { frenchSeries, frenchTables } from '../../../../engine/market/data/update/french-csv.js';
import { updateSeries, type Fetched } from '../../../../engine/market/data/update/update-series.js';
import { unzipEntry, zipEntries } from '../../../../engine/market/data/update/zip.js';
import { catalogStatus } from '../../../../engine/cli/commands/data-status.js';
import { dailyCsv, factorsCsv, INFO_ZIP_TINY, makeZip, portfoliosCsv } from './french-fixtures.js';

// the current vintage (202403) and French's next one (202404: February's SMB revised, April added)
const V0: [string, number[]][] = [
  ['202401', [0.07, -5.09, -2.38, 0.47]],
  ['202402', [5.06, -0.78, -3.49, 0.42]],
  ['202403', [2.83, -1.14, 4.21, 0.43]],
];
const V1: [string, number[]][] = [
  ['202401', [0.07, -5.09, -2.38, 0.47]],
  ['202402', [5.06, -0.68, -3.49, 0.42]],
  ['202403', [2.83, -1.14, 4.21, 0.43]],
  ['202404', [-4.67, -2.39, 0.08, 0.47]],
];
const VW: [string, number[]][] = [
  ['202401', [-3.91, -0.41, 1.8]],
  ['202402', [3.77, 5.34, 5.71]],
  ['202403', [-99.99, 3.9, 3.3]],
  ['202404', [-6.55, -5.33, -4.12]],
];
const EW = VW.map(([k, v]): [string, number[]] => [k, v.map((x) => (x > -99 ? x + 1 : x))]);
const DAILY: [string, number[]][] = [
  ['20240102', [-0.71, -0.02, 0.61, 0.02]],
  ['20240103', [-1.0, -0.98, 0.19, 0.02]],
  ['20240104', [-0.34, 0.14, 0.18, 0.02]],
];
const FT = '/pages/faculty/ken.french/ftp/';
const csvCut = factorsCsv('202404', V1);

/** Path on French's site → what the server answers (a zip, or a status and body). */
const RESPONSES: Record<string, Buffer | { status: number; body: string } | undefined> = {
  [`${FT}Test_3_Factors_CSV.zip`]: makeZip({ 'Test_3_Factors.csv': factorsCsv('202404', V1) }),
  [`${FT}Same_3_Factors_CSV.zip`]: makeZip({ 'Same_3_Factors.CSV': factorsCsv('202403', V0) }),
  [`${FT}Size_Portfolios_CSV.zip`]: makeZip({ 'Size_Portfolios.csv': portfoliosCsv('202404', VW, EW) }),
  [`${FT}Daily_Factors_CSV.zip`]: makeZip({ 'Daily_Factors.csv': dailyCsv('202401', DAILY) }),
  [`${FT}Stored_3_Factors_CSV.zip`]: makeZip({ 'Stored_3_Factors.csv': factorsCsv('202404', V1) }, { stored: true }),
  [`${FT}NoCsv_CSV.zip`]: makeZip({ 'readme.txt': 'moved' }),
  [`${FT}Corrupt_CSV.zip`]: (() => {
    const z = makeZip({ 'Corrupt.csv': factorsCsv('202404', V1) });
    for (let i = 60; i < 90; i++) z[i] ^= 0x5a; // damage the deflate stream
    return z;
  })(),
  [`${FT}BadCrc_CSV.zip`]: (() => {
    const z = makeZip({ 'BadCrc.csv': factorsCsv('202404', V1) }, { stored: true });
    const at = z.indexOf('-0.68'); // a stored file: a changed digit inflates fine, only its CRC-32 tells
    z[at + 4] = '9'.charCodeAt(0);
    return z;
  })(),
  [`${FT}Truncated_CSV.zip`]: makeZip({ 'Truncated.csv': factorsCsv('202404', V1) }).subarray(0, 200),
  [`${FT}Renamed_CSV.zip`]: makeZip({ 'Renamed.csv': factorsCsv('202404', V1, ',Mkt-RF,Size,HML,RF') }),
  [`${FT}NoTables_CSV.zip`]: makeZip({ 'NoTables.csv': csvCut.slice(0, csvCut.indexOf(',Mkt-RF')) }),
  [`${FT}Retitled_CSV.zip`]: makeZip({ 'Retitled.csv': portfoliosCsv('202404', VW, EW, 'Value Weighted Returns -- Monthly') }),
  [`${FT}Short_3_Factors_CSV.zip`]: makeZip({ 'Short_3_Factors.csv': factorsCsv('202402', V1.slice(0, 2)) }),
  [`${FT}Html_CSV.zip`]: { status: 200, body: '<!DOCTYPE html><html><body>Page moved</body></html>' },
  [`${FT}Tiny_3_Factors_CSV.zip`]: INFO_ZIP_TINY,
};

let server: Server;
let base = '';
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url!);
    const r = RESPONSES[req.url!];
    if (r === undefined) {
      res.statusCode = 404;
      res.end('<html>Not Found</html>');
    } else if (Buffer.isBuffer(r)) {
      res.setHeader('content-type', 'application/x-zip-compressed');
      res.end(r);
    } else {
      res.statusCode = r.status;
      res.end(r.body);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  requests.length = 0;
});

const month = (k: string) => isoDay(frenchSeries(`,X\n${k},1\n`, { source: 'french', id: 'x', column: 'X' }, 6, 'x').dates[0]);

/** Rows of a tidy file from French rows: month ends, column c (or a function of the row) percent → fraction. */
function tidy(rows: [string, number[]][], value: (v: number[]) => number, column = 'return'): string {
  return `date,${column}\n${rows.map(([k, v]) => `${k.length === 6 ? month(k) : `${k.slice(0, 4)}-${k.slice(4, 6)}-${k.slice(6)}`},${value(v)}`).join('\n')}\n`;
}

/** A data folder with one monthly return series `x` whose update is `update`, its current values from `current`. */
function folder(update: Record<string, unknown>, current: string, over: Partial<CatalogEntry> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-french-'));
  writeFileSync(join(dir, 'x.csv'), current);
  const entry = {
    id: 'x',
    file: 'x.csv',
    column: 'return',
    kind: 'return',
    frequency: 'monthly',
    units: 'fraction per month',
    publication: { rule: 'months', n: 1 },
    source: 'Kenneth R. French Data Library, Test 3 Factors (202403 CRSP vintage); copy: a test',
    update: { source: 'french', ...update },
    ...over,
  };
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: [entry], universes: [] }));
  return dir;
}

const smbNow = tidy(V0, (v) => Number((v[1] / 100).toPrecision(12)));
const values = (dir: string) => Array.from(loadSeries(loadCatalog(dir).series[0], dir).values);
const dates = (dir: string) => Array.from(loadSeries(loadCatalog(dir).series[0], dir).dates, isoDay);

describe('data update from French', () => {
  it('a newer vintage: the month added and the revised value reported, percent → fraction, month-end dates', async () => {
    const dir = folder({ id: 'Test_3_Factors', column: 'SMB' }, smbNow);
    const r = await updateSeries(loadCatalog(dir), 'x', { into: dir, base, today: parseIsoDay('2024-05-20') });
    expect(r.outcome).toBe('updated');
    expect(r.message).toBe("x: 1 new value to 2024-04-30, 1 earlier value revised (largest +0.001 on 2024-02-29) (French's 202404 vintage)");
    expect(r.diff).toMatchObject({ added: 1, revised: 1, removed: 0 });
    expect(requests).toEqual([`${FT}Test_3_Factors_CSV.zip`]);
    expect(dates(dir)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(values(dir)).toEqual([-0.0509, -0.0068, -0.0114, -0.0239]);
    const entry = loadCatalog(dir).series[0];
    expect(entry.update).toEqual({ source: 'french', id: 'Test_3_Factors', column: 'SMB' }); // kept for the next update
    expect(entry.publication).toEqual({ rule: 'months', n: 1 });
    expect(entry.source).toMatch(
      /^Kenneth R\. French Data Library, Test 3 Factors \(202403 CRSP vintage\); updated from http:\/\/127\.0\.0\.1:\d+\/pages\/faculty\/ken\.french\/ftp\/Test_3_Factors_CSV\.zip \(French's 202404 vintage\) on 2024-05-20$/,
    );
    const again = await updateSeries(loadCatalog(dir), 'x', { into: dir, base });
    expect([again.outcome, again.message]).toEqual(['current', "x: up to date (last value 2024-04-30) (French's 202404 vintage)"]);
  });

  it('the same vintage as the current file changes nothing and writes nothing', async () => {
    const dir = folder({ id: 'Same_3_Factors', column: 'SMB' }, smbNow);
    const r = await updateSeries(loadCatalog(dir), 'x', { into: dir, base });
    expect([r.outcome, r.message]).toEqual(['current', "x: up to date (last value 2024-03-31) (French's 202403 vintage)"]);
    expect(readdirSync(dir).sort()).toEqual(['catalog.json', 'x.csv']);
  });

  it('a weighted sum of columns reproduces the synthetic legs as data/build reads them: RF + Mkt-RF ± SMB/2, rounded to 6 decimals in percent', async () => {
    const leg = (sign: number) => (v: number[]) => Number((Number((v[3] + v[0] + (sign * v[1]) / 2).toFixed(6)) / 100).toPrecision(12));
    for (const sign of [1, -1]) {
      const dir = folder({ id: 'Test_3_Factors', sum: { RF: 1, 'Mkt-RF': 1, SMB: sign * 0.5 } }, tidy(V0, leg(sign)));
      const r = await updateSeries(loadCatalog(dir), 'x', { into: dir, base });
      // the revised February SMB (−0.78 → −0.68) moves each leg by half of it
      expect(r.message).toBe(`x: 1 new value to 2024-04-30, 1 earlier value revised (largest ${sign > 0 ? '+' : '-'}0.0005 on 2024-02-29) (French's 202404 vintage)`);
      expect(values(dir)).toEqual(V1.map(([, v]) => leg(sign)(v)));
    }
    // the legs' difference is SMB, as in the shipped files
    const [small, large] = [1, -1].map((sign) => V1.map(([, v]) => leg(sign)(v)));
    V1.forEach(([, v], i) => expect(Math.abs(small[i] - large[i] - v[1] / 100)).toBeLessThan(1e-12));
  });

  it('a named table of a portfolio file: the value-weighted Lo 30, not the equal-weighted one; French\'s −99.99 months skipped', async () => {
    const current = tidy(
      VW.slice(0, 2).map(([k, v]) => [k, v]),
      (v) => Number((v[0] / 100).toPrecision(12)),
    );
    const dir = folder({ id: 'Size_Portfolios', table: 'Average Value Weight Returns -- Monthly', column: 'Lo 30' }, current);
    const r = await updateSeries(loadCatalog(dir), 'x', { into: dir, base });
    expect(r.message).toBe("x: 1 new value to 2024-04-30 (French's 202404 vintage)");
    expect(dates(dir)).toEqual(['2024-01-31', '2024-02-29', '2024-04-30']); // 2024-03 is −99.99 in Lo 30
    expect(values(dir)).toEqual([-0.0391, 0.0377, -0.0655]);
    // the default table is the first monthly one, which here is the value-weighted one too
    const byDefault = folder({ id: 'Size_Portfolios', column: 'Med 40' }, tidy(VW.slice(0, 1), (v) => v[1] / 100));
    await updateSeries(loadCatalog(byDefault), 'x', { into: byDefault, base });
    expect(values(byDefault)).toEqual([-0.0041, 0.0534, 0.039, -0.0533]);
    const ew = folder({ id: 'Size_Portfolios', table: 'average equal weighted returns -- monthly', column: 'hi 30' }, tidy(EW.slice(0, 1), (v) => v[2] / 100));
    await updateSeries(loadCatalog(ew), 'x', { into: ew, base });
    expect(values(ew)).toEqual([0.028, 0.0671, 0.043, -0.0312]);
  });

  it('a daily file: rows keyed YYYYMMDD on their own day; convert "none" keeps French\'s numbers', async () => {
    const dir = folder({ id: 'Daily_Factors', column: 'RF', convert: 'none' }, 'date,value\n2024-01-02,0.02\n', {
      kind: 'indicator',
      frequency: 'daily',
      column: 'value',
      units: 'percent per day',
    });
    const r = await updateSeries(loadCatalog(dir), 'x', { into: dir, base });
    expect(r.message).toBe("x: 2 new values to 2024-01-04 (French's 202401 vintage)");
    expect(dates(dir)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(values(dir)).toEqual([0.02, 0.02, 0.02]);
  });

  it('series of one zip share one download when the calls share a map (as data update does)', async () => {
    const downloads = new Map<string, Promise<Fetched>>();
    for (const column of ['SMB', 'HML', 'RF']) {
      const dir = folder({ id: 'Test_3_Factors', column }, smbNow);
      expect((await updateSeries(loadCatalog(dir), 'x', { into: dir, base, downloads })).outcome).toBe('updated');
    }
    expect(requests).toEqual([`${FT}Test_3_Factors_CSV.zip`]);
  });

  it('a stored (uncompressed) zip and a zip written by Info-ZIP read the same way', async () => {
    const dir = folder({ id: 'Stored_3_Factors', column: 'SMB' }, smbNow);
    expect((await updateSeries(loadCatalog(dir), 'x', { into: dir, base })).message).toBe(
      "x: 1 new value to 2024-04-30, 1 earlier value revised (largest +0.001 on 2024-02-29) (French's 202404 vintage)",
    );
    const tiny = folder({ id: 'Tiny_3_Factors', column: 'Mkt-RF' }, 'date,return\n2023-11-30,0.0883\n');
    expect((await updateSeries(loadCatalog(tiny), 'x', { into: tiny, base })).message).toBe("x: 1 new value to 2023-12-31 (French's 202401 vintage)");
    expect(values(tiny)).toEqual([0.0883, 0.0487]);
  });

  const kept = async (update: Record<string, unknown>, message: RegExp) => {
    const dir = folder(update, smbNow);
    const before = readFileSync(join(dir, 'x.csv'), 'utf8');
    const r = await updateSeries(loadCatalog(dir), 'x', { into: dir, base });
    expect(r.outcome).toBe('failed');
    expect(r.message).toMatch(message);
    expect(r.message).toMatch(/; kept as it was$/);
    expect(r.message).not.toMatch(/\n/);
    expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['catalog.json', 'x.csv']); // no temporary file left
    return r;
  };

  it('keeps the current file, with the reason in one line, on anything but a complete file of the expected layout', async () => {
    await kept({ id: 'NoCsv', column: 'SMB' }, /^x: NoCsv_CSV\.zip holds no CSV file \(it holds readme\.txt\)/);
    await kept({ id: 'Corrupt', column: 'SMB' }, /^x: Corrupt_CSV\.zip from http:\/\/127\.0\.0\.1:\d+\/\S+ is damaged or incomplete \(Corrupt\.csv (does not inflate|fails its CRC-32 check)/);
    await kept({ id: 'BadCrc', column: 'SMB' }, /^x: BadCrc_CSV\.zip from \S+ is damaged or incomplete \(BadCrc\.csv fails its CRC-32 check\)/);
    await kept({ id: 'Truncated', column: 'SMB' }, /^x: Truncated_CSV\.zip from \S+ is damaged or incomplete \(no end-of-central-directory record \(a truncated download\?\)\)/);
    await kept({ id: 'Renamed', column: 'SMB' }, /^x: Renamed\.csv in Renamed_CSV\.zip, line 4: "SMB" is not a column of the first table \(line 4\) \(its columns: Mkt-RF, Size, HML, RF\)/);
    await kept({ id: 'NoTables', column: 'SMB' }, /^x: NoTables\.csv in NoTables_CSV\.zip has no table in French's layout/);
    await kept(
      { id: 'Retitled', table: 'Average Value Weight Returns -- Monthly', column: 'Lo 30' },
      /^x: Retitled\.csv in Retitled_CSV\.zip has no table "Average Value Weight Returns -- Monthly" \(its tables: "Value Weighted Returns -- Monthly", "Average Equal Weighted Returns -- Monthly", "Number of Firms in Portfolios"\)/,
    );
    await kept({ id: 'Test_3_Factors', table: 'Annual Factors: January-December', column: 'SMB' }, /^x: Test_3_Factors\.csv in Test_3_Factors_CSV\.zip, line 11: table "Annual Factors: January-December" has rows keyed by 4 digits \(annual\), not monthly/);
    await kept({ id: 'Short_3_Factors', column: 'SMB' }, /^x: the download covers 2024-01-31 to 2024-02-29, less than the current 2024-01-31 to 2024-03-31 \(a partial download\?\)/);
    await kept({ id: 'Missing', column: 'SMB' }, /^x: 127\.0\.0\.1:\d+ answered HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/pages\/faculty\/ken\.french\/ftp\/Missing_CSV\.zip/);
    await kept({ id: 'Html', column: 'SMB' }, /^x: 127\.0\.0\.1:\d+ sent an HTML page, not a zip file/);
  });

  it('a series computed from several tables (bm_spread) is refused with the reason', async () => {
    await expect(updateSeries(loadCatalog(), 'bm_spread')).rejects.toThrow(
      /^series "bm_spread" has no update source in its catalog \(its data come from Kenneth R\. French Data Library, .*\): .*computed otherwise \(from several tables, as bm_small, bm_large and bm_spread are\) cannot be updated that way/,
    );
  });

  it('data status reads a folder whose series were updated from French', async () => {
    const dir = folder({ id: 'Test_3_Factors', column: 'SMB' }, smbNow);
    await updateSeries(loadCatalog(dir), 'x', { into: dir, base });
    const { status } = catalogStatus(dir, parseIsoDay('2024-05-20'));
    expect(status.map((s) => [s.id, isoDay(s.last)])).toEqual([['x', '2024-04-30']]);
  });
});

describe('catalog field update, French shape', () => {
  const write = (update: unknown, over: Partial<CatalogEntry> = {}) => {
    const dir = folder({}, smbNow, over);
    const raw = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    raw.series[0].update = update;
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(raw));
    return () => loadCatalog(dir);
  };
  it('accepts a column or a weighted sum, with an optional table and conversion', () => {
    expect(write({ source: 'french', id: 'F-F_Research_Data_5_Factors_2x3', column: 'SMB' })().series[0].update).toEqual({
      source: 'french',
      id: 'F-F_Research_Data_5_Factors_2x3',
      column: 'SMB',
    });
    expect(() => write({ source: 'french', id: 'Europe_3_Factors', sum: { RF: 1, 'Mkt-RF': 1, SMB: -0.5 } })()).not.toThrow();
    expect(() => write({ source: 'french', id: '6_Portfolios_2x3', table: 'Average Value Weighted Returns -- Monthly', column: 'SMALL LoBM', convert: 'percent' })()).not.toThrow();
    expect(() => write({ source: 'fred', id: 'DGS10' })()).not.toThrow();
  });
  it('refuses a French update that does not say what to take', () => {
    expect(write({ source: 'french', id: 'Europe_3_Factors' })).toThrow(/exactly one of "column" .* and "sum"/);
    expect(write({ source: 'french', id: 'Europe_3_Factors', column: 'SMB', sum: { SMB: 1 } })).toThrow(/exactly one of "column"/);
    expect(write({ source: 'french', id: 'Europe_3_Factors', sum: { SMB: '1/2' } })).toThrow(/weight of "SMB" must be a finite number/);
    expect(write({ source: 'french', id: 'Europe_3_Factors', sum: {} })).toThrow(/update\.sum must map column names to weights/);
    expect(write({ source: 'french', id: 'Europe_3_Factors', column: 'SMB', convert: 'bp' })).toThrow(/update\.convert must be "percent"/);
    expect(write({ source: 'french', id: 'Europe_3_Factors', column: 'SMB', colum: 'x' })).toThrow(/update has unknown field "colum"/);
    expect(write({ source: 'french', id: '../etc/x', column: 'SMB' })).toThrow(/update\.id "\.\.\/etc\/x" must be the base name of a zip/);
    expect(write({ source: 'french', id: 'Europe_3_Factors', column: 'SMB' }, { frequency: 'quarterly' })).toThrow(/a French update needs a daily, weekly, monthly or annual series/);
    expect(write({ source: 'ecb', id: 'x' })).toThrow(/update must be \{ "source": "fred" \| "stooq", .* or \{ "source": "french"/);
  });
});

describe('French files and zips', () => {
  it('splits a file into its tables: titles, headers, key digits; lines of commas are blank', () => {
    const text = ['created using the 202604 CRSP database.,,,,', ',,,,', ',Mkt-RF,SMB,,', '202601,1,2', '202602,3,4', ',,', ' Annual Factors: January-December ,,', ',Mkt-RF,SMB', '  2025,5,6', '', 'Copyright'].join('\n');
    const f = frenchTables(text);
    expect(f.vintage).toBe('202604');
    expect(f.tables.map((t) => [t.title, t.columns, t.keyDigits, t.rows.length, t.headerLine])).toEqual([
      [['created using the 202604 CRSP database.'], ['Mkt-RF', 'SMB'], 6, 2, 3],
      [['Annual Factors: January-December'], ['Mkt-RF', 'SMB'], 4, 1, 8],
    ]);
    // the Annual block by its title line, with or without the colon
    expect(Array.from(frenchSeries(text, { source: 'french', id: 'x', table: 'annual factors: january-december', column: 'SMB' }, 4, 'x').values)).toEqual([0.06]);
  });

  it('reads the entries of a zip and checks each file against its recorded CRC-32', () => {
    const zip = makeZip({ 'a.csv': 'hello', 'dir/b.CSV': 'world' });
    const entries = zipEntries(zip);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.csv', 8, 5],
      ['dir/b.CSV', 8, 5],
    ]);
    expect(unzipEntry(zip, entries[1]).toString()).toBe('world');
    expect(() => unzipEntry(zip, { ...entries[0], crc: entries[0].crc ^ 1 })).toThrow(/a\.csv fails its CRC-32 check/);
    const info = zipEntries(INFO_ZIP_TINY);
    expect(info.map((e) => e.name)).toEqual(['Tiny_3_Factors.csv']);
    expect(unzipEntry(INFO_ZIP_TINY, info[0]).toString('latin1')).toMatch(/^This file was created using the 202401 CRSP database\.\r\n/);
  });
});

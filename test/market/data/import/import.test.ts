import { ROOT } from '../../../helpers/cli.js';
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../../../../engine/market/data/read-csv.js';
import { detectFormat } from '../../../../engine/market/data/import/detect-format.js';
import { detectDateLayout, parseDateAs } from '../../../../engine/market/data/import/parse-dates.js';
import { readDownload } from '../../../../engine/market/data/import/read-download.js';
import { inferFrequency } from '../../../../engine/market/data/import/infer-frequency.js';
import { defaultPublication, parsePublication } from '../../../../engine/market/data/import/parse-publication.js';
import { addSeries } from '../../../../engine/market/data/import/add-series.js';
import { loadCatalog, findUniverse } from '../../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../../engine/market/build-market.js';
import { isoDay, parseIsoDay } from '../../../../engine/core/dates.js';

const DL = join(ROOT, 'test', 'fixtures', 'downloads');
const fixture = (name: string) => join(DL, name);
const tmp = () => mkdtempSync(join(tmpdir(), 'ratecycle-import-'));

describe('detectFormat (real-shaped downloads)', () => {
  const cases: [string, string][] = [
    ['yahoo-IWM.csv', 'yahoo'],
    ['yfinance-SPY.csv', 'yahoo'],
    ['fred-DGS2.csv', 'fred'],
    ['fred-CPIAUCSL-old.csv', 'fred'],
    ['stooq-spx.csv', 'stooq'],
    ['stooq-bulk-iwm.us.txt', 'stooq'],
    ['tidy-dmy-ust2y.csv', 'tidy'],
  ];
  for (const [file, format] of cases) {
    it(`${file} is ${format}`, () => {
      const t = readCsv(fixture(file));
      expect(detectFormat(t.header, t.rows[0])).toBe(format);
    });
  }
  it('does not guess other layouts', () => {
    expect(detectFormat(['when', 'x'])).toBeUndefined();
    expect(detectFormat(['Date'])).toBeUndefined();
  });
});

describe('readDownload', () => {
  it('Yahoo: Adj Close, "null" rows skipped, values exactly as written', () => {
    const d = readDownload(fixture('yahoo-IWM.csv'), { kind: 'price' });
    expect([d.format, d.column, d.dates.length, d.dropped]).toEqual(['yahoo', 'Adj Close', 61, 1]);
    expect(isoDay(d.dates[0])).toBe('2020-01-02');
    expect(d.values[0]).toBe(154.658875);
    expect(Array.from(d.dates).map(isoDay)).not.toContain('2020-02-18'); // the null row
  });
  it("yfinance's three-line header (Price / Ticker / Date)", () => {
    const d = readDownload(fixture('yfinance-SPY.csv'), { kind: 'price' });
    expect([d.format, d.column, d.dates.length]).toEqual(['yahoo', 'Close', 62]);
    expect(d.values[0]).toBe(298.57867431640625);
  });
  it('FRED: observation_date, "." on holidays is missing, not an error', () => {
    const d = readDownload(fixture('fred-DGS2.csv'), { kind: 'rate' });
    expect([d.format, d.column, d.dateColumn, d.dates.length, d.dropped]).toEqual(['fred', 'DGS2', 'observation_date', 62, 3]);
    expect(isoDay(d.dates[0])).toBe('2020-01-02'); // 2020-01-01 is "."
    expect(d.values[0]).toBe(1.58);
  });
  it('FRED: the older DATE header, monthly', () => {
    const d = readDownload(fixture('fred-CPIAUCSL-old.csv'), { kind: 'indicator' });
    expect([d.column, d.dates.length, isoDay(d.dates[0]), d.values[0]]).toEqual(['CPIAUCSL', 107, '2015-01-01', 234.747]);
    expect(inferFrequency(d.dates)).toBe('monthly');
  });
  it('Stooq: Close, and the bulk <DATE> layout (YYYYMMDD)', () => {
    const d = readDownload(fixture('stooq-spx.csv'), { kind: 'price' });
    expect([d.format, d.column, d.dates.length, d.values[0]]).toEqual(['stooq', 'Close', 62, 3257.85]);
    const b = readDownload(fixture('stooq-bulk-iwm.us.txt'), { kind: 'price' });
    expect([b.column, b.layout, isoDay(b.dates[0]), b.values[0]]).toEqual(['<CLOSE>', 'compact', '2020-01-02', 154.6589]);
  });
  it('tidy with pandas-style "Date" in day-first layout', () => {
    const d = readDownload(fixture('tidy-dmy-ust2y.csv'), { kind: 'rate' });
    expect([d.format, d.layout, isoDay(d.dates[0]), isoDay(d.dates[29])]).toEqual(['tidy', 'dmy-slash', '2020-01-02', '2020-02-13']);
  });
  it('--column picks another column; an unknown one is named', () => {
    expect(readDownload(fixture('yahoo-IWM.csv'), { kind: 'price', column: 'Close' }).values[0]).toBe(164.587974);
    expect(() => readDownload(fixture('yahoo-IWM.csv'), { kind: 'price', column: 'Adj' })).toThrow(/yahoo-IWM\.csv:1: column "Adj": missing from the header/);
  });
  it('errors name file, line and column', () => {
    expect(() => readDownload(fixture('broken-yahoo-letter.csv'), { kind: 'price' })).toThrow(/broken-yahoo-letter\.csv:7: column "Adj Close": "15O\.2" is not a number/);
    expect(() => readDownload(fixture('broken-fred-duplicate.csv'), { kind: 'rate' })).toThrow(/broken-fred-duplicate\.csv:4: column "observation_date": 2020-01-03 repeats 2020-01-03 on line 3/);
    expect(() => readDownload(fixture('broken-tidy-ambiguous.csv'), { kind: 'indicator' })).toThrow(/read both as month\/day\/year and as day\/month\/year/);
  });
  it('refuses non-positive prices like the loader, accepts files listed newest first', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'neg.csv'), 'Date,Open,High,Low,Close,Volume\n2020-01-02,1,1,1,10,5\n2020-01-03,1,1,1,0,5\n');
    expect(() => readDownload(join(dir, 'neg.csv'), { kind: 'price' })).toThrow(/neg\.csv:3: column "Close": 0 is not a positive price/);
    writeFileSync(join(dir, 'desc.csv'), 'date,value\n2020-01-03,3\n2020-01-02,2\n2019-12-31,1\n');
    const d = readDownload(join(dir, 'desc.csv'), { kind: 'indicator' });
    expect([d.reversed, Array.from(d.values)]).toEqual([true, [1, 2, 3]]);
    writeFileSync(join(dir, 'mixed.csv'), 'date,value\n2020-01-03,3\n2020-01-04,2\n2020-01-02,1\n');
    expect(() => readDownload(join(dir, 'mixed.csv'), { kind: 'indicator' })).toThrow(/mixed\.csv:4: column "date": 2020-01-02 comes before 2020-01-04 on line 3/);
  });
});

describe('date layouts', () => {
  it('reads every unambiguous layout to the same day', () => {
    const day = parseIsoDay('2020-03-15');
    expect(parseDateAs('2020-03-15', 'iso')).toBe(day);
    expect(parseDateAs('2020-03-15 00:00:00-04:00', 'iso')).toBe(day);
    expect(parseDateAs('2020-03-15T00:00:00Z', 'iso')).toBe(day);
    expect(parseDateAs('2020/3/15', 'ymd-slash')).toBe(day);
    expect(parseDateAs('20200315', 'compact')).toBe(day);
    expect(parseDateAs('15.03.2020', 'dmy-dot')).toBe(day);
    expect(parseDateAs('3/15/2020', 'mdy-slash')).toBe(day);
    expect(parseDateAs('15/3/2020', 'dmy-slash')).toBe(day);
    expect(parseDateAs('2019-02-29', 'iso')).toBeNaN();
    expect(parseDateAs('31/04/2020', 'dmy-slash')).toBeNaN();
  });
  it('settles month/day order from the column, refuses it when nothing settles it', () => {
    expect(detectDateLayout(['1/2/2020', '1/13/2020'])).toEqual({ layout: 'mdy-slash' });
    expect(detectDateLayout(['2/1/2020', '13/1/2020'])).toEqual({ layout: 'dmy-slash' });
    expect(detectDateLayout(['1/2/2020', '2/3/2020'])).toMatchObject({ problem: expect.stringMatching(/both as month\/day\/year/) });
    expect(detectDateLayout(['2020-01-02', 'Jan 3 2020'])).toMatchObject({ index: 1 });
    expect(detectDateLayout(['yesterday'])).toMatchObject({ index: 0, problem: expect.stringMatching(/not a date in a known layout/) });
  });
});

describe('frequency and publication defaults', () => {
  const days = (...d: string[]) => Int32Array.from(d.map(parseIsoDay));
  it('infers the frequency from the median gap', () => {
    expect(inferFrequency(days('2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07'))).toBe('daily');
    expect(inferFrequency(days('2020-01-03', '2020-01-10', '2020-01-17'))).toBe('weekly');
    expect(inferFrequency(days('2020-01-01', '2020-02-01', '2020-03-01'))).toBe('monthly');
    expect(inferFrequency(days('2020-01-01', '2020-04-01', '2020-07-01'))).toBe('quarterly');
    expect(inferFrequency(days('2019-01-01', '2020-01-01', '2021-01-01'))).toBe('annual');
    expect(inferFrequency(days('2020-01-01', '2020-03-15'))).toBe('irregular');
  });
  it('parses --publication and never defaults to a look-ahead', () => {
    expect(parsePublication('close')).toEqual({ rule: 'close' });
    expect(parsePublication('next-month-day:15')).toEqual({ rule: 'next-month-day', n: 15 });
    expect(() => parsePublication('soon:1')).toThrow(/use close or RULE:N/);
    expect(() => parsePublication('months:-1')).toThrow(/use close or RULE:N/);
    expect(defaultPublication('price', 'daily')).toEqual({ rule: 'close' });
    expect(defaultPublication('rate', 'daily')).toEqual({ rule: 'business-days', n: 1 });
    expect(defaultPublication('indicator', 'monthly')).toEqual({ rule: 'months', n: 1 });
  });
});

describe('addSeries: a download becomes a series of a catalog that extends the shipped one', () => {
  it('writes a tidy CSV and an entry; the shipped series and universes stay', () => {
    const dir = join(tmp(), 'data');
    const r = addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_yahoo', into: dir });
    expect(r.created).toBe(true);
    expect(readFileSync(join(dir, 'iwm_yahoo.csv'), 'utf8').split('\n').slice(0, 2)).toEqual(['date,close', '2020-01-02,154.658875']);
    const raw = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    expect(raw.extends).toBe('ratecycle');
    expect(raw.series).toHaveLength(1);
    expect(raw.series[0]).toMatchObject({ id: 'iwm_yahoo', kind: 'price', frequency: 'daily', publication: { rule: 'close' }, maxStaleDays: 10 });
    const catalog = loadCatalog(dir);
    const shipped = loadCatalog(join(ROOT, 'data'));
    expect(catalog.series.length).toBe(shipped.series.length + 1);
    expect(catalog.universes.map((u) => u.id)).toEqual(shipped.universes.map((u) => u.id));
    expect(catalog.own).toEqual({ series: ['iwm_yahoo'], universes: [] });
    // a second add, a FRED file: "." is missing
    addSeries({ file: fixture('fred-DGS2.csv'), id: 'ust_2y_fred', kind: 'rate', into: dir, publication: 'business-days:1' });
    expect(loadCatalog(dir).own!.series).toEqual(['iwm_yahoo', 'ust_2y_fred']);
  });
  it('refuses an id already in the folder unless forced; a shipped id is overridden for the folder', () => {
    const dir = join(tmp(), 'data');
    addSeries({ file: fixture('stooq-spx.csv'), id: 'spx', into: dir });
    expect(() => addSeries({ file: fixture('stooq-spx.csv'), id: 'spx', into: dir })).toThrow(/series "spx" is already in .*catalog\.json; pass force/);
    const r = addSeries({ file: fixture('stooq-spx.csv'), id: 'spx', into: dir, force: true });
    expect(r.overridesShipped).toBe(true);
    const catalog = loadCatalog(dir);
    expect(catalog.series.filter((e) => e.id === 'spx')).toHaveLength(1);
    expect(catalog.series.find((e) => e.id === 'spx')!.file).toBe('spx.csv');
    // the shipped universe "russell" now trades the user's S&P 500 (2020-01 to 2020-03)
    const m = buildMarket(catalog, { universe: 'russell' });
    expect([isoDay(m.dates[0]), isoDay(m.dates[m.dates.length - 1])]).toEqual(['2020-01-02', '2020-03-31']);
  });
  it("records the basis (Yahoo's Adj Close: total; Close and Stooq: price), defaults FRED rates and yields to kind rate, and warns on a universe that mixes bases", () => {
    const dir = join(tmp(), 'data');
    expect(addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_y', into: dir }).entry.basis).toBe('total');
    expect(addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_close', column: 'Close', into: dir }).entry.basis).toBe('price');
    expect(addSeries({ file: fixture('stooq-spx.csv'), id: 'spx_s', into: dir }).entry.basis).toBe('price');
    expect(addSeries({ file: fixture('stooq-spx.csv'), id: 'spx_tr', basis: 'total', into: dir }).entry.basis).toBe('total');
    const dgs2 = addSeries({ file: fixture('fred-DGS2.csv'), id: 'ust_2y', into: dir }).entry;
    expect([dgs2.kind, dgs2.basis]).toEqual(['rate', undefined]);
    expect(addSeries({ file: fixture('fred-CPIAUCSL-old.csv'), id: 'cpi_mine', into: dir }).entry.kind).toBe('indicator');
    expect(() => addSeries({ file: fixture('fred-DGS2.csv'), id: 'ust_2y_b', basis: 'total', into: dir })).toThrow(/basis is for price and return series, not kind rate/);
    const raw = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    raw.universes = [
      { id: 'mixed', description: 'IWM (Adj Close) vs the S&P 500 index', assets: ['iwm_y', 'spx_s'], small: 'iwm_y', large: 'spx_s', frequency: 'daily' },
      { id: 'same', description: 'IWM vs the S&P 500, both price', assets: ['iwm_close', 'spx_s'], small: 'iwm_close', large: 'spx_s', frequency: 'daily' },
    ];
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(raw));
    const mixed = buildMarket(loadCatalog(dir), { universe: 'mixed' });
    expect(mixed.warnings).toContainEqual(
      expect.stringMatching(/^universe "mixed" compares iwm_y total returns \(dividends reinvested\) with spx_s price returns \(no dividends\): dividends alone/),
    );
    expect(buildMarket(loadCatalog(dir), { universe: 'same' }).warnings.filter((w) => /compares/.test(w))).toEqual([]);
  });
  it('refuses monthly prices dated the first of the month (they hold the month-end close)', () => {
    const dir = tmp();
    const rows = ['Date,Open,High,Low,Close,Adj Close,Volume', ...['01', '02', '03', '04', '05'].map((m, i) => `2020-${m}-01,1,1,1,${10 + i},${10 + i},100`)];
    writeFileSync(join(dir, 'monthly.csv'), `${rows.join('\n')}\n`);
    expect(() => addSeries({ file: join(dir, 'monthly.csv'), id: 'm', into: join(dir, 'data') })).toThrow(/would look ahead/);
  });
  it('refuses the shipped folder and bad ids', () => {
    expect(() => addSeries({ file: fixture('stooq-spx.csv'), id: 'x', into: join(ROOT, 'data') })).toThrow(/is the data shipped with ratecycle/);
    expect(() => addSeries({ file: fixture('stooq-spx.csv'), id: 'My-Id', into: tmp() })).toThrow(/must be lower-case/);
  });
});

describe('user catalogs', () => {
  const shippedEntry = (over: Record<string, unknown>) => ({ file: 'x.csv', column: 'close', kind: 'price', frequency: 'daily', units: 'u', publication: { rule: 'close' }, source: 's', ...over });
  it('declare universes over their own and shipped series; bad ones are refused naming the universe', () => {
    const dir = join(tmp(), 'data');
    cpSync(fixture('stooq-spx.csv'), join(dir, 'raw.csv'));
    addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_y', into: dir });
    const raw = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    raw.universes = [{ id: 'mine', description: 'IWM vs SPY', assets: ['iwm_y', 'spy'], small: 'iwm_y', large: 'spy', frequency: 'daily' }];
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(raw));
    const u = findUniverse(loadCatalog(dir), 'mine');
    expect(u).toMatchObject({ cash: 'cash', align: 'intersection' });
    const m = buildMarket(loadCatalog(dir), { universe: 'mine' });
    expect(m.dates.length).toBe(61);
    raw.universes[0].large = 'nope';
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(raw));
    expect(() => loadCatalog(dir)).toThrow(/universe "mine": "small" and "large" must be among its assets/);
  });
  it('may not name files outside their folder', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ extends: 'ratecycle', series: [shippedEntry({ id: 'a', file: '../etc/x.csv' })] }));
    expect(() => loadCatalog(dir)).toThrow(/series\[0\] \("a"\): file "\.\.\/etc\/x\.csv" must be a path inside the data folder/);
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: [shippedEntry({ id: 'a', file: '/etc/passwd' })] }));
    expect(() => loadCatalog(dir)).toThrow(/must be a path inside the data folder/);
  });
  it('"extends" takes only "ratecycle"', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ extends: '../other', series: [] }));
    expect(() => loadCatalog(dir)).toThrow(/"extends" must be "ratecycle"/);
  });
});

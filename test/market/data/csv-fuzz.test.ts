import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { DataError } from '../../../engine/core/errors.js';
import { parseParams } from '../../../engine/strategy/params.js';
import { parseGrid } from '../../../engine/workflows/sweep/grid.js';
import { UserError } from '../../../engine/core/errors.js';
import type { CatalogEntry } from '../../../engine/core/types.js';

const dir = mkdtempSync(join(tmpdir(), 'ratecycle-fuzz-'));
const entry = (file: string, kind: CatalogEntry['kind'] = 'price'): CatalogEntry => ({ id: 'x', file, column: 'close', kind, frequency: 'daily', units: 'u', publication: { rule: 'close' }, source: 's' });

/** Loads text as a CSV file: either valid data or a DataError naming the file; anything else fails the test. */
function load(text: string | Buffer, kind: CatalogEntry['kind'] = 'price') {
  const file = `f${Math.random().toString(36).slice(2)}.csv`;
  writeFileSync(join(dir, file), text);
  try {
    const s = loadSeries(entry(file, kind), dir);
    // accepted: it must really be valid
    expect(s.dates.length).toBeGreaterThan(0);
    for (let i = 0; i < s.dates.length; i++) {
      expect(Number.isFinite(s.values[i])).toBe(true);
      if (kind === 'price') expect(s.values[i]).toBeGreaterThan(0);
      if (i) expect(s.dates[i]).toBeGreaterThan(s.dates[i - 1]);
    }
    return { ok: true as const, s };
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message.startsWith(`${join(dir, file)}`) || (e as Error).message.includes(file)).toBe(true);
    return { ok: false as const, e: e as DataError };
  }
}

const dateText = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('01/02/2020', '2020/01/02', '20200102', '2020-13-01', '2020-02-30', '', 'yesterday', '2020-1-2'),
);
const valueText = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom('NaN', 'null', '', '-99.99', '0', '-1', '1,234.5', '"1,234.5"', '1e308', '1e-308', '1e999', '  42 ', 'abc', '"7"'),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('CSV loading never crashes and never passes bad data', () => {
  it('property: random files give valid series or a DataError naming the file', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom('date,close', 'Date,Close', 'close,date', 'date', ''),
        fc.array(fc.tuple(dateText, valueText, fc.boolean()), { maxLength: 12 }),
        fc.array(eol, { minLength: 12, maxLength: 12 }),
        (bom, header, rows, eols) => {
          const body = rows.map(([d, v, extra], i) => `${d},${v}${extra && i % 5 === 3 ? ',x' : ''}${eols[i]}`).join('');
          load(`${bom ? '\uFEFF' : ''}${header}${eols[11]}${body}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names line and column for each kind of bad cell', () => {
    const cases: [string, RegExp][] = [
      ['date,close\n2020-01-02,1\n2020-01-02,2\n', /:3: column "date": 2020-01-02 duplicates/],
      ['date,close\n2020-01-03,1\n2020-01-02,2\n', /:3: column "date": 2020-01-02 comes before/],
      ['date,close\n2020-01-02,-99.99\n', /:2: column "close": -99.99 is not a positive price/],
      ['date,close\r\n2020-01-02,1\r\n2020-01-03,null\r\n', /:3: column "close": "null" is not a number/],
      ['date,close\r2020-01-02,1\r01/03/2020,1\r', /:3: column "date": "01\/03\/2020" is not an ISO date/],
      ['date,close\n2020-01-02,"1,234.5"\n', /:2: column "close": "1,234.5" has a thousands separator/],
      ['date,close\n2020-01-02,1e999\n', /:2: column "close": "1e999" is out of range/],
    ];
    for (const [text, re] of cases) {
      const r = load(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.e.message).toMatch(re);
    }
  });

  it('accepts a single row, BOM, CRLF, mixed endings, quoted numbers, huge and tiny values', () => {
    const r = load('\uFEFFdate,close\r\n2020-01-02,"1e-300"\n2020-01-03,1e300\r2020-01-06,5\n');
    expect(r.ok).toBe(true);
    if (r.ok) expect(Array.from(r.s.values)).toEqual([1e-300, 1e300, 5]);
    expect(load('date,close\n2020-01-02,3\n').ok).toBe(true);
  });

  it('loads a 1,000,000-row file in seconds', () => {
    const lines = ['date,return'];
    let day = Date.UTC(1800, 0, 1);
    for (let i = 0; i < 1_000_000; i++) {
      lines.push(`${new Date(day).toISOString().slice(0, 10)},${((i % 97) - 48) / 10000}`);
      day += 86_400_000;
    }
    const file = 'big.csv';
    writeFileSync(join(dir, file), lines.join('\n') + '\n');
    const t = performance.now();
    const s = loadSeries({ ...entry(file, 'return'), column: 'return' }, dir);
    const seconds = (performance.now() - t) / 1000;
    expect(s.dates.length).toBe(1_000_000);
    expect(seconds).toBeLessThan(20); // generous bound for slow CI machines; typically ~1 s
  });
});

describe('parameter and grid parsers never crash', () => {
  const specs = {
    n: { type: 'integer', default: 1, min: 0, max: 10, description: 'n' },
    x: { type: 'number', default: 0.5, min: 0, max: 1, description: 'x' },
    b: { type: 'boolean', default: false, description: 'b' },
    e: { type: 'enum', values: ['a', 'b'], default: 'a', description: 'e' },
  } as const;
  it('property: --param strings parse to valid values or a UserError naming the strategy', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('n=3', 'x=2', 'b=yes', 'e=c', '=1', 'n=', 'x=1e-3', 'n=1.5', 'zz=1')), { maxLength: 4 }), (pairs) => {
        try {
          const p = parseParams(specs, pairs, 'fuzz');
          expect(Number.isInteger(p.n) && p.n >= 0 && p.n <= 10).toBe(true);
          expect(p.x >= 0 && p.x <= 1).toBe(true);
          expect(['a', 'b']).toContain(p.e);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect((e as Error).message).toMatch(/^strategy "fuzz": /);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('property: --grid strings parse to in-range axes or a UserError', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('n=0:10:2', 'x=0:1:0.25', 'n=5:1:1', 'x=a:b:c', 'e=a,b', 'b=true,false', 'n=1,1', 'n=0:10:0')), { maxLength: 3 }), (args) => {
        try {
          const g = parseGrid(args, specs, 'fuzz');
          expect(g.size).toBe(g.axes.reduce((s, a) => s * a.values.length, 1));
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

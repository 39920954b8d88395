import { ROOT } from '../../helpers/cli.js';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { parseNumber } from '../../../engine/market/data/parse-number.js';
import { DataError } from '../../../engine/core/errors.js';
import { isoDay } from '../../../engine/core/dates.js';
import type { CatalogEntry } from '../../../engine/core/types.js';

const fixtures = join(ROOT, 'test', 'fixtures');

function entry(file: string, over: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id: 'x',
    file,
    column: 'close',
    kind: 'price',
    frequency: 'daily',
    units: 'index points',
    publication: { rule: 'close' },
    source: 'test',
    ...over,
  };
}

function errorOf(file: string, over: Partial<CatalogEntry> = {}): DataError {
  try {
    loadSeries(entry(file, over), join(fixtures, 'broken'));
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error(`${file} was accepted`);
}

describe('loadSeries on broken files', () => {
  // file → [line, column, message fragment]
  const cases: Record<string, [number | undefined, string | undefined, string]> = {
    'not-a-number.csv': [3, 'close', '"n/a" is not a number'],
    'empty.csv': [1, undefined, 'is empty'],
    'header-only.csv': [undefined, undefined, 'no data rows'],
    'missing-date-column.csv': [1, 'date', 'missing from the header'],
    'missing-value-column.csv': [1, 'close', 'missing from the header'],
    'us-date.csv': [3, 'date', 'not an ISO date'],
    'unsorted.csv': [3, 'date', 'comes before 2020-01-03'],
    'duplicate.csv': [3, 'date', 'duplicates 2020-01-02'],
    'negative-price.csv': [3, 'close', 'not a positive price'],
    'zero-price.csv': [3, 'close', 'not a positive price'],
    'thousands.csv': [3, 'close', 'thousands separator'],
    'extra-field.csv': [2, undefined, 'has 3 fields, the header has 2'],
    'unclosed-quote.csv': [undefined, undefined, 'malformed CSV'],
    'impossible-date.csv': [2, 'date', 'not an ISO date'],
    'blank-value.csv': [2, 'close', 'is empty'],
    'nan-value.csv': [2, 'close', 'is not a number'],
    'null-value.csv': [2, 'close', 'is not a number'],
  };
  for (const [file, [line, column, fragment]] of Object.entries(cases)) {
    it(`rejects ${file} naming file, line and column`, () => {
      const err = errorOf(file);
      expect(err.message).toContain(file);
      expect(err.message).toContain(fragment);
      if (line !== undefined) expect(err.line).toBe(line);
      expect(err.column).toBe(column);
      if (line !== undefined) expect(err.message).toMatch(new RegExp(`${file.replace('.', '\\.')}:${line}: `));
    });
  }

  it('formats the message as file:line: column "name": problem', () => {
    expect(errorOf('not-a-number.csv').message).toMatch(/not-a-number\.csv:3: column "close": "n\/a" is not a number$/);
  });

  it('refuses returns of −100 % or less', () => {
    const err = errorOf('negative-price.csv', { kind: 'return' });
    expect(err).toBeInstanceOf(DataError);
  });

  it('names a file that does not exist', () => {
    expect(() => loadSeries(entry('nope.csv'), fixtures)).toThrow(/nope\.csv: cannot be read \(ENOENT\)/);
  });
});

describe('loadSeries on tolerated input', () => {
  it('reads BOM, CRLF, quoted numbers and blank lines', () => {
    const s = loadSeries(entry('bom-crlf.csv'), join(fixtures, 'ok'));
    expect(Array.from(s.dates, isoDay)).toEqual(['2020-01-02', '2020-01-03', '2020-01-06']);
    expect(Array.from(s.values)).toEqual([100, 101.5, 99]);
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('parseNumber', () => {
  it('accepts plain decimals and exponents', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('-3e-4')).toBe(-3e-4);
    expect(parseNumber(' .5 ')).toBe(0.5);
    expect(parseNumber('+7')).toBe(7);
  });
  it('explains what it refuses', () => {
    expect(parseNumber('')).toBe('is empty');
    expect(parseNumber('1,234.5')).toMatch(/thousands separator/);
    expect(parseNumber('Infinity')).toMatch(/not a number/);
    expect(parseNumber('1e999')).toMatch(/out of range/);
    expect(parseNumber('12abc')).toMatch(/not a number/);
  });
});

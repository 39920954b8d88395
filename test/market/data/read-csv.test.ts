import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../engine/market/data/read-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'ratecycle-csv-'));
const file = (name: string, bytes: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

describe('readCsv names what is wrong with a file that is not a UTF-8, comma-separated CSV', () => {
  it('UTF-16, with or without a byte-order mark', () => {
    const text = 'date,close\n2020-01-02,1.5\n';
    expect(() => readCsv(file('le.csv', Buffer.from(`\ufeff${text}`, 'utf16le')), 'le.csv')).toThrow(/^le\.csv:1: is UTF-16 .*save it as "CSV UTF-8"/);
    expect(() => readCsv(file('nobom.csv', Buffer.from(text, 'utf16le')), 'nobom.csv')).toThrow(/^nobom\.csv:1: is UTF-16/);
  });

  it('semicolons or tabs between fields', () => {
    expect(() => readCsv(file('semi.csv', 'date;close\n2020-01-02;1,5\n'), 'semi.csv')).toThrow(/^semi\.csv:1: separates fields with semicolons, not commas/);
    expect(() => readCsv(file('quoted.csv', '"date";"close"\n"2020-01-02";"1,5"\n'), 'quoted.csv')).toThrow(/separates fields with semicolons/);
    expect(() => readCsv(file('tabs.csv', 'date\tclose\n2020-01-02\t1.5\n'), 'tabs.csv')).toThrow(/^tabs\.csv:1: separates fields with tabs/);
  });

  it('a line longer than 1 MB is refused when it is met, not after reading the whole file into memory', () => {
    const long = file('long.csv', `date,close\n2020-01-02,${'1'.repeat(3 << 20)}\n`);
    expect(() => readCsv(long, 'long.csv')).toThrow(/^long\.csv:2: has a line longer than 1 MB \(no line breaks\?\)/);
  });

  it('a one-column file with neither is read', () => {
    expect(readCsv(file('one.csv', 'date\n2020-01-02\n'), 'one.csv').rows).toEqual([['2020-01-02']]);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeries } from '../../../engine/market/data/load-series.js';
import { DataError } from '../../../engine/core/errors.js';
import type { CatalogEntry } from '../../../engine/core/types.js';
import { cli, ROOT } from '../../helpers/cli.js';

const entry = (kind: 'price' | 'return', file = 'x.csv'): CatalogEntry => ({
  id: 'x', file, column: 'value', kind, frequency: 'daily', units: 'u', publication: { rule: 'close' }, source: 'test',
});

/** A folder with x.csv holding the given values on consecutive days from 2000-01-03. */
function folder(values: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-plaus-'));
  const day = (i: number) => new Date(Date.UTC(2000, 0, 3 + i)).toISOString().slice(0, 10);
  writeFileSync(join(dir, 'x.csv'), `date,value\n${values.map((v, i) => `${day(i)},${v}`).join('\n')}\n`);
  return dir;
}

const prices = Array.from({ length: 400 }, (_, i) => 1000 * Math.exp(0.0003 * i + 0.01 * Math.sin(i / 5)));

describe('plausibility checks on loading', () => {
  it('a price series called a return series is refused, naming series, file and the first date', () => {
    const dir = folder(prices);
    expect(() => loadSeries(entry('return'), dir)).toThrow(DataError);
    expect(() => loadSeries(entry('return'), dir)).toThrow(/x\.csv: series "x" \(kind return\): 400 of 400 values exceed 100 % in one bar \(first 2000-01-03: 1000\).*price.*percent/);
  });

  it('returns in percent are refused too; a single +120 % month is a warning', () => {
    const percent = Array.from({ length: 400 }, (_, i) => 1.5 + Math.sin(i)); // percent figures (a negative one below −100 is refused by the per-value check)
    expect(() => loadSeries(entry('return'), folder(percent))).toThrow(/exceed 100 % in one bar/);
    const one = Array.from({ length: 400 }, (_, i) => (i === 100 ? 1.2 : 0.01 * Math.sin(i)));
    const s = loadSeries(entry('return'), folder(one));
    expect(s.warnings).toEqual([expect.stringMatching(/series "x" .*x\.csv.* 1 bar\(s\) with a return above 100 % \(first 2000-04-12: \+120\.0 %\)/)]);
  });

  it('a return series called a price series is refused with a hint', () => {
    const rets = Array.from({ length: 400 }, (_, i) => 0.01 + 0.005 * Math.sin(i)); // positive "returns"
    expect(() => loadSeries(entry('price'), folder(rets))).toThrow(/kind price\): bar-to-bar changes exceed ±50 % on \d+ of 399 bars .*look like returns: is its kind "return"\?/);
    const signed = Array.from({ length: 400 }, (_, i) => 0.01 * Math.sin(i));
    expect(() => loadSeries(entry('price'), folder([0.5, ...signed]))).toThrow(/is not a positive price \(it looks like a return: is the series' kind "return"\?\)/);
  });

  it('real prices pass; one jump (a split) is a warning', () => {
    expect(loadSeries(entry('price'), folder(prices)).warnings).toBeUndefined();
    const split = prices.map((p, i) => (i >= 200 ? p / 3 : p));
    expect(loadSeries(entry('price'), folder(split)).warnings?.[0]).toMatch(/changes by more than ±50 % in one bar 1 time\(s\) \(first 2000-07-21/);
  });

  it('every shipped price and return series passes', () => {
    const r = cli(['data', 'check']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('the CLI names series and file for a mislabelled catalog', () => {
    const dir = folder(prices);
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ extends: 'ratecycle', series: [{ ...entry('return'), id: 'mine' }] }));
    const r = cli(['run', 'buy-hold', '--benchmark', 'mine', '--data', dir, '--no-report', '--out', join(dir, 'out')], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/x\.csv: series "mine" \(kind return\): 400 of 400 values exceed 100 %/);
  });
});

describe('holes in a series', () => {
  const entry = (frequency: 'daily' | 'monthly') => ({ id: 'x', file: 'x.csv', column: 'close', kind: 'price' as const, frequency, units: 'u', publication: { rule: 'close' as const }, source: 's' });
  it('a six-month hole in daily data is named with its length and dates; 12 days (March 1933) are not a hole', async () => {
    const { checkGaps } = await import('../../../engine/market/data/plausibility.js');
    const { parseIsoDay } = await import('../../../engine/core/dates.js');
    const days = (xs: string[]) => Int32Array.from(xs.map(parseIsoDay));
    expect(checkGaps(entry('daily'), 'x.csv', days(['1933-03-03', '1933-03-15', '1933-03-16']))).toEqual([]);
    const w = checkGaps(entry('daily'), 'x.csv', days(['2020-01-02', '2020-01-03', '2020-07-06', '2020-07-07', '2021-01-04', '2021-01-05']));
    expect(w).toEqual([
      'series "x" (x.csv) has 2 hole(s) longer than 14 days for daily data, the longest 185 days from 2020-01-03 to 2020-07-06; a backtest bridges it as if nothing happened',
    ]);
    expect(checkGaps(entry('monthly'), 'x.csv', days(['2020-01-31', '2020-02-29', '2020-06-30']))).toHaveLength(1);
  });
});

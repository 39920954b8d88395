import { join, relative, isAbsolute } from 'node:path';
import { DataError } from '../../core/errors.js';
import { parseIsoDay, isoDay } from '../../core/dates.js';
import type { CatalogEntry, Series } from '../../core/types.js';
import { columnIndex, scanCsv, type CsvTable } from './read-csv.js';
import { parseNumber } from './parse-number.js';
import { checkPlausible } from './plausibility.js';
import { readCachedSeries, seriesCacheDir, seriesKey, writeCachedSeries } from './series-cache.js';
import { fileSha256 } from '../../core/io/cache-dir.js';

/** Path of a data file as shown in messages: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Checks one `date` cell against the previous date: ISO, real, ascending and unique. Returns the day. */
function dateCell(file: string, text: string, line: number, prevDay: number, prevLine: number): number {
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) throw new DataError(file, line, 'date', `"${text}" is not an ISO date (YYYY-MM-DD)`);
  if (day <= prevDay) {
    const what = day === prevDay ? 'duplicates' : 'comes before';
    throw new DataError(file, line, 'date', `${text} ${what} ${isoDay(prevDay)} on line ${prevLine}: dates must be ascending and unique`);
  }
  return day;
}

/** Checks one numeric cell; `check` may refuse a value with a reason. */
function valueCell(file: string, name: string, text: string, line: number, check?: (x: number) => string | undefined): number {
  const parsed = parseNumber(text);
  if (typeof parsed === 'string') throw new DataError(file, line, name, parsed);
  const why = check?.(parsed);
  if (why) throw new DataError(file, line, name, why);
  return parsed;
}

/** Parses the `date` column of a table strictly: ISO dates, ascending and unique. Returns day numbers. */
export function parseDateColumn(table: CsvTable): Int32Array {
  const col = columnIndex(table, 'date');
  const out = new Int32Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    out[i] = dateCell(table.file, table.rows[i][col], table.lines[i], i > 0 ? out[i - 1] : -Infinity, i > 0 ? table.lines[i - 1] : 0);
  }
  return out;
}

/** Parses one numeric column of a table; `check` may return a reason to refuse a value. */
export function parseValueColumn(table: CsvTable, name: string, check?: (x: number) => string | undefined): Float64Array {
  const col = columnIndex(table, name);
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) out[i] = valueCell(table.file, name, table.rows[i][col], table.lines[i], check);
  return out;
}

/** Value checks by series kind: prices must be positive, returns above −100 %. */
function checkFor(entry: CatalogEntry): ((x: number) => string | undefined) | undefined {
  if (entry.kind === 'price') {
    return (x) => (x > 0 ? undefined : `${x} is not a positive price${x > -1 ? ' (it looks like a return: is the series\' kind "return"?)' : ''}`);
  }
  if (entry.kind === 'return') return (x) => (x > -1 ? undefined : `${x} is a return of −100 % or less (returns are fractions)`);
  return undefined;
}

/** Checks one publication-date cell (rule `column`): an ISO date on or after the row's date. */
function publishedCell(file: string, name: string, text: string, line: number, rowDay: number): number {
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) throw new DataError(file, line, name, `"${text}" is not an ISO date (YYYY-MM-DD)`);
  if (day < rowDay) throw new DataError(file, line, name, `${text} is before the row's date ${isoDay(rowDay)}: a value cannot be published before the date it describes`);
  return day;
}

/**
 * Loads and validates one catalog series from `dir`, streaming the file into typed arrays
 * (memory grows with the series, not with the text). With publication rule `column`, the
 * publication dates of that column are returned as `published`.
 */
export function loadSeries(entry: CatalogEntry, dir: string): Series & { hash: string; warnings?: string[] } {
  const path = join(dir, entry.file);
  const file = displayPath(path);
  // an unchanged file read by the same entry and loader: its parsed columns from the cache (series-cache.ts)
  let key: string | undefined;
  let fileHash: string | undefined;
  if (seriesCacheDir() !== null) {
    try {
      fileHash = fileSha256(path);
      key = seriesKey(fileHash, entry);
    } catch {
      key = undefined; // unreadable: the scan below says why
    }
    const hit = key === undefined ? null : readCachedSeries(key);
    if (hit) {
      const { dates, values, published, hash } = hit;
      const out = { id: entry.id, dates, values, meta: entry, hash, ...(published ? { published } : {}) };
      const warnings = checkPlausible(entry, file, dates, values); // they name the file as this working folder sees it
      return warnings.length ? { ...out, warnings } : out;
    }
  }
  const check = checkFor(entry);
  let dates = new Int32Array(1024);
  let values = new Float64Array(1024);
  const pubColumn = entry.publication.rule === 'column' ? entry.publication.column : undefined;
  let published = pubColumn === undefined ? undefined : new Int32Array(1024);
  let n = 0;
  let prevLine = 0;
  const { hash } = scanCsv(path, file, (header) => {
    const table = { file, header, rows: [], lines: [], hash: '' };
    const dc = columnIndex(table, 'date');
    const vc = columnIndex(table, entry.column);
    const pc = pubColumn === undefined ? -1 : columnIndex(table, pubColumn);
    return (cells, line) => {
      if (n === dates.length) {
        const d = new Int32Array(n * 2);
        d.set(dates);
        dates = d;
        const v = new Float64Array(n * 2);
        v.set(values);
        values = v;
        if (published) {
          const p = new Int32Array(n * 2);
          p.set(published);
          published = p;
        }
      }
      dates[n] = dateCell(file, cells[dc], line, n > 0 ? dates[n - 1] : -Infinity, prevLine);
      values[n] = valueCell(file, entry.column, cells[vc], line, check);
      if (published) published[n] = publishedCell(file, pubColumn!, cells[pc], line, dates[n]);
      prevLine = line;
      n++;
    };
  });
  if (n === 0) throw new DataError(file, undefined, undefined, `has a header but no data rows (series "${entry.id}")`);
  const out = { id: entry.id, dates: dates.slice(0, n), values: values.slice(0, n), meta: entry, hash, ...(published ? { published: published.slice(0, n) } : {}) };
  const warnings = checkPlausible(entry, file, out.dates, out.values);
  if (key !== undefined && hash === fileHash) writeCachedSeries(key, { dates: out.dates, values: out.values, published: out.published, hash });
  return warnings.length ? { ...out, warnings } : out;
}

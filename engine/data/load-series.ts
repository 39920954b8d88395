import { join, relative, isAbsolute } from 'node:path';
import { DataError } from '../errors.js';
import { parseIsoDay, isoDay } from '../dates.js';
import type { CatalogEntry, Series } from '../types.js';
import { columnIndex, readCsv, type CsvTable } from './read-csv.js';
import { parseNumber } from './parse-number.js';

/** Path of a data file as shown in messages: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Parses the `date` column strictly: ISO dates, ascending and unique. Returns day numbers.
 */
export function parseDateColumn(table: CsvTable): Int32Array {
  const col = columnIndex(table, 'date');
  const out = new Int32Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const text = table.rows[i][col];
    const day = parseIsoDay(text);
    if (Number.isNaN(day)) throw new DataError(table.file, table.lines[i], 'date', `"${text}" is not an ISO date (YYYY-MM-DD)`);
    if (i > 0 && day <= out[i - 1]) {
      const what = day === out[i - 1] ? 'duplicates' : 'comes before';
      throw new DataError(table.file, table.lines[i], 'date', `${text} ${what} ${isoDay(out[i - 1])} on line ${table.lines[i - 1]}: dates must be ascending and unique`);
    }
    out[i] = day;
  }
  return out;
}

/** Parses one numeric column; `check` may return a reason to refuse a value. */
export function parseValueColumn(table: CsvTable, name: string, check?: (x: number) => string | undefined): Float64Array {
  const col = columnIndex(table, name);
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const parsed = parseNumber(table.rows[i][col]);
    if (typeof parsed === 'string') throw new DataError(table.file, table.lines[i], name, parsed);
    const why = check?.(parsed);
    if (why) throw new DataError(table.file, table.lines[i], name, why);
    out[i] = parsed;
  }
  return out;
}

/** Value checks by series kind: prices must be positive, returns above −100 %. */
function checkFor(entry: CatalogEntry): ((x: number) => string | undefined) | undefined {
  if (entry.kind === 'price') return (x) => (x > 0 ? undefined : `${x} is not a positive price`);
  if (entry.kind === 'return') return (x) => (x > -1 ? undefined : `${x} is a return of −100 % or less (returns are fractions)`);
  return undefined;
}

/** Loads and validates one catalog series from `dir`. */
export function loadSeries(entry: CatalogEntry, dir: string): Series & { hash: string } {
  const table = readCsv(join(dir, entry.file), displayPath(join(dir, entry.file)));
  if (table.rows.length === 0) throw new DataError(table.file, undefined, undefined, `has a header but no data rows (series "${entry.id}")`);
  const dates = parseDateColumn(table);
  const values = parseValueColumn(table, entry.column, checkFor(entry));
  return { id: entry.id, dates, values, meta: entry, hash: table.hash };
}

import { DataError } from '../../../core/errors.js';
import { endOfMonth, parseIsoDay } from '../../../core/dates.js';
import type { FrenchUpdate } from '../../../core/types.js';
import { parseNumber } from '../parse-number.js';

/** One table of a Kenneth French CSV: its title lines, its header and its rows, with 1-based line numbers. */
export interface FrenchTable {
  /** The non-blank lines between the previous table (or the file's start) and the header, trimmed. */
  title: string[];
  /** Line of the header (`,Mkt-RF,SMB,…`). */
  headerLine: number;
  /** Column names, without the key column, trimmed. */
  columns: string[];
  /** Digits of the row keys: 8 (YYYYMMDD), 6 (YYYYMM) or 4 (YYYY). */
  keyDigits: number;
  rows: { line: number; key: string; cells: string[] }[];
}

/** A French CSV, split into its tables, with the database vintage its first lines name (`202604`), if any. */
export interface FrenchFile {
  tables: FrenchTable[];
  vintage?: string;
}

const blank = (line: string) => line.replace(/[,\s]/g, '') === '';
const KEY = /^\d{4}(\d{2}(\d{2})?)?$/;

/**
 * Splits a CSV of French's data library into its tables. French's layout: a preamble, then
 * tables, each a title (one or more lines; none for a factor file's first table), a header
 * line that starts with a comma (`,Mkt-RF,SMB,HML,RF`), and rows keyed YYYYMMDD, YYYYMM or
 * YYYY (keys may be padded with spaces), up to a blank line; a copyright line at the end.
 * Lines of commas only (a spreadsheet's re-save) count as blank.
 */
export function frenchTables(text: string): FrenchFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const tables: FrenchTable[] = [];
  let titleFrom = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!/^\s*,/.test(line) || blank(line)) continue;
    const first = lines[i + 1]?.split(',')[0].trim() ?? '';
    if (!KEY.test(first)) continue; // a header is followed by its first row
    const columns = line.split(',').slice(1).map((c) => c.trim());
    while (columns.length && columns[columns.length - 1] === '') columns.pop();
    const keyDigits = first.length;
    const rows: FrenchTable['rows'] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const cells = lines[j].split(',').map((c) => c.trim());
      if (cells[0].length !== keyDigits || !KEY.test(cells[0])) break;
      rows.push({ line: j + 1, key: cells[0], cells: cells.slice(1) });
    }
    const title = lines
      .slice(titleFrom, i)
      .filter((l) => !blank(l))
      .map((l) => l.replace(/[,\s]+$/, '').trim());
    tables.push({ title, headerLine: i + 1, columns, keyDigits, rows });
    titleFrom = j;
    i = j - 1;
  }
  const head = lines.slice(0, 5).join(' ');
  const vintage = /using the (\d{6}) (?:CRSP|Bloomberg)? ?database/i.exec(head)?.[1];
  return { tables, ...(vintage ? { vintage } : {}) };
}

/** A title compared loosely: case, runs of blanks, a trailing colon. */
const norm = (t: string) => t.replace(/\s+/g, ' ').replace(/\s*:$/, '').trim().toLowerCase();

/** How a table is named in messages: its title's last line, unless that is a sentence of the preamble (then its position). */
export function tableName(file: FrenchFile, t: FrenchTable): string {
  const last = t.title[t.title.length - 1];
  if (last && !last.endsWith('.') && last.length <= 100) return `"${last}"`;
  return file.tables[0] === t ? `the first table (line ${t.headerLine})` : `the table on line ${t.headerLine}`;
}

const FREQ_OF_DIGITS: Record<number, string> = { 8: 'daily', 6: 'monthly', 4: 'annual' };

/** YYYYMMDD → that day, YYYYMM → the month's last day, YYYY → 31 December; NaN for an impossible date. */
function keyDay(key: string): number {
  if (key.length === 4) return parseIsoDay(`${key}-12-31`);
  const month = parseIsoDay(`${key.slice(0, 4)}-${key.slice(4, 6)}-01`);
  if (key.length === 6) return Number.isNaN(month) ? NaN : endOfMonth(month);
  return parseIsoDay(`${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`);
}

/** One series taken from a French file, in the catalog's units. */
export interface FrenchSeries {
  dates: Int32Array;
  values: Float64Array;
  /** How the table was found, for messages: `"Average Value Weighted Returns -- Monthly"`. */
  table: string;
  /** Rows skipped for French's missing-value code (−99.99 or −999) in a column used. */
  missing: number;
  vintage?: string;
}

/**
 * The series a French update names: the table (by title, or the first table whose keys have
 * `keyDigits` digits), the column or weighted sum of columns, rows with French's missing-value
 * code (any value ≤ −99.99, i.e. −99.99 and −999) skipped, dates as the shipped files have
 * them (a month's last day, the day itself, 31 December), and values converted as data/build.ts
 * converts them: a sum is rounded to 6 decimals in percent (French prints at most 3), then
 * percent → fraction rounded to 12 significant digits (`convert: "none"` keeps them as printed).
 * Throws a DataError (file, line, column) when the table, a column or a value is not there.
 */
export function frenchSeries(text: string, spec: FrenchUpdate, keyDigits: number, file: string): FrenchSeries {
  const parsed = frenchTables(text);
  if (parsed.tables.length === 0) {
    throw new DataError(file, undefined, undefined, "has no table in French's layout (a header line starting with a comma, then rows keyed YYYYMM or YYYYMMDD)");
  }
  const wanted = FREQ_OF_DIGITS[keyDigits];
  let table: FrenchTable | undefined;
  if (spec.table !== undefined) {
    const name = norm(spec.table);
    table = parsed.tables.find((t) => t.title.some((l) => norm(l) === name));
    if (!table) {
      const names = parsed.tables.map((t) => tableName(parsed, t));
      const shown = names.length > 8 ? [...names.slice(0, 8), `${names.length - 8} more`] : names;
      throw new DataError(file, undefined, undefined, `has no table "${spec.table}" (its tables: ${shown.join(', ')})`);
    }
    if (table.keyDigits !== keyDigits) {
      throw new DataError(file, table.headerLine, undefined, `table "${spec.table}" has rows keyed by ${table.keyDigits} digits (${FREQ_OF_DIGITS[table.keyDigits] ?? '?'}), not ${wanted}`);
    }
  } else {
    table = parsed.tables.find((t) => t.keyDigits === keyDigits);
    if (!table) throw new DataError(file, undefined, undefined, `has no ${wanted} table (rows keyed by ${keyDigits} digits)`);
  }
  const name = tableName(parsed, table);
  const terms: [string, number][] = spec.column !== undefined ? [[spec.column, 1]] : Object.entries(spec.sum ?? {});
  const index = terms.map(([col]) => {
    const at = table.columns.findIndex((c) => c === col.trim());
    const i = at >= 0 ? at : table.columns.findIndex((c) => c.toLowerCase() === col.trim().toLowerCase());
    if (i < 0) throw new DataError(file, table.headerLine, undefined, `"${col}" is not a column of ${name} (its columns: ${table.columns.join(', ')})`);
    return i;
  });
  if (table.rows.length === 0) throw new DataError(file, table.headerLine, undefined, `${name} has no rows`);
  const percent = (spec.convert ?? 'percent') === 'percent';
  const dates: number[] = [];
  const values: number[] = [];
  let missing = 0;
  for (const row of table.rows) {
    const day = keyDay(row.key);
    if (Number.isNaN(day)) throw new DataError(file, row.line, undefined, `"${row.key}" is not a date`);
    let sum = 0;
    let gap = false;
    for (let k = 0; k < terms.length; k++) {
      const cell = row.cells[index[k]];
      const x = cell === undefined ? 'is missing (the row is short)' : parseNumber(cell);
      if (typeof x === 'string') throw new DataError(file, row.line, terms[k][0], x);
      if (x <= -99.99) gap = true;
      sum = k === 0 ? x * terms[k][1] : sum + x * terms[k][1];
    }
    if (gap) {
      missing++;
      continue;
    }
    const v = terms.length > 1 || terms[0][1] !== 1 ? Number(sum.toFixed(6)) : sum;
    dates.push(day);
    values.push(percent ? Number((v / 100).toPrecision(12)) : v);
  }
  if (values.length === 0) throw new DataError(file, table.headerLine, undefined, `${name} has no values (${missing} rows with French's missing-value code)`);
  return { dates: Int32Array.from(dates), values: Float64Array.from(values), table: name, missing, ...(parsed.vintage ? { vintage: parsed.vintage } : {}) };
}

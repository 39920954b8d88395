import { DataError, UserError } from '../../../core/errors.js';
import { isoDay } from '../../../core/dates.js';
import type { SeriesKind } from '../../../core/types.js';
import { displayPath } from '../load-series.js';
import { parseNumber } from '../parse-number.js';
import { readCsv, type CsvTable } from '../read-csv.js';
import { detectDateLayout, parseDateAs, type DateLayout } from './parse-dates.js';
import { detectFormat, type DownloadFormat } from './detect-format.js';

/** Options of {@link readDownload}. */
export interface ReadDownloadOptions {
  /** Layout of the file (default `auto`: from the header, see detectFormat). */
  format?: DownloadFormat | 'auto';
  /** Value column (default: `Adj Close` or `Close` for Yahoo, `Close` for Stooq, the series column for FRED, the only value column of a tidy file). */
  column?: string;
  /** Kind of the values, for the checks the loader makes (prices > 0, returns > −100 %). */
  kind: SeriesKind;
}

/** One series read from a download: dates ascending, values in the file's units. */
export interface Download {
  file: string;
  format: DownloadFormat;
  /** Header names of the date and value columns used. */
  dateColumn: string;
  column: string;
  layout: DateLayout;
  dates: Int32Array;
  values: Float64Array;
  /** Rows without a value (Yahoo's `null`, FRED's `.`, blank cells), skipped. */
  dropped: number;
  /** True when the file listed the dates newest first. */
  reversed: boolean;
}

/** Cells that mean "no value" in each format. */
const MISSING: Record<DownloadFormat, readonly string[]> = { yahoo: ['', 'null'], fred: ['', '.'], stooq: [''], tidy: [''] };

function pickColumn(table: CsvTable, format: DownloadFormat, wanted: string | undefined, dateIndex: number): number {
  const header = table.header;
  const find = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  if (wanted !== undefined) {
    const i = header.indexOf(wanted) >= 0 ? header.indexOf(wanted) : find(wanted);
    if (i < 0 || i === dateIndex) throw new DataError(table.file, 1, wanted, `missing from the header (found: ${header.filter((_, k) => k !== dateIndex).join(', ')})`);
    return i;
  }
  const values = header.map((h, i) => ({ h, i })).filter((x) => x.i !== dateIndex);
  switch (format) {
    case 'yahoo': {
      const adj = find('Adj Close');
      return adj >= 0 ? adj : pickColumn(table, format, 'Close', dateIndex);
    }
    case 'stooq':
      return find('Close') >= 0 ? find('Close') : pickColumn(table, format, '<CLOSE>', dateIndex);
    case 'fred':
    case 'tidy':
      if (values.length === 1) return values[0].i;
      throw new UserError(`${table.file}: has ${values.length} value columns (${values.map((v) => v.h).join(', ')}); choose one with ‹column›`);
  }
}

/**
 * Reads one series from a downloaded CSV (Yahoo Finance, FRED, Stooq or tidy): finds the
 * date and value columns, reads dates in any unambiguous layout, skips the format's
 * missing-value cells, and checks every value as the loader does; errors name the file,
 * line and column. Dates must be strictly ascending, or strictly descending (then reversed).
 */
export function readDownload(path: string, options: ReadDownloadOptions): Download {
  const file = displayPath(path);
  const table = readCsv(path, file);
  let { header, rows, lines } = table;
  let format = options.format ?? 'auto';
  if (format === 'auto') {
    const found = detectFormat(header, rows[0]);
    if (!found) {
      throw new DataError(file, 1, undefined, `header "${header.join(',')}" is not a Yahoo Finance, FRED, Stooq or tidy (date,<column>) file; pass ‹format›`);
    }
    format = found;
  }
  // yfinance writes a three-line header: Price,<fields> / Ticker,<symbols> / Date,,,
  if (format === 'yahoo' && header[0] === 'Price' && rows[0]?.[0] === 'Ticker') {
    const dateRow = rows[1]?.[0] === 'Date' ? 2 : 1;
    header = ['Date', ...header.slice(1)];
    rows = rows.slice(dateRow);
    lines = lines.slice(dateRow);
  }
  const view: CsvTable = { ...table, header, rows, lines };
  const dateNames = format === 'fred' ? ['observation_date', 'DATE', 'date'] : format === 'stooq' ? ['Date', '<DATE>', 'date'] : format === 'yahoo' ? ['Date', 'date'] : ['date', 'Date'];
  const dc = header.findIndex((h) => dateNames.includes(h));
  if (dc < 0) throw new DataError(file, 1, dateNames[0], `missing from the header of a ${format} file (found: ${header.join(', ')})`);
  const vc = pickColumn(view, format, options.column, dc);
  const column = header[vc];
  const missing = MISSING[format];
  const kept: number[] = [];
  let dropped = 0;
  for (let i = 0; i < rows.length; i++) {
    if (missing.includes(rows[i][vc].trim())) dropped++;
    else kept.push(i);
  }
  if (kept.length === 0) throw new DataError(file, undefined, column, `has no values (${rows.length} rows, all missing)`);
  const texts = kept.map((i) => rows[i][dc]);
  const found = detectDateLayout(texts);
  if ('problem' in found) {
    const line = found.index !== undefined ? lines[kept[found.index]] : undefined;
    throw new DataError(file, line, header[dc], found.problem);
  }
  const n = kept.length;
  const dates = new Int32Array(n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = kept[k];
    const day = parseDateAs(rows[i][dc], found.layout);
    if (Number.isNaN(day)) throw new DataError(file, lines[i], header[dc], `"${rows[i][dc]}" is not a date`);
    const x = parseNumber(rows[i][vc]);
    if (typeof x === 'string') throw new DataError(file, lines[i], column, x);
    if (options.kind === 'price' && !(x > 0)) throw new DataError(file, lines[i], column, `${x} is not a positive price`);
    if (options.kind === 'return' && !(x > -1)) throw new DataError(file, lines[i], column, `${x} is a return of −100 % or less (returns are fractions)`);
    dates[k] = day;
    values[k] = x;
  }
  const reversed = n > 1 && dates[0] > dates[1];
  for (let k = 1; k < n; k++) {
    const ok = reversed ? dates[k] < dates[k - 1] : dates[k] > dates[k - 1];
    if (!ok) {
      const what = dates[k] === dates[k - 1] ? 'repeats' : reversed ? 'comes after' : 'comes before';
      throw new DataError(file, lines[kept[k]], header[dc], `${isoDay(dates[k])} ${what} ${isoDay(dates[k - 1])} on line ${lines[kept[k - 1]]}: dates must be ascending (or all descending) and unique`);
    }
  }
  if (reversed) {
    dates.reverse();
    values.reverse();
  }
  return { file, format, dateColumn: header[dc], column, layout: found.layout, dates, values, dropped, reversed };
}

import { resolve } from 'node:path';
import { readCsv } from '../engine/market/data/read-csv.js';
import { displayPath, parseValueColumn } from '../engine/market/data/load-series.js';
import { detectDateLayout, parseDateAs } from '../engine/market/data/import/parse-dates.js';
import type { CsvTable } from '../engine/market/data/read-csv.js';
import { isoDay } from '../engine/core/dates.js';
import { DataError, UserError } from '../engine/core/errors.js';
import { defineStrategy } from '../engine/strategy/define.js';

/** Names of the date column a weights file may use (pandas writes `Date` for a DatetimeIndex named so). */
const DATE_COLUMNS = ['date', 'Date', 'DATE'];

/**
 * The date column of a weights file as day numbers: any layout read unambiguously (see
 * detectDateLayout: ISO with or without a time, YYYY/MM/DD, YYYYMMDD, DD.MM.YYYY, M/D/YYYY or
 * D/M/YYYY settled by the column), strictly ascending; errors name file, line and column.
 */
function weightDates(table: CsvTable, column: string): Int32Array {
  const c = table.header.indexOf(column);
  const texts = table.rows.map((r) => r[c]);
  const found = detectDateLayout(texts);
  if ('problem' in found) throw new DataError(table.file, found.index !== undefined ? table.lines[found.index] : undefined, column, found.problem);
  const out = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    out[i] = parseDateAs(texts[i], found.layout);
    if (Number.isNaN(out[i])) throw new DataError(table.file, table.lines[i], column, `"${texts[i]}" is not a date`);
    if (i > 0 && out[i] <= out[i - 1]) {
      const what = out[i] === out[i - 1] ? 'duplicates' : 'comes before';
      throw new DataError(
        table.file,
        table.lines[i],
        column,
        `${isoDay(out[i])} ${what} ${isoDay(out[i - 1])} on line ${table.lines[i - 1]}: dates must be ascending and unique`,
      );
    }
  }
  return out;
}

/**
 * Replays target weights from a CSV file: `date` (or `Date`) plus one column per asset
 * (asset ids of the universe, or the roles `small`, `large`, `cash`). A row dated d is a
 * decision at the close of the first bar on or after d; bars without a row make no new decision.
 */
export default defineStrategy({
  id: 'weights-file',
  name: 'Weights file',
  description:
    'Replays target weights from a CSV (date or Date in any unambiguous layout, then one column per asset id or role: small, large, cash). Each row is a decision at the first bar on or after its date; the engine applies the lag (use --lag 0 to trade on the row date itself).',
  assets: ['*'],
  params: {
    file: { type: 'string', default: '', description: 'path of the weights CSV (date,<asset>,...)' },
  },
  weights(view, p) {
    if (!p.file) throw new UserError('needs ‹param› file=weights.csv');
    const path = resolve(p.file);
    const table = readCsv(path, displayPath(path));
    const dateColumn = DATE_COLUMNS.find((c) => table.header.includes(c));
    if (!dateColumn) throw new DataError(table.file, 1, 'date', `missing from the header (found: ${table.header.join(', ') || 'nothing'})`);
    const dates = weightDates(table, dateColumn);
    const assets = table.header.filter((h) => h !== dateColumn);
    if (assets.length === 0) throw new DataError(table.file, 1, undefined, `needs at least one asset column besides "${dateColumn}"`);
    const T = view.length;
    const out: Record<string, Float64Array> = {};
    for (const a of assets) {
      if (a !== 'cash') view.returns(a); // throws a clear error for an unknown asset
      const values = parseValueColumn(table, a);
      const col = new Float64Array(T).fill(NaN);
      let j = 0;
      for (let t = 0; t < T; t++) {
        // the latest row dated in (previous bar, this bar] is this bar's decision
        let row = -1;
        while (j < dates.length && dates[j] <= view.dates[t]) row = j++;
        if (row >= 0 && (t === 0 || dates[row] > view.dates[t - 1])) col[t] = values[row];
      }
      out[a] = col;
    }
    return out;
  },
});

import { resolve } from 'node:path';
import { readCsv } from '../engine/data/read-csv.js';
import { displayPath, parseDateColumn, parseValueColumn } from '../engine/data/load-series.js';
import { DataError, UserError } from '../engine/errors.js';
import { defineStrategy } from './define.js';

/**
 * Replays target weights from a CSV file: `date` plus one column per asset (asset ids of
 * the universe, or the roles `small`, `large`, `cash`). A row dated d is a decision at the
 * close of the first bar on or after d; bars without a row make no new decision.
 */
export default defineStrategy({
  id: 'weights-file',
  name: 'Weights file',
  description:
    'Replays target weights from a CSV (date, then one column per asset id or role: small, large, cash). Each row is a decision at the first bar on or after its date; the engine applies the lag (use --lag 0 to trade on the row date itself).',
  assets: ['*'],
  params: {
    file: { type: 'string', default: '', description: 'path of the weights CSV (date,<asset>,...)' },
  },
  weights(view, p) {
    if (!p.file) throw new UserError('needs --param file=weights.csv');
    const path = resolve(p.file);
    const table = readCsv(path, displayPath(path));
    const dates = parseDateColumn(table);
    const assets = table.header.filter((h) => h !== 'date');
    if (assets.length === 0) throw new DataError(table.file, 1, undefined, 'needs at least one asset column besides "date"');
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

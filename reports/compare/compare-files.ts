import { basename } from 'node:path';
import { toCsv, type Cell } from '../../engine/core/io/csv-writer.js';
import type { CompareModel } from './compare-model.js';
import { compareLong, compareRows } from './compare-tables.js';
import { renderCompare } from './render-compare.js';
import { sharpeTestsCsv } from './sharpe-tests.js';

/** One file of a comparison folder: its name and its text. */
export interface CompareFile {
  name: string;
  text: string;
}

/**
 * Every file of a comparison folder as text, in the order they are written: compare.csv (tidy),
 * compare-wide.csv, compare-runs.csv (the legend), the chart CSVs (compare-series.csv,
 * compare-correlation.csv, compare-cycles.csv), the Sharpe ratio tests (compare-sharpe-tests.csv)
 * and compare.html. Pure: the compare workflow (engine/workflows/compare) writes them.
 */
export function compareFiles(model: CompareModel): CompareFile[] {
  const files: CompareFile[] = [];
  const put = (name: string, header: string[], rows: Cell[][]) => files.push({ name, text: toCsv(header, rows) });
  const long = compareLong(model);
  put('compare.csv', long.header, long.rows);
  const wide = compareRows(model);
  put('compare-wide.csv', wide.header, wide.rows);
  put(
    'compare-runs.csv',
    ['run', 'tag', 'folder', 'strategy', 'params', 'universe', 'from', 'to', 'compared_from', 'compared_to', 'description'],
    model.runs.map((r, i) => {
      const m = r.manifest;
      return [
        model.labels[i].short,
        model.labels[i].tag,
        basename(r.dir),
        m.strategy.id,
        JSON.stringify(m.strategy.params),
        m.universe.id,
        m.period.from,
        m.period.to,
        model.period?.from ?? m.period.from,
        model.period?.to ?? m.period.to,
        model.labels[i].full,
      ];
    }),
  );
  const tags = model.labels.map((l) => l.tag);
  put(
    'compare-series.csv',
    ['date', ...tags.flatMap((t) => [`${t}_equity`, `${t}_drawdown`, `${t}_excess_12m`])],
    model.series.dates.map((d, k) => [d, ...tags.flatMap((_, i) => [model.series.equity[i][k], model.series.drawdown[i][k], model.series.excess[i][k]])]),
  );
  put(
    'compare-correlation.csv',
    ['run_a', 'run_b', 'correlation', 'months'],
    tags.flatMap((a, i) => tags.map((b, j) => [a, b, model.correlation.r[i][j], model.correlation.months[i][j]])),
  );
  put(
    'compare-cycles.csv',
    ['run', 'cycle', 'direction', 'start', 'end', 'return'],
    model.cycles.flatMap((c) => tags.map((t, i) => [t, c.label, c.direction, c.start, c.end, c.values[i]])),
  );
  const sharpe = sharpeTestsCsv(
    model.sharpeTests,
    model.labels.map((l) => l.tag),
  );
  put('compare-sharpe-tests.csv', sharpe.header, sharpe.rows);
  files.push({ name: 'compare.html', text: renderCompare(model) });
  return files;
}

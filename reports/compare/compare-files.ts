import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeDirAtomically } from '../../engine/core/io/atomic-dir.js';
import { toCsv, type Cell } from '../../engine/core/io/csv-writer.js';
import { UserError } from '../../engine/core/errors.js';
import { readRunFolder } from '../read-run.js';
import { compareModel, type CompareModel } from './compare-model.js';
import { renderCompare } from './render-compare.js';
import { sharpeTestsCsv } from './sharpe-tests.js';

export { comparability } from './compare-model.js';
export { BETTER, bestIndex, deltaQuality } from './ranking.js';
export { compareLong, compareRows } from './compare-tables.js';
import { compareLong, compareRows } from './compare-tables.js';

/** Writes every file of a comparison folder into `dir`. */
export function writeCompareFiles(dir: string, model: CompareModel): void {
  const put = (name: string, header: string[], rows: Cell[][]) => writeFileSync(join(dir, name), toCsv(header, rows));
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
  writeFileSync(join(dir, 'compare.html'), renderCompare(model));
}

/**
 * Compares run folders side by side: writes compare.csv (tidy), compare-wide.csv, the Sharpe ratio
 * tests (compare-sharpe-tests.csv), the chart CSVs and compare.html into `outDir` (a new folder,
 * written in a temporary folder and renamed into place; an existing one is replaced only with
 * `force`). `commonPeriod` restricts every run to the period all cover (default: when their
 * periods differ). Returns the folder and the comparison it shows.
 */
export async function compareRuns(
  dirs: readonly string[],
  outDir: string,
  opts: { force?: boolean; commonPeriod?: boolean } = {},
): Promise<{ dir: string; model: CompareModel }> {
  if (dirs.length < 2) throw new UserError('compare needs at least two run folders');
  const twice = dirs.find((d, i) => dirs.findIndex((e) => resolve(e) === resolve(d)) !== i);
  if (twice !== undefined) throw new UserError(`${twice} is given twice; give each run folder once`);
  const model = compareModel(
    dirs.map((d) => readRunFolder(d)),
    { commonPeriod: opts.commonPeriod },
  );
  const dir = await writeDirAtomically(outDir, opts.force ?? false, (tmp) => writeCompareFiles(tmp, model));
  return { dir, model };
}

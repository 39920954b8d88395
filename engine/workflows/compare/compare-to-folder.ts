import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { checkRunFolder } from '../../core/io/check-run-folder.js';
import { refuseExistingOutput, writeDirAtomically } from '../../core/io/atomic-dir.js';
import { readRunFolder } from '../../../reports/read-run.js';
import { compareModel, type CompareModel } from '../../../reports/compare/compare-model.js';
import { compareFiles } from '../../../reports/compare/compare-files.js';

export type { CompareModel };

/** Options of {@link compareToFolder}: the output folder, whether to replace it, and the period the runs are compared on. */
export interface CompareFolderOptions {
  /** The comparison folder to write. */
  out: string;
  /** Replace an existing folder that ratecycle wrote (default false). */
  force?: boolean;
  /**
   * Restrict every run to the period all of them cover and recompute the metrics there (default:
   * when their periods differ); `false` keeps each run's own period, and then no run is ranked.
   */
  commonPeriod?: boolean;
}

/** What {@link compareToFolder} wrote: the folder (absolute) and the comparison its page shows. */
export interface CompareFolderResult {
  dir: string;
  model: CompareModel;
}

/** Writes every file of a comparison folder (see compareFiles) into `dir`, an existing folder. */
export function writeCompareFiles(dir: string, model: CompareModel): void {
  for (const f of compareFiles(model)) writeFileSync(join(dir, f.name), f.text);
}

/**
 * The `compare` workflow: reads run folders (written by `ratecycle run` or `runToFolder`)
 * and compares them side by side, writing compare.csv (tidy), compare-wide.csv, compare-runs.csv,
 * the Sharpe ratio tests (compare-sharpe-tests.csv), the chart CSVs and compare.html into
 * `options.out` (a temporary folder renamed into place when complete; an existing one is
 * replaced only with `force` and only if ratecycle wrote it). Refuses a folder that is not a run
 * folder, fewer than two runs and a run given twice before writing anything. Returns the folder
 * and the comparison.
 *
 * @example const { dir, model } = await compareToFolder(['out/a', 'out/b'], { out: 'out/a-vs-b' });
 */
export async function compareToFolder(runs: readonly string[], options: CompareFolderOptions): Promise<CompareFolderResult> {
  refuseExistingOutput(options.out, options.force);
  for (const d of runs) checkRunFolder(d);
  if (runs.length < 2) throw new UserError('compare needs at least two run folders');
  const twice = runs.find((d, i) => runs.findIndex((e) => resolve(e) === resolve(d)) !== i);
  if (twice !== undefined) throw new UserError(`${twice} is given twice; give each run folder once`);
  const model = compareModel(
    runs.map((d) => readRunFolder(d)),
    { commonPeriod: options.commonPeriod },
  );
  const dir = await writeDirAtomically(options.out, options.force ?? false, (tmp) => writeCompareFiles(tmp, model));
  return { dir, model };
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refuseExistingOutput, writeDirAtomically } from '../../core/io/atomic-dir.js';
import type { Catalog } from '../../core/types.js';
import { analoguesCsv, NOW_FILES, nowCsv, nowJson, trackCsv, type NowReport } from '../../formats/now-folder.js';
import { renderNow } from '../../../reports/now/render-now.js';
import { runNow, type NowOptions } from './run-now.js';

/** Options of {@link nowToFolder}: now's options, the output folder and whether to replace it. */
export interface NowFolderOptions extends NowOptions {
  out: string;
  /** Replace an existing folder that ratecycle wrote (default false). */
  force?: boolean;
}

/**
 * Writes a now report into `dir` atomically: now.csv, now-analogues.csv, now-track.csv, now.json
 * and now.html in a temporary folder renamed when complete; an existing folder is replaced only
 * with `force` and only if ratecycle wrote it. Returns the absolute folder path.
 */
export async function writeNowFolder(dir: string, report: NowReport, force = false): Promise<string> {
  return writeDirAtomically(dir, force, (tmp) => {
    writeFileSync(join(tmp, NOW_FILES.csv), nowCsv(report));
    writeFileSync(join(tmp, NOW_FILES.analogues), analoguesCsv(report));
    writeFileSync(join(tmp, NOW_FILES.track), trackCsv(report));
    writeFileSync(join(tmp, NOW_FILES.json), nowJson(report));
    writeFileSync(join(tmp, NOW_FILES.html), renderNow(report));
  });
}

/**
 * The `now` workflow: where the cycle stands at the as-of date and what history says from a
 * state like it (see runNow), written as the now folder (see writeNowFolder). Refuses an existing
 * folder before computing anything unless `force`. Returns the folder and the report.
 *
 * @example const { dir, report } = await nowToFolder(loadCatalog(), { out: 'out/now', asOf: '2025-09-18' });
 */
export async function nowToFolder(catalog: Catalog, options: NowFolderOptions): Promise<{ dir: string; report: NowReport }> {
  refuseExistingOutput(options.out, options.force);
  const report = runNow(catalog, options);
  const dir = await writeNowFolder(options.out, report, options.force ?? false);
  return { dir, report };
}

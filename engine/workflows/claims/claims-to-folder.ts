import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refuseExistingOutput, writeDirAtomically } from '../../core/io/atomic-dir.js';
import type { Catalog } from '../../core/types.js';
import { CLAIMS_FILES, claimsCsv, claimsJson, influenceCsv, multiverseCsv, type ClaimsReport } from '../../formats/claims-folder.js';
import { renderClaims } from '../../../reports/claims/render-claims.js';
import { runClaims, type ClaimsOptions } from './run-claims.js';

/** Options of {@link claimsToFolder}: the claims' options, the output folder and whether to replace it. */
export interface ClaimsFolderOptions extends ClaimsOptions {
  out: string;
  /** Replace an existing folder that ratecycle wrote (default false). */
  force?: boolean;
}

/**
 * Writes a claims report into `dir` atomically: claims.csv, influence.csv, claims.json and claims.html in a
 * temporary folder renamed when complete; an existing folder is replaced only with `force` and
 * only if ratecycle wrote it. Returns the absolute folder path.
 */
export async function writeClaimsFolder(dir: string, report: ClaimsReport, force = false): Promise<string> {
  return writeDirAtomically(dir, force, (tmp) => {
    writeFileSync(join(tmp, CLAIMS_FILES.csv), claimsCsv(report));
    writeFileSync(join(tmp, CLAIMS_FILES.json), claimsJson(report));
    writeFileSync(join(tmp, CLAIMS_FILES.influence), influenceCsv(report));
    if (report.multiverse?.length) writeFileSync(join(tmp, CLAIMS_FILES.multiverse), multiverseCsv(report.multiverse));
    writeFileSync(join(tmp, CLAIMS_FILES.html), renderClaims(report));
  });
}

/**
 * The `claims` workflow: tests the article's claims on the catalog's samples (see runClaims)
 * and writes the claims folder (see writeClaimsFolder). Refuses an existing folder before
 * computing anything unless `force`. Returns the folder and the report.
 *
 * @example const { dir, report } = await claimsToFolder(loadCatalog(), { out: 'out/claims', draws: 2000 });
 */
export async function claimsToFolder(catalog: Catalog, options: ClaimsFolderOptions): Promise<{ dir: string; report: ClaimsReport }> {
  refuseExistingOutput(options.out, options.force);
  const report = runClaims(catalog, options);
  const dir = await writeClaimsFolder(options.out, report, options.force ?? false);
  return { dir, report };
}

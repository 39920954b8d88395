import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDirAtomically } from '../../engine/io/atomic-dir.js';
import type { ClaimsReport } from '../../engine/claims/types.js';
import { claimsCsv, claimsJson } from './claims-csv.js';
import { renderClaims } from './render-claims.js';

/**
 * Writes claims.html, claims.csv and claims.json into `dir` atomically (a temporary folder
 * renamed when complete; an existing folder is replaced only with `force` and only if
 * ratecycle wrote it). Returns the absolute folder path.
 */
export async function writeClaims(dir: string, report: ClaimsReport, force = false): Promise<string> {
  return writeDirAtomically(dir, force, (tmp) => {
    writeFileSync(join(tmp, 'claims.csv'), claimsCsv(report));
    writeFileSync(join(tmp, 'claims.json'), claimsJson(report));
    writeFileSync(join(tmp, 'claims.html'), renderClaims(report));
  });
}

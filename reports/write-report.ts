import { join } from 'node:path';
import { writeFileAtomically } from '../engine/core/io/atomic-dir.js';
import { renderRunReport } from './html/render-run.js';
import type { WrittenTables } from '../engine/formats/run-folder.js';
import { readRunFolder } from './read-run.js';

/**
 * Reads a run folder and writes its `report.html` into it (atomically). Returns the path.
 * `written`: the CSVs the folder was just written with, used instead of reading them back.
 */
export async function writeRunReport(dir: string, written?: WrittenTables): Promise<string> {
  const path = join(dir, 'report.html');
  writeFileAtomically(path, renderRunReport(readRunFolder(dir, written)));
  return path;
}

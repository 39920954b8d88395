import { join } from 'node:path';
import { writeFileAtomically } from '../engine/io/atomic-dir.js';
import { renderRunReport } from './html/render-run.js';
import { readRunFolder } from './read-run.js';

/** Reads a run folder and writes its `report.html` into it (atomically). Returns the path. */
export async function writeRunReport(dir: string): Promise<string> {
  const path = join(dir, 'report.html');
  writeFileAtomically(path, renderRunReport(readRunFolder(dir)));
  return path;
}

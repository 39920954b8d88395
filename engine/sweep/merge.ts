import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { writeDirAtomically } from '../io/atomic-dir.js';

/**
 * Merges the results.csv of shard folders into one results.csv ordered by set index:
 * byte-identical to the unsharded sweep's file. Refuses mismatched headers and duplicate
 * or missing indexes (a shard that did not finish).
 */
export async function mergeResults(dirs: readonly string[], out: string, force = false): Promise<{ rows: number }> {
  if (dirs.length === 0) throw new UserError('merge needs at least one sweep folder');
  let header: string | undefined;
  const rows: { index: number; line: string }[] = [];
  let expected = 0;
  for (const d of dirs) {
    const file = join(d, 'results.csv');
    if (!existsSync(file)) throw new UserError(`${file}: missing; is ${d} a finished sweep shard? (an interrupted one is in ${d}.partial: finish it with --resume)`);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    if (header === undefined) header = lines[0];
    else if (lines[0] !== header) throw new UserError(`${file}: its columns differ from ${join(dirs[0], 'results.csv')}; shards of different sweeps cannot be merged`);
    for (const line of lines.slice(1)) rows.push({ index: Number(line.slice(0, line.indexOf(','))), line });
    const manifest = join(d, 'sweep.json');
    if (existsSync(manifest)) expected = Math.max(expected, JSON.parse(readFileSync(manifest, 'utf8')).sets ?? 0);
  }
  rows.sort((a, b) => a.index - b.index);
  for (let i = 1; i < rows.length; i++) if (rows[i].index === rows[i - 1].index) throw new UserError(`set ${rows[i].index} appears in more than one shard`);
  if (expected && rows.length !== expected) throw new UserError(`the shards hold ${rows.length} of ${expected} sets; a shard is missing`);
  await writeDirAtomically(out, force, (tmp) => writeFileSync(join(tmp, 'results.csv'), `${header}\n${rows.map((r) => r.line).join('\n')}${rows.length ? '\n' : ''}`));
  return { rows: rows.length };
}

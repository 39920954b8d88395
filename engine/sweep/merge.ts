import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { writeDirAtomically } from '../io/atomic-dir.js';
import { accumulateBlocks, cscvBlocks, pboFromBlocks } from '../stats/pbo.js';
import { PBO_MAX_SETS, type PboReport } from './overfitting.js';
import { describeDifferences, differences, type SweepIdentity } from './sweep-identity.js';

interface Shard {
  dir: string;
  header: string;
  lines: string[];
  identity: SweepIdentity;
  sets: number;
  months: number;
}

function readShard(d: string): Shard {
  const file = join(d, 'results.csv');
  if (!existsSync(file)) throw new UserError(`${file}: missing; is ${d} a finished sweep shard? (an interrupted one is in ${d}.partial: finish it with --resume)`);
  const manifestFile = join(d, 'sweep.json');
  let manifest: { identity?: SweepIdentity; sets?: number; months?: { count?: number } } = {};
  if (existsSync(manifestFile)) {
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    } catch (e) {
      throw new UserError(`${manifestFile}: not valid JSON (${(e as Error).message})`);
    }
  }
  const identityFile = join(d, 'identity.json');
  const identity = manifest.identity ?? (existsSync(identityFile) ? (JSON.parse(readFileSync(identityFile, 'utf8')) as SweepIdentity) : undefined);
  if (!identity) throw new UserError(`${d}: no sweep identity in sweep.json (written by an older version or not a sweep folder), so it cannot be checked against the other shards; run that shard again`);
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return { dir: d, header: lines[0] ?? '', lines: lines.slice(1), identity, sets: manifest.sets ?? 0, months: manifest.months?.count ?? 0 };
}

const shardLabel = (s: Shard) => (s.identity.shard ? `${s.identity.shard.index + 1}/${s.identity.shard.count}` : 'unsharded');

/**
 * Merges the results.csv (and monthly.f32) of shard folders into one folder ordered by set
 * index: results.csv byte-identical to the unsharded sweep's file. Refuses shards of different
 * sweeps (their identities in sweep.json, compared field by field apart from the shard, are
 * named in the message), a shard given twice, duplicate or missing indexes (a shard that did
 * not finish). Writes sweep.json with the common identity and the probability of backtest
 * overfitting over all sets.
 */
export async function mergeResults(dirs: readonly string[], out: string, force = false): Promise<{ rows: number; pbo: PboReport }> {
  if (dirs.length === 0) throw new UserError('merge needs at least one sweep folder');
  const shards = dirs.map(readShard);
  const first = shards[0];
  const common = (id: SweepIdentity) => ({ ...id, shard: id.shard ? { count: id.shard.count } : null });
  const seen = new Map<string, string>();
  for (const s of shards) {
    const diff = differences(common(first.identity), common(s.identity)).map((p) => (p === 'shard.count' || p === 'shard' ? 'shard count' : p));
    if (diff.length) throw new UserError(`${s.dir} is a shard of a different sweep than ${first.dir} (they differ in ${describeDifferences(diff)}); merge only shards of one sweep`);
    if (s.header !== first.header) throw new UserError(`${join(s.dir, 'results.csv')}: its columns differ from ${join(first.dir, 'results.csv')}; shards of different sweeps cannot be merged`);
    const label = shardLabel(s);
    if (seen.has(label)) throw new UserError(`${seen.get(label)} and ${s.dir} both hold ${label === 'unsharded' ? 'the whole sweep' : `shard ${label}`}; give each shard once`);
    seen.set(label, s.dir);
  }
  const rows: { index: number; line: string; shard: number; row: number }[] = [];
  shards.forEach((s, k) => s.lines.forEach((line, row) => rows.push({ index: Number(line.slice(0, line.indexOf(','))), line, shard: k, row })));
  rows.sort((a, b) => a.index - b.index);
  for (let i = 1; i < rows.length; i++) if (rows[i].index === rows[i - 1].index) throw new UserError(`set ${rows[i].index} appears in more than one shard`);
  const sets = first.identity.sets;
  const expected = 'grid' in sets ? sets.grid.reduce((n, a) => n * a.values.length, 1) : sets.random.samples;
  if (expected && rows.length !== expected) {
    const count = first.identity.shard?.count ?? 1;
    const missing = [...Array(count).keys()].map((i) => `${i + 1}/${count}`).filter((l) => !seen.has(l));
    throw new UserError(`the shards hold ${rows.length} of ${expected} sets; a shard is missing${missing.length ? ` (${missing.slice(0, 5).join(', ')})` : ' or unfinished'}`);
  }
  // months per row: from a manifest, else from the first shard's file size
  const monthlyFiles = shards.map((s) => join(s.dir, 'monthly.f32'));
  const sizeOf = (f: string) => (existsSync(f) ? statSync(f).size : -1);
  const M = first.months || (first.lines.length ? sizeOf(monthlyFiles[0]) / 4 / first.lines.length : 0);
  const haveMonthly = Number.isInteger(M) && M > 0 && monthlyFiles.every((f, k) => sizeOf(f) === shards[k].lines.length * M * 4);
  let pbo: PboReport = { value: null, reason: haveMonthly ? '' : 'a shard has no complete monthly.f32' };
  await writeDirAtomically(out, force, (tmp) => {
    writeFileSync(join(tmp, 'results.csv'), `${first.header}\n${rows.map((r) => r.line).join('\n')}${rows.length ? '\n' : ''}`);
    if (haveMonthly) {
      const fds = monthlyFiles.map((f) => openSync(f, 'r'));
      const outFd = openSync(join(tmp, 'monthly.f32'), 'w');
      let blocks: ReturnType<typeof cscvBlocks> | undefined;
      try {
        blocks = rows.length <= PBO_MAX_SETS ? cscvBlocks(rows.length, M) : undefined;
        if (!blocks) pbo = { value: null, reason: `${rows.length.toLocaleString('en-US')} sets exceed the ${PBO_MAX_SETS.toLocaleString('en-US')} it is computed for` };
      } catch (e) {
        pbo = { value: null, reason: (e as Error).message.replace(/^PBO: /, '') };
      }
      const buf = Buffer.allocUnsafeSlow(M * 4);
      const row = new Float32Array(buf.buffer, 0, M);
      try {
        rows.forEach((r, i) => {
          readSync(fds[r.shard], buf, 0, M * 4, r.row * M * 4);
          writeSync(outFd, buf, 0, M * 4);
          if (blocks) accumulateBlocks(blocks, row, 1, M, i);
        });
      } finally {
        fds.forEach((fd) => closeSync(fd));
        closeSync(outFd);
      }
      if (blocks) {
        const r = pboFromBlocks(blocks);
        pbo = r.trials < 2
          ? { value: null, reason: `${r.trials} set(s) with finite monthly returns; it needs at least 2` }
          : { value: r.pbo, statistic: 'Sharpe ratio of monthly returns in excess of cash', blocks: r.blocks, splits: r.splits, trials: r.trials, months: r.observations, dropped: r.dropped, medianLogit: r.medianLogit, probOosLoss: r.probOosLoss, degradation: r.degradation };
      }
    }
    const identity = { ...first.identity, shard: null };
    const manifest = { merged: shards.map((s) => ({ dir: s.dir, shard: shardLabel(s), sets: s.lines.length })), sets: rows.length, months: { count: M, file: haveMonthly ? 'monthly.f32' : null }, pbo, identity };
    writeFileSync(join(tmp, 'sweep.json'), JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(join(tmp, 'identity.json'), JSON.stringify(identity, null, 1) + '\n');
  });
  return { rows: rows.length, pbo };
}

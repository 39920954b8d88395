import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { writeDirAtomically } from '../../core/io/atomic-dir.js';
import { deflatedSharpeVsCash, overfittingFromFile, type DeflatedSharpeReport, type PboReport } from './overfitting.js';
import type { MonthsFile } from './sweep.js';
import { describeDifferences, differences, type SweepIdentity } from './sweep-identity.js';
import { DEFAULT_METRIC, metricColumn } from '../../measure/metrics/metric-names.js';
import { METRIC_COLUMNS } from './batch-results.js';

interface Shard {
  dir: string;
  header: string;
  lines: string[];
  identity: SweepIdentity;
  sets: number;
  months: number;
  /** sweep.json's buy-and-hold metrics over the sweep's bars (the same for every shard of a sweep). */
  buyHold?: unknown;
}

/** Cells of one results.csv line (RFC 4180 quotes; lines hold no newlines). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new UserError(`results.csv: unterminated quote in "${line.slice(0, 60)}"`);
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      cells.push(v);
    } else {
      const c = line.indexOf(',', i);
      cells.push(line.slice(i, c < 0 ? line.length : c));
      i = c < 0 ? line.length : c;
    }
    if (i >= line.length) return cells;
    i++; // the comma
    if (i === line.length) return [...cells, ''];
  }
}

function readMonths(dir: string): MonthsFile | undefined {
  const file = join(dir, 'months.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as MonthsFile;
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

/**
 * The best set by `metric` (first in set order among equals) and the variance of the per-bar
 * Sharpe ratios over the sets, from results.csv lines in set order: the same running
 * statistics, in the same order, as the sweep itself (so the merged deflated Sharpe ratio equals
 * the unsharded one).
 */
function cashStatistics(header: string, lines: readonly string[], metric: string) {
  const h = splitCsvLine(header);
  const col = (name: string) => h.indexOf(name);
  const [mi, si, ki, ui, ei] = [col(metric), col('sharpe_bar'), col('skew'), col('kurtosis'), col('error')];
  let n = 0,
    mean = 0,
    m2 = 0,
    bestValue = NaN,
    bestIndex = -1,
    bestRow = -1;
  let best: { sharpeBar: number; skew: number; kurtosis: number } | undefined;
  lines.forEach((line, row) => {
    const c = splitCsvLine(line);
    if (c[ei]) return;
    const num = (i: number) => (c[i] === '' || c[i] === undefined ? NaN : Number(c[i]));
    const v = num(mi);
    if (Number.isFinite(v) && (!best || v > bestValue)) {
      bestValue = v;
      bestIndex = Number(c[0]);
      bestRow = row;
      best = { sharpeBar: num(si), skew: num(ki), kurtosis: num(ui) };
    }
    const s = num(si);
    if (Number.isFinite(s)) {
      n++;
      const d = s - mean;
      mean += d / n;
      m2 += d * (s - mean);
    }
  });
  return { best, bestValue, bestIndex, bestRow, trials: n, variance: n > 1 ? m2 / (n - 1) : 0 };
}

function readShard(d: string): Shard {
  const file = join(d, 'results.csv');
  if (!existsSync(file))
    throw new UserError(`${file}: missing; is ${d} a finished sweep shard? (an interrupted one is in ${d}.partial: finish it with ‹resume›)`);
  const manifestFile = join(d, 'sweep.json');
  let manifest: { identity?: SweepIdentity; sets?: number; months?: { count?: number }; buyHold?: unknown } = {};
  if (existsSync(manifestFile)) {
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    } catch (e) {
      throw new UserError(`${manifestFile}: not valid JSON (${(e as Error).message})`);
    }
  }
  const identityFile = join(d, 'identity.json');
  const identity = manifest.identity ?? (existsSync(identityFile) ? (JSON.parse(readFileSync(identityFile, 'utf8')) as SweepIdentity) : undefined);
  if (!identity)
    throw new UserError(
      `${d}: no sweep identity in sweep.json (written by an older version or not a sweep folder), so it cannot be checked against the other shards; run that shard again`,
    );
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').filter(Boolean);
  const shard = {
    dir: d,
    header: lines[0] ?? '',
    lines: lines.slice(1),
    identity,
    sets: manifest.sets ?? 0,
    months: manifest.months?.count ?? 0,
    buyHold: manifest.buyHold,
  };
  checkShard(shard, file, text);
  return shard;
}

/**
 * Checks a shard's results.csv cell by cell and its monthly.f32 by size, naming the shard and
 * the line of the first damage: a last line without its line end (a write that was cut), a row
 * with another number of fields than the header, a set index that is not a whole number, a
 * metric cell that is not a number, a monthly file whose size is not rows × months × 4 bytes.
 */
function checkShard(s: Shard, file: string, text: string): void {
  if (text.length && !text.endsWith('\n')) {
    const cut = text.slice(text.lastIndexOf('\n') + 1);
    throw new UserError(
      `${file}: the last line is cut ("${cut.slice(0, 40)}…" has no line end): the shard did not finish writing; finish it with ‹resume› or run it again`,
    );
  }
  const header = splitCsvLine(s.header);
  const metrics = new Set<string>(METRIC_COLUMNS.map(metricColumn));
  const numeric = header.map((h) => metrics.has(h));
  s.lines.forEach((line, k) => {
    const at = `${file}:${k + 2}`;
    let cells: string[];
    try {
      cells = splitCsvLine(line);
    } catch {
      throw new UserError(`${at}: an unterminated quote: the shard is damaged; run it again`);
    }
    if (cells.length !== header.length)
      throw new UserError(`${at}: ${cells.length} fields where the header has ${header.length}: the shard is damaged; run it again`);
    if (!/^\d+$/.test(cells[0])) throw new UserError(`${at}: set index "${cells[0]}" is not a whole number: the shard is damaged; run it again`);
    cells.forEach((c, i) => {
      if (numeric[i] && c !== '' && !Number.isFinite(Number(c)))
        throw new UserError(`${at}: column "${header[i]}": "${c.slice(0, 30)}" is not a number: the shard is damaged; run it again`);
    });
  });
  const months = readMonths(s.dir)?.months.length ?? s.months;
  const monthly = join(s.dir, 'monthly.f32');
  if (months > 0) {
    if (!existsSync(monthly)) throw new UserError(`${monthly}: missing; the shard did not finish writing; run it again`);
    const size = statSync(monthly).size;
    const want = s.lines.length * months * 4;
    if (size !== want)
      throw new UserError(
        `${monthly}: ${size.toLocaleString('en-US')} bytes where ${s.lines.length} sets × ${months} months need ${want.toLocaleString('en-US')}: the file is cut or from another run; run the shard again`,
      );
  }
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
export async function mergeResults(
  dirs: readonly string[],
  out: string,
  force = false,
): Promise<{ rows: number; pbo: PboReport; dsr: { cash: DeflatedSharpeReport; benchmark: DeflatedSharpeReport } }> {
  if (dirs.length === 0) throw new UserError('merge needs at least one sweep folder');
  const shards = dirs.map(readShard);
  const first = shards[0];
  const common = (id: SweepIdentity) => ({ ...id, shard: id.shard ? { count: id.shard.count } : null });
  const seen = new Map<string, string>();
  for (const s of shards) {
    const diff = differences(common(first.identity), common(s.identity)).map((p) => (p === 'shard.count' || p === 'shard' ? 'shard count' : p));
    if (diff.length)
      throw new UserError(
        `${s.dir} is a shard of a different sweep than ${first.dir} (they differ in ${describeDifferences(diff)}); merge only shards of one sweep`,
      );
    if (s.header !== first.header)
      throw new UserError(
        `${join(s.dir, 'results.csv')}: its columns differ from ${join(first.dir, 'results.csv')}; shards of different sweeps cannot be merged`,
      );
    const label = shardLabel(s);
    if (seen.has(label))
      throw new UserError(`${seen.get(label)} and ${s.dir} both hold ${label === 'unsharded' ? 'the whole sweep' : `shard ${label}`}; give each shard once`);
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
    throw new UserError(
      `the shards hold ${rows.length} of ${expected} sets; a shard is missing${missing.length ? ` (${missing.slice(0, 5).join(', ')})` : ' or unfinished'}`,
    );
  }
  // months per row: from months.json (as the sweep wrote it), else from the first shard's file size
  const monthlyFiles = shards.map((s) => join(s.dir, 'monthly.f32'));
  const sizeOf = (f: string) => (existsSync(f) ? statSync(f).size : -1);
  const monthsInfo = readMonths(first.dir);
  const M = monthsInfo?.months.length ?? (first.lines.length ? sizeOf(monthlyFiles[0]) / 4 / first.lines.length : 0);
  const haveMonthly = Number.isInteger(M) && M > 0 && monthlyFiles.every((f, k) => sizeOf(f) === shards[k].lines.length * M * 4);
  const stats = cashStatistics(
    first.header,
    rows.map((r) => r.line),
    monthsInfo?.metric ?? DEFAULT_METRIC,
  );
  const cash = deflatedSharpeVsCash(stats.best, first.identity.period.bars, stats.trials, stats.variance);
  let pbo: PboReport = { value: null, reason: 'a shard has no complete monthly.f32' };
  let vsBenchmark: DeflatedSharpeReport = {
    value: NaN,
    null: 'not computed: a shard has no complete monthly.f32 or months.json',
    observations: M,
    frequency: 'month',
    trials: 0,
  };
  await writeDirAtomically(out, force, (tmp) => {
    writeFileSync(join(tmp, 'results.csv'), `${first.header}\n${rows.map((r) => r.line).join('\n')}${rows.length ? '\n' : ''}`);
    if (haveMonthly) {
      const fds = monthlyFiles.map((f) => openSync(f, 'r'));
      const file = join(tmp, 'monthly.f32');
      const outFd = openSync(file, 'w');
      const buf = Buffer.allocUnsafeSlow(M * 4);
      try {
        for (const r of rows) {
          readSync(fds[r.shard], buf, 0, M * 4, r.row * M * 4);
          writeSync(outFd, buf, 0, M * 4);
        }
      } finally {
        fds.forEach((fd) => closeSync(fd));
        closeSync(outFd);
      }
      const o = overfittingFromFile({
        file,
        rows: rows.length,
        months: M,
        benchmark: Float64Array.from(monthsInfo?.benchmark.excess ?? new Array<number>(M).fill(NaN)),
        benchmarkName: monthsInfo?.benchmark.name ?? 'the benchmark',
        bestRow: stats.best ? stats.bestRow : -1,
      });
      pbo = o.pbo;
      if (monthsInfo) {
        vsBenchmark = o.vsBenchmark;
        writeFileSync(join(tmp, 'months.json'), JSON.stringify(monthsInfo) + '\n');
      }
    }
    const identity = { ...first.identity, shard: null };
    const manifest = {
      merged: shards.map((s) => ({ dir: s.dir, shard: shardLabel(s), sets: s.lines.length })),
      sets: rows.length,
      metric: monthsInfo?.metric ?? DEFAULT_METRIC,
      best: stats.best ? { index: stats.bestIndex, value: stats.bestValue } : null,
      deflatedSharpeRatio: { cash, benchmark: vsBenchmark },
      pbo,
      // every shard held the same assets over the same bars (their identities agree)
      ...(first.buyHold !== undefined ? { buyHold: first.buyHold } : {}),
      months: { count: M, file: haveMonthly ? 'monthly.f32' : null },
      identity,
    };
    writeFileSync(join(tmp, 'sweep.json'), JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(join(tmp, 'identity.json'), JSON.stringify(identity, null, 1) + '\n');
  });
  return { rows: rows.length, pbo, dsr: { cash, benchmark: vsBenchmark } };
}

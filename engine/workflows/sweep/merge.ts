import { Buffer } from 'node:buffer';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, UserError } from '../../core/errors.js';
import { writeDirAtomically } from '../../core/io/atomic-dir.js';
import { scanCsv } from '../../market/data/read-csv.js';
import { METRIC_COLUMNS, RESULTS_COLUMNS, SWEEP_FILES, type MonthsFile } from '../../formats/sweep-folder.js';
import { DEFAULT_METRIC, metricColumn } from '../../measure/metrics/metric-names.js';
import {
  activeMoments,
  activeSharpe,
  ActiveSharpeRatios,
  deflatedSharpeVsBenchmark,
  deflatedSharpeVsCash,
  pboFromFile,
  type DeflatedSharpeReport,
  type PboReport,
} from './overfitting.js';
import { describeDifferences, differences, type SweepIdentity } from './sweep-identity.js';

/** Bytes read or written at a time. */
const CHUNK = 1 << 20;

/** A shard's results as merge needs them: per row its set index, where its line is, and the numbers of the running statistics. */
interface Shard {
  dir: string;
  file: string;
  /** The header line as written. */
  header: string;
  identity: SweepIdentity;
  sets: number;
  months: number;
  /** sweep.json's buy-and-hold metrics over the sweep's bars (the same for every shard of a sweep). */
  buyHold?: unknown;
  rows: number;
  index: Float64Array;
  /** Byte offset and length (line end included) of each row's line. */
  start: Float64Array;
  length: Uint32Array;
  failed: Uint8Array;
  /** Per row: the ranking metric, the per-bar Sharpe ratio, skew and excess kurtosis (NaN for an empty cell). */
  metric: Float64Array;
  sharpeBar: Float64Array;
  skew: Float64Array;
  kurtosis: Float64Array;
}

function readMonths(dir: string): MonthsFile | undefined {
  const file = join(dir, SWEEP_FILES.months);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as MonthsFile;
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** True for a line of spaces, tabs and carriage returns only (the CSV reader skips it). */
function blank(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09 && bytes[i] !== 0x0d) return false;
  return true;
}

/**
 * Where each line of a results.csv is: the header's text and the byte range of every row's line
 * (blank lines skipped, as the CSV reader skips them), reading the file in chunks. Refuses a
 * file whose last line has no line end (a write that was cut).
 */
function lineRanges(file: string): { header: string; start: number[]; length: number[] } {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    if (size > 0) {
      readSync(fd, buf, 0, 1, size - 1);
      if (buf[0] !== 0x0a) {
        const tail = Buffer.allocUnsafe(Math.min(size, 4096));
        readSync(fd, tail, 0, tail.length, size - tail.length);
        const text = tail.toString('utf8');
        const cut = text.slice(text.lastIndexOf('\n') + 1);
        throw new UserError(
          `${file}: the last line is cut ("${cut.slice(0, 40)}…" has no line end): the shard did not finish writing; finish it with ‹resume› or run it again`,
        );
      }
    }
    let header: string | undefined;
    const start: number[] = [];
    const length: number[] = [];
    let pos = 0; // file offset of buf[0]
    let carry = 0; // bytes of an unfinished line at the start of buf
    for (;;) {
      const n = readSync(fd, buf, carry, CHUNK - carry, pos + carry);
      const end = carry + n;
      let from = 0;
      for (let i = buf.indexOf(0x0a, 0); i >= 0 && i < end; i = buf.indexOf(0x0a, i + 1)) {
        if (!blank(buf, from, i)) {
          if (header === undefined) header = buf.toString('utf8', from, i);
          else {
            start.push(pos + from);
            length.push(i + 1 - from);
          }
        }
        from = i + 1;
      }
      if (n === 0) break;
      if (from === 0 && end === CHUNK) throw new UserError(`${file}: a line longer than ${CHUNK >> 20} MB: the shard is damaged; run it again`);
      buf.copy(buf, 0, from, end);
      carry = end - from;
      pos += from;
    }
    return { header: header ?? '', start, length };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a shard folder: its identity (sweep.json, else identity.json), and its results.csv
 * checked cell by cell with the project's CSV reader, naming the shard and the line of the
 * first damage: a last line without its line end (a write that was cut), a row with another
 * number of fields than the header, a set index that is not a whole number, a metric cell that
 * is not a number; and its monthly.f32 by size (rows × months × 4 bytes).
 */
function readShard(d: string, metricName: string): Shard {
  const file = join(d, SWEEP_FILES.results);
  if (!existsSync(file))
    throw new UserError(`${file}: missing; is ${d} a finished sweep shard? (an interrupted one is in ${d}.partial: finish it with ‹resume›)`);
  const manifestFile = join(d, SWEEP_FILES.manifest);
  let manifest: { identity?: SweepIdentity; sets?: number; months?: { count?: number }; buyHold?: unknown } = {};
  if (existsSync(manifestFile)) {
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    } catch (e) {
      throw new UserError(`${manifestFile}: not valid JSON (${(e as Error).message})`);
    }
  }
  const identityFile = join(d, SWEEP_FILES.identity);
  const identity = manifest.identity ?? (existsSync(identityFile) ? (JSON.parse(readFileSync(identityFile, 'utf8')) as SweepIdentity) : undefined);
  if (!identity)
    throw new UserError(
      `${d}: no sweep identity in ${SWEEP_FILES.manifest} (written by an older version or not a sweep folder), so it cannot be checked against the other shards; run that shard again`,
    );
  const lines = lineRanges(file);
  const rows = lines.start.length;
  const s: Shard = {
    dir: d,
    file,
    header: lines.header,
    identity,
    sets: manifest.sets ?? 0,
    months: manifest.months?.count ?? 0,
    buyHold: manifest.buyHold,
    rows,
    index: new Float64Array(rows),
    start: Float64Array.from(lines.start),
    length: Uint32Array.from(lines.length),
    failed: new Uint8Array(rows),
    metric: new Float64Array(rows),
    sharpeBar: new Float64Array(rows),
    skew: new Float64Array(rows),
    kurtosis: new Float64Array(rows),
  };
  const metrics = new Set<string>(METRIC_COLUMNS.map(metricColumn));
  let row = 0;
  try {
    scanCsv(file, file, (header) => {
      const numeric = header.map((h) => metrics.has(h));
      const col = (name: string) => header.indexOf(name);
      const [mi, si, ki, ui, ei] = [
        col(metricName),
        col(RESULTS_COLUMNS.sharpeBar),
        col(RESULTS_COLUMNS.skew),
        col(RESULTS_COLUMNS.kurtosis),
        col(RESULTS_COLUMNS.error),
      ];
      const num = (c: string | undefined) => (c === '' || c === undefined ? NaN : Number(c));
      return (cells, line) => {
        const at = `${file}:${line}`;
        if (!/^\d+$/.test(cells[0])) throw new UserError(`${at}: set index "${cells[0]}" is not a whole number: the shard is damaged; run it again`);
        for (let i = 0; i < cells.length; i++)
          if (numeric[i] && cells[i] !== '' && !Number.isFinite(Number(cells[i])))
            throw new UserError(`${at}: column "${header[i]}": "${cells[i].slice(0, 30)}" is not a number: the shard is damaged; run it again`);
        if (row >= rows) throw new UserError(`${at}: a row where no line was counted: the shard is damaged; run it again`);
        s.index[row] = Number(cells[0]);
        s.failed[row] = cells[ei] ? 1 : 0;
        s.metric[row] = num(cells[mi]);
        s.sharpeBar[row] = num(cells[si]);
        s.skew[row] = num(cells[ki]);
        s.kurtosis[row] = num(cells[ui]);
        row++;
      };
    });
  } catch (e) {
    // the reader's own findings (fields per row, quotes) name file and line; say what they mean for a shard
    if (e instanceof DataError) throw new UserError(`${e.message}: the shard is damaged; run it again`);
    throw e;
  }
  if (row !== rows)
    throw new UserError(`${file}: ${row} rows read where ${rows} lines were counted (a line break inside a quoted cell?): the shard is damaged; run it again`);
  const months = readMonths(d)?.months.length ?? s.months;
  const monthly = join(d, SWEEP_FILES.monthly);
  if (months > 0) {
    if (!existsSync(monthly)) throw new UserError(`${monthly}: missing; the shard did not finish writing; run it again`);
    const size = statSync(monthly).size;
    const want = rows * months * 4;
    if (size !== want)
      throw new UserError(
        `${monthly}: ${size.toLocaleString('en-US')} bytes where ${rows} sets × ${months} months need ${want.toLocaleString('en-US')}: the file is cut or from another run; run the shard again`,
      );
  }
  return s;
}

const shardLabel = (s: Shard) => (s.identity.shard ? `${s.identity.shard.index + 1}/${s.identity.shard.count}` : 'unsharded');

/** The merged rows in set order: shard and row of each. */
interface MergedOrder {
  shard: Uint32Array;
  row: Uint32Array;
}

/**
 * The best set by the ranking metric (first in set order among equals) and the variance of the
 * per-bar Sharpe ratios over the sets, in set order: the same running statistics, in the same
 * order, as the sweep itself (so the merged deflated Sharpe ratio equals the unsharded one).
 */
function cashStatistics(shards: readonly Shard[], order: MergedOrder) {
  let n = 0,
    mean = 0,
    m2 = 0,
    bestValue = NaN,
    bestIndex = -1,
    bestRow = -1;
  let best: { sharpeBar: number; skew: number; kurtosis: number } | undefined;
  for (let k = 0; k < order.row.length; k++) {
    const s = shards[order.shard[k]],
      r = order.row[k];
    if (s.failed[r]) continue;
    const v = s.metric[r];
    if (Number.isFinite(v) && (!best || v > bestValue)) {
      bestValue = v;
      bestIndex = s.index[r];
      bestRow = k;
      best = { sharpeBar: s.sharpeBar[r], skew: s.skew[r], kurtosis: s.kurtosis[r] };
    }
    const sb = s.sharpeBar[r];
    if (Number.isFinite(sb)) {
      n++;
      const d = sb - mean;
      mean += d / n;
      m2 += d * (sb - mean);
    }
  }
  return { best, bestValue, bestIndex, bestRow, trials: n, variance: n > 1 ? m2 / (n - 1) : 0 };
}

/** Copies the rows' lines from their shards' results.csv into `file` in merged order, after the header (bytes as written). */
function writeResults(file: string, header: string, shards: readonly Shard[], order: MergedOrder): void {
  const out = openSync(file, 'w');
  const fds = shards.map((s) => openSync(s.file, 'r'));
  // one window of each shard's file (its rows come in order, so each window slides forward)
  const windows = shards.map(() => ({ buf: Buffer.allocUnsafe(CHUNK), from: 0, to: 0 }));
  const pending = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const put = (bytes: Uint8Array) => {
    if (used + bytes.length > pending.length) {
      writeSync(out, pending, 0, used);
      used = 0;
    }
    if (bytes.length > pending.length) writeSync(out, bytes);
    else {
      pending.set(bytes, used);
      used += bytes.length;
    }
  };
  try {
    put(Buffer.from(`${header}\n`));
    for (let k = 0; k < order.row.length; k++) {
      const j = order.shard[k],
        r = order.row[k];
      const s = shards[j],
        w = windows[j];
      const start = s.start[r],
        len = s.length[r];
      if (start < w.from || start + len > w.to) {
        if (len > w.buf.length) w.buf = Buffer.allocUnsafe(len);
        const n = readSync(fds[j], w.buf, 0, w.buf.length, start);
        w.from = start;
        w.to = start + n;
      }
      put(w.buf.subarray(start - w.from, start - w.from + len));
    }
    if (used) writeSync(out, pending, 0, used);
  } finally {
    fds.forEach((fd) => closeSync(fd));
    closeSync(out);
  }
}

/** Copies the rows of the shards' monthly.f32 into `file` in merged order, showing each to `onRow` (its values and merged row). */
function writeMonthly(file: string, shards: readonly Shard[], order: MergedOrder, M: number, onRow: (f32: Float32Array, row: number) => void): void {
  const fds = shards.map((s) => openSync(join(s.dir, SWEEP_FILES.monthly), 'r'));
  const outFd = openSync(file, 'w');
  const buf = Buffer.allocUnsafeSlow(M * 4);
  const f32 = new Float32Array(buf.buffer, buf.byteOffset, M);
  try {
    for (let k = 0; k < order.row.length; k++) {
      readSync(fds[order.shard[k]], buf, 0, M * 4, order.row[k] * M * 4);
      onRow(f32, k);
      writeSync(outFd, buf, 0, M * 4);
    }
  } finally {
    fds.forEach((fd) => closeSync(fd));
    closeSync(outFd);
  }
}

/**
 * Merges the results.csv (and monthly.f32) of shard folders into one folder ordered by set
 * index: results.csv byte-identical to the unsharded sweep's file (each line copied as its
 * shard wrote it). Refuses shards of different sweeps (their identities in sweep.json,
 * compared field by field apart from the shard, are named in the message), a shard given
 * twice, duplicate or missing indexes (a shard that did not finish). Writes sweep.json with the
 * common identity and the probability of backtest overfitting over all sets. Memory: a few
 * numbers per set, not the files' text.
 */
export async function mergeResults(
  dirs: readonly string[],
  out: string,
  force = false,
): Promise<{ rows: number; pbo: PboReport; dsr: { cash: DeflatedSharpeReport; benchmark: DeflatedSharpeReport } }> {
  if (dirs.length === 0) throw new UserError('merge needs at least one sweep folder');
  const monthsInfo = readMonths(dirs[0]);
  const metric = monthsInfo?.metric ?? DEFAULT_METRIC;
  const shards = dirs.map((d) => readShard(d, metric));
  const first = shards[0];
  const common = (id: SweepIdentity) => ({ ...id, shard: id.shard ? { count: id.shard.count } : null });
  const seen = new Map<string, string>();
  for (const s of shards) {
    const diff = differences(common(first.identity), common(s.identity)).map((p) => (p === 'shard.count' || p === 'shard' ? 'shard count' : p));
    if (diff.length)
      throw new UserError(
        `${s.dir} is a shard of a different sweep than ${first.dir} (they differ in ${describeDifferences(diff)}); merge only shards of one sweep`,
      );
    if (s.header !== first.header) throw new UserError(`${s.file}: its columns differ from ${first.file}; shards of different sweeps cannot be merged`);
    const label = shardLabel(s);
    if (seen.has(label))
      throw new UserError(`${seen.get(label)} and ${s.dir} both hold ${label === 'unsharded' ? 'the whole sweep' : `shard ${label}`}; give each shard once`);
    seen.set(label, s.dir);
  }
  // every row of every shard, sorted by set index
  const total = shards.reduce((n, s) => n + s.rows, 0);
  const shardOf = new Uint32Array(total),
    rowOf = new Uint32Array(total),
    indexOf = new Float64Array(total);
  let k = 0;
  shards.forEach((s, j) => {
    for (let r = 0; r < s.rows; r++, k++) {
      shardOf[k] = j;
      rowOf[k] = r;
      indexOf[k] = s.index[r];
    }
  });
  const perm = Uint32Array.from({ length: total }, (_, i) => i).sort((a, b) => indexOf[a] - indexOf[b] || a - b);
  const order: MergedOrder = { shard: perm.map((i) => shardOf[i]), row: perm.map((i) => rowOf[i]) };
  for (let i = 1; i < total; i++) if (indexOf[perm[i]] === indexOf[perm[i - 1]]) throw new UserError(`set ${indexOf[perm[i]]} appears in more than one shard`);
  const sets = first.identity.sets;
  const expected = 'grid' in sets ? sets.grid.reduce((n, a) => n * a.values.length, 1) : sets.random.samples;
  if (expected && total !== expected) {
    const count = first.identity.shard?.count ?? 1;
    const missing = [...Array(count).keys()].map((i) => `${i + 1}/${count}`).filter((l) => !seen.has(l));
    throw new UserError(
      `the shards hold ${total} of ${expected} sets; a shard is missing${missing.length ? ` (${missing.slice(0, 5).join(', ')})` : ' or unfinished'}`,
    );
  }
  // months per row: from months.json (as the sweep wrote it), else from the first shard's file size
  const monthlyFiles = shards.map((s) => join(s.dir, SWEEP_FILES.monthly));
  const sizeOf = (f: string) => (existsSync(f) ? statSync(f).size : -1);
  const M = monthsInfo?.months.length ?? (first.rows ? sizeOf(monthlyFiles[0]) / 4 / first.rows : 0);
  const haveMonthly = Number.isInteger(M) && M > 0 && monthlyFiles.every((f, j) => sizeOf(f) === shards[j].rows * M * 4);
  const stats = cashStatistics(shards, order);
  const cash = deflatedSharpeVsCash(stats.best, first.identity.period.bars, stats.trials, stats.variance);
  let pbo: PboReport = { value: null, reason: `a shard has no complete ${SWEEP_FILES.monthly}` };
  let vsBenchmark: DeflatedSharpeReport = {
    value: NaN,
    null: `not computed: a shard has no complete ${SWEEP_FILES.monthly} or ${SWEEP_FILES.months}`,
    observations: M,
    frequency: 'month',
    trials: 0,
  };
  await writeDirAtomically(out, force, async (tmp) => {
    writeResults(join(tmp, SWEEP_FILES.results), first.header, shards, order);
    if (haveMonthly) {
      const file = join(tmp, SWEEP_FILES.monthly);
      // the information ratios against the benchmark of the rows as they are copied, in merged order (the sweep's own
      // numbers: the same Float32 values in the same order), then the PBO reading the merged file when it is computed
      const benchmark = Float64Array.from(monthsInfo?.benchmark.excess ?? new Array<number>(M).fill(NaN));
      const ratios = new ActiveSharpeRatios();
      let best: ReturnType<typeof activeMoments> | undefined;
      writeMonthly(file, shards, order, M, (f32, k) => {
        ratios.add(activeSharpe(f32, 0, M, benchmark));
        if (stats.best && k === stats.bestRow) best = activeMoments(f32, 0, M, benchmark);
      });
      pbo = await pboFromFile({ file, rows: total, months: M });
      if (monthsInfo) {
        vsBenchmark = deflatedSharpeVsBenchmark(best, ratios, M, monthsInfo.benchmark.name);
        writeFileSync(join(tmp, SWEEP_FILES.months), JSON.stringify(monthsInfo) + '\n');
      }
    }
    const identity = { ...first.identity, shard: null };
    const manifest = {
      merged: shards.map((s) => ({ dir: s.dir, shard: shardLabel(s), sets: s.rows })),
      sets: total,
      metric,
      best: stats.best ? { index: stats.bestIndex, value: stats.bestValue } : null,
      deflatedSharpeRatio: { cash, benchmark: vsBenchmark },
      pbo,
      // every shard held the same assets over the same bars (their identities agree)
      ...(first.buyHold !== undefined ? { buyHold: first.buyHold } : {}),
      months: { count: M, file: haveMonthly ? SWEEP_FILES.monthly : null },
      identity,
    };
    writeFileSync(join(tmp, SWEEP_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(join(tmp, SWEEP_FILES.identity), JSON.stringify(identity, null, 1) + '\n');
  });
  return { rows: total, pbo, dsr: { cash, benchmark: vsBenchmark } };
}

import { Buffer } from 'node:buffer';
import {
  appendFileSync,
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { listFiles, MARKER, whyNotReplaceable, writeFileAtomically } from '../../core/io/atomic-dir.js';
import { csvCell } from '../../core/io/csv-writer.js';
import { lockFolder, type FolderLock } from '../../core/io/folder-lock.js';
import { fsUserError } from '../../core/io/fs-errors.js';
import { scanCsv } from '../../market/data/read-csv.js';
import { resultsHeader, SWEEP_FILES, type MonthsFile } from '../../formats/sweep-folder.js';
import type { PackedBatch } from './batch-results.js';
import { activeSharpes, readMonthlyRows } from './overfitting.js';
import { describeDifferences, differences, type SweepIdentity } from './sweep-identity.js';

/** Bytes read at a time when a resumed sweep's results.csv is checked. */
const CHUNK = 1 << 20;

/**
 * Prepares `<out>.partial` for writing: creates it (or, with resume, checks that it holds the
 * same sweep), locks it against a second writer, and records the sweep's identity.
 */
export function openPartial(partial: string, label: string, identity: SweepIdentity, resume: boolean): FolderLock {
  const identityFile = join(partial, SWEEP_FILES.identity);
  try {
    mkdirSync(dirname(partial), { recursive: true });
    mkdirSync(partial);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsUserError(e, label);
    if (!resume) throw new UserError(`${label} holds an interrupted sweep; pass ‹resume› to finish it, or delete that folder`);
  }
  const lock = lockFolder(partial, label);
  try {
    if (existsSync(identityFile)) {
      let stored: unknown;
      try {
        stored = JSON.parse(readFileSync(identityFile, 'utf8'));
      } catch {
        throw new UserError(`${label}/${SWEEP_FILES.identity} is not readable JSON; delete ${label} to start again`);
      }
      const diff = differences(stored, identity);
      if (diff.length)
        throw new UserError(
          `${label} holds a different sweep (it differs in ${describeDifferences(diff)}); resume it with its own strategy, sets, options and data, or delete that folder`,
        );
    } else {
      if (existsSync(join(partial, SWEEP_FILES.results)))
        throw new UserError(
          `${label} has no ${SWEEP_FILES.identity} (written by an older version), so it cannot be checked; delete it and run the sweep again`,
        );
      writeFileAtomically(identityFile, JSON.stringify(identity, null, 1) + '\n');
    }
  } catch (e) {
    lock.release();
    throw e;
  }
  return lock;
}

/**
 * Brings a partial folder's results.csv and monthly.f32 to the same number of complete rows
 * (a kill may tear the last line or leave one file a batch ahead) and returns that number. Both
 * files are in set order, so the common prefix is consistent. Reads results.csv in chunks
 * (counting line ends), so a large partial sweep is not held in memory.
 */
function reconcile(resultsFile: string, monthlyFile: string, months: number, header: string): number {
  if (!existsSync(resultsFile)) return 0;
  const rowBytes = months * 4;
  const monthlySize = existsSync(monthlyFile) ? statSync(monthlyFile).size : 0;
  const binRows = rowBytes > 0 ? Math.floor(monthlySize / rowBytes) : 0;
  const fd = openSync(resultsFile, 'r+');
  let lines = 0; // complete, non-empty lines (the header first)
  let complete = 0; // bytes up to the last line end
  let cut = -1; // bytes up to the end of line binRows + 1 (the header and binRows rows)
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = 0;
    let lineStart = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      for (let i = buf.indexOf(0x0a, 0); i >= 0 && i < n; i = buf.indexOf(0x0a, i + 1)) {
        const end = pos + i + 1;
        if (end - 1 > lineStart) lines++;
        lineStart = end;
        complete = end;
        if (lines === binRows + 1 && cut < 0) cut = end;
      }
      pos += n;
    }
    const rows = Math.max(0, lines - 1);
    const keep = Math.min(rows, binRows);
    if (lines === 0) {
      ftruncateSync(fd, 0); // not even a whole header: start the file again
      writeFileSync(fd, header);
    } else ftruncateSync(fd, rows > keep ? cut : complete);
    if (keep * rowBytes !== monthlySize) {
      if (existsSync(monthlyFile)) {
        const m = openSync(monthlyFile, 'r+');
        try {
          ftruncateSync(m, keep * rowBytes);
        } finally {
          closeSync(m);
        }
      } else writeFileSync(monthlyFile, '');
    }
    return keep;
  } finally {
    closeSync(fd);
  }
}

/**
 * The files a sweep streams into its partial folder: months.json (written first), results.csv
 * and monthly.f32, appended batch by batch in set order. With resume, the rows an earlier run
 * wrote are kept (after {@link reconcile}) and can be read back once with {@link keptRows}.
 */
export class PartialFiles {
  readonly results: string;
  readonly monthly: string;
  /** Rows already in results.csv and monthly.f32 from an earlier run (resume). */
  readonly kept: number;

  constructor(
    readonly dir: string,
    readonly label: string,
    paramNames: readonly string[],
    monthsFile: MonthsFile,
    resume: boolean,
  ) {
    this.results = join(dir, SWEEP_FILES.results);
    this.monthly = join(dir, SWEEP_FILES.monthly);
    writeFileAtomically(join(dir, SWEEP_FILES.months), JSON.stringify(monthsFile) + '\n');
    const header = resultsHeader(paramNames).map(csvCell).join(',') + '\n'; // a parameter named a,b stays one column
    this.kept = resume ? reconcile(this.results, this.monthly, monthsFile.months.length, header) : 0;
    if (!existsSync(this.results)) {
      writeFileSync(this.results, header);
      writeFileSync(this.monthly, '');
    }
  }

  /**
   * Reads the kept rows of results.csv once, in order, with the project's CSV reader: each row's
   * cells by column name. Refuses a row whose set is not the one expected at its place.
   */
  keptRows(expectedIndex: (row: number) => number, onRow: (cell: (name: string) => string, row: number) => void): void {
    if (this.kept === 0) return;
    let row = 0;
    scanCsv(this.results, `${this.label}/${SWEEP_FILES.results}`, (header) => {
      const col = new Map(header.map((h, i) => [h, i]));
      return (cells, line) => {
        if (Number(cells[0]) !== expectedIndex(row))
          throw new UserError(
            `${this.label}/${SWEEP_FILES.results}:${line}: holds set ${cells[0]} where set ${expectedIndex(row)} belongs; delete ${this.label} and run the sweep again`,
          );
        onRow((name) => cells[col.get(name) ?? -1] ?? '', row++);
      };
    });
  }

  /**
   * The information ratio against the benchmark of each kept row (activeSharpe of its monthly
   * returns, NaN when none), read back from monthly.f32 in chunks: an earlier run of a resumed
   * sweep computed them but did not keep them. Empty when nothing was kept.
   */
  keptActiveSharpe(benchmark: Float64Array): Float64Array {
    const M = benchmark.length;
    const out = new Float64Array(this.kept).fill(NaN);
    readMonthlyRows(this.monthly, M, 0, this.kept, (f32, first, rows) => activeSharpes(f32, rows, M, benchmark, out, first));
    return out;
  }

  /** Appends finished batches (in set order): their monthly returns first, then their results.csv lines. */
  append(batches: readonly PackedBatch[]): void {
    // monthly returns first: a kill between the two writes leaves results.csv behind, which resume reconciles
    const bytes = batches.map((b) => new Uint8Array(b.monthly.buffer, b.monthly.byteOffset, b.monthly.byteLength));
    appendFileSync(this.monthly, bytes.length === 1 ? bytes[0] : Buffer.concat(bytes));
    let text = '';
    for (const b of batches) text += b.text;
    appendFileSync(this.results, text);
  }
}

/**
 * Moves a complete sweep from `<out>.partial` into place: marks it as written by ratecycle
 * (listing its files, so `--force` never deletes files a user adds later), releases the lock,
 * and renames it, replacing an older ratecycle folder only (checked again just before).
 */
export function finalizeSweep(summary: { partial: string; out: string; lock?: FolderLock }): string {
  const { partial, out } = summary;
  try {
    summary.lock?.release();
    writeFileSync(join(partial, MARKER), JSON.stringify({ writtenBy: 'ratecycle', files: listFiles(partial) }, null, 1) + '\n');
    let old = '';
    if (existsSync(out)) {
      const why = whyNotReplaceable(out, out);
      if (why) throw new UserError(why);
      old = `${partial}-old-${process.pid}`;
      renameSync(out, old);
    }
    try {
      mkdirSync(out); // claim: fails if another process created it meanwhile
    } catch (e) {
      if (old) renameSync(old, out);
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${out} appeared while the sweep was finishing; the results stay in ${partial}`);
      throw e;
    }
    renameSync(partial, out);
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    throw fsUserError(e, out);
  }
  return out;
}

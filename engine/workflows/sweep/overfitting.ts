import { Buffer } from 'node:buffer';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { deflatedSharpe } from '../../measure/metrics/psr.js';
import { accumulateBlocks, cscvBlocks, pboFromBlocks, type CscvBlocks, type PboResult } from '../../measure/stats/pbo.js';

export type { DeflatedSharpeReport, PboReport } from '../../formats/sweep-folder.js';
import type { DeflatedSharpeReport, PboReport } from '../../formats/sweep-folder.js';

/** The null of the deflated Sharpe ratio against cash, in words. */
export const CASH_NULL =
  "the selected set's true Sharpe ratio over cash (per bar) is no better than the best of as many unskilled trials (true Sharpe ratio 0); it does not test whether the set beats the benchmark";

/**
 * Deflated Sharpe ratio against cash of the selected set (per-bar Sharpe ratio, skew and excess
 * kurtosis of its returns over `bars` − 1 returns), given the number of trials and the variance
 * of their per-bar Sharpe ratios (Bailey & López de Prado 2014).
 */
export function deflatedSharpeVsCash(
  best: { sharpeBar: number; skew: number; kurtosis: number } | undefined,
  bars: number,
  trials: number,
  variance: number,
): DeflatedSharpeReport {
  const value = best ? deflatedSharpe(best.sharpeBar, bars - 1, best.skew, best.kurtosis, Math.max(trials, 1), variance) : NaN;
  return { value, null: CASH_NULL, observations: bars - 1, frequency: 'bar', trials };
}

/** Largest number of sets the probability of backtest overfitting is computed for (its time grows linearly with the sets). */
export const PBO_MAX_SETS = 250_000;

/** Rows read at a time from the monthly returns file (≈ 1.2 MB for 100 years of months). */
const CHUNK_ROWS = 256;

/** The information ratio of a row from its sum of active returns, their mean and their sum of squared deviations (NaN when it takes no part). */
function ratio(s: number, mu: number, v: number, M: number): number {
  if (!Number.isFinite(s) || M < 2) return NaN;
  const sr = mu / Math.sqrt(v / (M - 1));
  return Number.isFinite(sr) ? sr : NaN;
}

/**
 * The Sharpe ratio of one set's monthly active returns (its Float32 monthly excess returns from
 * `offset` minus the benchmark's): its information ratio against the benchmark, or NaN when it
 * takes no part in the deflated Sharpe ratio (a failed set's NaN row, fewer than two months, no
 * spread). Computed from the very Float32 values monthly.f32 holds, in the same order as the
 * end of a sweep read them back before: the same bits.
 */
export function activeSharpe(f32: Float32Array, offset: number, M: number, benchmark: Float64Array): number {
  let s = 0;
  for (let m = 0; m < M; m++) s += f32[offset + m] - benchmark[m];
  const mu = s / M;
  let v = 0;
  for (let m = 0; m < M; m++) {
    const d = f32[offset + m] - benchmark[m] - mu;
    v += d * d;
  }
  return ratio(s, mu, v, M);
}

/**
 * {@link activeSharpe} of `rows` consecutive rows of `f32` (row r from r × M), written to
 * out[at + r × stride]: four rows at a time (four sums in one loop run about twice as fast as one,
 * whose every addition waits for the one before), each row's sums taken in the same order as
 * activeSharpe takes them: the same bits (a test compares them).
 */
export function activeSharpes(f32: Float32Array, rows: number, M: number, benchmark: Float64Array, out: Float64Array, at = 0, stride = 1): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const o0 = r * M,
      o1 = o0 + M,
      o2 = o1 + M,
      o3 = o2 + M;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let m = 0; m < M; m++) {
      const b = benchmark[m];
      s0 += f32[o0 + m] - b;
      s1 += f32[o1 + m] - b;
      s2 += f32[o2 + m] - b;
      s3 += f32[o3 + m] - b;
    }
    const mu0 = s0 / M,
      mu1 = s1 / M,
      mu2 = s2 / M,
      mu3 = s3 / M;
    let v0 = 0,
      v1 = 0,
      v2 = 0,
      v3 = 0;
    for (let m = 0; m < M; m++) {
      const b = benchmark[m];
      const d0 = f32[o0 + m] - b - mu0,
        d1 = f32[o1 + m] - b - mu1,
        d2 = f32[o2 + m] - b - mu2,
        d3 = f32[o3 + m] - b - mu3;
      v0 += d0 * d0;
      v1 += d1 * d1;
      v2 += d2 * d2;
      v3 += d3 * d3;
    }
    out[at + r * stride] = ratio(s0, mu0, v0, M);
    out[at + (r + 1) * stride] = ratio(s1, mu1, v1, M);
    out[at + (r + 2) * stride] = ratio(s2, mu2, v2, M);
    out[at + (r + 3) * stride] = ratio(s3, mu3, v3, M);
  }
  for (; r < rows; r++) out[at + r * stride] = activeSharpe(f32, r * M, M, benchmark);
}

/** {@link activeSharpe} of one set with the skew and excess kurtosis of its active returns (what the selected set's deflated Sharpe ratio needs). */
export function activeMoments(f32: Float32Array, offset: number, M: number, benchmark: Float64Array): { sr: number; skew: number; kurt: number } {
  const sr = activeSharpe(f32, offset, M, benchmark);
  if (!Number.isFinite(sr)) return { sr: NaN, skew: NaN, kurt: NaN };
  let s = 0;
  for (let m = 0; m < M; m++) s += f32[offset + m] - benchmark[m];
  const mu = s / M;
  let v = 0,
    c3 = 0,
    c4 = 0;
  for (let m = 0; m < M; m++) {
    const e = f32[offset + m] - benchmark[m] - mu;
    v += e * e;
    c3 += e * e * e;
    c4 += e * e * e * e;
  }
  const pop = v / M;
  return { sr, skew: c3 / M / pop ** 1.5, kurt: c4 / M / (pop * pop) - 3 };
}

/**
 * The information ratios of a sweep's rows against the benchmark, taken in row order (Welford
 * over the sets; a row whose ratio is NaN takes no part): the trials and the variance of the
 * deflated Sharpe ratio against the benchmark.
 */
export class ActiveSharpeRatios {
  /** Rows with a finite ratio. */
  n = 0;
  private mean = 0;
  private m2 = 0;

  add(sr: number): void {
    if (!Number.isFinite(sr)) return;
    this.n++;
    const d = sr - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (sr - this.mean);
  }

  /** Sample variance of the ratios (0 below two). */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }
}

/**
 * Deflated Sharpe ratio against the benchmark of the selected set (the Sharpe ratio, skew and
 * excess kurtosis of its monthly active returns: {@link activeMoments}; undefined without one)
 * given the ratios of every set: whether its information ratio beats the best of as many
 * unskilled trials.
 */
export function deflatedSharpeVsBenchmark(
  best: { sr: number; skew: number; kurt: number } | undefined,
  ratios: ActiveSharpeRatios,
  months: number,
  benchmarkName: string,
): DeflatedSharpeReport {
  const n = ratios.n;
  return {
    value: best && Number.isFinite(best.sr) ? deflatedSharpe(best.sr, months, best.skew, best.kurt, Math.max(n, 1), ratios.variance) : NaN,
    null: `the selected set's true information ratio against ${benchmarkName}, i.e. the Sharpe ratio of its monthly returns minus the benchmark's, is no better than the best of as many unskilled trials`,
    observations: months,
    frequency: 'month',
    trials: n,
  };
}

/** Reads rows [first, first + count) of a monthly returns file, `CHUNK_ROWS` at a time: `onRows(values, firstRow, rows)`. */
export function readMonthlyRows(
  file: string,
  M: number,
  first: number,
  count: number,
  onRows: (f32: Float32Array, firstRow: number, rows: number) => void,
): void {
  if (count <= 0 || M <= 0) return;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow(Math.min(CHUNK_ROWS, count) * M * 4);
    const f32 = new Float32Array(buf.buffer, 0, Math.min(CHUNK_ROWS, count) * M);
    for (let r0 = first; r0 < first + count; r0 += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, first + count - r0);
      const got = readSync(fd, buf, 0, rows * M * 4, r0 * M * 4);
      if (got !== rows * M * 4) throw new Error(`${file}: expected ${rows * M * 4} bytes at row ${r0}, read ${got}`);
      onRows(f32, r0, rows);
    }
  } finally {
    closeSync(fd);
  }
}

/** Options of {@link pboFromFile}. */
export interface PboInput {
  /** The sweep's `monthly.f32`: one row of `months` Float32 excess returns per results.csv row. */
  file: string;
  rows: number;
  months: number;
  /** CSCV blocks (default 16). */
  blocks?: number;
}

/**
 * The probability of backtest overfitting of a sweep (CSCV on the monthly Sharpe ratio), from
 * its per-set monthly returns, reading the file in chunks (memory: the CSCV block sums, 256
 * bytes per set, not the whole matrix); rows holding NaN (failed sets) take no part. The file is
 * read only when the PBO is computed: not above {@link PBO_MAX_SETS} sets nor for too few months
 * (the report then says why). `pbo` computes the splits (e.g. in chunks on a worker pool).
 */
export async function pboFromFile(x: PboInput, pbo: (blocks: CscvBlocks) => Promise<PboResult> = async (b) => pboFromBlocks(b)): Promise<PboReport> {
  if (x.rows > PBO_MAX_SETS)
    return {
      value: null,
      reason: `${x.rows.toLocaleString('en-US')} sets exceed the ${PBO_MAX_SETS.toLocaleString('en-US')} it is computed for (its 12,870 splits each rank every set)`,
    };
  const M = x.months;
  let blocks: CscvBlocks;
  try {
    blocks = cscvBlocks(x.rows, M, x.blocks ?? 16);
  } catch (e) {
    return { value: null, reason: (e as Error).message.replace(/^PBO: /, '') };
  }
  if (existsSync(x.file) && statSync(x.file).size) readMonthlyRows(x.file, M, 0, x.rows, (f32, first, rows) => accumulateBlocks(blocks, f32, rows, M, first));
  return pboReport(await pbo(blocks));
}

/** The report of a PBO result. */
function pboReport(r: PboResult): PboReport {
  if (r.trials < 2) return { value: null, reason: `${r.trials} set(s) with finite monthly returns; it needs at least 2` };
  return {
    value: r.pbo,
    statistic: 'Sharpe ratio of monthly returns in excess of cash',
    blocks: r.blocks,
    splits: r.splits,
    trials: r.trials,
    months: r.observations,
    dropped: r.dropped,
    medianLogit: r.medianLogit,
    probOosLoss: r.probOosLoss,
    degradation: r.degradation,
  };
}

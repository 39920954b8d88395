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

/** Options of {@link overfittingFromFile}. */
export interface OverfittingInput {
  /** The sweep's `monthly.f32`: one row of `months` Float32 excess returns per results.csv row. */
  file: string;
  rows: number;
  months: number;
  /** Monthly returns of the benchmark in excess of cash. */
  benchmark: Float64Array;
  benchmarkName: string;
  /** Row of the selected (best) set, or −1. */
  bestRow: number;
  /** CSCV blocks (default 16). */
  blocks?: number;
}

/**
 * The overfitting statistics a sweep computes from its per-set monthly returns, reading the
 * file in chunks (memory: the CSCV block sums, 256 bytes per set, not the whole matrix):
 * the probability of backtest overfitting (CSCV on the monthly Sharpe ratio) and the
 * deflated Sharpe ratio of the selected set against the benchmark, i.e. of its monthly active
 * returns (set − benchmark) with the cross-set variance of their Sharpe ratios (the
 * information ratio). Rows holding NaN (failed sets) take no part.
 */
export function overfittingFromFile(x: OverfittingInput): { pbo: PboReport; vsBenchmark: DeflatedSharpeReport } {
  const r = readOverfitting(x);
  return { pbo: r.blocks ? pboReport(pboFromBlocks(r.blocks)) : { value: null, reason: r.reason }, vsBenchmark: r.vsBenchmark };
}

/** {@link overfittingFromFile} with the PBO's splits computed by `pbo` (e.g. in chunks on a worker pool). */
export async function overfittingFromFileWith(
  x: OverfittingInput,
  pbo: (blocks: CscvBlocks) => Promise<PboResult>,
): Promise<{ pbo: PboReport; vsBenchmark: DeflatedSharpeReport }> {
  const r = readOverfitting(x);
  return { pbo: r.blocks ? pboReport(await pbo(r.blocks)) : { value: null, reason: r.reason }, vsBenchmark: r.vsBenchmark };
}

/** Reads the monthly returns file once: the CSCV block sums (or why there are none) and the deflated Sharpe ratio against the benchmark. */
function readOverfitting(x: OverfittingInput): { blocks?: CscvBlocks; reason: string; vsBenchmark: DeflatedSharpeReport } {
  const S = x.blocks ?? 16;
  const M = x.months;
  const vsNull = `the selected set's true information ratio against ${x.benchmarkName}, i.e. the Sharpe ratio of its monthly returns minus the benchmark's, is no better than the best of as many unskilled trials`;
  let blocks: ReturnType<typeof cscvBlocks> | undefined;
  let reason = '';
  try {
    blocks = cscvBlocks(x.rows, M, S);
  } catch (e) {
    reason = (e as Error).message.replace(/^PBO: /, '');
  }
  if (x.rows > PBO_MAX_SETS) {
    blocks = undefined;
    reason = `${x.rows.toLocaleString('en-US')} sets exceed the ${PBO_MAX_SETS.toLocaleString('en-US')} it is computed for (its 12,870 splits each rank every set)`;
  }
  // information ratio of every set (Welford over sets) and the moments of the selected one
  let n = 0,
    mean = 0,
    m2 = 0;
  let best = { sr: NaN, skew: NaN, kurt: NaN };
  const size = existsSync(x.file) ? statSync(x.file).size : 0;
  const fd = size ? openSync(x.file, 'r') : -1;
  try {
    const buf = Buffer.allocUnsafeSlow(CHUNK_ROWS * M * 4);
    const f32 = new Float32Array(buf.buffer, 0, CHUNK_ROWS * M);
    const a = new Float64Array(M);
    for (let first = 0; first < x.rows && fd >= 0; first += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, x.rows - first);
      const got = readSync(fd, buf, 0, rows * M * 4, first * M * 4);
      if (got !== rows * M * 4) throw new Error(`${x.file}: expected ${rows * M * 4} bytes at row ${first}, read ${got}`);
      if (blocks) accumulateBlocks(blocks, f32, rows, M, first);
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let m = 0; m < M; m++) s += a[m] = f32[r * M + m] - x.benchmark[m];
        if (!Number.isFinite(s) || M < 2) continue;
        const mu = s / M;
        let v = 0;
        for (let m = 0; m < M; m++) {
          const d = a[m] - mu;
          v += d * d;
        }
        const sr = mu / Math.sqrt(v / (M - 1));
        if (!Number.isFinite(sr)) continue;
        n++;
        const d = sr - mean;
        mean += d / n;
        m2 += d * (sr - mean);
        if (first + r === x.bestRow) {
          // the third and fourth moments only for the selected set
          let c3 = 0,
            c4 = 0;
          for (let m = 0; m < M; m++) {
            const e = a[m] - mu;
            c3 += e * e * e;
            c4 += e * e * e * e;
          }
          const pop = v / M;
          best = { sr, skew: c3 / M / pop ** 1.5, kurt: c4 / M / (pop * pop) - 3 };
        }
      }
    }
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  const variance = n > 1 ? m2 / (n - 1) : 0;
  const vsBenchmark: DeflatedSharpeReport = {
    value: Number.isFinite(best.sr) ? deflatedSharpe(best.sr, M, best.skew, best.kurt, Math.max(n, 1), variance) : NaN,
    null: vsNull,
    observations: M,
    frequency: 'month',
    trials: n,
  };
  return { blocks, reason, vsBenchmark };
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

import { PACKED_STATS, type PackedBatch } from './batch-results.js';
import type { SweepSet } from './run-batch.js';

/** A set kept for its metric value: its index, parameters and value. */
export interface RankedSet {
  index: number;
  params: Record<string, unknown>;
  value: number;
}

/** Per-bar Sharpe ratio, skew and excess kurtosis of a set's returns (what its deflated Sharpe ratio needs). */
export interface SharpeMoments {
  sharpeBar: number;
  skew: number;
  kurtosis: number;
}

/**
 * What a sweep keeps of its sets while they are written, in set order (so nothing depends on
 * which thread finished first): the failures, the best set by the ranking metric (first in set
 * order among equals) with its moments, the `top` best sets, the variance of the per-bar Sharpe
 * ratios over the sets (Welford; the deflated Sharpe ratio's trials and variance), and the
 * ranking metric of every row (8 bytes a set: the sweep page's heat map, sensitivities and
 * distribution are computed from it at the end, not from results.csv).
 */
export class RunningStatistics {
  /** Rows recorded (results.csv rows, in order). */
  rows = 0;
  errors = 0;
  best?: RankedSet;
  /** Moments of the best set; undefined when it came from an earlier run of a resumed sweep. */
  bestMoments?: SharpeMoments;
  /** The best sets, best first (ties: lower index first). */
  readonly top: RankedSet[] = [];
  /** The ranking metric of each row (NaN: failed, or not a finite number). */
  readonly values: Float64Array;
  private n = 0;
  private mean = 0;
  private m2 = 0;

  constructor(
    rows: number,
    private readonly topN: number,
  ) {
    this.values = new Float64Array(rows).fill(NaN);
  }

  /** Sets with a finite per-bar Sharpe ratio: the trials of the deflated Sharpe ratio. */
  get trials(): number {
    return this.n;
  }

  /** Sample variance of the per-bar Sharpe ratios over the trials (0 below two). */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }

  /** The next row: a failed set, or its ranking metric `value` and per-bar Sharpe ratio (moments: when known). */
  add(index: number, params: Record<string, unknown>, failed: boolean, value: number, sharpeBar: number, moments?: SharpeMoments): void {
    const row = this.rows++;
    if (failed) {
      this.errors++;
      return;
    }
    if (Number.isFinite(value)) this.values[row] = value;
    if (Number.isFinite(value) && (!this.best || value > this.best.value)) {
      this.best = { index, params, value };
      this.bestMoments = moments;
    }
    this.keepTop(index, params, value);
    if (Number.isFinite(sharpeBar)) {
      this.n++;
      const d = sharpeBar - this.mean;
      this.mean += d / this.n;
      this.m2 += d * (sharpeBar - this.mean);
    }
  }

  /** The rows of a written batch, in set order. */
  addBatch(sets: readonly SweepSet[], b: PackedBatch): void {
    for (let i = 0; i < sets.length; i++) {
      const o = i * PACKED_STATS;
      const s = b.stats;
      this.add(sets[i].index, sets[i].params, b.failed[i] === 1, s[o], s[o + 1], { sharpeBar: s[o + 1], skew: s[o + 2], kurtosis: s[o + 3] });
    }
  }

  private keepTop(index: number, params: Record<string, unknown>, value: number): void {
    const top = this.top;
    if (!Number.isFinite(value) || this.topN <= 0) return;
    if (top.length === this.topN && value <= top[top.length - 1].value) return;
    top.push({ index, params, value });
    top.sort((a, b) => b.value - a.value || a.index - b.index);
    if (top.length > this.topN) top.pop();
  }
}

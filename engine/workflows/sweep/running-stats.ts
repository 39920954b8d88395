import { PACKED_STATS, type PackedBatch } from './batch-results.js';
import { ActiveSharpeRatios } from './overfitting.js';
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
 * order among equals) with its moments and its monthly returns, the `top` best sets, the variance
 * of the per-bar Sharpe ratios over the sets (Welford; the deflated Sharpe ratio's trials and
 * variance), the information ratios against the benchmark over the sets (the same for the
 * deflated Sharpe ratio against the benchmark: nothing re-reads monthly.f32 for it), and the
 * ranking metric of every row (8 bytes a set: the sweep page's heat map, sensitivities and
 * distribution are computed from it at the end, not from results.csv).
 */
export class RunningStatistics {
  /** Rows recorded (results.csv rows, in order). */
  rows = 0;
  errors = 0;
  best?: RankedSet;
  /** Row of the best set in results.csv (−1: none). */
  bestRow = -1;
  /** Moments of the best set; undefined when it came from an earlier run of a resumed sweep. */
  bestMoments?: SharpeMoments;
  /** Monthly excess returns of the best set (a copy); undefined when it came from an earlier run of a resumed sweep (they are in monthly.f32). */
  bestMonthly?: Float32Array;
  /** The best sets, best first (ties: lower index first). */
  readonly top: RankedSet[] = [];
  /** The ranking metric of each row (NaN: failed, or not a finite number). */
  readonly values: Float64Array;
  /** The information ratio of each row against the benchmark, in row order (the deflated Sharpe ratio against the benchmark). */
  readonly active = new ActiveSharpeRatios();
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private copy?: Float32Array;

  constructor(
    rows: number,
    private readonly topN: number,
    /** Months of each set's monthly returns. */
    private readonly months = 0,
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

  /**
   * The next row: a failed set, or its ranking metric `value` and per-bar Sharpe ratio (moments:
   * when known); `activeSharpe`: its information ratio against the benchmark (NaN: none);
   * `monthly`, from `offset`: its monthly returns, when at hand (a copy is kept while it is the best).
   */
  add(
    index: number,
    params: Record<string, unknown>,
    failed: boolean,
    value: number,
    sharpeBar: number,
    moments?: SharpeMoments,
    activeSharpe = NaN,
    monthly?: Float32Array,
    offset = 0,
  ): void {
    const row = this.rows++;
    this.active.add(activeSharpe); // every row with a ratio (a failed set's row of monthly.f32 is NaN: none)
    if (failed) {
      this.errors++;
      return;
    }
    if (Number.isFinite(value)) this.values[row] = value;
    if (Number.isFinite(value) && (!this.best || value > this.best.value)) {
      this.best = { index, params, value };
      this.bestRow = row;
      this.bestMoments = moments;
      if (monthly) {
        this.copy ??= new Float32Array(this.months);
        this.copy.set(monthly.subarray(offset, offset + this.months));
        this.bestMonthly = this.copy;
      } else this.bestMonthly = undefined;
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
    const s = b.stats;
    for (let i = 0; i < sets.length; i++) {
      const o = i * PACKED_STATS;
      this.add(
        sets[i].index,
        sets[i].params,
        b.failed[i] === 1,
        s[o],
        s[o + 1],
        { sharpeBar: s[o + 1], skew: s[o + 2], kurtosis: s[o + 3] },
        s[o + 4],
        b.monthly,
        i * this.months,
      );
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

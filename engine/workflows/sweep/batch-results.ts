import { csvCell } from '../../core/io/csv-writer.js';
import { METRIC_COLUMNS, resultsHeader } from '../../formats/sweep-folder.js';
import type { SweepRow } from './run-batch.js';
import { metricColumn } from '../../measure/metrics/metric-names.js';
import { activeSharpes } from './overfitting.js';

export { METRIC_COLUMNS, resultsHeader };

/**
 * A finished batch as the sweep writes it: its results.csv lines, its monthly returns and the
 * few numbers the running statistics need, computed where the batch ran (a worker thread),
 * so the main thread only appends and counts. Much smaller to pass between threads than the
 * rows themselves (one string and two typed arrays, not an object per set).
 */
export interface PackedBatch {
  /** results.csv lines of the batch's sets, in set order. */
  text: string;
  /** Monthly excess returns, one row of `months` values per set (NaN for a failed set). */
  monthly: Float32Array;
  /**
   * Per set: ranking metric, per-bar Sharpe ratio, skew, excess kurtosis, and the information
   * ratio of its monthly returns against the benchmark (activeSharpe; NaN for a failed set).
   */
  stats: Float64Array;
  /** Per set: 1 when it failed (its error is in its line). */
  failed: Uint8Array;
}

/** Numbers per set in {@link PackedBatch.stats}. */
export const PACKED_STATS = 5;

/** snake_case of a metric key (column names of results.csv): see metricColumn. */
export const snake = metricColumn;

/** One results.csv line. */
export function resultsLine(row: SweepRow, paramNames: readonly string[]): string {
  const m = row.metrics as unknown as Record<string, number> | undefined;
  let line = csvCell(row.index);
  for (const p of paramNames) line += ',' + csvCell(row.params[p] as string | number | boolean);
  for (const k of METRIC_COLUMNS) line += ',' + (m ? csvCell(m[k]) : '');
  return line + ',' + csvCell(row.error ?? '') + '\n';
}

/**
 * The batch's monthly returns as one array when the rows' own arrays are its consecutive
 * slices (runBatch writes them so: row i at i × months of one buffer), else null.
 */
function inPlace(rows: readonly SweepRow[], months: number): Float32Array | null {
  let whole: Float32Array | null = null;
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i].monthly;
    if (!m) continue;
    const start = m.byteOffset - i * months * 4;
    if (m.length !== months || start < 0) return null;
    if (!whole) {
      if (start + rows.length * months * 4 > m.buffer.byteLength) return null;
      whole = new Float32Array(m.buffer, start, rows.length * months);
    } else if (m.buffer !== whole.buffer || start !== whole.byteOffset) return null;
  }
  return whole;
}

/**
 * Packs a batch's rows: `key` is the ranking metric (a SweepMetrics key), `months` the monthly
 * returns per set (taken in place when runBatch wrote them into one buffer, NaN for a failed set),
 * `benchmark` the benchmark's monthly excess returns (each set's information ratio against it is
 * computed here, from the Float32 values monthly.f32 will hold; NaN without it).
 */
export function packRows(rows: readonly SweepRow[], paramNames: readonly string[], key: string, months: number, benchmark?: Float64Array): PackedBatch {
  let text = '';
  const shared = inPlace(rows, months);
  const monthly = shared ?? new Float32Array(rows.length * months).fill(NaN);
  const stats = new Float64Array(rows.length * PACKED_STATS).fill(NaN);
  const failed = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    text += resultsLine(r, paramNames);
    const m = r.metrics;
    if (r.error || !m || !r.monthly) monthly.fill(NaN, i * months, (i + 1) * months);
    if (r.error || !m) {
      failed[i] = 1;
      return;
    }
    if (r.monthly && !shared) monthly.set(r.monthly, i * months);
    const o = i * PACKED_STATS;
    stats[o] = (m as unknown as Record<string, number>)[key];
    stats[o + 1] = m.sharpeBar;
    stats[o + 2] = m.skew;
    stats[o + 3] = m.kurtosis;
  });
  // each set's information ratio against the benchmark, from the monthly returns as written (a failed set's NaN row: NaN)
  if (benchmark) activeSharpes(monthly, rows.length, months, benchmark, stats, 4, PACKED_STATS);
  return { text, monthly, stats, failed };
}

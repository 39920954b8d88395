/**
 * The sweep folder's format: its file names, the columns of results.csv, what months.json
 * records beside monthly.f32, and the report types of sweep.json (the deflated Sharpe ratio
 * with its null, and the probability of backtest overfitting or why it was not computed).
 * The sweep writes these files (engine/workflows/sweep), `merge` reads and writes them, and the
 * sweep page (reports/sweep) is rendered from what the sweep computed ({@link SweepPageData}).
 */
import type { Cell } from '../core/io/csv-writer.js';
import { metricColumn } from '../measure/metrics/metric-names.js';
import { SUMMARY_KEYS } from '../measure/metrics/summary-metrics.js';

/** File names inside a sweep folder (and `top/`, the folder of the best sets' full runs). */
export const SWEEP_FILES = {
  /** One line per parameter set, in set order: index, parameters, metrics, error. */
  results: 'results.csv',
  /** One row of Float32 monthly excess returns per results.csv row (see {@link MonthsFile}). */
  monthly: 'monthly.f32',
  /** What the columns of monthly.f32 are, the benchmark's months, the metric and bars ({@link MonthsFile}). */
  months: 'months.json',
  /** The sweep's identity (resume and merge compare it). */
  identity: 'identity.json',
  /** The manifest: source, best set, deflated Sharpe ratios, PBO, buy-and-hold, identity. */
  manifest: 'sweep.json',
  /** Histogram of the ranking metric over the sets. */
  distribution: 'sweep-distribution.csv',
  /** The sweep page. */
  page: 'sweep.html',
  /** Full run folders of the best sets (`top/<rank>-set<index>`). */
  top: 'top',
} as const;

/** months.json's `layout`. */
export const MONTHLY_LAYOUT =
  'Float32 little-endian; one row per results.csv row (NaN for a failed set); monthly return of the set minus the cash return of the month';

/** sweep.json's `months.layout`. */
export const MANIFEST_MONTHLY_LAYOUT = 'Float32 little-endian, one row of monthly returns in excess of cash per results.csv row (NaN for failed sets)';

/** months.json: what the rows of monthly.f32 mean, and the benchmark's months (what merge needs to recompute the statistics). */
export interface MonthsFile {
  /** Last date of each month (the columns of monthly.f32). */
  months: string[];
  /** Every row: monthly return of the set minus the cash return of the month, Float32 little-endian. */
  layout: string;
  benchmark: { name: string; excess: number[] };
  /** Ranking metric and bars per set (for the deflated Sharpe ratio against cash). */
  metric: string;
  bars: number;
}

/** The metric columns of results.csv, in order (SweepMetrics keys; the file names them in snake_case). */
export const METRIC_COLUMNS = [...SUMMARY_KEYS.filter((k) => k !== 'sharpeBar'), 'exposure', 'turnoverAnnual', 'rebalances', 'sharpeBar'] as const;

/** results.csv's columns besides the parameters and the metrics, and the metric columns the running statistics read. */
export const RESULTS_COLUMNS = { index: 'index', error: 'error', sharpeBar: 'sharpe_bar', skew: 'skew', kurtosis: 'kurtosis' } as const;

/** The header of results.csv for a strategy's parameter names. */
export function resultsHeader(paramNames: readonly string[]): string[] {
  return [RESULTS_COLUMNS.index, ...paramNames, ...METRIC_COLUMNS.map(metricColumn), RESULTS_COLUMNS.error];
}

/** A deflated Sharpe ratio with the null it tests and what it was computed from. */
export interface DeflatedSharpeReport {
  /** Probability that the selected set's true ratio exceeds the best of `trials` unskilled trials; NaN when undefined. */
  value: number;
  /** The null hypothesis, in words. */
  null: string;
  /** Observations of the selected set's ratio, and their frequency. */
  observations: number;
  frequency: 'bar' | 'month';
  /** Sets with a finite ratio (each set is a distinct parameter set). */
  trials: number;
}

/** The probability of backtest overfitting of a sweep, or why it was not computed. */
export type PboReport =
  | {
      value: number;
      /** Performance statistic of each half. */
      statistic: string;
      blocks: number;
      splits: number;
      trials: number;
      months: number;
      dropped: number;
      medianLogit: number;
      probOosLoss: number;
      degradation: { slope: number; intercept: number };
    }
  | { value: null; reason: string };

/** A point of a sensitivity chart: a value of the parameter (as results.csv holds it), the first row with the best metric at it, and that metric. */
export interface SensitivityPoint {
  value: string;
  row: number;
  metric: number;
}

/** The ranking metric against one parameter, from the rows of results.csv. */
export interface SensitivitySeries {
  param: string;
  /**
   * `others at best`: over the rows whose other parameters (those the page varies) hold the best
   * set's values, when there are at least two of those; `profile`: over every row with a metric.
   */
  mode: 'others at best' | 'profile';
  /** One per value with a metric among those rows, in the order of the value's first such row. */
  points: SensitivityPoint[];
}

/**
 * What the sweep page draws, computed over every row of results.csv (the rows themselves are not
 * part of it: its size is the grid's values, not the number of sets). Metrics are as results.csv
 * writes them and reads back (no −0).
 */
export interface SweepPageData {
  /** Each parameter with a column in results.csv: its distinct values as the cells read back, in the order of their first row. */
  columns: { name: string; values: string[] }[];
  /**
   * The heat map's parameters (the same name twice for one) and the best metric of each pair of
   * their values that has one, in the order of the pair's first row with a metric; a parameter
   * without a column in results.csv counts as one value, `undefined`.
   */
  heat: { x: string; y: string; cells: { x: string | undefined; y: string | undefined; value: number }[] };
  /** For each parameter of the best set with a column and several values, in the best set's order; none without a best set. */
  sensitivity: SensitivitySeries[];
  /** The metric's histogram: sweep-distribution.csv's header and rows. */
  distribution: { header: string[]; rows: Cell[][] };
}

/**
 * The run folder's format (reports/run-folder.md lists every file and column): the definitions
 * written into run.json, metrics as JSON values, and the types the writers and readers of the
 * folder meet at.
 */
import { isoDay } from '../core/dates.js';
import type { Cell, CsvColumn } from '../core/io/csv-writer.js';
import { METRIC_DEFINITIONS, type Metrics } from '../measure/metrics/metric-definitions.js';

/** The metrics that are dates (days since 1970-01-01 in memory, ISO dates in the folder's files). */
export const METRIC_DATE_FIELDS: ReadonlySet<string> = new Set(
  Object.entries(METRIC_DEFINITIONS)
    .filter(([, d]) => d.unit === 'date')
    .map(([k]) => k),
);

/** Metrics as JSON-ready values: dates as ISO strings, NaN as null. */
export function metricsJson(m: Metrics): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(m)) {
    if (METRIC_DATE_FIELDS.has(k)) out[k] = Number.isFinite(v) ? isoDay(v as number) : null;
    else out[k] = Number.isFinite(v) ? (v as number) : null;
  }
  return out;
}

/** Definitions written into run.json so the CSVs can be read without the code. */
export const RUN_DEFINITIONS = {
  returns: 'fractions per bar, close to close; equity starts at 1',
  lag: 'a weight decided at bar t is traded at the close of bar t + lag',
  regimes:
    "phase rows chain the bars whose return was earned while the phase known at the previous close was easing, tightening or hold; cycle rows run from a cycle's first move to the next cycle's first move; relative = (1 + small) / (1 + large) − 1",
  events:
    'event date = FOMC decision date (first cut of an easing cycle, or any cut/hike); entry = close of the first bar on or after it; exit = last bar on or before entry + h calendar months (month ends map to month ends); returns of the universe series as shipped (see universe.units: price index or total return); spread = small − large',
} as const;

/** Writes one CSV file of a run folder from its header and rows. */
export type CsvSink = (name: string, header: readonly string[], rows: Iterable<readonly Cell[]>) => void;

/** Writes one CSV file of a run folder from its header and `length` rows given by columns (see csvColumns). */
export type CsvTableSink = (name: string, header: readonly string[], columns: readonly CsvColumn[], length: number) => void;

/** The CSVs a run folder was just written with, by file name: header and cells as read back (see CsvDocument). */
export type WrittenTables = ReadonlyMap<string, { header: string[]; rows: string[][] | undefined }>;

/**
 * Every file of a run folder, as reports/run-folder.md documents them (report.html only when the
 * report is written; factors.csv and factors-rolling.csv only when the catalog has the factor
 * series, as the shipped one does; the folder's `.ratecycle` marker besides).
 */
export const RUN_FILES = [
  'run.json',
  'metrics.json',
  'equity.csv',
  'weights.csv',
  'trades.csv',
  'metrics.csv',
  'metrics-wide.csv',
  'drawdowns.csv',
  'returns.csv',
  'buy-hold.csv',
  'rolling.csv',
  'returns-monthly.csv',
  'returns-annual.csv',
  'distribution.csv',
  'quantiles.csv',
  'round-trips.csv',
  'round-trips-summary.csv',
  'regimes.csv',
  'events.csv',
  'events-summary.csv',
  'events-path.csv',
  'strategy-inference.csv',
  'factors.csv',
  'factors-rolling.csv',
  'fomc.csv',
  'report.html',
] as const;

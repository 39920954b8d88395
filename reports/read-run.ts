import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, UserError } from '../engine/core/errors.js';
import { readCsv } from '../engine/market/data/read-csv.js';
import type { WrittenTables } from '../engine/formats/run-folder.js';

/** A CSV of a run folder as header-keyed text cells. */
export type Table = Record<string, string>[];

/** Everything a run folder holds (see reports/run-folder.md), as read back from disk. */
export interface RunData {
  dir: string;
  manifest: RunManifest;
  equity: Table;
  weights: Table;
  trades: Table;
  metrics: MetricsFile;
  drawdowns: Table;
  /** Per-bar returns of the strategy, each asset, cash and the benchmark (returns.csv). */
  returns: Table;
  /** Buy-and-hold equity and drawdown of each asset (buy-hold.csv). */
  buyHold: Table;
  /** Trailing 12-month return, volatility, Sharpe and beta per series (rolling.csv). */
  rolling: Table;
  /** Histogram of monthly returns with normal fits (distribution.csv). */
  distribution: Table;
  /** Box statistics of returns by period (quantiles.csv). */
  quantiles: Table;
  /** Calendar-month and calendar-year returns (returns-monthly.csv, returns-annual.csv). */
  monthly: Table;
  annual: Table;
  /** Round trips per asset and their statistics (round-trips.csv, round-trips-summary.csv). */
  roundTrips: Table;
  roundTripsSummary: Table;
  regimes: Table;
  events: Table;
  eventsSummary: Table;
  fomc: Table;
  /** The factor regressions and rolling loadings (factors.csv, factors-rolling.csv); undefined for a folder without them (an older run, or a catalog without the factor series). */
  factors?: Table;
  factorsRolling?: Table;
}

/** `run.json`. */
export interface RunManifest {
  id: string;
  version: string;
  strategy: { id: string; name: string; description: string; file: string | null; hash: string | null; params: Record<string, unknown> };
  universe: { id: string; assets: string[]; small: string; large: string; bonds?: string; frequency: string; units?: Record<string, string> };
  period: { from: string; to: string; bars: number; periodsPerYear: number };
  options: {
    lag: number;
    rebalance: string;
    costBps: number | number[];
    slippageBps: number;
    allowShort: boolean;
    allowLeverage: boolean;
    borrowSpreadBps: number;
  };
  benchmark: string;
  data: { dir: string; hashes: Record<string, string> };
  warnings?: string[];
}

/** `metrics.json`. */
export interface MetricsFile {
  columns: string[];
  metrics: Record<string, Record<string, number | string | null>>;
  definitions: Record<string, { label: string; unit: string; definition: string }>;
}

function readTable(dir: string, name: string): Table {
  const path = join(dir, name);
  if (!existsSync(path)) {
    // a run folder of an older version lacks the files added since: say so rather than doubt the folder
    if (existsSync(join(dir, 'run.json')) && existsSync(join(dir, 'equity.csv')))
      throw new UserError(`${path}: missing; ${dir} was written by an older ratecycle; run it again to get ${name}`);
    throw new UserError(`${path}: missing; is ${dir} a ratecycle run folder?`);
  }
  const { header, rows } = readCsv(path);
  return records(header, rows);
}

function readJson<T>(dir: string, name: string): T {
  const path = join(dir, name);
  if (!existsSync(path)) throw new UserError(`${path}: missing; is ${dir} a ratecycle run folder?`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new DataError(path, undefined, undefined, `is not valid JSON (${(e as Error).message})`);
  }
}

/** Header-keyed records of a table's rows. */
function records(header: readonly string[], rows: readonly string[][]): Table {
  return rows.map((cells) => {
    const rec: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) rec[header[c]] = cells[c];
    return rec;
  });
}

/**
 * Reads a run folder written by `ratecycle run`. `written` holds the CSVs the folder was just
 * written with (see writeRunFiles): those are taken as they are instead of read back from disk.
 */
export function readRunFolder(dir: string, written?: WrittenTables): RunData {
  const table = (name: string): Table => {
    const w = written?.get(name);
    return w?.rows ? records(w.header, w.rows) : readTable(dir, name);
  };
  return {
    dir,
    manifest: readJson<RunManifest>(dir, 'run.json'),
    equity: table('equity.csv'),
    weights: table('weights.csv'),
    trades: table('trades.csv'),
    metrics: readJson<MetricsFile>(dir, 'metrics.json'),
    drawdowns: table('drawdowns.csv'),
    returns: table('returns.csv'),
    buyHold: table('buy-hold.csv'),
    rolling: table('rolling.csv'),
    distribution: table('distribution.csv'),
    quantiles: table('quantiles.csv'),
    monthly: table('returns-monthly.csv'),
    annual: table('returns-annual.csv'),
    roundTrips: table('round-trips.csv'),
    roundTripsSummary: table('round-trips-summary.csv'),
    regimes: table('regimes.csv'),
    events: table('events.csv'),
    eventsSummary: table('events-summary.csv'),
    fomc: table('fomc.csv'),
    ...optionalTables(dir, written, { factors: 'factors.csv', factorsRolling: 'factors-rolling.csv' }),
  };
}

/** Tables a run folder may lack (written only when the data allow them), read when present. */
function optionalTables<K extends string>(dir: string, written: WrittenTables | undefined, files: Record<K, string>): Partial<Record<K, Table>> {
  const out: Partial<Record<K, Table>> = {};
  for (const [key, name] of Object.entries(files) as [K, string][]) {
    const w = written?.get(name);
    if (w?.rows) out[key] = records(w.header, w.rows);
    else if (w || (!written && existsSync(join(dir, name)))) out[key] = readTable(dir, name);
  }
  return out;
}

/**
 * A numeric column that must be complete: every cell a finite number, or the DataError names the
 * file, line and column (for recomputing a run's metrics from its files, where a damaged cell
 * would otherwise turn the metrics into empty cells without a word).
 */
export function strictColumn(dir: string, file: string, table: Table, name: string): Float64Array {
  const out = new Float64Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const v = table[i][name];
    const x = v === undefined || v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(x))
      throw new DataError(join(dir, file), i + 2, name, v === undefined || v === '' ? 'missing value' : `"${v.slice(0, 30)}" is not a number`);
    out[i] = x;
  }
  return out;
}

/** Numeric column of a table (empty cells → NaN). */
export function column(table: Table, name: string): Float64Array {
  const out = new Float64Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const v = table[i][name];
    out[i] = v === undefined || v === '' ? NaN : Number(v);
  }
  return out;
}

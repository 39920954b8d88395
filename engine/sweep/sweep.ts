import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { csvCell } from '../io/csv-writer.js';
import { packageRoot } from '../paths.js';
import { deflatedSharpe } from '../metrics/psr.js';
import { SUMMARY_KEYS } from '../metrics/summary-metrics.js';
import type { Market, SimOptions } from '../types.js';
import type { Strategy } from '../../strategies/define.js';
import { gridPoint, shardIndexes, type Grid } from './grid.js';
import { randomPoint } from './random-search.js';
import { runBatch, type SweepRow, type SweepSet } from './run-batch.js';
import { shareMarket } from './share-market.js';

/** How the parameter sets are generated. */
export type SetSource = { kind: 'grid'; grid: Grid } | { kind: 'random'; names: string[]; samples: number; seed: number };

/** Options of {@link runSweep}. */
export interface SweepOptions {
  strategy: Strategy;
  /** Reference the workers load the strategy from (built-in id or file path). */
  strategyRef: string;
  base: Record<string, unknown>;
  source: SetSource;
  market: Market;
  sim: SimOptions;
  benchmark: 'small' | 'large';
  /** Output folder; results stream into `<out>.partial/` and it is renamed to `<out>` when complete. */
  out: string;
  shard?: { index: number; count: number };
  /** Worker threads (0 = run in this thread). */
  workers?: number;
  /** Parameter sets per task. */
  batch?: number;
  resume?: boolean;
  force?: boolean;
  /** Metric to rank by (a sweep column, higher is better; max_drawdown counts as higher = better too). */
  metric?: string;
  onProgress?: (done: number, total: number) => void;
  /** Set to stop after the tasks in flight (Ctrl-C). */
  signal?: { stopped: boolean };
  /** Per-task timeout of a worker, ms (a hung worker is replaced and its task retried once). */
  taskTimeoutMs?: number;
  /** How many of the best sets to keep for full runs (default 3). */
  top?: number;
}

/** Summary of a finished (or interrupted) sweep. */
export interface SweepSummary {
  dir: string;
  total: number;
  done: number;
  errors: number;
  complete: boolean;
  best?: { index: number; params: Record<string, unknown>; value: number };
  /** The best sets by the ranking metric, best first. */
  top: { index: number; params: Record<string, unknown>; value: number }[];
  /** Folder holding the results while the sweep runs (renamed to `out` by {@link finalizeSweep}). */
  partial: string;
  out: string;
  /** Deflated Sharpe ratio of the best set given the number of trials (Bailey & López de Prado 2014). */
  deflatedSharpe: number;
  trials: number;
}

const METRIC_COLUMNS = [...SUMMARY_KEYS.filter((k) => k !== 'sharpeBar'), 'exposure', 'turnoverAnnual', 'rebalances', 'sharpeBar'] as const;

/** snake_case of a metric key (column names of results.csv). */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Header of results.csv for a strategy's parameters. */
export function resultsHeader(paramNames: readonly string[]): string[] {
  return ['index', ...paramNames, ...METRIC_COLUMNS.map(snake), 'error'];
}

/** One results.csv line. */
export function resultsLine(row: SweepRow, paramNames: readonly string[]): string {
  const m = row.metrics as unknown as Record<string, number> | undefined;
  const cells = [row.index, ...paramNames.map((p) => row.params[p] as string | number | boolean), ...METRIC_COLUMNS.map((k) => (m ? m[k] : NaN)), row.error ?? ''];
  return cells.map((c) => csvCell(c as never)).join(',') + '\n';
}

/** Number of parameter sets a source generates. */
export function setCount(source: SetSource): number {
  return source.kind === 'grid' ? source.grid.size : source.samples;
}

/** The parameter values of set `index` of a grid or a seeded random search, on top of `base`. */
export function setAt(source: SetSource, index: number, base: Record<string, unknown>, specs: Strategy['params'], strategyId: string): Record<string, unknown> {
  return source.kind === 'grid' ? gridPoint(source.grid, index, base) : randomPoint(specs, source.names, source.seed, index, base, strategyId);
}

/** Indexes already written to a partial results.csv (drops a torn last line). */
function readDone(file: string): Set<number> {
  const done = new Set<number>();
  if (!existsSync(file)) return done;
  const text = readFileSync(file, 'utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length !== text.length) writeFileSync(file, complete); // a kill mid-line: drop the torn line
  for (const line of complete.split('\n').slice(1)) if (line) done.add(Number(line.slice(0, line.indexOf(','))));
  return done;
}

/** A pool of worker threads (piscina), or null to run in this thread. */
async function makePool(opts: SweepOptions, market: Market) {
  const workers = opts.workers ?? availableParallelism();
  if (workers <= 0) return null;
  const { Piscina } = await import('piscina');
  return new Piscina({
    filename: join(packageRoot(), 'dist', 'engine', 'sweep', 'worker.js'),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData: { market, strategyRef: opts.strategyRef, sim: opts.sim, benchmark: opts.benchmark },
  });
}

/**
 * Runs a parameter sweep: sets are enumerated lazily (grid or seeded random search,
 * optionally one shard), simulated in batches on a worker pool sharing the market, and
 * streamed to results.csv in index order (so the file is identical whatever the number of
 * workers or the order tasks finish in). Memory stays flat: no equity curve outlives its
 * batch. A set that throws records its error; a task whose worker dies or times out is
 * retried once, then its sets record the failure.
 */
export async function runSweep(opts: SweepOptions): Promise<SweepSummary> {
  const out = resolve(opts.out);
  const partial = `${out}.partial`;
  if (existsSync(out)) {
    if (!opts.force) throw new UserError(`${opts.out} already exists; pass --force to replace it, or choose another --out`);
    if (!existsSync(join(out, '.ratecycle'))) throw new UserError(`${opts.out} exists and was not written by ratecycle; refusing to replace it even with --force`);
  }
  if (existsSync(partial) && !opts.resume) {
    throw new UserError(`${opts.out}.partial holds an interrupted sweep; pass --resume to finish it, or delete that folder`);
  }
  mkdirSync(partial, { recursive: true });
  const resultsFile = join(partial, 'results.csv');
  const paramNames = Object.keys(opts.strategy.params);
  const done = opts.resume ? readDone(resultsFile) : new Set<number>();
  if (!existsSync(resultsFile)) writeFileSync(resultsFile, resultsHeader(paramNames).join(',') + '\n');

  const total = Math.ceil((setCount(opts.source) - (opts.shard?.index ?? 0)) / (opts.shard?.count ?? 1));
  const batchSize = opts.batch ?? 64;
  const market = (opts.workers ?? 1) > 0 ? shareMarket(opts.market) : opts.market;
  const pool = await makePool(opts, market);
  const metric = opts.metric ?? 'sharpe';
  const key = metric.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (!METRIC_COLUMNS.includes(key as never)) throw new UserError(`--metric ${metric}: choose one of ${METRIC_COLUMNS.map(snake).join(', ')}`);

  // running statistics over finished sets: count, errors, best, variance of per-bar Sharpe (Welford)
  let finished = done.size;
  let errors = 0;
  let best: SweepSummary['best'];
  let bestRow: SweepRow | undefined;
  let n = 0, mean = 0, m2 = 0;
  const topN = opts.top ?? 3;
  const top: SweepSummary['top'] = [];
  const keepTop = (index: number, params: Record<string, unknown>, value: number) => {
    if (!Number.isFinite(value) || topN <= 0) return;
    if (top.length === topN && value <= top[top.length - 1].value) return;
    top.push({ index, params, value });
    top.sort((a, b) => b.value - a.value || a.index - b.index);
    if (top.length > topN) top.pop();
  };
  const pending = new Map<number, SweepRow[]>(); // task order → rows waiting to be written
  let nextToWrite = 0;
  let taskNo = 0;

  const record = (rows: SweepRow[]) => {
    for (const r of rows) {
      if (r.error || !r.metrics) {
        errors++;
        continue;
      }
      const v = (r.metrics as unknown as Record<string, number>)[key];
      if (Number.isFinite(v) && (!best || v > best.value)) {
        best = { index: r.index, params: r.params, value: v };
        bestRow = r;
      }
      keepTop(r.index, r.params, v);
      const s = r.metrics.sharpeBar;
      if (Number.isFinite(s)) {
        n++;
        const d = s - mean;
        mean += d / n;
        m2 += d * (s - mean);
      }
    }
  };
  const flush = () => {
    let text = '';
    while (pending.has(nextToWrite)) {
      const rows = pending.get(nextToWrite)!;
      pending.delete(nextToWrite++);
      for (const r of rows) text += resultsLine(r, paramNames);
      finished += rows.length;
    }
    if (text) appendFileSync(resultsFile, text);
    opts.onProgress?.(finished, total);
  };

  const runTask = async (sets: SweepSet[]): Promise<SweepRow[]> => {
    if (!pool) return runBatch({ market, strategy: opts.strategy, sim: opts.sim, benchmark: opts.benchmark }, sets);
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const timer = opts.taskTimeoutMs ? setTimeout(() => controller.abort(), opts.taskTimeoutMs) : undefined;
      try {
        return (await pool.run(sets, { signal: controller.signal })) as SweepRow[];
      } catch (e) {
        if (attempt >= 1) return sets.map((s) => ({ index: s.index, params: s.params, error: `worker failed twice: ${(e as Error).message.split('\n')[0]}` }));
      } finally {
        if (timer) clearTimeout(timer);
      }
    }
  };

  // previously finished sets are skipped; they still count for the best and the DSR
  if (done.size) {
    const text = readFileSync(resultsFile, 'utf8').trim().split('\n');
    const header = text[0].split(',');
    const col = (name: string) => header.indexOf(name);
    for (const line of text.slice(1)) {
      const cells = line.split(',');
      const err = cells[col('error')];
      if (err) {
        errors++;
        continue;
      }
      const v = Number(cells[col(snake(key))]);
      const idx = Number(cells[0]);
      const params = setAt(opts.source, idx, opts.base, opts.strategy.params, opts.strategy.id);
      if (Number.isFinite(v) && (!best || v > best.value)) best = { index: idx, params, value: v };
      keepTop(idx, params, v);
      const s = Number(cells[col('sharpe_bar')]);
      if (Number.isFinite(s)) {
        n++;
        const d = s - mean;
        mean += d / n;
        m2 += d * (s - mean);
      }
    }
  }

  const inFlight = new Set<Promise<void>>();
  const limit = Math.max(1, (opts.workers ?? 1) * 2);
  let batch: SweepSet[] = [];
  const submit = async (sets: SweepSet[]) => {
    const my = taskNo++;
    const p = runTask(sets).then((rows) => {
      record(rows);
      pending.set(my, rows);
      flush();
    });
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
    if (inFlight.size >= limit) await Promise.race(inFlight);
  };
  try {
    for (const index of shardIndexes(setCount(opts.source), opts.shard)) {
      if (opts.signal?.stopped) break;
      if (done.has(index)) continue;
      batch.push({ index, params: setAt(opts.source, index, opts.base, opts.strategy.params, opts.strategy.id) });
      if (batch.length >= batchSize) {
        await submit(batch);
        batch = [];
      }
    }
    if (batch.length && !opts.signal?.stopped) await submit(batch);
    await Promise.all(inFlight);
  } finally {
    await pool?.destroy();
  }
  const complete = !opts.signal?.stopped && finished >= total;
  const trials = n;
  const variance = n > 1 ? m2 / (n - 1) : 0;
  let dsr = NaN;
  if (best && !bestRow) bestRow = runBatch({ market: opts.market, strategy: opts.strategy, sim: opts.sim, benchmark: opts.benchmark }, [{ index: best.index, params: best.params }])[0];
  if (bestRow?.metrics) {
    const m = bestRow.metrics;
    dsr = deflatedSharpe(m.sharpeBar, opts.market.dates.length - 1, m.skew, m.kurtosis, Math.max(trials, 1), variance);
  }
  return { dir: partial, partial, out, total, done: finished, errors, complete, best, top, deflatedSharpe: dsr, trials };
}

/** Moves a complete sweep from `<out>.partial` into place (replacing an older ratecycle folder). */
export function finalizeSweep(summary: SweepSummary): string {
  writeFileSync(join(summary.partial, '.ratecycle'), 'written by ratecycle\n');
  if (existsSync(summary.out)) rmSync(summary.out, { recursive: true, force: true });
  renameSync(summary.partial, summary.out);
  return summary.out;
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { refuseExistingOutput, whyNotReplaceable } from '../../core/io/atomic-dir.js';
import type { FolderLock } from '../../core/io/folder-lock.js';
import type { Market, SimOptions } from '../../core/types.js';
import { MONTHLY_LAYOUT, RESULTS_COLUMNS, SWEEP_FILES, type MonthsFile } from '../../formats/sweep-folder.js';
import { DEFAULT_METRIC, metricKey } from '../../measure/metrics/metric-names.js';
import type { Strategy } from '../../strategy/define.js';
import { METRIC_COLUMNS, snake, type PackedBatch } from './batch-results.js';
import { BatchRunner } from './batch-runner.js';
import { sweepOverfitting } from './end-statistics.js';
import { gridPoint, shardIndexes, type Grid } from './grid.js';
import { monthFrame, monthlyExcessOfReturns } from './monthly-returns.js';
import { InOrder } from './ordered-writer.js';
import type { DeflatedSharpeReport, PboReport } from './overfitting.js';
import { openPartial, PartialFiles } from './partial-folder.js';
import { randomSetAt, type RandomSearch } from './random-search.js';
import type { SweepSet } from './run-batch.js';
import { RunningStatistics, type RankedSet } from './running-stats.js';
import { sweepIdentity, type SweepIdentity } from './sweep-identity.js';

export { POOL_PAYS_MS } from './batch-runner.js';
export { finalizeSweep } from './partial-folder.js';
export { SWEEP_FILES, type MonthsFile };

/** How the parameter sets are generated: a grid, or a seeded random search (see randomSearch). */
export type SetSource = { kind: 'grid'; grid: Grid } | RandomSearch;

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
  /**
   * Worker threads (0 = run in this thread; N: N workers, this thread writing), or `auto` (the
   * default): this thread while the sweep would finish soon, and once it measures that the rest
   * would take longer than {@link POOL_PAYS_MS} on one thread, workers beside this thread on the
   * other cores that stayed idle meanwhile (their start and warm-up cost this thread nothing; they
   * stop taking sets if the process gets no more CPU time with them). With `auto`, a strategy
   * loaded from a user's file (`strategy.file` set) runs on a pool of the available cores from the start.
   */
  workers?: number | 'auto';
  /** `auto`'s probe time and pool threshold, ms (default PROBE_MS and POOL_PAYS_MS), and the free cores it would measure (tests set them). */
  autoPool?: { probeMs: number; paysMs: number; freeCores?: number };
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
  best?: RankedSet;
  /** The best sets by the ranking metric, best first. */
  top: RankedSet[];
  /** Folder holding the results while the sweep runs (renamed to `out` by {@link finalizeSweep}). */
  partial: string;
  out: string;
  /** Deflated Sharpe ratio of the best set given the number of trials (Bailey & López de Prado 2014); null: Sharpe ratio over cash ≤ 0. */
  deflatedSharpe: number;
  /** Sets with a finite Sharpe ratio: the trials the deflated Sharpe ratio counts (every set is a distinct parameter set). */
  trials: number;
  /** The same two statistics with their nulls spelled out, and the version against the benchmark. */
  dsr: { cash: DeflatedSharpeReport; benchmark: DeflatedSharpeReport };
  /** Probability of backtest overfitting (CSCV, 16 blocks) over the sets' monthly returns. */
  pbo: PboReport;
  /** Worker threads the sweep ran on (0 = this thread only; with `auto`, the workers started once they paid). */
  workers: number;
  /** This thread ran sets too (alone, or with `auto` beside the workers). */
  thisThread: boolean;
  /** Months of the per-set monthly returns in monthly.f32 (last date of each). */
  months: string[];
  identity: SweepIdentity;
  /** The ranking metric of each results.csv row, in row order (NaN: failed or not finite): what the sweep page is drawn from. */
  values: Float64Array;
  /** When the first set started (performance.now(): ms since the process started), and ms spent running the sets (writing included) and computing the statistics at the end. */
  timings: { loopStart: number; loopMs: number; statisticsMs: number };
  /** Held until {@link finalizeSweep} (released at once when the sweep is incomplete). */
  lock?: FolderLock;
}

/** Number of parameter sets a source generates (distinct by construction: grid values never repeat, random search draws without replacement). */
export function setCount(source: SetSource): number {
  return source.kind === 'grid' ? source.grid.size : source.samples;
}

/** The parameter values of set `index` of a grid or a seeded random search, on top of `base`. */
export function setAt(source: SetSource, index: number, base: Record<string, unknown>): Record<string, unknown> {
  return source.kind === 'grid' ? gridPoint(source.grid, index, base) : randomSetAt(source, index, base);
}

/**
 * Runs a parameter sweep: sets are enumerated lazily (grid or seeded random search,
 * optionally one shard), simulated in batches on this thread or a worker pool sharing the
 * market (BatchRunner), and streamed to results.csv and monthly.f32 in index order (InOrder,
 * PartialFiles: the files are identical whatever the number of workers or the order tasks
 * finish in). Memory stays flat: no equity curve outlives its batch, and what the end needs
 * is kept while the sets are written (RunningStatistics: the best sets, the deflated Sharpe
 * ratios' trials, the ranking metric of each row); only the PBO reads monthly.f32, in chunks.
 */
export async function runSweep(opts: SweepOptions): Promise<SweepSummary> {
  const out = resolve(opts.out);
  const partial = `${out}.partial`;
  if (existsSync(out)) {
    refuseExistingOutput(opts.out, opts.force);
    const why = whyNotReplaceable(out, opts.out);
    if (why) throw new UserError(why);
  }
  const metric = opts.metric ?? DEFAULT_METRIC;
  const key = metricKey(metric);
  if (!METRIC_COLUMNS.includes(key as never)) throw new UserError(`‹metric› ${metric}: choose one of ${METRIC_COLUMNS.map(snake).join(', ')}`);
  const identity = sweepIdentity(opts);
  const lock = openPartial(partial, `${opts.out}.partial`, identity, opts.resume ?? false);
  try {
    return await sweepInto(opts, { out, partial, identity, lock, key });
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function sweepInto(
  opts: SweepOptions,
  f: { out: string; partial: string; identity: SweepIdentity; lock: FolderLock; key: string },
): Promise<SweepSummary> {
  const { key } = f;
  const paramNames = Object.keys(opts.strategy.params);
  const frame = monthFrame(opts.market);
  const M = frame.cash.length;
  const benchmarkAsset = opts.benchmark === 'small' ? opts.market.small : opts.market.large;
  const benchmarkName = `${opts.benchmark === 'small' ? 'small' : 'large'} caps (${benchmarkAsset})`;
  const benchmarkExcess = monthlyExcessOfReturns(opts.market.returns[benchmarkAsset], frame);
  const monthsFile: MonthsFile = {
    months: frame.ends,
    layout: MONTHLY_LAYOUT,
    benchmark: { name: benchmarkName, excess: Array.from(benchmarkExcess) },
    metric: snake(key),
    bars: opts.market.dates.length,
  };
  const files = new PartialFiles(f.partial, `${opts.out}.partial`, paramNames, monthsFile, opts.resume ?? false);
  const shardIndex = opts.shard?.index ?? 0,
    shardCount = opts.shard?.count ?? 1;
  const indexOfRow = (row: number) => shardIndex + row * shardCount;
  const total = Math.ceil((setCount(opts.source) - shardIndex) / shardCount);
  const batchSize = opts.batch ?? 64;
  const runner = await BatchRunner.start({
    strategy: opts.strategy,
    strategyRef: opts.strategyRef,
    market: opts.market,
    sim: opts.sim,
    benchmark: opts.benchmark,
    paramNames,
    key,
    months: M,
    benchmarkExcess,
    workers: opts.workers ?? 'auto',
    autoPool: opts.autoPool,
    taskTimeoutMs: opts.taskTimeoutMs,
    total,
    kept: files.kept,
    batch: batchSize,
  });
  const loopStart = performance.now();

  // previously finished sets are skipped; they still count for the best, the DSRs and the page. Their information ratios
  // against the benchmark were computed by the earlier run and not kept: monthly.f32 is read back for those rows only, once
  const stats = new RunningStatistics(Math.max(0, total), opts.top ?? 3, M);
  const metricName = snake(key);
  const keptActive = files.keptActiveSharpe(benchmarkExcess);
  files.keptRows(indexOfRow, (cell, row) => {
    const num = (name: string) => (cell(name) === '' ? NaN : Number(cell(name)));
    const index = indexOfRow(row);
    stats.add(
      index,
      setAt(opts.source, index, opts.base),
      cell(RESULTS_COLUMNS.error) !== '',
      num(metricName),
      num(RESULTS_COLUMNS.sharpeBar),
      undefined,
      keptActive[row],
    );
  });

  const order = new InOrder<{ sets: SweepSet[]; packed: PackedBatch }>();
  const write = (ready: { sets: SweepSet[]; packed: PackedBatch }[]) => {
    if (ready.length) {
      files.append(ready.map((b) => b.packed));
      for (const b of ready) {
        stats.addBatch(b.sets, b.packed); // in set order: the statistics do not depend on which task finished first
        runner.recycle(b.packed.monthly);
      }
    }
    opts.onProgress?.(stats.rows, total);
  };
  const inFlight = new Set<Promise<void>>();
  const submit = async (sets: SweepSet[]) => {
    const ticket = order.ticket();
    const p = runner.run(sets).then((packed) => write(order.put(ticket, { sets, packed })));
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
    if (inFlight.size >= runner.inFlight) await Promise.race(inFlight);
  };

  let complete = false;
  let loopEnd = NaN;
  let overfitting;
  opts.onProgress?.(stats.rows, total);
  try {
    let batch: SweepSet[] = [];
    // the kept rows are the first sets of the shard, in order
    for (const index of shardIndexes(setCount(opts.source), { index: indexOfRow(files.kept), count: shardCount })) {
      if (opts.signal?.stopped) break;
      batch.push({ index, params: setAt(opts.source, index, opts.base) });
      if (batch.length >= batchSize) {
        await submit(batch);
        batch = [];
      }
    }
    if (batch.length && !opts.signal?.stopped) await submit(batch);
    await Promise.all(inFlight);
    loopEnd = performance.now();
    complete = !opts.signal?.stopped && stats.rows >= total;
    overfitting = await sweepOverfitting({
      stats,
      monthly: complete ? { file: files.monthly, benchmark: benchmarkExcess, benchmarkName } : undefined,
      pool: runner.piscina,
      months: M,
      market: opts.market,
      strategy: opts.strategy,
      sim: opts.sim,
      benchmark: opts.benchmark,
    });
  } finally {
    await runner.destroy();
  }
  if (!complete) f.lock.release();
  return {
    dir: f.partial,
    partial: f.partial,
    out: f.out,
    total,
    done: stats.rows,
    errors: stats.errors,
    complete,
    best: stats.best,
    top: stats.top,
    deflatedSharpe: overfitting.cash.value,
    trials: stats.trials,
    dsr: { cash: overfitting.cash, benchmark: overfitting.vsBenchmark },
    pbo: overfitting.pbo,
    months: frame.ends,
    identity: f.identity,
    values: stats.values,
    timings: { loopStart, loopMs: loopEnd - loopStart, statisticsMs: performance.now() - loopEnd },
    lock: complete ? f.lock : undefined,
    workers: runner.workers,
    thisThread: runner.workers === 0 || runner.alsoThisThread,
  };
}

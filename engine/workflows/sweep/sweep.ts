import { csvCell } from '../../core/io/csv-writer.js';
import { Buffer } from 'node:buffer';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../../core/errors.js';
import { listFiles, MARKER, refuseExistingOutput, whyNotReplaceable, writeFileAtomically } from '../../core/io/atomic-dir.js';
import { fsUserError } from '../../core/io/fs-errors.js';
import { packageRoot } from '../../core/paths.js';
import type { Market, SimOptions } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
import { lockFolder, type FolderLock } from '../../core/io/folder-lock.js';
import { gridPoint, shardIndexes, type Grid } from './grid.js';
import { monthFrame, monthlyExcessOfReturns } from './monthly-returns.js';
import { deflatedSharpeVsCash, overfittingFromFile, overfittingFromFileWith, type DeflatedSharpeReport, type PboReport } from './overfitting.js';
import { pboOnPool } from './pbo-on-pool.js';
import { pboFromBlocks } from '../../measure/stats/pbo.js';
import { randomSetAt, type RandomSearch } from './random-search.js';
import { runBatch, type SweepSet } from './run-batch.js';
import { METRIC_COLUMNS, PACKED_STATS, packRows, resultsHeader, snake, type PackedBatch } from './batch-results.js';
import { shareMarket } from './share-market.js';
import { describeDifferences, differences, sweepIdentity, type SweepIdentity } from './sweep-identity.js';
import { DEFAULT_METRIC, metricKey } from '../../measure/metrics/metric-names.js';

/** Distinct sets from which the PBO's splits run on the worker pool (below, the tasks cost more than they save). */
const PBO_POOL_MIN = 2048;

/** With `--workers auto`: how long the sweep runs in this thread before it measures whether a pool pays. */
const PROBE_MS = 300;

/** With `--workers auto`: the one-thread time left above which the sweep starts a pool (its start costs ≈ 0.3–0.5 s on 2 cores). */
export const POOL_PAYS_MS = 2_000;

/** How the parameter sets are generated: a grid, or a seeded random search (see randomSearch). */
export type SetSource = { kind: 'grid'; grid: Grid } | RandomSearch;

/** File names inside a sweep folder. */
export const SWEEP_FILES = { results: 'results.csv', monthly: 'monthly.f32', months: 'months.json', identity: 'identity.json' } as const;

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
   * Worker threads (0 = run in this thread), or `auto` (the default): this thread while the
   * sweep would finish soon, the available cores once it measures that the rest would take
   * longer than {@link POOL_PAYS_MS} on one thread (a pool's start costs ≈ 0.3–0.5 s). With
   * `auto`, a strategy loaded from a user's file (`strategy.file` set) runs on the pool from the start.
   */
  workers?: number | 'auto';
  /** `auto`'s probe time and pool threshold, ms (default PROBE_MS and POOL_PAYS_MS; tests set them). */
  autoPool?: { probeMs: number; paysMs: number };
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
  /** Deflated Sharpe ratio of the best set given the number of trials (Bailey & López de Prado 2014); null: Sharpe ratio over cash ≤ 0. */
  deflatedSharpe: number;
  /** Sets with a finite Sharpe ratio: the trials the deflated Sharpe ratio counts (every set is a distinct parameter set). */
  trials: number;
  /** The same two statistics with their nulls spelled out, and the version against the benchmark. */
  dsr: { cash: DeflatedSharpeReport; benchmark: DeflatedSharpeReport };
  /** Probability of backtest overfitting (CSCV, 16 blocks) over the sets' monthly returns. */
  pbo: PboReport;
  /** Worker threads the sweep ran on (0 = this thread; with `auto`, the pool started once it paid). */
  workers: number;
  /** Months of the per-set monthly returns in monthly.f32 (last date of each). */
  months: string[];
  identity: SweepIdentity;
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
 * Brings a partial folder's results.csv and monthly.f32 to the same number of complete rows
 * (a kill may tear the last line or leave one file a batch ahead) and returns the kept data
 * lines. Both files are in set order, so the common prefix is consistent.
 */
function reconcile(resultsFile: string, monthlyFile: string, months: number): string[] {
  if (!existsSync(resultsFile)) return [];
  const text = readFileSync(resultsFile, 'utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const lines = complete.split('\n').filter(Boolean);
  const header = lines.shift() ?? '';
  const rowBytes = months * 4;
  const binRows = existsSync(monthlyFile) && rowBytes > 0 ? Math.floor(statSync(monthlyFile).size / rowBytes) : 0;
  const keep = Math.min(lines.length, binRows);
  lines.length = keep;
  if (keep * rowBytes !== (existsSync(monthlyFile) ? statSync(monthlyFile).size : 0)) {
    if (existsSync(monthlyFile)) truncateSync(monthlyFile, keep * rowBytes);
    else writeFileSync(monthlyFile, '');
  }
  const kept = `${header}\n${lines.map((l) => `${l}\n`).join('')}`;
  if (kept !== text) writeFileSync(resultsFile, kept);
  return lines;
}

/**
 * Prepares `<out>.partial` for writing: creates it (or, with resume, checks that it holds the
 * same sweep), locks it against a second writer, and records the sweep's identity.
 */
function openPartial(partial: string, label: string, identity: SweepIdentity, resume: boolean): FolderLock {
  const identityFile = join(partial, SWEEP_FILES.identity);
  try {
    mkdirSync(dirname(partial), { recursive: true });
    mkdirSync(partial);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw fsUserError(e, label);
    if (!resume) throw new UserError(`${label} holds an interrupted sweep; pass ‹resume› to finish it, or delete that folder`);
  }
  const lock = lockFolder(partial, label);
  try {
    if (existsSync(identityFile)) {
      let stored: unknown;
      try {
        stored = JSON.parse(readFileSync(identityFile, 'utf8'));
      } catch {
        throw new UserError(`${label}/${SWEEP_FILES.identity} is not readable JSON; delete ${label} to start again`);
      }
      const diff = differences(stored, identity);
      if (diff.length)
        throw new UserError(
          `${label} holds a different sweep (it differs in ${describeDifferences(diff)}); resume it with its own strategy, sets, options and data, or delete that folder`,
        );
    } else {
      if (existsSync(join(partial, SWEEP_FILES.results)))
        throw new UserError(
          `${label} has no ${SWEEP_FILES.identity} (written by an older version), so it cannot be checked; delete it and run the sweep again`,
        );
      writeFileAtomically(identityFile, JSON.stringify(identity, null, 1) + '\n');
    }
  } catch (e) {
    lock.release();
    throw e;
  }
  return lock;
}

/** A pool of worker threads (piscina), or null to run in this thread. */
async function makePool(opts: SweepOptions, market: Market, key: string, workers: number) {
  if (workers <= 0) return null;
  const { Piscina } = await import('piscina');
  return new Piscina({
    filename: join(packageRoot(), 'dist', 'engine', 'workflows', 'sweep', 'worker.js'),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData: {
      market,
      strategyRef: opts.strategyRef,
      sim: opts.sim,
      benchmark: opts.benchmark,
      monthly: true,
      paramNames: Object.keys(opts.strategy.params),
      key,
    },
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
  const { out, partial, key } = f;
  const resultsFile = join(partial, SWEEP_FILES.results);
  const monthlyFile = join(partial, SWEEP_FILES.monthly);
  const paramNames = Object.keys(opts.strategy.params);
  const frame = monthFrame(opts.market);
  const M = frame.cash.length;
  const benchmarkAsset = opts.benchmark === 'small' ? opts.market.small : opts.market.large;
  const benchmarkName = `${opts.benchmark === 'small' ? 'small' : 'large'} caps (${benchmarkAsset})`;
  const benchmarkExcess = monthlyExcessOfReturns(opts.market.returns[benchmarkAsset], frame);
  const monthsFile: MonthsFile = {
    months: frame.ends,
    layout: 'Float32 little-endian; one row per results.csv row (NaN for a failed set); monthly return of the set minus the cash return of the month',
    benchmark: { name: benchmarkName, excess: Array.from(benchmarkExcess) },
    metric: snake(key),
    bars: opts.market.dates.length,
  };
  writeFileAtomically(join(partial, SWEEP_FILES.months), JSON.stringify(monthsFile) + '\n');
  const kept = opts.resume ? reconcile(resultsFile, monthlyFile, M) : [];
  const done = new Set(kept.map((line) => Number(line.slice(0, line.indexOf(',')))));
  if (!existsSync(resultsFile)) {
    writeFileSync(resultsFile, resultsHeader(paramNames).map(csvCell).join(',') + '\n'); // a parameter named a,b stays one column
    writeFileSync(monthlyFile, '');
  }

  const total = Math.ceil((setCount(opts.source) - (opts.shard?.index ?? 0)) / (opts.shard?.count ?? 1));
  const batchSize = opts.batch ?? 64;
  // `auto`: this thread first; a pool on the available cores once the rest of the sweep would take long enough to pay for it.
  // A strategy file of the user's always runs on the pool: its tasks have a timeout, and a crash or process.exit ends only a worker.
  const auto = (opts.workers ?? 'auto') === 'auto';
  const userFile = opts.strategy.file !== undefined;
  // never more threads than cores or than tasks: each thread costs a copy of the engine (≈ 8–12 MB and its start)
  const tasks = Math.ceil(total / batchSize);
  const threads = Math.max(0, Math.min(auto ? availableParallelism() : (opts.workers as number), availableParallelism(), tasks));
  if (userFile && threads === 0 && !auto) {
    throw new UserError(
      `strategy file ${opts.strategy.file}: it runs on worker threads (its time limit and crash containment need one); ‹workers› 0 is for built-in strategies`,
    );
  }
  const poolNow = auto ? userFile : threads > 0;
  let market = poolNow ? shareMarket(opts.market) : opts.market;
  let pool = poolNow ? await makePool(opts, market, key, threads) : null;
  let decided = poolNow || !auto || threads < 2;
  const started = performance.now();

  // running statistics over finished sets: count, errors, best, variance of per-bar Sharpe (Welford)
  let finished = done.size;
  let errors = 0;
  let best: SweepSummary['best'];
  let bestMoments: { sharpeBar: number; skew: number; kurtosis: number } | undefined; // of the best set, for its deflated Sharpe ratio
  let n = 0,
    mean = 0,
    m2 = 0;
  const topN = opts.top ?? 3;
  const top: SweepSummary['top'] = [];
  const keepTop = (index: number, params: Record<string, unknown>, value: number) => {
    if (!Number.isFinite(value) || topN <= 0) return;
    if (top.length === topN && value <= top[top.length - 1].value) return;
    top.push({ index, params, value });
    top.sort((a, b) => b.value - a.value || a.index - b.index);
    if (top.length > topN) top.pop();
  };
  const pending = new Map<number, { sets: SweepSet[]; done: PackedBatch }>(); // task order → batches waiting to be written
  let nextToWrite = 0;
  let taskNo = 0;

  /** Running statistics over written sets (called in set order). */
  const record = (sets: SweepSet[], b: PackedBatch) => {
    for (let i = 0; i < sets.length; i++) {
      if (b.failed[i]) {
        errors++;
        continue;
      }
      const r = sets[i];
      const o = i * PACKED_STATS;
      const v = b.stats[o];
      if (Number.isFinite(v) && (!best || v > best.value)) {
        best = { index: r.index, params: r.params, value: v };
        bestMoments = { sharpeBar: b.stats[o + 1], skew: b.stats[o + 2], kurtosis: b.stats[o + 3] };
      }
      keepTop(r.index, r.params, v);
      const s = b.stats[o + 1];
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
    const ready: { sets: SweepSet[]; done: PackedBatch }[] = [];
    while (pending.has(nextToWrite)) {
      const b = pending.get(nextToWrite)!;
      pending.delete(nextToWrite++);
      text += b.done.text;
      ready.push(b);
    }
    if (ready.length) {
      // monthly returns first: a kill between the two writes leaves results.csv behind, which resume reconciles
      const bytes = ready.map((b) => new Uint8Array(b.done.monthly.buffer, b.done.monthly.byteOffset, b.done.monthly.byteLength));
      appendFileSync(monthlyFile, bytes.length === 1 ? bytes[0] : Buffer.concat(bytes));
      appendFileSync(resultsFile, text);
      for (const b of ready) {
        finished += b.sets.length;
        record(b.sets, b.done); // in set order, so the running statistics do not depend on which task finished first
      }
    }
    opts.onProgress?.(finished, total);
  };

  const runTask = async (sets: SweepSet[]): Promise<PackedBatch> => {
    if (!pool) {
      const t = performance.now();
      const packed = packRows(runBatch({ market, strategy: opts.strategy, sim: opts.sim, benchmark: opts.benchmark, monthly: true }, sets), paramNames, key, M);
      if (!decided && performance.now() - started >= (opts.autoPool?.probeMs ?? PROBE_MS)) {
        // the last batch's time per set (the code is warm by now) times the sets left
        decided = true;
        const left = total - finished - sets.length;
        if ((left * (performance.now() - t)) / sets.length > (opts.autoPool?.paysMs ?? POOL_PAYS_MS)) {
          market = shareMarket(opts.market);
          pool = await makePool(opts, market, key, threads);
        }
      }
      return packed;
    }
    const p = pool;
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const timer = opts.taskTimeoutMs ? setTimeout(() => controller.abort(), opts.taskTimeoutMs) : undefined;
      try {
        return (await p.run(sets, { signal: controller.signal })) as PackedBatch;
      } catch (e) {
        if (attempt >= 1)
          return packRows(
            sets.map((s) => ({ index: s.index, params: s.params, error: `worker failed twice: ${(e as Error).message.split('\n')[0]}` })),
            paramNames,
            key,
            M,
          );
      } finally {
        if (timer) clearTimeout(timer);
      }
    }
  };

  // previously finished sets are skipped; they still count for the best and the DSR
  if (kept.length) {
    const header = resultsHeader(paramNames);
    const col = (name: string) => header.indexOf(name);
    const cells = parse(kept.join('\n'), { relax_column_count: false }) as string[][];
    for (const c of cells) {
      if (c[col('error')]) {
        errors++;
        continue;
      }
      const v = Number(c[col(snake(key))]);
      const idx = Number(c[0]);
      const params = setAt(opts.source, idx, opts.base);
      if (Number.isFinite(v) && (!best || v > best.value)) best = { index: idx, params, value: v };
      keepTop(idx, params, v);
      const s = Number(c[col('sharpe_bar')]);
      if (Number.isFinite(s)) {
        n++;
        const d = s - mean;
        mean += d / n;
        m2 += d * (s - mean);
      }
    }
  }

  const shardIndex = opts.shard?.index ?? 0,
    shardCount = opts.shard?.count ?? 1;
  let complete = false;
  let overfit: { pbo: PboReport; vsBenchmark: DeflatedSharpeReport } | undefined;
  const inFlight = new Set<Promise<void>>();
  // one task per thread in flight when tasks have a time limit: a queued task would have its clock running while it waits
  const limit = () => (pool ? (opts.taskTimeoutMs ? threads : 2 * threads) : 1);
  let batch: SweepSet[] = [];
  const submit = async (sets: SweepSet[]) => {
    const my = taskNo++;
    const p = runTask(sets).then((done) => {
      pending.set(my, { sets, done });
      flush();
    });
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
    if (inFlight.size >= limit()) await Promise.race(inFlight);
  };
  opts.onProgress?.(finished, total);
  try {
    for (const index of shardIndexes(setCount(opts.source), opts.shard)) {
      if (opts.signal?.stopped) break;
      if (done.has(index)) continue;
      batch.push({ index, params: setAt(opts.source, index, opts.base) });
      if (batch.length >= batchSize) {
        await submit(batch);
        batch = [];
      }
    }
    if (batch.length && !opts.signal?.stopped) await submit(batch);
    await Promise.all(inFlight);
    complete = !opts.signal?.stopped && finished >= total;
    if (complete) {
      const input = {
        file: monthlyFile,
        rows: finished,
        months: M,
        benchmark: benchmarkExcess,
        benchmarkName,
        bestRow: best ? (best.index - shardIndex) / shardCount : -1,
      };
      // the overfitting statistic's splits run on the pool too, in chunks (same result on any number of threads),
      // once there are enough distinct sets to pay for the tasks (a failed task falls back to this thread: the same numbers)
      const p = pool;
      overfit = p
        ? await overfittingFromFileWith(input, async (b) => (b.distinct >= PBO_POOL_MIN ? pboOnPool(p, b).catch(() => pboFromBlocks(b)) : pboFromBlocks(b)))
        : overfittingFromFile(input);
    }
  } finally {
    await pool?.destroy();
  }
  const workersUsed = pool ? threads : 0;
  const trials = n;
  const variance = n > 1 ? m2 / (n - 1) : 0;
  // the best set came from an earlier run of a resumed sweep: simulate it again for its moments
  if (best && !bestMoments)
    bestMoments = runBatch({ market: opts.market, strategy: opts.strategy, sim: opts.sim, benchmark: opts.benchmark }, [
      { index: best.index, params: best.params },
    ])[0].metrics;
  const cash = deflatedSharpeVsCash(bestMoments, opts.market.dates.length, trials, variance);
  const dsr = cash.value;
  if (!overfit)
    overfit = {
      pbo: { value: null, reason: 'the sweep is incomplete' } as PboReport,
      vsBenchmark: { ...cash, value: NaN, null: '', frequency: 'month' as const, observations: M, trials: 0 },
    };
  if (!complete) f.lock.release();
  return {
    dir: partial,
    partial,
    out,
    total,
    done: finished,
    errors,
    complete,
    best,
    top,
    deflatedSharpe: dsr,
    trials,
    dsr: { cash, benchmark: overfit.vsBenchmark },
    pbo: overfit.pbo,
    months: frame.ends,
    identity: f.identity,
    lock: complete ? f.lock : undefined,
    workers: workersUsed,
  };
}

/**
 * Moves a complete sweep from `<out>.partial` into place: marks it as written by ratecycle
 * (listing its files, so `--force` never deletes files a user adds later), releases the lock,
 * and renames it, replacing an older ratecycle folder only (checked again just before).
 */
export function finalizeSweep(summary: SweepSummary): string {
  const { partial, out } = summary;
  try {
    summary.lock?.release();
    writeFileSync(join(partial, MARKER), JSON.stringify({ writtenBy: 'ratecycle', files: listFiles(partial) }, null, 1) + '\n');
    let old = '';
    if (existsSync(out)) {
      const why = whyNotReplaceable(out, out);
      if (why) throw new UserError(why);
      old = `${partial}-old-${process.pid}`;
      renameSync(out, old);
    }
    try {
      mkdirSync(out); // claim: fails if another process created it meanwhile
    } catch (e) {
      if (old) renameSync(old, out);
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${out} appeared while the sweep was finishing; the results stay in ${partial}`);
      throw e;
    }
    renameSync(partial, out);
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    throw fsUserError(e, out);
  }
  return out;
}

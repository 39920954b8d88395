import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Piscina } from 'piscina';
import { UserError } from '../../core/errors.js';
import { packageRoot } from '../../core/paths.js';
import type { Market, SimOptions } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
import { packRows, type PackedBatch } from './batch-results.js';
import { runBatch, type SweepSet } from './run-batch.js';
import { shareMarket } from './share-market.js';

/** With `--workers auto`: how long the sweep runs in this thread before it measures whether a pool pays. */
export const PROBE_MS = 300;

/** With `--workers auto`: the one-thread time left above which the sweep starts a pool (its start costs ≈ 0.3–0.5 s on 2 cores). */
export const POOL_PAYS_MS = 2_000;

/** How often a sweep on this thread lets the event loop run (Ctrl-C, timers), ms. */
const YIELD_MS = 100;

/** What the batches of a sweep share, and how many threads it may use. */
export interface BatchRunnerOptions {
  strategy: Strategy;
  /** Reference the workers load the strategy from (built-in id or file path). */
  strategyRef: string;
  market: Market;
  sim: SimOptions;
  benchmark: 'small' | 'large';
  /** results.csv's parameter columns, the ranking metric's key and the months of each set's monthly returns. */
  paramNames: string[];
  key: string;
  months: number;
  /** Worker threads (0 = this thread), or `auto` (see SweepOptions.workers). */
  workers: number | 'auto';
  autoPool?: { probeMs: number; paysMs: number };
  taskTimeoutMs?: number;
  /** Sets of the sweep (or shard), sets an earlier run already wrote (resume), and sets per task. */
  total: number;
  kept: number;
  batch: number;
}

/** A pool of worker threads (piscina) sharing the market. */
async function makePool(o: BatchRunnerOptions, market: Market, threads: number): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  return new Piscina({
    filename: join(packageRoot(), 'dist', 'engine', 'workflows', 'sweep', 'worker.js'),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    workerData: {
      market,
      strategyRef: o.strategyRef,
      sim: o.sim,
      benchmark: o.benchmark,
      monthly: true,
      paramNames: o.paramNames,
      key: o.key,
    },
  });
}

/**
 * Runs a sweep's batches on this thread or on a pool of worker threads, and decides which:
 * a number of workers as given (capped at the cores and the tasks; each thread costs a copy of
 * the engine, ≈ 8–12 MB, and its start), or with `auto` this thread first and a pool on the
 * available cores once the sets left would take longer than `paysMs` on this thread. A user's
 * strategy file always runs on the pool (its tasks have a time limit, and a crash or
 * process.exit ends only a worker). A task whose worker dies or times out is retried once, then
 * its sets record the failure.
 */
export class BatchRunner {
  private market: Market;
  private pool: Piscina | null = null;
  private decided: boolean;
  private readonly threads: number;
  private readonly started = performance.now();
  private lastYield = performance.now();
  private done = 0;

  private constructor(private readonly o: BatchRunnerOptions) {
    const auto = o.workers === 'auto';
    const cores = availableParallelism();
    this.threads = Math.max(0, Math.min(auto ? cores : (o.workers as number), cores, Math.ceil(o.total / o.batch)));
    if (o.strategy.file !== undefined && this.threads === 0 && !auto)
      throw new UserError(
        `strategy file ${o.strategy.file}: it runs on worker threads (its time limit and crash containment need one); ‹workers› 0 is for built-in strategies`,
      );
    this.market = o.market;
    this.decided = !auto || this.threads < 2;
  }

  /** A runner, with its pool started when the sweep runs on one from the start. */
  static async start(o: BatchRunnerOptions): Promise<BatchRunner> {
    const r = new BatchRunner(o);
    const poolNow = o.workers === 'auto' ? o.strategy.file !== undefined : r.threads > 0;
    if (poolNow && r.threads > 0) await r.startPool();
    r.decided ||= poolNow;
    return r;
  }

  /** Worker threads the batches run on now (0 = this thread). */
  get workers(): number {
    return this.pool ? this.threads : 0;
  }

  /** The pool, once started (the end-of-sweep statistics run their splits on it). */
  get piscina(): Piscina | null {
    return this.pool;
  }

  /** Tasks in flight at most: one per thread when tasks have a time limit (a queued task's clock would run while it waits), else two. */
  get inFlight(): number {
    return this.pool ? (this.o.taskTimeoutMs ? this.threads : 2 * this.threads) : 1;
  }

  /** Runs one batch, packed as results.csv lines, monthly returns and the running statistics' numbers. */
  async run(sets: SweepSet[]): Promise<PackedBatch> {
    const o = this.o;
    if (!this.pool) {
      const t = performance.now();
      const packed = packRows(
        runBatch({ market: this.market, strategy: o.strategy, sim: o.sim, benchmark: o.benchmark, monthly: true }, sets),
        o.paramNames,
        o.key,
        o.months,
      );
      this.done += sets.length;
      const now = performance.now();
      if (!this.decided && now - this.started >= (o.autoPool?.probeMs ?? PROBE_MS)) {
        // the last batch's time per set (the code is warm by now) times the sets left
        this.decided = true;
        if (((o.total - o.kept - this.done) * (now - t)) / sets.length > (o.autoPool?.paysMs ?? POOL_PAYS_MS)) await this.startPool();
      }
      if (now - this.lastYield >= YIELD_MS) {
        // let the event loop run: a Ctrl-C (the signal handler) and progress timers are served between batches
        this.lastYield = now;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return packed;
    }
    const p = this.pool;
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const timer = o.taskTimeoutMs ? setTimeout(() => controller.abort(), o.taskTimeoutMs) : undefined;
      try {
        return (await p.run(sets, { signal: controller.signal })) as PackedBatch;
      } catch (e) {
        if (attempt >= 1)
          return packRows(
            sets.map((s) => ({ index: s.index, params: s.params, error: `worker failed twice: ${(e as Error).message.split('\n')[0]}` })),
            o.paramNames,
            o.key,
            o.months,
          );
      } finally {
        if (timer) clearTimeout(timer);
      }
    }
  }

  /** Stops the pool's threads. */
  async destroy(): Promise<void> {
    await this.pool?.destroy();
  }

  private async startPool(): Promise<void> {
    this.market = shareMarket(this.o.market);
    this.pool = await makePool(this.o, this.market, this.threads);
  }
}

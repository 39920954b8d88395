import { availableParallelism, cpus } from 'node:os';
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

/** How often a sweep on this thread lets the event loop run (Ctrl-C, timers, the workers' results), ms. */
const YIELD_MS = 100;

/** With this thread and workers both running sets: how many batches this thread may run ahead of the oldest unfinished worker task (their results wait in memory to be written in order). */
const MAX_AHEAD = 64;

/** Written batches' arrays kept for reuse. */
const SPARES = 4;

/** With this thread and workers both running sets: how often it checks that they run in parallel, ms. */
const CHECK_MS = 1_000;

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
  /** The benchmark's monthly excess returns (each set's information ratio against it is packed with its batch). */
  benchmarkExcess: Float64Array;
  /** Worker threads (0 = this thread), or `auto` (see SweepOptions.workers). */
  workers: number | 'auto';
  autoPool?: { probeMs: number; paysMs: number; freeCores?: number };
  taskTimeoutMs?: number;
  /** Sets of the sweep (or shard), sets an earlier run already wrote (resume), and sets per task. */
  total: number;
  kept: number;
  batch: number;
}

/** Idle time of all the machine's cores together, ms. */
function idleMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.idle, 0);
}

/** CPU time of the whole process (every thread), ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A pool of worker threads (piscina) sharing the market; `perWorker` tasks sent to a worker at once (the next one waits in its queue). */
async function makePool(o: BatchRunnerOptions, market: Market, threads: number, perWorker: number): Promise<Piscina> {
  const { Piscina } = await import('piscina');
  return new Piscina({
    filename: join(packageRoot(), 'dist', 'engine', 'workflows', 'sweep', 'worker.js'),
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: perWorker,
    idleTimeout: 60_000,
    workerData: {
      market,
      strategyRef: o.strategyRef,
      sim: o.sim,
      benchmark: o.benchmark,
      monthly: true,
      paramNames: o.paramNames,
      key: o.key,
      benchmarkExcess: o.benchmarkExcess,
    },
  });
}

/**
 * Runs a sweep's batches on this thread, on a pool of worker threads, or on both, and decides
 * which. A number of workers as given: that many threads (capped at the cores and the tasks;
 * each costs a copy of the engine, ≈ 8–12 MB, and its start), this thread only writing. `auto`
 * (built-in strategies): this thread first; once the sets left would take longer than `paysMs`
 * here, as many workers as the other cores that stayed idle meanwhile start, and this thread
 * goes on running sets beside them, so the workers' start and warm-up (a new thread runs its
 * first ≈ 10,000 sets 1.5–2 times slower while V8 optimizes it) cost this thread nothing, a
 * short sweep never pays for them, and the workers stop taking sets when they bring the
 * process no CPU time ({@link check}). A user's strategy file always runs on a pool of the
 * available cores (its tasks have a time limit, and a crash or process.exit ends only a
 * worker). A task whose worker dies or times out is retried once, then its sets record the
 * failure.
 */
export class BatchRunner {
  private market: Market;
  private pool: Piscina | null = null;
  private decided: boolean;
  private threads: number;
  /** This thread runs sets beside the pool (`auto` with a built-in strategy). */
  private both = false;
  private readonly started = performance.now();
  private lastYield = performance.now();
  private done = 0;
  /** Worker tasks in flight, oldest first, each with the number of batches this thread had run when it was sent. */
  private readonly sent: { task: Promise<unknown>; settled: boolean; local: number }[] = [];
  private local = 0;
  /** Written batches' monthly arrays, to be written into again (see {@link recycle}). */
  private readonly spare: Float32Array[] = [];
  /** The workers have loaded the engine and the strategy (beside this thread, sets go to them only then). */
  private ready = false;
  /** Beside this thread, the workers take sets while the process gets more than one core's worth of CPU time (see {@link check}). */
  private workersHelp = true;
  private window = { wall: 0, cpu: 0, slow: 0 };
  /** CPU time of the process when this thread started, and its cores' worth while this thread ran alone (the probe). */
  private readonly startCpu = cpuMs();
  /** The machine's idle time when this thread started (the cores free for workers are measured over the probe). */
  private readonly startIdle = idleMs();
  private aloneCores = 1;

  private constructor(private readonly o: BatchRunnerOptions) {
    const auto = o.workers === 'auto';
    const cores = availableParallelism();
    const tasks = Math.ceil(o.total / o.batch);
    const userFile = o.strategy.file !== undefined;
    // auto: a user's file on every core; a built-in on the other cores, beside this thread
    this.threads = Math.max(0, Math.min(auto ? (userFile ? cores : cores - 1) : (o.workers as number), cores, tasks));
    if (userFile && this.threads === 0 && !auto)
      throw new UserError(
        `strategy file ${o.strategy.file}: it runs on worker threads (its time limit and crash containment need one); ‹workers› 0 is for built-in strategies`,
      );
    this.market = o.market;
    this.decided = !auto || userFile || this.threads < 1;
  }

  /** A runner, with its pool started when the sweep runs on one from the start. */
  static async start(o: BatchRunnerOptions): Promise<BatchRunner> {
    const r = new BatchRunner(o);
    const poolNow = o.workers === 'auto' ? o.strategy.file !== undefined : r.threads > 0;
    if (poolNow && r.threads > 0) await r.startPool();
    return r;
  }

  /** Worker threads the batches ran on (0 = none). */
  get workers(): number {
    return this.pool ? this.threads : 0;
  }

  /** True when this thread ran sets beside the workers. */
  get alsoThisThread(): boolean {
    return this.both;
  }

  /** The pool, once started (the end-of-sweep statistics run their splits on it). */
  get piscina(): Piscina | null {
    return this.pool;
  }

  /** Tasks in flight at most: {@link perWorker} per worker, and beside them this thread's own. */
  get inFlight(): number {
    if (!this.pool) return 1;
    return this.perWorker * this.threads + (this.both ? 1 : 0);
  }

  /**
   * Tasks a worker holds at once: two (the next waits in the worker's own queue, so it never
   * idles while this thread writes a result or runs a batch of its own), but one for a user's
   * strategy file whose tasks have a time limit (a queued task's clock would run while it waits,
   * and a hung task would take the one behind it down too).
   */
  private get perWorker(): number {
    return this.o.strategy.file !== undefined && this.o.taskTimeoutMs ? 1 : 2;
  }

  /** Runs one batch, packed as results.csv lines, monthly returns and the running statistics' numbers. */
  async run(sets: SweepSet[]): Promise<PackedBatch> {
    if (this.both && this.ready && this.workersHelp) {
      while (this.sent.length && this.sent[0].settled) this.sent.shift();
      // a worker can take it: send it; else run it here, unless this thread is far ahead of the oldest worker task, whose
      // result the later ones wait for in memory (they are written in order)
      if (this.sent.filter((e) => !e.settled).length < this.perWorker * this.threads) return this.onPool(sets);
      if (this.local - this.sent[0].local >= MAX_AHEAD) {
        await this.sent[0].task;
        return this.run(sets);
      }
    }
    if (!this.pool || this.both) {
      const o = this.o;
      this.local++;
      const t = performance.now();
      const packed = packRows(
        runBatch({ market: this.market, strategy: o.strategy, sim: o.sim, benchmark: o.benchmark, monthly: true }, sets, this.spare.pop()),
        o.paramNames,
        o.key,
        o.months,
        o.benchmarkExcess,
      );
      this.done += sets.length;
      const now = performance.now();
      if (this.both && this.ready && this.workersHelp) this.check(now);
      if (!this.decided && now - this.started >= (o.autoPool?.probeMs ?? PROBE_MS)) {
        // workers when the rest would take long enough on this thread (the last batch's time per set, the code being warm by
        // now, times the sets left), as many as the cores that stayed idle meanwhile (other programs may be using them)
        this.decided = true;
        this.aloneCores = (cpuMs() - this.startCpu) / (now - this.started);
        // (idle, or busy with this process's own helper threads: V8 compiles and collects garbage beside a warming thread)
        const free = o.autoPool?.freeCores ?? (idleMs() - this.startIdle) / (now - this.started) + Math.max(0, this.aloneCores - 1);
        const workers = Math.min(this.threads, Math.floor(free + 0.5));
        if (workers >= 1 && ((o.total - o.kept - this.done) * (now - t)) / sets.length > (o.autoPool?.paysMs ?? POOL_PAYS_MS)) {
          this.threads = workers;
          await this.startPool(true);
        }
      }
      if (this.both || now - this.lastYield >= YIELD_MS) {
        // let the event loop run: the workers' finished tasks (each then gets the next at once), a Ctrl-C (the signal handler)
        // and progress timers are served between batches
        this.lastYield = now;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return packed;
    }
    return this.onPool(sets);
  }

  /**
   * Beside this thread, every {@link CHECK_MS}: the CPU time the process got (all its threads)
   * per wall-clock second. The workers pay only when they add CPU time: on a machine whose other
   * cores turn busy (other programs), the process's threads share the cores it had, and a
   * worker's warm-up and messages cost more than it adds. When the process gets less than
   * 1 + 0.4 cores' worth per worker in two checks running, the workers take no more sets and
   * this thread runs the rest (the same results: the files do not depend on where a set ran).
   */
  private check(now: number): void {
    const w = this.window;
    if (w.wall === 0) {
      w.wall = now;
      w.cpu = cpuMs();
      return;
    }
    if (now - w.wall < CHECK_MS) return;
    const cpu = cpuMs();
    const cores = (cpu - w.cpu) / (now - w.wall);
    w.slow = cores < 1 + 0.4 * this.threads ? w.slow + 1 : 0;
    if (w.slow >= 2) this.workersHelp = false;
    w.wall = now;
    w.cpu = cpu;
  }

  /** Runs one batch on the pool (retried once if its worker fails). */
  private onPool(sets: SweepSet[]): Promise<PackedBatch> {
    const entry = { task: this.poolTask(sets), settled: false, local: this.local };
    entry.task.then(
      () => (entry.settled = true),
      () => (entry.settled = true),
    );
    if (this.both) this.sent.push(entry);
    return entry.task;
  }

  private async poolTask(sets: SweepSet[]): Promise<PackedBatch> {
    const o = this.o;
    const p = this.pool!;
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
            o.benchmarkExcess,
          );
      } finally {
        if (timer) clearTimeout(timer);
      }
    }
  }

  /**
   * Takes back a batch's monthly returns once they are written: this thread's next batches write
   * into them instead of new arrays (a few kept; a worker's arrays, copies made for this
   * thread, are taken too).
   */
  recycle(monthly: Float32Array): void {
    const full = this.o.batch * this.o.months;
    if (this.spare.length < SPARES && monthly.byteOffset === 0 && monthly.buffer.byteLength === full * 4 && !(monthly.buffer instanceof SharedArrayBuffer))
      this.spare.push(new Float32Array(monthly.buffer, 0, full));
  }

  /** Stops the pool's threads. */
  async destroy(): Promise<void> {
    await this.pool?.destroy();
  }

  private async startPool(besideThisThread = false): Promise<void> {
    this.both = besideThisThread;
    // the workers get a copy of the market in shared memory; this thread keeps its own
    const shared = shareMarket(this.o.market);
    if (!besideThisThread) this.market = shared;
    const pool = await makePool(this.o, shared, this.threads, this.perWorker);
    this.pool = pool;
    if (besideThisThread) {
      // an empty task per worker loads the engine and the strategy there; until then this thread runs every batch
      Promise.all(Array.from({ length: this.threads }, () => pool.run([]))).then(
        () => (this.ready = true),
        () => (this.ready = true), // a worker that cannot start: its tasks fail, are retried, then record the failure
      );
    }
  }
}

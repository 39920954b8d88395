import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/paths.js';
import type { FactorAttribution, FactorAttributionInput } from '../../measure/analytics/factor-attribution.js';
import { cachedFactorAttribution } from './factor-cache.js';
import { strategyInference, type InferenceInput, type StrategyInference, type StudyInput, type StudyRows, type Studies } from './studies.js';
import { cachedStudies, cachedStudyRows } from './studies-cache.js';

/**
 * A job offered to the studies thread that this thread may take back (see
 * {@link StudiesThread.offerFactors}): `result()` computes it here when the thread has not
 * started it yet, else waits for the thread's result.
 */
export interface OfferedJob<T> {
  result(): Promise<T>;
}

/** Where a run's studies compute while the caller goes on (see {@link startStudiesThread}). */
export interface StudiesThread {
  /** Sends the input and resolves to its studies (the same bits as computeStudies on this thread; the strategy-independent parts from the studies cache, see cachedStudies). */
  compute(input: StudyInput): Promise<Studies>;
  /** Sends the input and resolves to its studies but the strategy inference (see computeStudyRows; offer the inference with {@link offerInference}). */
  computeRows(input: StudyInput): Promise<StudyRows>;
  /**
   * Offers a run's factor attribution to the thread, which starts it once its earlier jobs are
   * done unless the caller's `result()` came first and computed it on the caller's thread: so the
   * attribution runs on whichever thread is free first (the same bits either way).
   */
  offerFactors(input: FactorAttributionInput): OfferedJob<FactorAttribution>;
  /** Offers a run's strategy inference (see strategyInference) as {@link offerFactors} offers the attribution. */
  offerInference(input: InferenceInput): OfferedJob<StrategyInference[]>;
}

/** A job's claim: 0 open, 1 taken by the worker, 2 taken by the caller (an Int32Array on shared memory). */
export const OPEN = 0;
export const BY_WORKER = 1;
export const BY_CALLER = 2;

/** What the worker computes for each kind of job (offered ones: `factors`, `inference`). */
export const TASKS = {
  studies: (input: StudyInput) => cachedStudies(input),
  rows: (input: StudyInput) => cachedStudyRows(input),
  factors: (input: FactorAttributionInput) => cachedFactorAttribution(input),
  inference: (input: InferenceInput) => strategyInference(input),
};

type Job = { resolve: (s: never) => void; reject: (e: Error) => void };

/** The process's studies worker, its pending jobs and the next job id. */
let shared: { worker: Worker; jobs: Map<number, Job>; next: number } | undefined;

function studiesWorker() {
  if (shared) return shared;
  const worker = new Worker(join(packageRoot(), 'dist', 'engine', 'workflows', 'run', 'studies-worker.js'));
  const s = { worker, jobs: new Map<number, Job>(), next: 0 };
  const fail = (e: Error) => {
    if (shared === s) shared = undefined; // the next run starts a new thread
    for (const job of s.jobs.values()) job.reject(e);
    s.jobs.clear();
    worker.unref();
  };
  worker.on('message', ({ id, result }: { id: number; result: never }) => {
    s.jobs.get(id)?.resolve(result);
    s.jobs.delete(id);
    if (s.jobs.size === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the studies thread ended (exit code ${code}) before returning its result`)));
  worker.unref(); // an idle worker never keeps the process alive (after the listeners: they would ref it again)
  return (shared = s);
}

/** Posts a job to the worker; resolves to its result (undefined for an offered job the caller took). */
function post<T>(s: NonNullable<typeof shared>, message: Record<string, unknown>): Promise<T> {
  const id = s.next++;
  const result = new Promise<T>((resolve, reject) => s.jobs.set(id, { resolve: resolve as (x: never) => void, reject }));
  s.worker.ref(); // a job in flight keeps the process alive until its result arrives
  s.worker.postMessage({ id, ...message });
  // a caller that stops before awaiting the result (e.g. its run folder exists) must not see an unhandled rejection
  result.catch(() => {});
  return result;
}

/** Offers a job of kind `kind` to the worker (see {@link OfferedJob}). */
function offer<K extends 'factors' | 'inference'>(
  s: NonNullable<typeof shared>,
  kind: K,
  input: Parameters<(typeof TASKS)[K]>[0],
): OfferedJob<ReturnType<(typeof TASKS)[K]>> {
  type R = ReturnType<(typeof TASKS)[K]>;
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const there = post<R | undefined>(s, { kind, input, claim });
  const task = TASKS[kind] as (x: typeof input) => R;
  return {
    async result() {
      // not started there yet: computed here, and the worker skips it
      if (Atomics.compareExchange(claim, 0, OPEN, BY_CALLER) === OPEN) return task(input);
      return (await there)!;
    },
  };
}

/**
 * A thread for a run's studies (the regime table's and the first-cut path's bootstraps, the
 * event study, the strategy inference) and, when it is free first, its factor attribution, so
 * that they compute on the second core while this thread writes the simulation's files. One
 * worker serves every run of the process (its start-up, ≈ 80 ms, is paid once and its code stays
 * optimized); start it early so that its start-up overlaps the data loading and the simulation.
 * An idle worker does not keep the process alive. With one core, or `inThread`, the studies run
 * on this thread when `compute` is called, and offered jobs when their result is asked for.
 */
export function startStudiesThread(options: { inThread?: boolean } = {}): StudiesThread {
  if (options.inThread || availableParallelism() < 2) {
    return {
      compute: async (input) => TASKS.studies(input),
      computeRows: async (input) => TASKS.rows(input),
      offerFactors: (input) => ({ result: async () => TASKS.factors(input) }),
      offerInference: (input) => ({ result: async () => TASKS.inference(input) }),
    };
  }
  const s = studiesWorker();
  return {
    compute: (input) => post<Studies>(s, { kind: 'studies', input }),
    computeRows: (input) => post<StudyRows>(s, { kind: 'rows', input }),
    offerFactors: (input) => offer(s, 'factors', input),
    offerInference: (input) => offer(s, 'inference', input),
  };
}

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/paths.js';
import { computeStudies, type StudyInput, type Studies } from './studies.js';

/** Where a run's studies compute while the caller goes on (see {@link startStudiesThread}). */
export interface StudiesThread {
  /** Sends the input and resolves to its studies (the same bits as {@link computeStudies} on this thread). */
  compute(input: StudyInput): Promise<Studies>;
}

/** The process's studies worker, its pending jobs and the next job id. */
let shared: { worker: Worker; jobs: Map<number, { resolve: (s: Studies) => void; reject: (e: Error) => void }>; next: number } | undefined;

function studiesWorker() {
  if (shared) return shared;
  const worker = new Worker(join(packageRoot(), 'dist', 'engine', 'workflows', 'run', 'studies-worker.js'));
  const s = { worker, jobs: new Map<number, { resolve: (s: Studies) => void; reject: (e: Error) => void }>(), next: 0 };
  const fail = (e: Error) => {
    if (shared === s) shared = undefined; // the next run starts a new thread
    for (const job of s.jobs.values()) job.reject(e);
    s.jobs.clear();
    worker.unref();
  };
  worker.on('message', ({ id, studies }: { id: number; studies: Studies }) => {
    s.jobs.get(id)?.resolve(studies);
    s.jobs.delete(id);
    if (s.jobs.size === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the studies thread ended (exit code ${code}) before returning its result`)));
  worker.unref(); // an idle worker never keeps the process alive (after the listeners: they would ref it again)
  return (shared = s);
}

/**
 * A thread for a run's studies (the regime table's and the first-cut path's bootstraps, the
 * event study, the strategy inference), so that they compute on the second core while this
 * thread writes the simulation's files. One worker serves every run of the process (its start-up,
 * ≈ 80 ms, is paid once and its code stays optimized); start it early so that its start-up
 * overlaps the data loading and the simulation. An idle worker does not keep the process alive.
 * With one core, or `inThread`, the studies run on this thread when `compute` is called.
 */
export function startStudiesThread(options: { inThread?: boolean } = {}): StudiesThread {
  if (options.inThread || availableParallelism() < 2) {
    return { compute: async (input) => computeStudies(input) };
  }
  const s = studiesWorker();
  return {
    compute(input) {
      const id = s.next++;
      const result = new Promise<Studies>((resolve, reject) => s.jobs.set(id, { resolve, reject }));
      s.worker.ref(); // a job in flight keeps the process alive until its result arrives
      s.worker.postMessage({ id, input });
      // a caller that stops before awaiting the result (e.g. its run folder exists) must not see an unhandled rejection
      result.catch(() => {});
      return result;
    },
  };
}

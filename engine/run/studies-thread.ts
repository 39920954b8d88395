import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import { computeStudies, type StudyInput, type Studies } from './studies.js';

/** A thread that computes one run's studies while the caller goes on (see {@link startStudiesThread}). */
export interface StudiesThread {
  /** Sends the input and resolves to its studies (the same bits as {@link computeStudies} on this thread). Call once. */
  compute(input: StudyInput): Promise<Studies>;
  /** Ends the thread (after `compute` resolved, or when the run stops before it). */
  close(): void;
}

/**
 * Starts a worker thread for a run's studies (the regime table's and the first-cut path's
 * bootstraps, the event study, the strategy inference), so that they compute on the second
 * core while this thread writes the simulation's files. Start it early: its start-up (module
 * loading, ≈ 80 ms) then overlaps the data loading and the simulation. The idle thread does
 * not keep the process alive. With one core, or `inThread`, the studies run on this thread
 * when `compute` is called.
 */
export function startStudiesThread(options: { inThread?: boolean } = {}): StudiesThread {
  if (options.inThread || availableParallelism() < 2) {
    return { compute: async (input) => computeStudies(input), close: () => {} };
  }
  const worker = new Worker(join(packageRoot(), 'dist', 'engine', 'run', 'studies-worker.js'));
  worker.unref();
  return {
    compute(input) {
      const result = new Promise<Studies>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the studies thread ended (exit code ${code}) before returning its result`)));
      });
      worker.ref();
      worker.postMessage(input);
      // a caller that stops before awaiting the result (e.g. its run folder exists) must not see an unhandled rejection
      result.catch(() => {});
      return result;
    },
    close: () => void worker.terminate(),
  };
}

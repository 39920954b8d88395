/**
 * Worker-thread entry of {@link import('./studies-thread.js').startStudiesThread}: computes each
 * job it receives, in order, and posts each result back with its job id (one thread serves every
 * run of a process, so its code stays optimized from one run to the next): the studies of a study
 * input (computeStudies, with the strategy-independent parts from the studies cache) or their rows,
 * or an offered job (a factor attribution, a strategy inference) unless the caller took it back
 * first (its claim; the result is then undefined).
 */
import { parentPort } from 'node:worker_threads';
import { BY_WORKER, OPEN, TASKS } from './studies-thread.js';

type Job = { id: number; kind: keyof typeof TASKS; input: never; claim?: Int32Array };

parentPort!.on('message', (job: Job) => {
  const mine = job.claim === undefined || Atomics.compareExchange(job.claim, 0, OPEN, BY_WORKER) === OPEN;
  parentPort!.postMessage({ id: job.id, result: mine ? TASKS[job.kind](job.input) : undefined });
});

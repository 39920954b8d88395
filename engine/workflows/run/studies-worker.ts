/**
 * Worker-thread entry of {@link import('./studies-thread.js').startStudiesThread}: computes each
 * job it receives, in order, and posts each result back with its job id (one thread serves every
 * run of a process, so its code stays optimized from one run to the next): the studies of a
 * study input (computeStudies, with the strategy-independent parts from the studies cache), or the factor attribution of an offered job unless the
 * caller took that job back first (its claim; the result is then undefined).
 */
import { parentPort } from 'node:worker_threads';
import type { FactorAttributionInput } from '../../measure/analytics/factor-attribution.js';
import { cachedFactorAttribution } from './factor-cache.js';
import type { StudyInput } from './studies.js';
import { cachedStudies } from './studies-cache.js';
import { BY_WORKER, OPEN } from './studies-thread.js';

type Job = { id: number; kind: 'studies'; input: StudyInput } | { id: number; kind: 'factors'; input: FactorAttributionInput; claim: Int32Array };

parentPort!.on('message', (job: Job) => {
  if (job.kind === 'studies') parentPort!.postMessage({ id: job.id, result: cachedStudies(job.input) });
  else {
    const mine = Atomics.compareExchange(job.claim, 0, OPEN, BY_WORKER) === OPEN;
    parentPort!.postMessage({ id: job.id, result: mine ? cachedFactorAttribution(job.input) : undefined });
  }
});

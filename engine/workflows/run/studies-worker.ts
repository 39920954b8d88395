/**
 * Worker-thread entry of {@link import('./studies-thread.js').startStudiesThread}: computes the
 * {@link computeStudies} of each input it receives, in order, and posts each back with its job id
 * (one thread serves every run of a process, so its code stays optimized from one run to the next).
 */
import { parentPort } from 'node:worker_threads';
import { computeStudies, type StudyInput } from './studies.js';

parentPort!.on('message', ({ id, input }: { id: number; input: StudyInput }) => {
  parentPort!.postMessage({ id, studies: computeStudies(input) });
});

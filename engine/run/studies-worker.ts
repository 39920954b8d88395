/**
 * Worker-thread entry of {@link import('./studies-thread.js').startStudiesThread}: waits for one
 * {@link StudyInput}, posts back its {@link computeStudies} and ends.
 */
import { parentPort } from 'node:worker_threads';
import { computeStudies, type StudyInput } from './studies.js';

parentPort!.once('message', (input: StudyInput) => {
  parentPort!.postMessage(computeStudies(input));
  parentPort!.close();
});

import { UserError } from '../core/errors.js';
import { looksLikePath } from '../strategy/load-strategy.js';
import { boundedNumber, wholeNumber } from './validate-options.js';

/** Sweeps larger than this need `--yes`. */
export const LARGE_SWEEP = 10_000_000;

/** Bar-steps per second of one sweep worker, measured by `npm run bench` (docs/performance.md). */
const BAR_STEPS_PER_S = 23e6;

/** Checks a sweep's numeric options before anything runs; every message names the option. */
export function checkSweepOptions(args: {
  strategy?: string;
  top?: unknown;
  workers?: unknown;
  batch?: unknown;
  seed?: unknown;
  taskTimeout?: unknown;
  samples?: unknown;
}): void {
  wholeNumber('top', args.top);
  wholeNumber('workers', args.workers, { max: 1024 });
  wholeNumber('batch', args.batch, { min: 1 });
  wholeNumber('seed', args.seed, { max: 2 ** 32 - 1 });
  wholeNumber('samples', args.samples, { min: 1 });
  boundedNumber('task-timeout', args.taskTimeout, { min: 0, exclusive: true });
  if (args.workers === 0 && args.strategy !== undefined && looksLikePath(args.strategy)) {
    throw new UserError(
      `strategy file ${args.strategy}: it runs on worker threads (its time limit and crash containment need one); --workers 0 is for built-in strategies`,
    );
  }
  if (args.workers === 0 && args.taskTimeout !== undefined) {
    throw new UserError('--task-timeout needs worker threads: with --workers 0 the sweep runs on this thread, where a set that loops cannot be stopped');
  }
}

/** "3.2 hours"-style duration of `seconds`. */
export function roughDuration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} minutes`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} hours`;
  return `${Math.round(seconds / 86_400).toLocaleString('en-US')} days`;
}

/**
 * Refuses a sweep of more than {@link LARGE_SWEEP} sets unless `yes`, saying how long it
 * would take at the benchmarked throughput (bar-steps per second per worker).
 */
export function confirmSweepSize(sets: number, bars: number, workers: number, yes: boolean | undefined): void {
  if (sets <= LARGE_SWEEP || yes) return;
  const seconds = (sets * bars) / (BAR_STEPS_PER_S * Math.max(1, workers));
  throw new UserError(
    `the sweep has ${sets.toLocaleString('en-US')} sets (over ${LARGE_SWEEP.toLocaleString('en-US')}): at about ${BAR_STEPS_PER_S / 1e6} M bar-steps/s per worker it would take roughly ${roughDuration(seconds)} on ${Math.max(1, workers)} worker(s); narrow the grid, use --samples, or pass --yes`,
  );
}

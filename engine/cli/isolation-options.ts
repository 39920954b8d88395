import type { Argv } from 'yargs';
import type { IsolationLimits } from '../strategy/isolated.js';
import { boundedNumber, wholeNumber } from './validate-options.js';

/** `--timeout` and `--memory-mb`: the limits of a user strategy evaluated in a worker thread. */
export function isolationOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('timeout', { type: 'number', default: 600, describe: 'seconds a strategy file may run before it is stopped (user files run in a worker thread)' })
    .option('memory-mb', { type: 'number', default: 2048, describe: "heap limit of a strategy file's worker thread, MB" }) as Argv<T>;
}

/** Checks `--timeout` and `--memory-mb`; returns the limits. */
export function isolationLimits(args: { timeout?: unknown; memoryMb?: unknown }): IsolationLimits {
  return {
    timeoutSeconds: boundedNumber('timeout', args.timeout, { min: 0, exclusive: true }),
    memoryMb: wholeNumber('memory-mb', args.memoryMb, { min: 16 }),
  };
}

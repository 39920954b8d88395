import type { Strategy } from '../strategy/define.js';
import { sweepSets } from '../workflows/sets/sweep-sets.js';
import type { SetSource } from '../workflows/sweep/sweep.js';

/** The options of `ratecycle sweep` that say which sets to run. */
export interface SetSourceArgs {
  grid?: string[];
  samples?: number;
  seed?: number;
  param?: string[];
}

/**
 * The sets to run (sweepSets): a random search (`--samples`) or a grid (`--grid`), checked
 * against the strategy's parameters. A random search draws the numeric and categorical parameters
 * not fixed by `--param`; asking for more samples than the distinct sets warns on stderr and runs
 * each once.
 */
export function setSource(args: SetSourceArgs, strategy: Strategy): SetSource {
  const source = sweepSets(strategy, { grid: args.grid, samples: args.samples, seed: args.seed, fixed: args.param ?? [] });
  if (source.kind === 'random' && source.samples < source.requested)
    process.stderr.write(
      `warning: --samples ${source.requested} exceeds the ${source.space.toLocaleString('en-US')} distinct sets of ${source.names.join(', ')}; running each once\n`,
    );
  return source;
}

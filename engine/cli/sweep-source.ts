import { UserError } from '../core/errors.js';
import type { Strategy } from '../strategy/define.js';
import { parseGrid } from '../workflows/sweep/grid.js';
import { randomSearch } from '../workflows/sweep/random-search.js';
import type { SetSource } from '../workflows/sweep/sweep.js';

/** The options of `ratecycle sweep` that say which sets to run. */
export interface SetSourceArgs {
  grid?: string[];
  samples?: number;
  seed?: number;
  param?: string[];
}

/**
 * The sets to run: a random search (`--samples`) or a grid (`--grid`), checked against the
 * strategy's parameters. A random search draws the numeric and categorical parameters not fixed
 * by `--param`; asking for more samples than the distinct sets warns on stderr and runs each once.
 */
export function setSource(args: SetSourceArgs, strategy: Strategy): SetSource {
  if (args.samples !== undefined) {
    if (!(Number.isInteger(args.samples) && args.samples > 0)) throw new UserError(`--samples must be a whole number > 0 (got ${args.samples})`);
    if (args.grid?.length) throw new UserError('give either --grid or --samples, not both');
    const names = Object.entries(strategy.params)
      .filter(([, s]) => s.type !== 'string')
      .map(([k]) => k)
      .filter((k) => !(args.param ?? []).some((p) => p.startsWith(`${k}=`)));
    const source = randomSearch(strategy.params, names, args.samples, args.seed ?? 1, strategy.id);
    if (source.samples < args.samples)
      process.stderr.write(
        `warning: --samples ${args.samples} exceeds the ${source.space.toLocaleString('en-US')} distinct sets of ${names.join(', ')}; running each once\n`,
      );
    return source;
  }
  if (!args.grid?.length) throw new UserError('name the parameters to sweep with --grid name=a:b:step (or use --samples N)');
  return { kind: 'grid', grid: parseGrid(args.grid, strategy.params, strategy.id) };
}

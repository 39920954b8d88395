import { UserError } from '../../core/errors.js';
import type { Strategy } from '../../strategy/define.js';
import { parseGrid } from '../sweep/grid.js';
import { randomSearch } from '../sweep/random-search.js';
import type { SetSource } from '../sweep/sweep.js';

/** Options of {@link sweepSets}: a grid, or a random search of some sets. */
export interface SweepSetsOptions {
  /** Grid axes, each `name=a:b:step` (an inclusive range) or `name=v1,v2` (what `ratecycle sweep --grid` takes). */
  grid?: readonly string[];
  /** A random search of this many distinct sets instead of a grid (what `--samples` takes). */
  samples?: number;
  /** Seed of the random search (default 1, as `--seed`). */
  seed?: number;
  /**
   * Parameters the caller fixes, which a random search does not draw: `name=value` texts as
   * `--param` takes them, bare names, or values by name (a key whose value is undefined is not fixed).
   */
  fixed?: readonly string[] | Readonly<Record<string, unknown>>;
}

/** The names `fixed` holds (see {@link SweepSetsOptions}). */
function fixedNames(fixed: SweepSetsOptions['fixed']): Set<string> {
  if (fixed === undefined) return new Set();
  if (Array.isArray(fixed)) return new Set((fixed as readonly string[]).map((p) => (p.includes('=') ? p.slice(0, p.indexOf('=')) : p)));
  return new Set(Object.keys(fixed).filter((k) => (fixed as Record<string, unknown>)[k] !== undefined));
}

/**
 * The parameters a random search of `strategy` draws: every numeric, whole-number, yes/no and
 * choice parameter (not text ones), in the order of its specs, except those in `fixed` — what
 * `ratecycle sweep --samples N` draws given its `--param`s.
 *
 * @example randomSearchParams(builtin('first-cut-rotation'), ['otherwise=cash']) // ['months', 'every_cut']
 */
export function randomSearchParams(strategy: Pick<Strategy, 'params'>, fixed?: SweepSetsOptions['fixed']): string[] {
  const skip = fixedNames(fixed);
  return Object.entries(strategy.params)
    .filter(([, s]) => s.type !== 'string')
    .map(([k]) => k)
    .filter((k) => !skip.has(k));
}

/**
 * The parameter sets of a sweep, as `ratecycle sweep` makes them from `--grid`, or from
 * `--samples`, `--seed` and `--param`: a grid checked against the strategy's parameters, or a
 * seeded random search without replacement over {@link randomSearchParams} (a request for more
 * samples than there are distinct sets is capped: `samples` of the result is what runs, below
 * `requested`). The same options give the same sets, in the same order, as the CLI; pass the
 * result as `source` to sweepToFolder.
 *
 * @example sweepSets(strategy, { grid: ['months=1:36:1', 'otherwise=large,cash'] }) // 72 sets
 * @example sweepSets(strategy, { samples: 500, seed: 7, fixed: ['otherwise=cash'] }) // 500 distinct sets of the others
 */
export function sweepSets(strategy: Pick<Strategy, 'id' | 'params'>, options: SweepSetsOptions): SetSource {
  const { samples, grid } = options;
  if (samples !== undefined) {
    if (!(Number.isInteger(samples) && samples > 0)) throw new UserError(`‹samples› must be a whole number > 0 (got ${samples})`, { value: samples });
    if (grid?.length) throw new UserError('give either ‹grid› or ‹samples›, not both');
    return randomSearch(strategy.params, randomSearchParams(strategy, options.fixed), samples, options.seed ?? 1, strategy.id);
  }
  if (!grid?.length) throw new UserError('name the parameters to sweep with ‹grid› name=a:b:step (or use ‹samples› N)');
  return { kind: 'grid', grid: parseGrid(grid, strategy.params, strategy.id) };
}

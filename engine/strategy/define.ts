import type { ParamSpecs, ParamValues } from './params.js';
import type { MarketView, Role } from './view.js';
import type { Rebalance } from '../core/types.js';
import type { SeriesId } from './series-ids.js';

/** Target weights by asset role or id: one Float64Array per asset, one value per bar (NaN = no new decision). */
export type Weights<A extends string> = '*' extends A ? Record<string, Float64Array> : { [K in A]: Float64Array };

/** A strategy: pure, vectorized map from a point-in-time market view to target weights. */
export interface Strategy<A extends string = string, S extends string = string, P extends ParamSpecs = ParamSpecs> {
  /** Short id (kebab-case), used on the command line. */
  id: string;
  /** Display name. */
  name: string;
  /** The file a user strategy was loaded from (set by the loader; shown in error messages). */
  file?: string;
  /** What it does, one paragraph: idea, rule and source of the idea. */
  description: string;
  /** Assets it weights: roles `small`, `large`, `cash`, or asset ids of a universe (`*` = any asset the universe has). */
  assets: readonly A[];
  /** Extra series it reads (joined as of their publication date), e.g. `ism_pmi`. */
  series: readonly S[];
  /**
   * When the series read depend on the parameters (e.g. an expression), the ids to load for
   * these values; `catalog.series` lists the ids the loaded catalog offers (when known).
   */
  seriesFor?: (params: ParamValues<P>, catalog?: { series: readonly string[] }) => readonly string[];
  /** Parameter specs: drive `--param` parsing, `--help` and sweep grids. */
  params: P;
  /** Default universe, rebalance schedule and lag for this strategy (the CLI may override them). */
  defaults?: { universe?: string; rebalance?: Rebalance; lag?: number };
  /**
   * Target weights decided at each bar's close (fractions of equity), from data up to that
   * bar only. Never shift signals to trade: the engine applies the execution lag.
   *
   * `out`, when the engine passes it, holds one zero-filled Float64Array per declared asset
   * (length = bars), reused from one call to the next: a strategy may fill and return these
   * instead of allocating its own (sweeps run many sets this way without allocating).
   * Ignoring it is fine.
   */
  weights(view: MarketView<S>, params: ParamValues<P>, out?: Weights<A>): Weights<A>;
}

/**
 * Declares a strategy with checked asset, series and parameter names (series ids: the
 * catalog's, see SeriesId; a project's own are declared by `ratecycle data add`):
 *
 * ```ts
 * export default defineStrategy({
 *   id: 'my-idea', name: 'My idea', description: '…',
 *   assets: ['small', 'large'], series: ['ism_pmi'],
 *   params: { level: { type: 'number', default: 50, min: 30, max: 70, step: 1, description: 'PMI threshold' } },
 *   weights(view, p) { … return { small, large }; },
 * });
 * ```
 */
// `string & {}` keeps the role names in the editor's completions; `{}`: no parameters
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function defineStrategy<const A extends Role | (string & {}), const S extends SeriesId = never, const P extends ParamSpecs = {}>(
  strategy: Omit<Strategy<A, S, P>, 'series' | 'params'> & { series?: readonly S[]; params?: P },
): Strategy<A, S, P> {
  return { ...strategy, series: strategy.series ?? [], params: (strategy.params ?? {}) as P };
}

import { UserError } from '../engine/errors.js';
import type { FedFrame, FomcDecision, Market } from '../engine/types.js';

/** Asset roles a strategy can weight without naming the universe's assets (`bonds` only in universes with bonds). */
export type Role = 'small' | 'large' | 'bonds' | 'cash';

/**
 * What a strategy sees: the point-in-time market frame. Every column is as known at each
 * bar's close (macro series from their publication date), so reading index t uses only
 * information available at t. Reading index t+1 at t is look-ahead: `ratecycle audit`
 * catches it.
 */
export interface MarketView<S extends string = string> {
  /** Bar dates (days since 1970-01-01) and their number. */
  readonly dates: Int32Array;
  readonly length: number;
  readonly frequency: 'daily' | 'monthly';
  /** Bars per year measured from the calendar. */
  readonly periodsPerYear: number;
  readonly universe: { id: string; assets: readonly string[]; small: string; large: string };
  /** Price (or total-return index) of an asset by role (`small`, `large`) or id. */
  price(asset: string): Float64Array;
  /** Simple return per bar of an asset by role or id (fraction; index 0 is 0). */
  returns(asset: string): Float64Array;
  /** Cash return per bar (fraction). */
  readonly cash: Float64Array;
  /** A series declared in the strategy's `series`, as of its publication date (NaN before). */
  series(id: S): Float64Array;
  /** Fed policy annotation (phase, cycle ids, first cuts, policy rate), point-in-time. */
  readonly fed: FedFrame;
  /** FOMC decisions up to the end of the frame. */
  readonly fomc: readonly FomcDecision[];
}

/** Resolves a role or asset id to an asset id of the market. */
export function resolveAsset(market: Pick<Market, 'assets' | 'small' | 'large' | 'bonds' | 'universe'>, asset: string): string {
  if (asset === 'small') return market.small;
  if (asset === 'large') return market.large;
  if (asset === 'bonds') {
    if (market.bonds) return market.bonds;
    throw new UserError(`universe "${market.universe}" has no bonds asset; use a universe with bonds (ff-bonds, russell-bonds) or another allocation`);
  }
  if (market.assets.includes(asset)) return asset;
  throw new UserError(`asset "${asset}" is not in universe "${market.universe}" (assets: ${market.assets.join(', ')}; roles: small, large, ${market.bonds ? 'bonds, ' : ''}cash)`);
}

/** The strategy view of a market frame (no copies). */
export function marketView<S extends string>(market: Market): MarketView<S> {
  return {
    dates: market.dates,
    length: market.dates.length,
    frequency: market.frequency,
    periodsPerYear: market.periodsPerYear,
    universe: { id: market.universe, assets: market.assets, small: market.small, large: market.large },
    price: (a) => market.prices[resolveAsset(market, a)],
    returns: (a) => market.returns[resolveAsset(market, a)],
    cash: market.cash,
    series: (id) => {
      const col = market.series[id] ?? (market.assets.includes(id) ? market.prices[id] : undefined);
      if (!col) throw new UserError(`series "${id}" was not loaded: declare it in the strategy's "series" list`);
      return col;
    },
    fed: market.fed,
    fomc: market.fomc,
  };
}

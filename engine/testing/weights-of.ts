import type { Market } from '../core/types.js';
import type { Strategy } from '../strategy/define.js';
import { evaluateStrategy } from '../strategy/evaluate.js';
import { parseParams } from '../strategy/params.js';

/**
 * A strategy's target weights on a market, one plain array per asset id (fractions of
 * equity, NaN = no new decision), for `expect(...).toEqual([...])` in tests. `params` are
 * `name=value` pairs or an object; missing parameters take their defaults.
 *
 * @example weightsOf(strategy, market, ['months=3']).s // small-cap weight per bar
 */
export function weightsOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any strategy, whatever its parameter specs
  strategy: Strategy<string, string, any>,
  market: Market,
  params: readonly string[] | Record<string, string | number | boolean> = [],
): Record<string, number[]> {
  const values = parseParams(strategy.params, params, strategy.id) as Record<string, unknown>;
  const matrix = evaluateStrategy(strategy as Strategy, market, values);
  const A = market.assets.length;
  const out: Record<string, number[]> = {};
  market.assets.forEach((asset, a) => {
    out[asset] = Array.from({ length: market.dates.length }, (_, t) => matrix[t * A + a]);
  });
  return out;
}

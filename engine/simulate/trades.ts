import type { Trade } from '../core/types.js';
import type { Recorder } from './kernel.js';

/** Smallest weight change listed as a trade (fraction of equity). */
export const TRADE_EPSILON = 1e-12;

/**
 * The trades of a recorded run: on each rebalance bar, one entry per asset whose weight moves
 * by more than 1e-12 (from = weight before the trade, to = target; value = |w·E − h| in currency
 * units; cost = value × (cost_a + slippage)).
 */
export function tradeList(rec: Recorder, dates: Int32Array, assets: readonly string[], rate: Float64Array): Trade[] {
  const A = assets.length;
  const T = rec.rebalanced.length;
  const out: Trade[] = [];
  for (let t = 0; t < T; t++) {
    if (rec.rebalanced[t] !== 1) continue;
    for (let a = 0; a < A; a++) {
      const from = rec.before[t * A + a];
      const to = rec.targets[t * A + a];
      if (Math.abs(to - from) <= TRADE_EPSILON) continue;
      const value = rec.traded[t * A + a];
      out.push({ bar: t, date: dates[t], asset: assets[a], from, to, value, cost: value * rate[a] });
    }
  }
  return out;
}

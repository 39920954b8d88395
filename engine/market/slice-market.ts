import { sliceFed } from './fed/slice-fed.js';
import type { Market } from '../core/types.js';

function mapRecord(r: Record<string, Float64Array>, end: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(r)) out[k] = v.subarray(0, end);
  return out;
}

/**
 * The market as it was known at the close of bar `end − 1`: every column cut to its first
 * `end` bars, and FOMC decisions, policy moves and Fed cycles limited to those known by
 * then (a cycle still running shows only its moves up to that close). The columns are
 * views of the original's memory (no copy: the audit cuts a market hundreds of times); a
 * user's strategy never sees them directly, since its view hands out private copies
 * (engine/strategy/view.ts), the built-ins, which read them, never write into their view, and
 * the engine never writes into a market.
 */
export function sliceMarket(market: Market, end: number): Market {
  const last = market.dates[end - 1];
  return {
    ...market,
    dates: market.dates.subarray(0, end),
    prices: mapRecord(market.prices, end),
    returns: mapRecord(market.returns, end),
    cash: market.cash.subarray(0, end),
    series: mapRecord(market.series, end),
    fed: sliceFed(market.fed, 0, end, last, { copy: false }),
    fomc: market.fomc.filter((d) => d.date <= last).map((d) => ({ ...d })),
    warnings: [],
  };
}

import type { FedFrame, Market } from '../types.js';

function mapRecord(r: Record<string, Float64Array>, end: number): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(r)) out[k] = v.slice(0, end);
  return out;
}

/**
 * The market as it was known at the close of bar `end − 1`: every column cut to its first
 * `end` bars, and FOMC decisions and Fed cycles limited to those known by then. Copies,
 * so a strategy that writes into its inputs cannot corrupt the original.
 */
export function sliceMarket(market: Market, end: number): Market {
  const last = market.dates[end - 1];
  const f = market.fed;
  const fed: FedFrame = {
    policyRate: f.policyRate.slice(0, end),
    phase: f.phase.slice(0, end),
    cycleId: f.cycleId.slice(0, end),
    firstCut: f.firstCut.slice(0, end),
    barsSinceFirstCut: f.barsSinceFirstCut.slice(0, end),
    monthsSinceFirstCut: f.monthsSinceFirstCut.slice(0, end),
    move: f.move.slice(0, end),
    cycles: f.cycles.filter((c) => c.confirmed <= last).map((c) => ({ ...c, end: Math.min(c.end, last) })),
  };
  return {
    ...market,
    dates: market.dates.slice(0, end),
    prices: mapRecord(market.prices, end),
    returns: mapRecord(market.returns, end),
    cash: market.cash.slice(0, end),
    series: mapRecord(market.series, end),
    fed,
    fomc: market.fomc.filter((d) => d.date <= last),
    warnings: [],
  };
}

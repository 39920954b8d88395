import type { Market } from '../../core/types.js';
import { benchmarkReturns } from '../../market/benchmark-series.js';
import { equityCurve } from '../../core/equity-curve.js';
import { metricColumn } from '../../measure/metrics/metric-names.js';
import { SUMMARY_KEYS, summaryMetrics } from '../../measure/metrics/summary-metrics.js';

/** Buying and holding one asset over a sweep's bars: its metrics under results.csv's column names. */
export interface BuyHoldMetrics {
  asset: string;
  metrics: Record<string, number | null>;
}

/** sweep.json's `buyHold`: the universe's small and large caps held over the same bars as every set. */
export interface SweepBuyHold {
  note: string;
  small: BuyHoldMetrics;
  large: BuyHoldMetrics;
}

/** What sweep.json says the buy-and-hold metrics are. */
export const BUY_HOLD_NOTE =
  "each asset bought at the first bar's close and held to the last, no costs, over the same bars as every set; the same metric definitions as results.csv (beta against the sweep's benchmark)";

/**
 * The sweep's metrics of buying and holding the universe's small and large caps over the same bars
 * as every parameter set (summaryMetrics, the code results.csv uses), keyed by results.csv column,
 * null where a metric is not defined. The reference lines of the sweep page and terminal.
 *
 * @example sweepBuyHold(market, 'large').large.metrics.sharpe // large caps' Sharpe ratio over the sweep's bars
 */
export function sweepBuyHold(market: Market, benchmark: string): SweepBuyHold {
  const bench = benchmarkReturns(market, benchmark);
  const of = (asset: string): BuyHoldMetrics => {
    const m = summaryMetrics(equityCurve(market.returns[asset]), market.cash, bench, market.dates, market.periodsPerYear, 1) as unknown as Record<
      string,
      number
    >;
    return { asset, metrics: Object.fromEntries(SUMMARY_KEYS.map((k) => [metricColumn(k), Number.isFinite(m[k]) ? m[k] : null])) };
  };
  return { note: BUY_HOLD_NOTE, small: of(market.small), large: of(market.large) };
}

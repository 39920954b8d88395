import { summaryMetrics, type SummaryMetrics } from '../metrics/summary-metrics.js';
import { simulateMany } from '../simulate/simulate-many.js';
import { validateTargets } from '../simulate/validate-targets.js';
import type { Market, SimOptions } from '../types.js';
import type { Strategy } from '../../strategies/define.js';
import { evaluateStrategy } from '../../strategies/evaluate.js';
import { monthFrame, monthlyExcessReturns } from './monthly-returns.js';

/** One parameter set to simulate: its index in the grid (or sample sequence) and its values. */
export interface SweepSet {
  index: number;
  params: Record<string, unknown>;
}

/** Sweep metrics of one set: the summary metrics plus the simulation's own counts. */
export type SweepMetrics = SummaryMetrics & { exposure: number; turnoverAnnual: number; rebalances: number };

/** Result of one parameter set: metrics, or the error that stopped it. */
export interface SweepRow {
  index: number;
  params: Record<string, unknown>;
  metrics?: SweepMetrics;
  error?: string;
  /** Monthly returns in excess of cash (when the batch asks for them), for the probability of backtest overfitting. */
  monthly?: Float32Array;
}

/** What every batch of a sweep shares. */
export interface BatchContext {
  market: Market;
  strategy: Strategy;
  sim: SimOptions;
  benchmark: 'small' | 'large';
  /** Also return each set's monthly excess returns (SweepRow.monthly). */
  monthly?: boolean;
}

/**
 * Simulates a batch of parameter sets together: weights for each set, then one
 * simulateMany call over all the valid ones, then the summary metrics of each equity row.
 * A set whose strategy throws or returns bad weights gets its error and the batch goes on.
 */
export function runBatch(ctx: BatchContext, sets: readonly SweepSet[], buffer?: { equity?: Float64Array }): SweepRow[] {
  const { market, strategy, sim } = ctx;
  const T = market.dates.length;
  const A = market.assets.length;
  const rows: SweepRow[] = sets.map((s) => ({ index: s.index, params: s.params }));
  const targets: Float64Array[] = [];
  const which: number[] = [];
  sets.forEach((s, i) => {
    try {
      const w = evaluateStrategy(strategy, market, s.params);
      validateTargets(w, A, market.dates, market.assets, sim.allowShort, sim.allowLeverage);
      targets.push(w);
      which.push(i);
    } catch (e) {
      rows[i].error = (e as Error).message.split('\n')[0];
    }
  });
  if (targets.length === 0) return rows;
  const input = { dates: market.dates, assets: market.assets, returns: market.assets.map((a) => market.returns[a]), cash: market.cash };
  const need = targets.length * T;
  if (buffer && (!buffer.equity || buffer.equity.length < need)) buffer.equity = new Float64Array(need);
  const res = simulateMany(input, targets, sim, buffer?.equity, true);
  const bench = market.returns[ctx.benchmark === 'small' ? market.small : market.large];
  const years = (market.dates[T - 1] - market.dates[0]) / 365.25;
  which.forEach((i, k) => {
    const eq = res.equity.subarray(k * T, k * T + T);
    rows[i].metrics = {
      ...summaryMetrics(eq, market.cash, bench, market.dates, market.periodsPerYear),
      exposure: res.exposure[k],
      turnoverAnnual: res.turnover[k] / years,
      rebalances: res.rebalances[k],
    };
    if (ctx.monthly) rows[i].monthly = monthlyExcessReturns(eq, monthFrame(market));
  });
  return rows;
}

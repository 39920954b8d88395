import type { Piscina } from 'piscina';
import type { Market, SimOptions } from '../../core/types.js';
import { pboFromBlocks } from '../../measure/stats/pbo.js';
import type { Strategy } from '../../strategy/define.js';
import {
  deflatedSharpeVsCash,
  overfittingFromFile,
  overfittingFromFileWith,
  type DeflatedSharpeReport,
  type OverfittingInput,
  type PboReport,
} from './overfitting.js';
import { pboOnPool } from './pbo-on-pool.js';
import { runBatch } from './run-batch.js';
import type { RunningStatistics } from './running-stats.js';

/** Distinct sets from which the PBO's splits run on the worker pool (below, the tasks cost more than they save). */
const PBO_POOL_MIN = 2048;

/** The overfitting statistics at the end of a sweep. */
export interface SweepOverfitting {
  /** Deflated Sharpe ratio of the best set against cash (per bar) and against the benchmark (monthly). */
  cash: DeflatedSharpeReport;
  vsBenchmark: DeflatedSharpeReport;
  pbo: PboReport;
}

/**
 * The overfitting statistics of a sweep from what it kept while it ran: the deflated Sharpe
 * ratio against cash from the running statistics (the best set's moments, simulated again when
 * it came from an earlier run of a resumed sweep), and, for a complete sweep, the PBO and the
 * deflated Sharpe ratio against the benchmark from monthly.f32, read in chunks. The PBO's splits
 * run on the pool when there is one and enough distinct sets to pay for the tasks (a failed
 * task falls back to this thread: the same numbers).
 */
export async function sweepOverfitting(x: {
  stats: RunningStatistics;
  /** Set when the sweep is complete: monthly.f32 and what its rows mean. */
  monthly?: OverfittingInput;
  pool: Piscina | null;
  months: number;
  market: Market;
  strategy: Strategy;
  sim: SimOptions;
  benchmark: 'small' | 'large';
}): Promise<SweepOverfitting> {
  const { stats } = x;
  let overfit: { pbo: PboReport; vsBenchmark: DeflatedSharpeReport } | undefined;
  if (x.monthly) {
    const p = x.pool;
    overfit = p
      ? await overfittingFromFileWith(x.monthly, async (b) => (b.distinct >= PBO_POOL_MIN ? pboOnPool(p, b).catch(() => pboFromBlocks(b)) : pboFromBlocks(b)))
      : overfittingFromFile(x.monthly);
  }
  let moments = stats.bestMoments;
  if (stats.best && !moments)
    moments = runBatch({ market: x.market, strategy: x.strategy, sim: x.sim, benchmark: x.benchmark }, [
      { index: stats.best.index, params: stats.best.params },
    ])[0].metrics;
  const cash = deflatedSharpeVsCash(moments, x.market.dates.length, stats.trials, stats.variance);
  return {
    cash,
    pbo: overfit?.pbo ?? { value: null, reason: 'the sweep is incomplete' },
    vsBenchmark: overfit?.vsBenchmark ?? { ...cash, value: NaN, null: '', frequency: 'month', observations: x.months, trials: 0 },
  };
}

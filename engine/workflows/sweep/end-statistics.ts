import type { Piscina } from 'piscina';
import type { Market, SimOptions } from '../../core/types.js';
import { pboFromBlocks } from '../../measure/stats/pbo.js';
import type { Strategy } from '../../strategy/define.js';
import {
  activeMoments,
  deflatedSharpeVsBenchmark,
  deflatedSharpeVsCash,
  pboFromFile,
  readMonthlyRows,
  type DeflatedSharpeReport,
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
 * it came from an earlier run of a resumed sweep), and, for a complete sweep, the deflated Sharpe
 * ratio against the benchmark from the information ratios the batches packed and the best set's
 * monthly returns kept beside them (read back from monthly.f32, one row, only when the best set
 * came from an earlier run of a resumed sweep), and the PBO from monthly.f32 read in chunks (only
 * when it is computed: up to PBO_MAX_SETS sets). The PBO's splits run on the pool when there is
 * one and enough distinct sets to pay for the tasks (a failed task falls back to this thread:
 * the same numbers).
 */
export async function sweepOverfitting(x: {
  stats: RunningStatistics;
  /** Set when the sweep is complete: monthly.f32, the benchmark's monthly excess returns and its name. */
  monthly?: { file: string; benchmark: Float64Array; benchmarkName: string };
  pool: Piscina | null;
  months: number;
  market: Market;
  strategy: Strategy;
  sim: SimOptions;
  benchmark: 'small' | 'large';
}): Promise<SweepOverfitting> {
  const { stats, months: M } = x;
  let overfit: { pbo: PboReport; vsBenchmark: DeflatedSharpeReport } | undefined;
  if (x.monthly) {
    const { file, benchmark, benchmarkName } = x.monthly;
    let bestMonthly = stats.bestMonthly;
    if (stats.best && !bestMonthly) readMonthlyRows(file, M, stats.bestRow, 1, (f32) => (bestMonthly = f32.slice(0, M)));
    const best = bestMonthly ? activeMoments(bestMonthly, 0, M, benchmark) : undefined;
    const p = x.pool;
    overfit = {
      vsBenchmark: deflatedSharpeVsBenchmark(best, stats.active, M, benchmarkName),
      pbo: await pboFromFile({ file, rows: stats.rows, months: M }, async (b) =>
        p && b.distinct >= PBO_POOL_MIN ? pboOnPool(p, b).catch(() => pboFromBlocks(b)) : pboFromBlocks(b),
      ),
    };
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

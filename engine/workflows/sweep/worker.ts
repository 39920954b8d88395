/**
 * Sweep worker (runs in a piscina worker thread). workerData carries the shared market
 * (SharedArrayBuffer columns, not copied), the strategy reference and the options; each
 * task is a batch of parameter sets, or (named `pbo`) a chunk of the overfitting statistic's splits.
 */
import { workerData } from 'node:worker_threads';
import type { Market, SimOptions } from '../../core/types.js';
import { loadStrategy } from '../../../strategies/index.js';
import type { Strategy } from '../../strategy/define.js';
import { runBatch, type SweepSet } from './run-batch.js';
import { packRows, type PackedBatch } from './batch-results.js';
import { monthFrame } from './monthly-returns.js';
import { pboPairs, type CscvBlocks, type PboSplits } from '../../measure/stats/pbo.js';

interface Init {
  market: Market;
  strategyRef: string;
  sim: SimOptions;
  benchmark: 'small' | 'large';
  monthly?: boolean;
  /** The strategy's parameter names (results.csv's columns) and the ranking metric's key. */
  paramNames: string[];
  key: string;
  /** The benchmark's monthly excess returns (each set's information ratio against it is packed with its batch). */
  benchmarkExcess: Float64Array;
}

const init = workerData as Init;
let strategy: Promise<Strategy> | undefined;
/** The monthly returns' array of every batch: the result is copied to the main thread when the task returns, so the next batch writes into it again. */
let months: Float32Array | undefined;

/** Runs one batch and packs it (results.csv lines and monthly returns made here, not on the main thread). */
export default async function task(sets: SweepSet[]): Promise<PackedBatch> {
  strategy ??= loadStrategy(init.strategyRef).then((l) => l.strategy);
  const s = await strategy;
  const M = monthFrame(init.market).cash.length;
  if (init.monthly && (!months || months.length < sets.length * M)) months = new Float32Array(sets.length * M);
  const rows = runBatch({ market: init.market, strategy: s, sim: init.sim, benchmark: init.benchmark, monthly: init.monthly }, sets, months);
  return packRows(rows, init.paramNames, init.key, M, init.benchmarkExcess);
}

/** A chunk of the probability of backtest overfitting: the splits of pairs [from, to), written into the shared outputs. */
export function pbo(t: { blocks: CscvBlocks; from: number; to: number; out: PboSplits }): void {
  pboPairs(t.blocks, t.from, t.to, t.out);
}

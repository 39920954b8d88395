import type { SimOptions, SimResult } from '../core/types.js';
import { runKernel, type Recorder } from './kernel.js';
import { resolveOptions } from './options.js';
import { kernelSetup, type MarketInput } from './setup.js';
import { tradeList } from './trades.js';
import { matrixColumns } from './validate-targets.js';

export { DEFAULT_SIM_OPTIONS } from './options.js';
export { WeightError } from './validate-targets.js';

/** Inputs of a simulation: aligned per-asset returns, cash returns and target weights (conventions in kernel.ts). */
export interface SimInput extends MarketInput {
  /** T×A row-major target weights decided at each bar's close, fractions of equity; an all-NaN row = no new decision. */
  targets?: Float64Array;
  /** The same targets as one column per asset (length T each), used instead of `targets` when given (no matrix is built). */
  columns?: readonly Float64Array[];
  /** How weight errors name the assets (default: `assets`). */
  names?: readonly string[];
}

/**
 * Per-bar returns of an equity curve that started at `initial`: r_0 = 0, r_1 = E_1 / initial − 1
 * (so a trade's cost at bar 0 under lag 0 is counted), r_t = E_t / E_{t−1} − 1, and 0 after
 * ruin (E_{t−1} = 0).
 */
export function equityReturns(equity: Float64Array, initial: number, out = new Float64Array(equity.length)): Float64Array {
  const T = equity.length;
  if (T > 0) out[0] = 0;
  let prev = initial;
  for (let t = 1; t < T; t++) {
    const e = equity[t];
    out[t] = prev === 0 ? 0 : e / prev - 1;
    prev = e;
  }
  return out;
}

/**
 * Simulates one target-weight portfolio (conventions in kernel.ts): equity at each close,
 * per-bar returns (fractions), realized and effective target weights, turnover, costs, cash
 * weight and income, rebalance flags, the trades and the ruin bar. Inputs are never mutated.
 */
export function simulate(input: SimInput, options: Partial<SimOptions> = {}): SimResult {
  const o = resolveOptions(options);
  const setup = kernelSetup(input, o);
  const { T, A } = setup;
  const cols = input.columns ?? matrixColumns(input.targets ?? new Float64Array(0), T, A);
  const rec: Recorder = {
    weights: new Float64Array(T * A),
    targets: new Float64Array(T * A),
    before: new Float64Array(T * A),
    traded: new Float64Array(T * A),
    turnover: new Float64Array(T),
    costs: new Float64Array(T),
    cashWeight: new Float64Array(T),
    cashIncome: new Float64Array(T),
    rebalanced: new Uint8Array(T),
  };
  const equity = new Float64Array(T);
  const summary = runKernel(
    setup,
    { cols, names: input.names ?? input.assets, dates: input.dates, allowShort: o.allowShort, allowLeverage: o.allowLeverage },
    equity,
    rec,
  );
  return {
    equity,
    returns: equityReturns(equity, o.initial),
    ruinBar: summary.ruinBar,
    weights: rec.weights,
    targets: rec.targets,
    turnover: rec.turnover,
    costs: rec.costs,
    cashWeight: rec.cashWeight,
    cashIncome: rec.cashIncome,
    rebalanced: rec.rebalanced,
    trades: tradeList(rec, input.dates, input.assets, setup.rate),
  };
}

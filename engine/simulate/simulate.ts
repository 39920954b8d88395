import type { SimOptions, SimResult } from '../types.js';
import { runKernel, type Recorder } from './kernel.js';
import { resolveOptions } from './options.js';
import { kernelSetup, type MarketInput } from './setup.js';
import { tradeList } from './trades.js';
import { validateTargets } from './validate-targets.js';

export { DEFAULT_SIM_OPTIONS } from './options.js';
export { WeightError } from './validate-targets.js';

/** Inputs of a simulation: aligned per-asset returns, cash returns and target weights (conventions in kernel.ts). */
export interface SimInput extends MarketInput {
  /** T×A row-major target weights decided at each bar's close, fractions of equity; an all-NaN row = no new decision. */
  targets: Float64Array;
}

/**
 * Simulates one target-weight portfolio (conventions in kernel.ts): equity at each close,
 * per-bar returns (fractions), realized and effective target weights, turnover, costs, cash
 * weight and income, rebalance flags and the trades. Inputs are never mutated.
 */
export function simulate(input: SimInput, options: Partial<SimOptions> = {}): SimResult {
  const o = resolveOptions(options);
  const setup = kernelSetup(input, o);
  const { T, A } = setup;
  validateTargets(input.targets, A, input.dates, input.assets, o.allowShort, o.allowLeverage);
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
  runKernel(setup, input.targets, equity, rec);
  const returns = new Float64Array(T);
  for (let t = 1; t < T; t++) returns[t] = equity[t] / equity[t - 1] - 1;
  return {
    equity,
    returns,
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

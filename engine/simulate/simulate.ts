import type { SimOptions, SimResult, Trade } from '../types.js';
import { modeOf, runKernel, type KernelSetup } from './kernel.js';
import { scheduleMask } from './schedule.js';
import { validateTargets } from './validate-targets.js';

/** Inputs of a simulation: aligned per-asset returns, cash returns and target weights. */
export interface SimInput {
  /** Bar dates, days since epoch (length T). */
  dates: Int32Array;
  assets: readonly string[];
  /** Simple return over bar t per asset (close t−1 → close t), fraction; index 0 ignored. */
  returns: readonly Float64Array[];
  /** Cash return over bar t, fraction. */
  cash: Float64Array;
  /** T×A row-major target weights decided at each bar's close (NaN row = no decision). */
  targets: Float64Array;
}

/** Default options: next-close execution, trade on change, no costs, long-only, unlevered. */
export const DEFAULT_SIM_OPTIONS: SimOptions = {
  lag: 1,
  rebalance: { kind: 'on-change' },
  cost: 0,
  slippage: 0,
  allowShort: false,
  allowLeverage: false,
  borrowSpread: 0,
  periodsPerYear: 252,
  initial: 1,
};

/** The kernel's fixed inputs from options (validated). */
export function kernelSetup(input: Omit<SimInput, 'targets'>, options: Partial<SimOptions>): KernelSetup {
  const o = { ...DEFAULT_SIM_OPTIONS, ...options };
  const A = input.assets.length;
  const T = input.dates.length;
  if (input.returns.length !== A) throw new Error(`simulate: ${input.returns.length} return series for ${A} assets`);
  for (const r of input.returns) if (r.length !== T) throw new Error('simulate: every return series needs one value per bar');
  if (input.cash.length !== T) throw new Error('simulate: the cash series needs one value per bar');
  if (!(Number.isInteger(o.lag) && o.lag >= 0)) throw new Error(`simulate: lag must be a whole number ≥ 0 (got ${o.lag})`);
  const rate = new Float64Array(A);
  for (let a = 0; a < A; a++) rate[a] = (typeof o.cost === 'number' ? o.cost : o.cost[a]) + o.slippage;
  const { mode, band } = modeOf(o.rebalance);
  return {
    T,
    A,
    returns: input.returns as Float64Array[],
    cash: input.cash,
    lag: o.lag,
    mode,
    band,
    schedule: scheduleMask(input.dates, o.rebalance),
    rate,
    spread: o.borrowSpread / o.periodsPerYear,
    initial: o.initial,
  };
}

/**
 * Simulates one target-weight portfolio (conventions in kernel.ts): returns the equity
 * curve, per-bar portfolio returns, realized and target weights, turnover, costs, cash
 * income and the list of trades. Inputs are never mutated.
 */
export function simulate(input: SimInput, options: Partial<SimOptions> = {}): SimResult {
  const o = { ...DEFAULT_SIM_OPTIONS, ...options };
  const setup = kernelSetup(input, o);
  const { T, A } = setup;
  validateTargets(input.targets, A, input.dates, input.assets, o.allowShort, o.allowLeverage);
  const trades: Trade[] = [];
  const rec = {
    weights: new Float64Array(T * A),
    targets: new Float64Array(T * A),
    turnover: new Float64Array(T),
    costs: new Float64Array(T),
    cashWeight: new Float64Array(T),
    cashIncome: new Float64Array(T),
    rebalanced: new Uint8Array(T),
    trade: (bar: number, a: number, from: number, to: number, value: number, cost: number) =>
      trades.push({ bar, date: input.dates[bar], asset: input.assets[a], from, to, value, cost }),
  };
  const equity = new Float64Array(T);
  runKernel(setup, input.targets, equity, new Float64Array(2 * A), rec);
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
    trades,
  };
}

import type { SimOptions } from '../types.js';
import { MODE, runKernel, runKernel2 } from './kernel.js';
import { DEFAULT_SIM_OPTIONS, kernelSetup, type SimInput } from './simulate.js';
import { validateTargets } from './validate-targets.js';

/** Summaries of K simulations over the same market. */
export interface ManyResult {
  /** K×T row-major equity curves. */
  equity: Float64Array;
  /** Per set: Σ turnover over all trades, number of rebalances, costs paid (currency units). */
  turnover: Float64Array;
  rebalances: Int32Array;
  costs: Float64Array;
  /** Per set: mean gross exposure Σ|w| over bars (fraction). */
  exposure: Float64Array;
}

/**
 * Simulates K target matrices on the same market in one call (the sweep's unit of work):
 * the same kernel as `simulate`, so equity is bit-identical, without per-bar detail.
 * `out` may pass a reusable K×T equity buffer.
 */
export function simulateMany(
  input: Omit<SimInput, 'targets'>,
  targets: readonly Float64Array[],
  options: Partial<SimOptions> = {},
  out?: Float64Array,
  /** Skip the weight checks when the caller already ran validateTargets on every set. */
  prevalidated = false,
): ManyResult {
  const o = { ...DEFAULT_SIM_OPTIONS, ...options };
  const setup = kernelSetup(input, o);
  const { T, A } = setup;
  const K = targets.length;
  const equity = out && out.length >= K * T ? out : new Float64Array(K * T);
  const res: ManyResult = { equity, turnover: new Float64Array(K), rebalances: new Int32Array(K), costs: new Float64Array(K), exposure: new Float64Array(K) };
  const scratch = new Float64Array(2 * A);
  const fast = A === 2 && setup.mode !== MODE.drift;
  for (let k = 0; k < K; k++) {
    if (!prevalidated) validateTargets(targets[k], A, input.dates, input.assets, o.allowShort, o.allowLeverage);
    const row = equity.subarray(k * T, k * T + T);
    const s = fast ? runKernel2(setup, targets[k], row) : runKernel(setup, targets[k], row, scratch, null);
    res.turnover[k] = s.turnover;
    res.rebalances[k] = s.rebalances;
    res.costs[k] = s.costs;
    res.exposure[k] = s.exposureSum / T;
  }
  return res;
}

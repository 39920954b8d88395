import type { SimOptions } from '../types.js';
import { runKernel } from './kernel.js';
import { resolveOptions } from './options.js';
import { kernelSetup, type MarketInput } from './setup.js';
import { validateTargets } from './validate-targets.js';

/** Summaries of K simulations over the same market. */
export interface ManyResult {
  /** K×T row-major equity curves (currency units). */
  equity: Float64Array;
  /** Per set: Σ turnover over all rebalances (fractions of equity). */
  turnover: Float64Array;
  /** Per set: number of bars with a trade. */
  rebalances: Int32Array;
  /** Per set: Σ costs paid, currency units. */
  costs: Float64Array;
  /** Per set: mean over bars of gross exposure Σ|realized w| (fraction). */
  exposure: Float64Array;
}

/**
 * Simulates K target matrices on one market (the sweep's unit of work) with the same kernel as
 * `simulate`, so each equity row is bit-identical to `simulate(...).equity`; no per-bar detail.
 * `out` may pass a reusable equity buffer of at least K×T values; `prevalidated` skips the
 * weight checks when the caller already ran validateTargets on every set.
 */
export function simulateMany(
  input: MarketInput,
  targets: readonly Float64Array[],
  options: Partial<SimOptions> = {},
  out?: Float64Array,
  prevalidated = false,
): ManyResult {
  const o = resolveOptions(options);
  const setup = kernelSetup(input, o);
  const { T, A } = setup;
  const K = targets.length;
  if (!prevalidated) for (const w of targets) validateTargets(w, A, input.dates, input.assets, o.allowShort, o.allowLeverage);
  else for (const w of targets) if (w.length !== T * A) throw new Error(`simulateMany: a target set has ${w.length} values; expected ${T} bars × ${A} assets`);
  const equity = out !== undefined && out.length >= K * T ? out : new Float64Array(K * T);
  const res: ManyResult = { equity, turnover: new Float64Array(K), rebalances: new Int32Array(K), costs: new Float64Array(K), exposure: new Float64Array(K) };
  for (let k = 0; k < K; k++) {
    const s = runKernel(setup, targets[k], equity.subarray(k * T, k * T + T), null);
    res.turnover[k] = s.turnover;
    res.rebalances[k] = s.rebalances;
    res.costs[k] = s.costs;
    res.exposure[k] = T > 0 ? s.exposureSum / T : NaN;
  }
  return res;
}

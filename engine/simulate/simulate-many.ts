import type { SimOptions } from '../core/types.js';
import { runKernel } from './kernel.js';
import { resolveOptions } from './options.js';
import { kernelSetup, type MarketInput } from './setup.js';
import { matrixColumns } from './validate-targets.js';

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
  /** Per set: ruin bar (equity ≤ 0 from there), −1 if never. */
  ruinBar: Int32Array;
}

/**
 * Simulates K target sets on one market with the same kernel as `simulate`, so each equity row
 * is bit-identical to `simulate(...).equity`; no per-bar detail. Each set is a T×A row-major
 * matrix or one column per asset; every row is checked by the kernel as it reads it. `out` may
 * pass a reusable equity buffer of at least K×T values. (A fifth argument, once "skip the checks",
 * is accepted and ignored: the checks cost nothing extra now.)
 */
export function simulateMany(
  input: MarketInput,
  targets: readonly (Float64Array | readonly Float64Array[])[],
  options: Partial<SimOptions> = {},
  out?: Float64Array,
  _prevalidated?: boolean,
): ManyResult {
  const o = resolveOptions(options);
  const setup = kernelSetup(input, o);
  const { T, A } = setup;
  const K = targets.length;
  const sets = targets.map((w) => (w instanceof Float64Array ? matrixColumns(w, T, A) : w));
  const equity = out !== undefined && out.length >= K * T ? out : new Float64Array(K * T);
  const res: ManyResult = {
    equity,
    turnover: new Float64Array(K),
    rebalances: new Int32Array(K),
    costs: new Float64Array(K),
    exposure: new Float64Array(K),
    ruinBar: new Int32Array(K),
  };
  const st = new Float64Array(4 + A);
  const w = new Float64Array(A);
  for (let k = 0; k < K; k++) {
    const rules = { cols: sets[k], names: input.assets, dates: input.dates, allowShort: o.allowShort, allowLeverage: o.allowLeverage };
    const s = runKernel(setup, rules, equity.subarray(k * T, k * T + T), null, st, w);
    res.turnover[k] = s.turnover;
    res.rebalances[k] = s.rebalances;
    res.costs[k] = s.costs;
    res.exposure[k] = T > 0 ? s.exposureSum / T : NaN;
    res.ruinBar[k] = s.ruinBar;
  }
  return res;
}

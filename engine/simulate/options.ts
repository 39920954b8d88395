import type { SimOptions } from '../core/types.js';

/**
 * Trading cost a run pays when none is given: 5 bp of traded value, in the CLI (`--cost-bps`) and
 * in the library (`simOptions`) alike. The kernel's own default (DEFAULT_SIM_OPTIONS) stays 0.
 */
export const DEFAULT_COST = 0.0005;

/** The kernel's defaults: next-close execution (lag 1), trade on change, no costs, long-only, unlevered, 252 bars a year, equity 1. */
export const DEFAULT_SIM_OPTIONS: Readonly<SimOptions> = Object.freeze({
  lag: 1,
  rebalance: Object.freeze({ kind: 'on-change' }),
  cost: 0,
  slippage: 0,
  allowShort: false,
  allowLeverage: false,
  borrowSpread: 0,
  periodsPerYear: 252,
  initial: 1,
});

/** Options with defaults filled in (the input object is not changed). */
export function resolveOptions(options: Partial<SimOptions> = {}): SimOptions {
  const o: SimOptions = { ...DEFAULT_SIM_OPTIONS };
  for (const key of Object.keys(options) as (keyof SimOptions)[]) {
    // an explicit `undefined` (e.g. from an optional CLI flag) keeps the default
    if (options[key] !== undefined) (o as unknown as Record<string, unknown>)[key] = options[key];
  }
  return o;
}

import type { SimOptions } from '../core/types.js';

/**
 * Trading cost a run pays when none is given: 5 bp of traded value (a fraction: 0.0005), in the
 * CLI (`--cost-bps` defaults to `DEFAULT_COST * 1e4`) and in the library (`simOptions`, and
 * `backtest` without `sim.cost`) alike; this constant is its one home. The kernel's own base
 * (DEFAULT_SIM_OPTIONS) stays 0.
 */
export const DEFAULT_COST = 0.0005;

/**
 * Spread over the cash rate that borrowed cash pays when none is given: 100 bp a year (a fraction
 * per year: 0.01), what `--borrow-spread-bps` defaults to (a test pins the two equal); only
 * leveraged or short runs borrow.
 */
export const DEFAULT_BORROW_SPREAD = 0.01;

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
  return overlay({ ...DEFAULT_SIM_OPTIONS }, options);
}

/**
 * The options of a run, with the defaults of `ratecycle run`: lag 1 bar, trade on change,
 * {@link DEFAULT_COST} (5 bp of traded value), no slippage, long-only, unlevered, borrowed cash at
 * the cash rate + {@link DEFAULT_BORROW_SPREAD}, initial equity 1, and `periodsPerYear` bars a
 * year (the market's); then each layer of overrides in turn (a strategy's own `defaults`, the
 * caller's options), where a key set to `undefined` keeps the value below it. The inputs are not
 * changed. This is the one home of the library's defaults: `simOptions` and `backtest` read them
 * here; `ratecycle run`'s flags give the same options (test/e2e/api.test.ts compares a script's
 * backtest with a run's metrics and run.json).
 *
 * @example runSimOptions(12) // { lag: 1, rebalance: { kind: 'on-change' }, cost: 0.0005, …, periodsPerYear: 12 }
 * @example runSimOptions(252, { lag: 2 }, { cost: 0 }) // lag 2, no costs
 */
export function runSimOptions(periodsPerYear: number, ...overrides: readonly (Partial<SimOptions> | undefined)[]): SimOptions {
  const o: SimOptions = { ...DEFAULT_SIM_OPTIONS, cost: DEFAULT_COST, borrowSpread: DEFAULT_BORROW_SPREAD, periodsPerYear };
  for (const layer of overrides) if (layer) overlay(o, layer);
  return o;
}

/** Copies the keys of `layer` that are not undefined into `o` (an explicit `undefined`, e.g. from an optional CLI flag, keeps the value below). */
function overlay(o: SimOptions, layer: Partial<SimOptions>): SimOptions {
  for (const key of Object.keys(layer) as (keyof SimOptions)[]) {
    if (layer[key] !== undefined) (o as unknown as Record<string, unknown>)[key] = layer[key];
  }
  return o;
}

/**
 * `ratecycle`: the public API. Everything a research project imports comes from here (plus
 * the subpaths `ratecycle/signals`, `ratecycle/stats`, `ratecycle/testing` and
 * `ratecycle/workflows`, the folders the CLI writes); every other module is internal and may move.
 *
 * Units everywhere: rates and returns are fractions (0.05 = 5 %) unless a name says percent
 * (the Fed policy rate is percent per year); dates are whole days since 1970-01-01 (UTC);
 * weights are fractions of equity.
 *
 * @example
 * import { loadMarket, backtest, builtin } from 'ratecycle';
 * const market = loadMarket({ universe: 'ff', from: '1954-07-01' });
 * // parameters by name, typed from the strategy ({ hold: 'lage' } is a type error); the CLI's defaults (5 bp of traded value, lag 1)
 * const result = backtest(builtin('fed-regime'), market, { params: { hold: 'large' } });
 * console.log(result.metrics.strategy.sharpe); // what `ratecycle run fed-regime --universe ff --from 1954-07-01 --param hold=large` prints
 */
import { loadCatalog } from './market/data/catalog.js';
import { buildMarket, type MarketOptions } from './market/build-market.js';
import { runSimOptions } from './simulate/options.js';
export { DEFAULT_COST, DEFAULT_BORROW_SPREAD } from './simulate/options.js';
import type { Market, SimOptions } from './core/types.js';
import type { Strategy } from './strategy/define.js';
import { builtin as findBuiltin } from '../strategies/index.js';
import type buyHold from '../strategies/buy-hold.js';
import type curve from '../strategies/curve.js';
import type fedRegime from '../strategies/fed-regime.js';
import type firstCutRotation from '../strategies/first-cut-rotation.js';
import type fixedMix from '../strategies/fixed-mix.js';
import type ismCycle from '../strategies/ism-cycle.js';
import type rateMomentum from '../strategies/rate-momentum.js';
import type relativeMomentum from '../strategies/relative-momentum.js';
import type rule from '../strategies/rule.js';
import type valuation from '../strategies/valuation.js';
import type vote from '../strategies/vote.js';
import type weightsFile from '../strategies/weights-file.js';

// Authoring strategies
export { defineStrategy, type Strategy, type Weights } from './strategy/define.js';
export type { MarketView, Role } from './strategy/view.js';
export { parseParams, formatParams, type ParamInput, type ParamSpec, type ParamSpecs, type ParamValue, type ParamValues } from './strategy/params.js';
export { evaluateStrategy, StrategyError } from './strategy/evaluate.js';
export { auditStrategy, type AuditOptions, type AuditResult } from './strategy/audit.js';
export { loadStrategyFile, type LoadedStrategy } from './strategy/load-strategy.js';
export { loadStrategy } from '../strategies/index.js';
export { BUILTINS as builtinStrategies } from '../strategies/index.js';
export * from './strategy/signals.js';

// Data and the market frame
export { loadCatalog, findEntry, findUniverse } from './market/data/catalog.js';
export { defaultUniverse, type DefaultUniverse } from './market/data/default-universe.js';
export { loadSeries } from './market/data/load-series.js';
export { buildMarket, type MarketOptions } from './market/build-market.js';
export { sliceMarket } from './market/slice-market.js';

// Simulation, metrics and analytics
export { backtest, type BacktestOptions, type BacktestRunOptions, type BacktestResult, type BacktestSimulation } from './workflows/run/backtest.js';
export { computeStudies, type Studies, type StudyInput, type StrategyInference, type EventKind } from './workflows/run/studies.js';
export { eventPath, type EventPath } from './measure/analytics/event-path.js';
export { simulate, DEFAULT_SIM_OPTIONS, WeightError, type SimInput } from './simulate/simulate.js';
export { parseRebalance, formatRebalance } from './workflows/run/parse-rebalance.js';
export { computeMetrics, METRIC_DEFINITIONS, type Metrics, type MetricsInput, type MetricUnit } from './measure/metrics/compute-metrics.js';
export { eventStudy, summarizeEvents, HORIZONS, type EventInput, type EventRow, type EventSummary } from './measure/analytics/event-study.js';
export { regimeTable, type RegimeInput, type RegimeRow } from './measure/analytics/regimes.js';

// Inference lives at `ratecycle/stats` (engine/measure/stats/index.ts lists it). Deprecated: these
// root re-exports stay for the 0.1 releases so existing imports keep working; import from
// 'ratecycle/stats' instead (they leave the root in 0.2).
export * from './measure/stats/index.js';

// Contracts, dates and errors
export type {
  Catalog,
  CatalogEntry,
  FedCycle,
  FedFrame,
  FomcDecision,
  Frequency,
  Publication,
  Rebalance,
  Series,
  SeriesKind,
  SimOptions,
  SimResult,
  Trade,
  UniverseSpec,
  Market,
} from './core/types.js';
export { Phase } from './core/types.js';
export { isoDay, parseIsoDay } from './core/dates.js';
export { UserError, DataError, cliMessage, type UserErrorOptions } from './core/errors.js';

/** Options of {@link loadMarket}: the market options plus the data folder. */
export interface LoadMarketOptions extends MarketOptions {
  /**
   * Data folder with a `catalog.json` (default: `./data` of the working folder when it has
   * one, else the shipped data); a catalog with `"extends": "ratecycle"` adds to the shipped one.
   */
  data?: string;
}

/**
 * Loads the catalog and builds the point-in-time market frame of a universe (calendar,
 * prices, returns, cash, the requested series as of their publication date, the Fed frame).
 *
 * @example loadMarket({ universe: 'ff', from: '1954-07-01', series: ['cpi'] })
 */
export function loadMarket(options: LoadMarketOptions = {}): Market {
  const { data, ...rest } = options;
  return buildMarket(loadCatalog(data), rest);
}

/**
 * Simulation options for a market, with the same defaults as `ratecycle run`: lag 1 bar, trade
 * on change, 5 bp of traded value as trading cost (DEFAULT_COST), no slippage, long-only,
 * unlevered, borrowed cash at the cash rate + 100 bp a year (DEFAULT_BORROW_SPREAD), initial
 * equity 1, and the market's bars per year; then `overrides` (costs as fractions of traded value:
 * 0.0005 = 5 bp; a key set to `undefined` keeps its default). The inputs are not changed.
 * `backtest(strategy, market, { sim })` fills in the same defaults (and the strategy's own lag and
 * schedule) by itself.
 *
 * @example simOptions(market, { cost: 0, rebalance: parseRebalance('monthly') }) // no costs, monthly
 */
export function simOptions(market: Pick<Market, 'periodsPerYear'>, overrides: Partial<SimOptions> = {}): SimOptions {
  return runSimOptions(market.periodsPerYear, overrides);
}

/** The built-in strategies by id, each with its own type (its parameter specs among them): what {@link builtin} returns for an id it knows. */
export interface BuiltinStrategies {
  'buy-hold': typeof buyHold;
  'fixed-mix': typeof fixedMix;
  'weights-file': typeof weightsFile;
  'first-cut-rotation': typeof firstCutRotation;
  'fed-regime': typeof fedRegime;
  'rate-momentum': typeof rateMomentum;
  'ism-cycle': typeof ismCycle;
  'relative-momentum': typeof relativeMomentum;
  curve: typeof curve;
  valuation: typeof valuation;
  vote: typeof vote;
  rule: typeof rule;
}

/**
 * A built-in strategy by id (`ratecycle list` shows them), or undefined for an unknown id. A
 * literal id known to the package gives a strategy typed with its parameter specs, so that
 * `backtest(builtin('fed-regime'), market, { params: { hold: 'lage' } })` is a type error (and
 * the result is still a plain `Strategy` for every other function); any other string gives
 * `Strategy | undefined`.
 *
 * @example builtin('fed-regime').params.hold.values // ['small', 'large', 'cash', 'mix', 'bonds']
 * @example builtin(process.argv[2]) ?? fail('unknown strategy') // Strategy | undefined
 */
export function builtin<K extends keyof BuiltinStrategies>(id: K): Strategy & { readonly params: BuiltinStrategies[K]['params'] };
export function builtin(id: string): Strategy | undefined;
export function builtin(id: string): Strategy | undefined {
  return findBuiltin(id);
}

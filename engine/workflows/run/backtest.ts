import { messageTemplate } from '../../core/errors.js';
import { benchmarkReturns } from '../../market/benchmark-series.js';
import { computeMetrics, type Metrics } from '../../measure/metrics/compute-metrics.js';
import { equityCurve } from '../../core/equity-curve.js';
import { runSimOptions } from '../../simulate/options.js';
import { simulate, WeightError } from '../../simulate/simulate.js';
import type { Market, SimOptions, SimResult } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
import { parseParams, type ParamInput, type ParamSpecs } from '../../strategy/params.js';
import { ColumnEvaluator, StrategyError, strategyLabel } from '../../strategy/evaluate.js';
import { computeStudies, type EventKind, type StudyInput, type Studies } from './studies.js';

/** Everything one backtest computed (the run folder is written from this): the simulation and its {@link Studies}. */
export interface BacktestResult extends BacktestSimulation, Studies {}

/** The part of a backtest before its studies (see {@link backtestSimulation}): enough to print a summary. */
export interface BacktestSimulation {
  strategy: Strategy;
  params: Record<string, unknown>;
  market: Market;
  options: SimOptions;
  /** Target weights decided by the strategy (T×A, before the lag). */
  decisions: Float64Array;
  sim: SimResult;
  /** Buy-and-hold equity of the universe's small and large assets (1 at the first bar). */
  smallEquity: Float64Array;
  largeEquity: Float64Array;
  /** Buy-and-hold equity of the universe's bonds asset, when it has one. */
  bondsEquity?: Float64Array;
  /** Benchmark used for beta, alpha, tracking error and information ratio: a role or a series id. */
  benchmark: string;
  /** Its per-bar returns, as the metrics used them (see benchmarkReturns). */
  benchmarkReturns: Float64Array;
  /** Metrics by column: strategy, small, large, and the benchmark series when it is neither. */
  metrics: { strategy: Metrics; small: Metrics; large: Metrics } & Record<string, Metrics>;
}

/** Options of the deprecated positional form of {@link backtest} (and of the workflows' runs): every simulation option given. */
export interface BacktestOptions {
  sim: SimOptions;
  /** `small`, `large` (default), or the id of a price series joined into the market (see withBenchmark, benchmarkReturns). */
  benchmark?: string;
  /** Event kinds for the event study: first cuts always; `cut` and `hike` on request. */
  events?: readonly EventKind[];
}

/**
 * Options of {@link backtest}: the strategy's parameters by name and the run's settings, each
 * with the default of `ratecycle run` when left out.
 *
 * @typeParam P - the strategy's parameter specs (inferred from the strategy: no need to write it).
 */
export interface BacktestRunOptions<P extends ParamSpecs = ParamSpecs> {
  /**
   * Parameter values by name (`{ hold: 'large' }`), typed from the strategy's own `params` when
   * its type names them (a `defineStrategy` result, a built-in from `builtin('id')`): a misspelt
   * name or value is a type error. Checked at run time against the specs (min/max, whole
   * numbers, choices) with parseParams' messages; missing ones take their default.
   */
  params?: ParamInput<P>;
  /**
   * Simulation options over the defaults of `ratecycle run` (see runSimOptions): lag 1 bar and
   * trade on change unless the strategy's `defaults` say otherwise, 5 bp of traded value as
   * trading cost (DEFAULT_COST), no slippage, long-only, unlevered, borrowed cash at the cash rate
   * + 100 bp a year, initial equity 1, the market's bars per year. Costs are fractions of traded
   * value (`{ cost: 0 }` for none, `{ cost: 0.001 }` for 10 bp).
   */
  sim?: Partial<SimOptions>;
  /** `small`, `large` (default), or the id of a price series joined into the market (see withBenchmark, benchmarkReturns). */
  benchmark?: string;
  /** Event kinds for the event study: first cuts always; `cut` and `hike` on request. */
  events?: readonly EventKind[];
}

/**
 * Runs one strategy on a market frame: weights, simulation, metrics, and the studies (regimes,
 * events, first-cut path, inference). With no options it gives what `ratecycle run` gives for the
 * same strategy and market: the strategy's default parameters and the CLI's defaults (5 bp of
 * traded value, lag 1, …).
 *
 * @example
 * const market = loadMarket({ universe: 'ff', from: '1954-07-01' });
 * const result = backtest(builtin('fed-regime'), market, { params: { hold: 'large' } }); // 5 bp of traded value, as the CLI
 * backtest(builtin('fed-regime'), market, { params: { hold: 'large' }, sim: { cost: 0, lag: 0 } }); // no costs, same-close trades
 * result.metrics.strategy.sharpe; // annualized Sharpe ratio of returns over cash
 *
 * @typeParam St - the strategy's type, inferred (no need to write it): its `params` type the names and values `options.params` takes
 */
export function backtest<St extends { readonly params: ParamSpecs }>(
  strategy: St & Strategy<string, string, St['params']>,
  market: Market,
  options?: BacktestRunOptions<St['params']>,
): BacktestResult;
/**
 * The positional form: parameters already parsed (every one given), then the market, then every
 * simulation option (`sim` required; no defaults are filled in).
 *
 * @deprecated Pass the parameters by name in the options, which fill in the CLI's defaults:
 * `backtest(strategy, market, { params: { hold: 'large' }, sim: { … } })`. This form stays for
 * the 0.1 releases (same results for the same parsed parameters and options).
 */
export function backtest(strategy: Strategy, params: Record<string, unknown>, market: Market, options: BacktestOptions): BacktestResult;
export function backtest(strategy: Strategy, ...rest: readonly unknown[]): BacktestResult {
  const run = isMarket(rest[1])
    ? { params: rest[0] as Record<string, unknown>, market: rest[1], options: rest[2] as BacktestOptions }
    : backtestArguments(strategy, rest[0], rest[1] as BacktestRunOptions | undefined);
  return addStudies(backtestSimulation(strategy, run.params, run.market, run.options), run.options);
}

/** Whether `x` is a market frame (the positional form of backtest has one third, the named form second). */
function isMarket(x: unknown): x is Market {
  const m = x as Partial<Market> | null;
  return typeof m === 'object' && m !== null && m.dates instanceof Int32Array && Array.isArray(m.assets) && typeof m.returns === 'object';
}

/**
 * What the named form of {@link backtest} runs: the strategy's parameters (parsed, defaults filled
 * in) and the full options, from `ratecycle run`'s defaults (runSimOptions), the strategy's own
 * `defaults` (lag, rebalance) and then `options.sim`.
 */
export function backtestArguments(
  strategy: Strategy,
  market: unknown,
  options: BacktestRunOptions = {},
): { params: Record<string, unknown>; market: Market; options: BacktestOptions } {
  if (!isMarket(market)) {
    throw new TypeError(`backtest(strategy, market, options): the second argument is not a market frame (loadMarket or buildMarket makes one)`);
  }
  const params = parseParams(strategy.params, (options.params ?? {}) as Record<string, string | number | boolean | undefined>, strategy.id);
  const sim = runSimOptions(market.periodsPerYear, { lag: strategy.defaults?.lag, rebalance: strategy.defaults?.rebalance }, options.sim);
  const { benchmark, events } = options;
  return { params, market, options: { sim, ...(benchmark !== undefined ? { benchmark } : {}), ...(events !== undefined ? { events } : {}) } };
}

/** The first half of {@link backtest}: weights, simulation and metrics (enough to print a summary). */
export function backtestSimulation(strategy: Strategy, params: Record<string, unknown>, market: Market, options: BacktestOptions): BacktestSimulation {
  const ev = new ColumnEvaluator(strategy, market);
  const columns = ev.evaluate(params);
  let sim: SimResult;
  try {
    sim = simulate(
      { dates: market.dates, assets: market.assets, names: ev.names(), returns: market.assets.map((a) => market.returns[a]), cash: market.cash, columns },
      options.sim,
    );
  } catch (e) {
    if (e instanceof WeightError) throw new StrategyError(`${strategyLabel(strategy, params)}: ${messageTemplate(e)}`, { cause: e });
    throw e;
  }
  const T = market.dates.length;
  const A = market.assets.length;
  const decisions = new Float64Array(T * A);
  for (let a = 0; a < A; a++) {
    const c = columns[a];
    for (let t = 0; t < T; t++) decisions[t * A + a] = c[t];
  }
  const smallRet = market.returns[market.small];
  const largeRet = market.returns[market.large];
  const benchmark = options.benchmark ?? 'large';
  const benchRet = benchmarkReturns(market, benchmark);
  const common = { dates: market.dates, cash: market.cash, periodsPerYear: market.periodsPerYear };
  const metrics = {
    strategy: computeMetrics({
      ...common,
      returns: sim.returns,
      benchmark: benchRet,
      weights: sim.weights,
      assets: market.assets.length,
      turnover: sim.turnover,
      rebalanced: sim.rebalanced,
    }),
    small: computeMetrics({ ...common, returns: smallRet, benchmark: benchRet }),
    large: computeMetrics({ ...common, returns: largeRet, benchmark: benchRet }),
  } as BacktestResult['metrics'];
  if (benchmark !== 'small' && benchmark !== 'large') metrics[benchmark] = computeMetrics({ ...common, returns: benchRet, benchmark: benchRet });
  const bondsRet = market.bonds ? market.returns[market.bonds] : undefined;
  if (bondsRet) metrics.bonds = computeMetrics({ ...common, returns: bondsRet, benchmark: benchRet });
  return {
    strategy,
    params,
    market,
    options: options.sim,
    decisions,
    sim,
    smallEquity: equityCurve(smallRet),
    largeEquity: equityCurve(largeRet),
    ...(bondsRet ? { bondsEquity: equityCurve(bondsRet) } : {}),
    benchmark,
    benchmarkReturns: benchRet,
    metrics,
  };
}

/** The columns and lists the studies of a simulation read (see {@link StudyInput}). */
export function studyInput(run: BacktestSimulation, options: Pick<BacktestOptions, 'events'> = {}): StudyInput {
  const { market, sim } = run;
  const bonds = market.bonds ? market.returns[market.bonds] : undefined;
  return {
    dates: market.dates,
    periodsPerYear: market.periodsPerYear,
    strategy: sim.returns,
    cash: market.cash,
    small: market.returns[market.small],
    large: market.returns[market.large],
    ...(bonds ? { bonds } : {}),
    equity: sim.equity,
    smallEquity: run.smallEquity,
    largeEquity: run.largeEquity,
    ...(run.bondsEquity ? { bondsEquity: run.bondsEquity } : {}),
    phase: market.fed.phase,
    cycles: market.fed.cycles,
    fomc: market.fomc,
    events: options.events ?? [],
  };
}

/** The second half of {@link backtest}: the studies of a simulation, on this thread (see {@link computeStudies}). */
export function addStudies(run: BacktestSimulation, options: Pick<BacktestOptions, 'events'>): BacktestResult {
  return { ...run, ...computeStudies(studyInput(run, options)) };
}

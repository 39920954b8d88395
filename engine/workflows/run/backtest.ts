import { messageTemplate } from '../../core/errors.js';
import { benchmarkReturns } from '../../market/benchmark-series.js';
import { computeMetrics, type Metrics } from '../../measure/metrics/compute-metrics.js';
import { simulate, WeightError } from '../../simulate/simulate.js';
import type { Market, SimOptions, SimResult } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
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

/** Options of {@link backtest}. */
export interface BacktestOptions {
  sim: SimOptions;
  /** `small`, `large` (default), or the id of a price series joined into the market (see withBenchmark, benchmarkReturns). */
  benchmark?: string;
  /** Event kinds for the event study: first cuts always; `cut` and `hike` on request. */
  events?: readonly EventKind[];
}

function equityOf(returns: Float64Array): Float64Array {
  const out = new Float64Array(returns.length);
  out[0] = 1;
  for (let t = 1; t < returns.length; t++) out[t] = out[t - 1] * (1 + returns[t]);
  return out;
}

/** Runs one strategy on a market frame: weights, simulation, metrics, and the studies (regimes, events, first-cut path, inference). */
export function backtest(strategy: Strategy, params: Record<string, unknown>, market: Market, options: BacktestOptions): BacktestResult {
  return addStudies(backtestSimulation(strategy, params, market, options), options);
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
    smallEquity: equityOf(smallRet),
    largeEquity: equityOf(largeRet),
    ...(bondsRet ? { bondsEquity: equityOf(bondsRet) } : {}),
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

import { eventStudy, HORIZONS, summarizeEvents, type EventRow, type EventSummary } from '../analytics/event-study.js';
import { regimeTable, type RegimeRow } from '../analytics/regimes.js';
import { computeMetrics, type Metrics } from '../metrics/compute-metrics.js';
import { simulate, WeightError } from '../simulate/simulate.js';
import type { Market, SimOptions, SimResult } from '../types.js';
import { isoDay } from '../dates.js';
import { UserError } from '../errors.js';
import type { Strategy } from '../../strategies/define.js';
import { ColumnEvaluator, StrategyError, strategyLabel } from '../../strategies/evaluate.js';

/** Everything one backtest computed (the run folder is written from this). */
export interface BacktestResult {
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
  /** Metrics by column: strategy, small, large, and the benchmark series when it is neither. */
  metrics: { strategy: Metrics; small: Metrics; large: Metrics } & Record<string, Metrics>;
  regimes: RegimeRow[];
  events: EventRow[];
  eventSummary: EventSummary[];
}

/** Block-bootstrap draws of a run's regime table (the event study uses the default 10,000). */
export const RUN_REGIME_DRAWS = 2_000;

/** Options of {@link backtest}. */
export interface BacktestOptions {
  sim: SimOptions;
  /** `small`, `large` (default), or the id of a price series joined into the market (see benchmarkReturns). */
  benchmark?: string;
  /** Event kinds for the event study: first cuts always; `cut` and `hike` on request. */
  events?: readonly ('first-cut' | 'cut' | 'hike')[];
}

/**
 * Per-bar returns of a benchmark price series joined into the market (as of each close).
 * The series must have a price on the first bar; a bar without a new price returns 0.
 */
export function benchmarkReturns(market: Market, id: string): Float64Array {
  const p = market.series[id];
  if (!p) throw new UserError(`benchmark "${id}" is not loaded: pass a price series id of the catalog`);
  if (!(p[0] > 0)) {
    throw new UserError(`benchmark "${id}" has no price on the run's first bar ${isoDay(market.dates[0])}; start later with --from or choose another benchmark`);
  }
  const r = new Float64Array(p.length);
  for (let t = 1; t < p.length; t++) {
    if (!(p[t] > 0)) throw new UserError(`benchmark "${id}" has no price on ${isoDay(market.dates[t])} (its data ends or is stale); end earlier with --to`);
    r[t] = p[t] / p[t - 1] - 1;
  }
  return r;
}

function equityOf(returns: Float64Array): Float64Array {
  const out = new Float64Array(returns.length);
  out[0] = 1;
  for (let t = 1; t < returns.length; t++) out[t] = out[t - 1] * (1 + returns[t]);
  return out;
}

/** The part of a backtest before its regime and event studies (see {@link backtestSimulation}). */
export type BacktestSimulation = Omit<BacktestResult, 'regimes' | 'events' | 'eventSummary'>;

/** Runs one strategy on a market frame: weights, simulation, metrics, regimes and events. */
export function backtest(strategy: Strategy, params: Record<string, unknown>, market: Market, options: BacktestOptions): BacktestResult {
  return addStudies(backtestSimulation(strategy, params, market, options), options);
}

/** The first half of {@link backtest}: weights, simulation and metrics (enough to print a summary). */
export function backtestSimulation(strategy: Strategy, params: Record<string, unknown>, market: Market, options: BacktestOptions): BacktestSimulation {
  const ev = new ColumnEvaluator(strategy, market);
  const columns = ev.evaluate(params);
  let sim: SimResult;
  try {
    sim = simulate({ dates: market.dates, assets: market.assets, names: ev.names(), returns: market.assets.map((a) => market.returns[a]), cash: market.cash, columns }, options.sim);
  } catch (e) {
    if (e instanceof WeightError) throw new StrategyError(`${strategyLabel(strategy, params)}: ${e.message}`, { cause: e });
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
  const benchRet = benchmark === 'small' ? smallRet : benchmark === 'large' ? largeRet : benchmarkReturns(market, benchmark);
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
    metrics,
  };
}

/** The second half of {@link backtest}: the regime table and the event study of a simulation. */
export function addStudies(run: BacktestSimulation, options: Pick<BacktestOptions, 'events'>): BacktestResult {
  const { market, sim, smallEquity, largeEquity, bondsEquity } = run;
  const smallRet = market.returns[market.small];
  const largeRet = market.returns[market.large];
  const bondsRet = market.bonds ? market.returns[market.bonds] : undefined;
  // 2,000 block-bootstrap draws keep a run well under a second; `ratecycle claims` uses 10,000
  const regimes = regimeTable({ dates: market.dates, strategy: sim.returns, small: smallRet, large: largeRet, ...(bondsRet ? { bonds: bondsRet } : {}), phase: market.fed.phase, cycles: market.fed.cycles, periodsPerYear: market.periodsPerYear }, { draws: RUN_REGIME_DRAWS });
  const kinds = new Set(['first-cut', ...(options.events ?? [])]);
  const evs: { event: string; date: number }[] = [];
  for (const c of market.fed.cycles) if (c.direction === 'easing' && kinds.has('first-cut')) evs.push({ event: 'first-cut', date: c.start });
  for (const d of market.fomc) {
    if (d.changeBp < 0 && kinds.has('cut')) evs.push({ event: 'cut', date: d.date });
    if (d.changeBp > 0 && kinds.has('hike')) evs.push({ event: 'hike', date: d.date });
  }
  const equity = sim.equity;
  const events = eventStudy({ dates: market.dates, strategy: equity, small: smallEquity, large: largeEquity, ...(bondsEquity ? { bonds: bondsEquity } : {}) }, evs, HORIZONS);
  return {
    ...run,
    regimes,
    events,
    eventSummary: summarizeEvents(events, { input: { dates: market.dates, strategy: equity, small: smallEquity, large: largeEquity } }),
  };
}

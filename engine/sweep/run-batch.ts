import { SummaryContext, summaryMetricsOf, type SummaryMetrics } from '../metrics/summary-metrics.js';
import { runKernel } from '../simulate/kernel.js';
import { WasmAdvance, wasmAdvanceFits, wasmAdvanceSlots } from '../simulate/advance-wasm.js';
import { wasmSumsSlots } from '../metrics/summary-sums-wasm.js';
import { WasmArena } from '../wasm/arena.js';
import { resolveOptions } from '../simulate/options.js';
import { kernelSetup, type KernelSetup } from '../simulate/setup.js';
import { WeightError, type RowRules } from '../simulate/validate-targets.js';
import type { Market, SimOptions } from '../types.js';
import type { Strategy } from '../../strategies/define.js';
import { ColumnEvaluator, StrategyError, strategyLabel } from '../../strategies/evaluate.js';
import { monthFrame, monthlyExcessReturns } from './monthly-returns.js';

/** One parameter set to simulate: its index in the grid (or sample sequence) and its values. */
export interface SweepSet {
  index: number;
  params: Record<string, unknown>;
}

/** Sweep metrics of one set: the summary metrics plus the simulation's own counts. */
export type SweepMetrics = SummaryMetrics & { exposure: number; turnoverAnnual: number; rebalances: number };

/** Result of one parameter set: metrics, or the error that stopped it. */
export interface SweepRow {
  index: number;
  params: Record<string, unknown>;
  metrics?: SweepMetrics;
  error?: string;
  /** Monthly returns in excess of cash (when the batch asks for them), for the probability of backtest overfitting. */
  monthly?: Float32Array;
}

/** What every batch of a sweep shares. */
export interface BatchContext {
  market: Market;
  strategy: Strategy;
  sim: SimOptions;
  benchmark: 'small' | 'large';
  /** Also return each set's monthly excess returns (SweepRow.monthly). */
  monthly?: boolean;
}

/**
 * Everything a sweep computes once per market, strategy and options and reuses for every set:
 * the kernel's packed market data, the strategy evaluator with its reused buffers, the
 * benchmark's sums for the metrics, and the equity and state buffers. Nothing of size T is
 * allocated per set. The growth loops and the metrics' per-bar passes run in WebAssembly where
 * the module is built (wasm/), on buffers in one arena; otherwise in JavaScript (same bits).
 */
export class SweepRunner {
  private readonly setup: KernelSetup;
  private readonly evaluator: ColumnEvaluator;
  private readonly summary: SummaryContext;
  private readonly equity: Float64Array;
  private readonly st: Float64Array;
  private readonly wasm: WasmAdvance | null;
  private readonly w: Float64Array;
  private readonly rules: RowRules;
  private readonly years: number;
  private readonly initial: number;

  constructor(readonly ctx: BatchContext) {
    const { market, strategy } = ctx;
    const o = resolveOptions(ctx.sim);
    const T = market.dates.length;
    const A = market.assets.length;
    this.setup = kernelSetup({ dates: market.dates, assets: market.assets, returns: market.assets.map((a) => market.returns[a]), cash: market.cash }, o);
    // one WebAssembly arena holds what the hot loops touch: the strategy's output columns, the
    // curve, the growth factors, the state (JavaScript loops, same bits, where it is missing)
    const fits = wasmAdvanceFits(this.setup);
    const outs = strategy.assets.filter((k) => k !== '*').length;
    const arena = WasmArena.create(wasmSumsSlots(T) + (fits ? wasmAdvanceSlots(T) : 0) + outs * T);
    this.evaluator = new ColumnEvaluator(strategy, market, arena ? (n) => arena.alloc(n) : undefined);
    const bench = market.returns[ctx.benchmark === 'small' ? market.small : market.large];
    this.summary = new SummaryContext(market.cash, bench, market.dates, market.periodsPerYear, { arena });
    this.equity = this.summary.curveBuffer(); // the kernel writes each curve where the metrics read it
    this.wasm = arena && fits ? new WasmAdvance(arena, this.setup) : null;
    this.st = this.wasm ? this.wasm.st : new Float64Array(4 + A);
    this.w = new Float64Array(A);
    this.rules = { cols: [], names: this.evaluator.names(), dates: market.dates, allowShort: o.allowShort, allowLeverage: o.allowLeverage };
    this.years = (market.dates[T - 1] - market.dates[0]) / 365.25;
    this.initial = o.initial;
  }

  /** Weights, simulation and summary metrics of one set; a set whose strategy throws or breaks a weight rule gets its error. */
  run(set: SweepSet): SweepRow {
    const row: SweepRow = { index: set.index, params: set.params };
    try {
      const rules = this.rules;
      rules.cols = this.evaluator.evaluate(set.params);
      let k;
      try {
        k = runKernel(this.setup, rules, this.equity, null, this.st, this.w, this.wasm);
      } catch (e) {
        if (e instanceof WeightError) throw new StrategyError(`${strategyLabel(this.ctx.strategy, set.params)}: ${e.message}`, { cause: e });
        throw e;
      }
      const T = this.setup.T;
      row.metrics = {
        ...summaryMetricsOf(this.summary, this.equity, this.initial),
        exposure: T > 0 ? k.exposureSum / T : NaN,
        turnoverAnnual: k.turnover / this.years,
        rebalances: k.rebalances,
      };
      if (this.ctx.monthly) row.monthly = monthlyExcessReturns(this.equity, monthFrame(this.ctx.market));
    } catch (e) {
      row.error = (e as Error).message.split('\n')[0];
    }
    return row;
  }
}

const runners = new WeakMap<BatchContext['market'], Map<string, SweepRunner>>();

/** The runner of a batch context, reused while the market, strategy, options and benchmark stay the same. */
function runnerFor(ctx: BatchContext): SweepRunner {
  let byKey = runners.get(ctx.market);
  if (!byKey) runners.set(ctx.market, (byKey = new Map()));
  const key = JSON.stringify([ctx.strategy.id, ctx.strategy.file ?? '', ctx.benchmark, Boolean(ctx.monthly), ctx.sim, ctx.sim.cost instanceof Float64Array ? Array.from(ctx.sim.cost) : 0]);
  let r = byKey.get(key);
  if (!r || r.ctx.strategy !== ctx.strategy) byKey.set(key, (r = new SweepRunner(ctx)));
  return r;
}

/**
 * Simulates a batch of parameter sets one after the other on reused buffers: weights
 * (straight into the kernel, no T×A matrix), simulation with inline weight checks, summary
 * metrics. A set whose strategy throws or returns bad weights gets its error and the batch
 * goes on.
 */
export function runBatch(ctx: BatchContext, sets: readonly SweepSet[], _buffers?: unknown): SweepRow[] {
  const r = runnerFor(ctx);
  return sets.map((s) => r.run(s));
}

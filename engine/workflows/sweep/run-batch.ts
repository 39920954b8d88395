import { cliMessage, messageTemplate } from '../../core/errors.js';
import { benchmarkReturns } from '../../market/benchmark-series.js';
import { SummaryContext, summaryMetricsOf, summaryMetricsOfPair, type SummaryMetrics } from '../../measure/metrics/summary-metrics.js';
import { runKernel, type KernelSummary } from '../../simulate/kernel.js';
import { WasmAdvance, wasmAdvanceFits, wasmAdvanceSlots } from '../../simulate/advance-wasm.js';
import { wasmSumsSlots } from '../../measure/metrics/summary-sums-wasm.js';
import { WasmArena } from '../../core/wasm-arena.js';
import { resolveOptions } from '../../simulate/options.js';
import { kernelSetup, type KernelSetup } from '../../simulate/setup.js';
import { WeightError, type RowRules } from '../../simulate/validate-targets.js';
import type { Market, SimOptions } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
import { ColumnEvaluator, StrategyError, strategyLabel } from '../../strategy/evaluate.js';
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
  /** The curves of a pair of sets (the first alone for one set), where the metrics read them. */
  private readonly curves: readonly [Float64Array, Float64Array];
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
    const bench = benchmarkReturns(market, ctx.benchmark);
    this.summary = new SummaryContext(market.cash, bench, market.dates, market.periodsPerYear, { arena });
    this.curves = this.summary.curveBuffers(); // the kernel writes each curve where the metrics read it
    this.wasm = arena && fits ? new WasmAdvance(arena, this.setup) : null;
    this.st = this.wasm ? this.wasm.st : new Float64Array(4 + A);
    this.w = new Float64Array(A);
    this.rules = { cols: [], names: this.evaluator.names(), dates: market.dates, allowShort: o.allowShort, allowLeverage: o.allowLeverage };
    this.years = (market.dates[T - 1] - market.dates[0]) / 365.25;
    this.initial = o.initial;
  }

  /**
   * Weights, simulation and summary metrics of one set; a set whose strategy throws or breaks a
   * weight rule gets its error. `monthly`: where to write its monthly returns, when the context
   * asks for them (a new array otherwise).
   */
  run(set: SweepSet, monthly?: Float32Array): SweepRow {
    const row: SweepRow = { index: set.index, params: set.params };
    const k = this.simulate(set, this.curves[0], row);
    if (k) this.finish(row, k, summaryMetricsOf(this.summary, this.curves[0], this.initial), this.curves[0], monthly);
    return row;
  }

  /**
   * {@link run} of two sets, their metrics measured together (summaryMetricsOfPair: each SIMD
   * lane carries one curve, about twice as fast per set); each row is exactly what run gives.
   */
  runPair(a: SweepSet, b: SweepSet, monthlyA?: Float32Array, monthlyB?: Float32Array): [SweepRow, SweepRow] {
    const [ea, eb] = this.curves;
    const ra: SweepRow = { index: a.index, params: a.params };
    const rb: SweepRow = { index: b.index, params: b.params };
    const ka = this.simulate(a, ea, ra);
    const kb = this.simulate(b, eb, rb);
    if (ka && kb) {
      const [ma, mb] = summaryMetricsOfPair(this.summary, ea, this.initial, eb, this.initial);
      this.finish(ra, ka, ma, ea, monthlyA);
      this.finish(rb, kb, mb, eb, monthlyB);
    } else if (ka) this.finish(ra, ka, summaryMetricsOf(this.summary, ea, this.initial), ea, monthlyA);
    else if (kb) this.finish(rb, kb, summaryMetricsOf(this.summary, eb, this.initial), eb, monthlyB); // the JavaScript pass (the one-curve WebAssembly pass reads the first buffer): the same bits
    return [ra, rb];
  }

  /** Weights and simulation of one set into `equity`: the kernel's summary, or null with the row's error set. */
  private simulate(set: SweepSet, equity: Float64Array, row: SweepRow): KernelSummary | null {
    try {
      const rules = this.rules;
      rules.cols = this.evaluator.evaluate(set.params);
      try {
        return runKernel(this.setup, rules, equity, null, this.st, this.w, this.wasm);
      } catch (e) {
        if (e instanceof WeightError) throw new StrategyError(`${strategyLabel(this.ctx.strategy, set.params)}: ${messageTemplate(e)}`, { cause: e });
        throw e;
      }
    } catch (e) {
      row.error = cliMessage(e as Error).split('\n')[0]; // results.csv names options as flags, as the command line does
      return null;
    }
  }

  /**
   * A simulated set's row: its summary metrics (the fresh object `metrics`, completed in place:
   * a spread into a new literal of 15 keys cost more than the set's whole monthly pass), the
   * kernel's counts, its monthly returns when asked for.
   */
  private finish(row: SweepRow, k: KernelSummary, metrics: SummaryMetrics, equity: Float64Array, monthly?: Float32Array): void {
    const T = this.setup.T;
    const m = metrics as SweepMetrics;
    m.exposure = T > 0 ? k.exposureSum / T : NaN;
    m.turnoverAnnual = k.turnover / this.years;
    m.rebalances = k.rebalances;
    row.metrics = m;
    if (this.ctx.monthly) row.monthly = monthlyExcessReturns(equity, monthFrame(this.ctx.market), monthly);
  }
}

const runners = new WeakMap<BatchContext['market'], Map<string, SweepRunner>>();

/** The runner of a batch context, reused while the market, strategy, options and benchmark stay the same. */
function runnerFor(ctx: BatchContext): SweepRunner {
  let byKey = runners.get(ctx.market);
  if (!byKey) runners.set(ctx.market, (byKey = new Map()));
  const key = JSON.stringify([
    ctx.strategy.id,
    ctx.strategy.file ?? '',
    ctx.benchmark,
    Boolean(ctx.monthly),
    ctx.sim,
    ctx.sim.cost instanceof Float64Array ? Array.from(ctx.sim.cost) : 0,
  ]);
  let r = byKey.get(key);
  if (!r || r.ctx.strategy !== ctx.strategy) byKey.set(key, (r = new SweepRunner(ctx)));
  return r;
}

/**
 * Simulates a batch of parameter sets two at a time on reused buffers: weights (straight
 * into the kernel, no T×A matrix), simulation with inline weight checks, summary metrics of
 * the two curves together. A set whose strategy throws or returns bad weights gets its error
 * and the batch goes on. A failed set's slot of the monthly returns is left as it was (packRows
 * writes NaN there).
 */
export function runBatch(ctx: BatchContext, sets: readonly SweepSet[], reuse?: Float32Array): SweepRow[] {
  const r = runnerFor(ctx);
  // the batch's monthly returns in one array, a view per set (not an array each): `reuse` when it is large enough (a
  // finished batch's array, already written), so a long sweep does not leave one array per batch to the garbage collector
  const M = ctx.monthly ? monthFrame(ctx.market).cash.length : 0;
  const months = reuse && reuse.length >= sets.length * M ? reuse.subarray(0, sets.length * M) : new Float32Array(sets.length * M);
  const view = (i: number) => (M > 0 ? months.subarray(i * M, (i + 1) * M) : undefined);
  const rows: SweepRow[] = [];
  for (let i = 0; i + 1 < sets.length; i += 2) rows.push(...r.runPair(sets[i], sets[i + 1], view(i), view(i + 1)));
  if (sets.length % 2) rows.push(r.run(sets[sets.length - 1], view(sets.length - 1)));
  return rows;
}

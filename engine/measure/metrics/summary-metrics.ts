import { cagr as compoundAnnual } from './cagr.js';
import { probabilisticSharpe } from './psr.js';
import { SUM, SUM_COUNT, summarySums } from './summary-sums.js';
import { WasmSums } from './summary-sums-wasm.js';
import type { WasmArena } from '../../core/wasm-arena.js';

/** The metrics a sweep records per parameter set (a subset of Metrics, same definitions). */
export interface SummaryMetrics {
  totalReturn: number;
  cagr: number;
  volatility: number;
  sharpe: number;
  sortino: number;
  maxDrawdown: number;
  calmar: number;
  skew: number;
  kurtosis: number;
  psr: number;
  beta: number;
  /** Per-bar (not annualized) Sharpe ratio of excess returns, for the deflated Sharpe ratio. */
  sharpeBar: number;
}

/** Names of the summary metrics, in column order. */
export const SUMMARY_KEYS: readonly (keyof SummaryMetrics)[] = [
  'totalReturn',
  'cagr',
  'volatility',
  'sharpe',
  'sortino',
  'maxDrawdown',
  'calmar',
  'skew',
  'kurtosis',
  'psr',
  'beta',
  'sharpeBar',
];

/**
 * What every equity curve of a sweep shares: the cash and benchmark series, their set-independent
 * sums (benchmark excess returns b_t = bench_t − cash_t, their mean and centred values, Σ(b − b̄)²),
 * and reusable buffers. Build once per market and benchmark; `{ arena }` also sets up the WebAssembly
 * sums (summary-sums-wasm.ts, wasmSumsSlots(T) values of the arena) for curves written into
 * {@link curveBuffer}.
 */
export class SummaryContext {
  readonly T: number;
  readonly n: number;
  /** Mean benchmark excess return over bars 1…T−1. */
  readonly mb: number;
  /** Centred benchmark excess returns b_t − b̄ (index 0 unused). */
  readonly db: Float64Array;
  /** Σ(b_t − b̄)². */
  readonly vb: number;
  /** Per-bar returns of the curve being measured by the JavaScript pass (reused scratch). */
  readonly r: Float64Array;
  /** The sums of the last curve measured (reused), and of the second curve of a pair. */
  private readonly out = new Float64Array(SUM_COUNT);
  private readonly out2 = new Float64Array(SUM_COUNT);
  /** The WebAssembly sums over these bars, when asked for and available. */
  private readonly wasm: WasmSums | null;

  constructor(
    readonly cash: Float64Array,
    readonly bench: Float64Array,
    readonly dates: Int32Array,
    readonly periodsPerYear: number,
    options: { arena?: WasmArena | null } = {},
  ) {
    const T = dates.length;
    this.T = T;
    this.n = T - 1;
    let sb = 0;
    for (let t = 1; t < T; t++) sb += bench[t] - cash[t];
    const mb = sb / this.n;
    const db = new Float64Array(T);
    let vb = 0;
    for (let t = 1; t < T; t++) {
      const d = bench[t] - cash[t] - mb;
      db[t] = d;
      vb += d * d;
    }
    this.mb = mb;
    this.db = db;
    this.vb = vb;
    this.r = new Float64Array(T);
    this.wasm = options.arena ? new WasmSums(options.arena, cash, db) : null;
  }

  /**
   * A buffer of length T to write curves into: the WebAssembly instance's own memory when the
   * context has one (its curves are then measured there, same bits, about three times as fast).
   */
  curveBuffer(): Float64Array {
    return this.wasm ? this.wasm.equity : new Float64Array(this.T);
  }

  /**
   * Two buffers of length T for a pair of curves measured together ({@link sumsPair}): the
   * first is {@link curveBuffer}'s. In WebAssembly memory, a pair is measured about twice as
   * fast per curve as one curve alone (each SIMD lane carries one curve, same bits).
   */
  curveBuffers(): readonly [Float64Array, Float64Array] {
    return this.wasm ? [this.wasm.equity, this.wasm.equity2] : [this.curveBuffer(), new Float64Array(this.T)];
  }

  /** The sums of `equity` started at `initial` (summary-sums.ts), in a reused array. */
  sums(equity: Float64Array, initial: number): Float64Array {
    if (this.wasm !== null && equity === this.wasm.equity) return this.wasm.sums(initial);
    return summarySums(this.T, equity, initial, this.cash, this.db, this.r, this.out);
  }

  /** The sums of two curves, each with the bits {@link sums} gives it, in two reused arrays. */
  sumsPair(a: Float64Array, initA: number, b: Float64Array, initB: number): readonly [Float64Array, Float64Array] {
    const w = this.wasm;
    if (w !== null && a === w.equity && b === w.equity2) return w.sums2(initA, initB);
    return [this.sums(a, initA), summarySums(this.T, b, initB, this.cash, this.db, this.r, this.out2)];
  }
}

/**
 * The sweep's metrics of an equity curve that started at `initial` (same definitions as
 * computeMetrics; a test checks they agree): returns r_t = E_t/E_{t−1} − 1 from bar 1 with
 * E_0 taken as `initial` (0 after ruin), excess over cash, beta against the benchmark's excess
 * returns, annualized with periodsPerYear. The per-bar work is the two passes of
 * summary-sums.ts (in WebAssembly when the curve lives in the context's curveBuffer); this
 * turns their sums into the metrics. No allocation.
 */
export function summaryMetricsOf(ctx: SummaryContext, equity: Float64Array, initial: number): SummaryMetrics {
  return metricsOfSums(ctx, ctx.sums(equity, initial), equity, initial);
}

/**
 * {@link summaryMetricsOf} of two curves measured together (SummaryContext.sumsPair: about twice
 * as fast per curve in the context's curveBuffers); each curve gets exactly the metrics
 * summaryMetricsOf gives it.
 */
export function summaryMetricsOfPair(ctx: SummaryContext, a: Float64Array, initA: number, b: Float64Array, initB: number): [SummaryMetrics, SummaryMetrics] {
  const [sa, sb] = ctx.sumsPair(a, initA, b, initB);
  return [metricsOfSums(ctx, sa, a, initA), metricsOfSums(ctx, sb, b, initB)];
}

/** The summary metrics from a curve's sums (summary-sums.ts). */
function metricsOfSums(ctx: SummaryContext, sum: Float64Array, equity: Float64Array, initial: number): SummaryMetrics {
  const { T, n } = ctx;
  const mx = sum[SUM.x] / n;
  const mdd = sum[SUM.mdd];
  const vr = sum[SUM.r2],
    m3 = sum[SUM.r3],
    m4 = sum[SUM.r4];
  const vx = sum[SUM.x2],
    x3 = sum[SUM.x3],
    x4 = sum[SUM.x4];
  const down = sum[SUM.down],
    cov = sum[SUM.cov];
  const vb = ctx.vb;
  const ppy = ctx.periodsPerYear;
  const total = equity[T - 1] / initial - 1;
  const cagr = compoundAnnual(total, ctx.dates[T - 1] - ctx.dates[0]);
  const pop2 = vr / n;
  const xpop2 = vx / n;
  const sharpeBar = mx / Math.sqrt(vx / (n - 1));
  const xs = xpop2 > 0 ? x3 / n / Math.pow(xpop2, 1.5) : NaN;
  const xk = xpop2 > 0 ? x4 / n / (xpop2 * xpop2) - 3 : NaN;
  return {
    totalReturn: total,
    cagr,
    volatility: Math.sqrt(vr / (n - 1)) * Math.sqrt(ppy),
    sharpe: sharpeBar * Math.sqrt(ppy),
    sortino: (mx / Math.sqrt(down / n)) * Math.sqrt(ppy),
    maxDrawdown: mdd,
    calmar: mdd < 0 ? cagr / -mdd : NaN,
    skew: pop2 > 0 ? m3 / n / Math.pow(pop2, 1.5) : NaN,
    kurtosis: pop2 > 0 ? m4 / n / (pop2 * pop2) - 3 : NaN,
    psr: probabilisticSharpe(sharpeBar, n, xs, xk),
    beta: vb > 0 ? cov / vb : NaN,
    sharpeBar,
  };
}

/**
 * {@link summaryMetricsOf} for one curve (builds the shared context each call): `initial` is the
 * equity before bar 0's trade (default: equity at bar 0, which it is unless lag 0 traded there).
 */
export function summaryMetrics(
  equity: Float64Array,
  cash: Float64Array,
  bench: Float64Array,
  dates: Int32Array,
  periodsPerYear: number,
  initial = equity[0],
): SummaryMetrics {
  return summaryMetricsOf(new SummaryContext(cash, bench, dates, periodsPerYear), equity, initial);
}

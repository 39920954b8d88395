import { cagr as compoundAnnual } from './cagr.js';
import { probabilisticSharpe } from './psr.js';

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
export const SUMMARY_KEYS: readonly (keyof SummaryMetrics)[] = ['totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'skew', 'kurtosis', 'psr', 'beta', 'sharpeBar'];

/** Relative margin of the drawdown pre-test (far above rounding: the exact test decides). */
const DD_MARGIN = 1e-12;

/**
 * What every equity curve of a sweep shares: the cash and benchmark series, their set-independent
 * sums (benchmark excess returns b_t = bench_t − cash_t, their mean and centred values, Σ(b − b̄)²),
 * and a reusable buffer for the curve's returns. Build once per market and benchmark.
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
  /** Per-bar returns of the curve being measured (reused). */
  readonly r: Float64Array;

  constructor(
    readonly cash: Float64Array,
    readonly bench: Float64Array,
    readonly dates: Int32Array,
    readonly periodsPerYear: number,
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
  }
}

/**
 * The sweep's metrics of an equity curve that started at `initial` (same definitions as
 * computeMetrics; a test checks they agree): returns r_t = E_t/E_{t−1} − 1 from bar 1 with
 * E_0 taken as `initial` (0 after ruin), excess over cash, beta against the benchmark's excess
 * returns, annualized with periodsPerYear. Two passes, no allocation: sums, then centred
 * moments (Welford-free two-pass moments, Chan, Golub & LeVeque 1983).
 */
export function summaryMetricsOf(ctx: SummaryContext, equity: Float64Array, initial: number): SummaryMetrics {
  const { T, n, cash, r: rb, db } = ctx;
  let sr = 0, sx = 0, down = 0;
  let peak = initial, mdd = 0;
  let lim = peak + peak * DD_MARGIN; // bars at or above lim cannot deepen the drawdown
  let prev = initial;
  for (let t = 1; t < T; t++) {
    const e = equity[t];
    const r = prev === 0 ? 0 : e / prev - 1;
    prev = e;
    rb[t] = r;
    const x = r - cash[t];
    sr += r;
    sx += x;
    const neg = x < 0 ? x : 0; // adding 0² leaves the sum unchanged
    down += neg * neg;
    if (e > peak) {
      peak = e;
      lim = peak * (1 + mdd) + peak * DD_MARGIN;
    } else if (e < lim) {
      // dd = e / peak − 1 is monotone in e: only bars below lim can be a new minimum
      const dd = e / peak - 1;
      if (dd < mdd) {
        mdd = dd;
        lim = peak * (1 + mdd) + peak * DD_MARGIN;
      }
    }
  }
  const mr = sr / n, mx = sx / n;
  let vr = 0, vx = 0, m3 = 0, m4 = 0, x3 = 0, x4 = 0, cov = 0;
  for (let t = 1; t < T; t++) {
    const r = rb[t];
    const dr = r - mr;
    const dx = r - cash[t] - mx;
    const dr2 = dr * dr;
    const dr3 = dr2 * dr;
    const dx2 = dx * dx;
    const dx3 = dx2 * dx;
    vr += dr2;
    m3 += dr3;
    m4 += dr3 * dr;
    vx += dx2;
    x3 += dx3;
    x4 += dx3 * dx;
    cov += dx * db[t];
  }
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
export function summaryMetrics(equity: Float64Array, cash: Float64Array, bench: Float64Array, dates: Int32Array, periodsPerYear: number, initial = equity[0]): SummaryMetrics {
  return summaryMetricsOf(new SummaryContext(cash, bench, dates, periodsPerYear), equity, initial);
}

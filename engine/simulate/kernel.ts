/**
 * The one simulation loop, shared by `simulate` (one run, every per-bar detail recorded) and
 * `simulateMany` (many target sets, summaries only): both call {@link runKernel}, so their
 * equity curves are bit-identical by construction. The conventions — the product's contract:
 *
 * - Time. Bar t's close is both the decision time and the trading time. A decision made at
 *   bar d (a row of `targets` that is not NaN) becomes the effective target at bar d + lag and
 *   is traded at that bar's close. lag 0 trades at the decision's own close (optimistic: the
 *   decision saw that close); lag 1 (default) trades at the next close.
 * - Growth. Each bar t ≥ 1 first grows the holdings with that bar's returns:
 *   h_a ← h_a·(1 + r_a[t]); cash h_c ← h_c·(1 + c[t]), or h_c·(1 + c[t] + spread/periodsPerYear)
 *   when h_c < 0 (borrowed cash pays the spread). Equity E = Σ h_a + h_c.
 * - Trade. A rebalance at t toward target w: traded value Δ_a = |w_a·E − h_a|;
 *   cost = Σ Δ_a·(cost_a + slippage); post-trade equity E' = E − cost; then h_a = w_a·E' and
 *   h_c = E'·(1 − Σw). So costs reduce equity by exactly rate × traded value, and realized
 *   weights right after a trade equal the target (to rounding). The uninvested remainder
 *   (1 − Σw, negative when levered) is cash.
 * - Turnover of a trade = (Σ_a Δ_a + |(1 − Σw)·E − h_c|) / (2|E|): half the sum of absolute
 *   weight changes over the assets and cash, with weights as fractions of the pre-trade equity
 *   (one-way turnover: cash → 100 % one asset = 1; a full switch between two assets = 1).
 * - Schedules (when a trade happens once a target exists; the first effective target always
 *   trades at once): `on-change` when the effective target differs from the previous one;
 *   `every-bar` every bar; `period` on the scheduled bars of schedule.ts only (a changed target
 *   waits for the next scheduled bar, holdings drift in between); `drift` when the target
 *   changes or any |h_a/E − w_a| > band. A bar counts as a rebalance only if something trades
 *   (Σ Δ_a > 0).
 * - Start. Bar 0 has no return: equity = initial, all in cash until the first effective target
 *   (with lag 0 a trade at bar 0's close already pays its cost there).
 * - Ruin. When equity after a bar's growth, or after a trade's cost, is ≤ 0, the account is
 *   ruined at that bar: positions are closed, equity is 0 at that bar and every later one, and
 *   nothing trades again (the summary's `ruinBar`).
 * - Checks. Every decision row is checked as the kernel reads it (validate-targets.ts: all NaN
 *   or all finite, shorts and leverage only when allowed), and the last `lag` rows, which no bar
 *   trades, at the end: the same rules and messages as a separate pass, without one.
 *
 * - Exposure (simulateMany) = mean over bars of Σ_a |h_a| / |E| after trading.
 *
 * Structure: an event loop. Only some bars can trade — bars whose decision row changes the
 * target, scheduled bars, bars outside the drift band, every bar for `every-bar` — so the loop
 * jumps from event to event and advance.ts grows the holdings over the bars in between in a
 * tight loop (which also spots the next decision or band breach). When recording (`simulate`),
 * every bar is an event; the arithmetic is the same code either way, so `simulate` and
 * `simulateMany` give bit-identical equity. Nothing is allocated per bar: the state lives in
 * one Float64Array, market data comes packed (setup.ts), and the targets are the strategy's own
 * columns (no T×A matrix).
 */
import { advance, changesTarget, outsideBand, STATE_CASH, STATE_EQUITY, STATE_EXPOSURE, STATE_GROSS, STATE_H } from './advance.js';
import { MODE, type KernelSetup } from './setup.js';
import { checkRows, type RowRules } from './validate-targets.js';
import type { WasmAdvance } from './advance-wasm.js';

/** Per-bar detail arrays filled by the kernel when recording (`simulate`); T or T×A long, zero-filled. */
export interface Recorder {
  /** Realized weights after trading, T×A. */
  weights: Float64Array;
  /** Effective target, T×A (NaN before the first and after ruin). */
  targets: Float64Array;
  /** Weights before trading (h_a/E), T×A, on rebalance bars only. */
  before: Float64Array;
  /** Traded value Δ_a, currency units, T×A, on rebalance bars only. */
  traded: Float64Array;
  turnover: Float64Array;
  costs: Float64Array;
  cashWeight: Float64Array;
  cashIncome: Float64Array;
  rebalanced: Uint8Array;
}

/** Summaries of one kernel run. */
export interface KernelSummary {
  /** Σ turnover over rebalances (fraction of equity). */
  turnover: number;
  rebalances: number;
  /** Σ costs paid, currency units. */
  costs: number;
  /** Σ over bars of gross exposure Σ|h_a|/|E| after trading (0 from the ruin bar on). */
  exposureSum: number;
  /** Bar at which equity reached 0 or below (the run is ruined from there), −1 if never. */
  ruinBar: number;
}

/**
 * Runs one simulation of the target columns `rules.cols` (one per asset, NaN row = no
 * decision; checked inline) and writes equity at each close into `equity` (length T). Fills
 * `rec` when given. `st` and `w` may pass reusable state buffers (length ≥ 4 + A and A);
 * `wasm` runs the growth loops in WebAssembly when `st` is its state buffer and `equity` lives
 * in its arena (advance-wasm.ts; never when recording).
 */
export function runKernel(
  s: KernelSetup,
  rules: RowRules,
  equity: Float64Array,
  rec: Recorder | null,
  st: Float64Array = new Float64Array(STATE_H + s.A),
  w: Float64Array = new Float64Array(s.A),
  wasm: WasmAdvance | null = null,
): KernelSummary {
  const { T, A, cash, lag, mode, band, schedule, nextScheduled, rate, uniform, spread } = s;
  const cols = rules.cols;
  if (cols.length !== A) throw new Error(`simulate: ${cols.length} target columns for ${A} assets`);
  for (const c of cols) if (c.length !== T) throw new Error(`simulate: a target column has ${c.length} values for ${T} bars`);
  const wz = wasm !== null && rec === null && wasm.bind(st, equity, cols) ? wasm : null;
  const rate0 = A > 0 ? rate[0] : 0;
  const periodic = mode === MODE.period;
  st.fill(0); // cash, exposure sum, equity, gross, holdings
  st[STATE_CASH] = s.initial;
  w.fill(NaN); // effective target weights (NaN before the first)
  let wCash = 1; // 1 − Σw
  let has = false;
  let turnSum = 0;
  let costSum = 0;
  let rebalances = 0;
  let ruinBar = -1;
  let t = 0;
  while (t < T) {
    // grow to the next bar that may trade: a scheduled one, one whose decision changes the
    // target, or one outside the drift band (advance finds the last two)
    let to = T - 1;
    if (rec !== null || (has && mode === MODE.everyBar))
      to = t; // every bar when recording
    else if (has && periodic && nextScheduled[t] < to) to = nextScheduled[t];
    const hcBefore = st[STATE_CASH];
    const e = advance(s, st, t, to, equity, rules, w, wz);
    let E = st[STATE_EQUITY];
    let gross = st[STATE_GROSS];
    if (!(E > 0)) {
      ruinBar = e;
      if (rec !== null) rec.cashIncome[e] = hcBefore * (hcBefore < 0 ? cash[e] + spread : cash[e]);
      break;
    }

    let trade = false;
    if (e >= lag && changesTarget(rules, e - lag, w)) {
      // the decision of row e − lag becomes the effective target at e
      let sum = 0;
      for (let a = 0; a < A; a++) {
        w[a] = cols[a][e - lag];
        sum += w[a];
      }
      wCash = 1 - sum;
      trade = !has || !periodic || schedule[e] === 1;
      has = true;
    }
    if (has && !trade) {
      if (mode === MODE.everyBar) trade = true;
      else if (periodic) trade = schedule[e] === 1;
      else if (mode === MODE.drift) trade = outsideBand(st, E, A, w, band);
    }

    if (trade) {
      let traded = 0;
      let cost = 0;
      for (let a = 0; a < A; a++) {
        const delta = w[a] * E - st[STATE_H + a];
        const abs = delta < 0 ? -delta : delta;
        traded += abs;
        if (!uniform) cost += abs * rate[a];
      }
      if (uniform) cost = traded * rate0;
      if (traded > 0) {
        const cashDelta = wCash * E - st[STATE_CASH];
        const turnover = (traded + (cashDelta < 0 ? -cashDelta : cashDelta)) / (2 * (E < 0 ? -E : E));
        rebalances++;
        turnSum += turnover;
        costSum += cost;
        if (rec !== null) {
          rec.rebalanced[e] = 1;
          rec.turnover[e] = turnover;
          rec.costs[e] = cost;
          for (let a = 0; a < A; a++) {
            const delta = w[a] * E - st[STATE_H + a];
            rec.before[e * A + a] = st[STATE_H + a] / E;
            rec.traded[e * A + a] = delta < 0 ? -delta : delta;
          }
        }
        const after = E - cost;
        if (!(after > 0)) {
          // the trade's cost took all the equity
          ruinBar = e;
          if (rec !== null) rec.cashIncome[e] = hcBefore * (hcBefore < 0 ? cash[e] + spread : cash[e]);
          break;
        }
        gross = 0;
        for (let a = 0; a < A; a++) {
          const v = w[a] * after;
          st[STATE_H + a] = v;
          gross += v < 0 ? -v : v;
        }
        st[STATE_CASH] = after * wCash;
        E = after;
      }
    }

    equity[e] = E;
    st[STATE_EXPOSURE] += gross / Math.abs(E);
    if (rec !== null) {
      // every bar is an event when recording (e === t)
      rec.cashIncome[e] = hcBefore * (hcBefore < 0 ? cash[e] + spread : cash[e]);
      for (let a = 0; a < A; a++) {
        rec.weights[e * A + a] = st[STATE_H + a] / E;
        rec.targets[e * A + a] = has ? w[a] : NaN;
      }
      rec.cashWeight[e] = st[STATE_CASH] / E;
    }
    t = e + 1;
  }
  if (ruinBar >= 0) {
    // positions closed: equity 0 from the ruin bar on (realized weights stay 0, targets NaN)
    equity.fill(0, ruinBar, T);
    if (rec !== null) rec.targets.fill(NaN, ruinBar * A, T * A);
    checkRows(rules, Math.max(0, ruinBar - lag), T);
  } else checkRows(rules, Math.max(0, T - lag), T); // rows no bar trades
  return { turnover: turnSum, rebalances, costs: costSum, exposureSum: st[STATE_EXPOSURE], ruinBar };
}

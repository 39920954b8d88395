/**
 * The simulation kernel shared by `simulate` (one run, full detail) and `simulateMany`
 * (many parameter sets, summaries only). Conventions — the product's contract:
 *
 * - Bar t's close is the decision and trading time. Holdings first grow with bar t's
 *   returns (close t−1 → close t): h_a ← h_a·(1 + r_a[t]); cash h_c ← h_c·(1 + c[t]), or
 *   h_c·(1 + c[t] + spread/periodsPerYear) when h_c < 0 (borrowed). Equity E = Σh_a + h_c.
 * - A decision made at bar d (a non-NaN row of `targets`) becomes the effective target at
 *   bar d + lag and may be traded at that bar's close. lag 0 trades at the decision's own
 *   close (optimistic: the decision uses that same close).
 * - A trade to target w: traded value Δ_a = |w_a·E − h_a|; cost = Σ Δ_a·(cost_a + slippage);
 *   post-trade equity E' = E − cost; h_a = w_a·E'; h_c = E'·(1 − Σw). So realized weights
 *   right after a trade equal the target exactly and costs reduce equity by cost × traded
 *   value. Turnover of a trade = (Σ_a |w_a − h_a/E| + |w_c − h_c/E|) / 2, cash included,
 *   i.e. the fraction of the portfolio replaced (a full switch between two assets = 1).
 * - Before the first effective target everything is in cash.
 */
import type { Rebalance, SimResult } from '../types.js';

/** Rebalance mode codes used in the hot loop. */
export const MODE = { onChange: 0, everyBar: 1, period: 2, drift: 3 } as const;

/** Per-bar detail buffers filled by `simulate` (the SimResult arrays), and a trade callback. */
export type Recorder = Pick<SimResult, 'weights' | 'targets' | 'turnover' | 'costs' | 'cashWeight' | 'cashIncome' | 'rebalanced'> & {
  /** Called for each asset whose weight changes in a trade. */
  trade: (bar: number, asset: number, from: number, to: number, value: number, cost: number) => void;
};

/** Fixed inputs of one kernel call. */
export interface KernelSetup {
  T: number;
  A: number;
  /** Per-asset returns, length T each. */
  returns: Float64Array[];
  cash: Float64Array;
  lag: number;
  mode: number;
  band: number;
  /** Scheduled bars for periodic rebalancing (mode period), else null. */
  schedule: Uint8Array | null;
  /** Cost + slippage per asset (fraction of traded value). */
  rate: Float64Array;
  /** Borrow spread per bar (fraction). */
  spread: number;
  initial: number;
}

/** Summary of one kernel run. */
export interface KernelSummary {
  turnover: number;
  rebalances: number;
  costs: number;
  /** Σ over bars of gross exposure Σ|h_a|/E after trading. */
  exposureSum: number;
}

/** Mode code and band of a schedule. */
export function modeOf(r: Rebalance): { mode: number; band: number } {
  switch (r.kind) {
    case 'on-change':
      return { mode: MODE.onChange, band: 0 };
    case 'every-bar':
      return { mode: MODE.everyBar, band: 0 };
    case 'period':
      return { mode: MODE.period, band: 0 };
    case 'drift':
      return { mode: MODE.drift, band: r.band };
  }
}

/**
 * Runs one simulation over `targets` (T×A row-major, NaN row = no decision), writing
 * equity into `equity` (length T). `h` is a scratch buffer of length 2A. Returns summaries;
 * fills `rec` when given.
 */
export function runKernel(s: KernelSetup, targets: Float64Array, equity: Float64Array, h: Float64Array, rec: Recorder | null): KernelSummary {
  const { T, A, returns, cash, lag, mode, band, schedule, rate, spread } = s;
  // h[0..A) holdings; h[A..2A) current target
  for (let a = 0; a < 2 * A; a++) h[a] = 0;
  let hc = s.initial;
  let has = false;
  let tcSum = 0;
  let turnSum = 0;
  let rebalances = 0;
  let expSum = 0;
  for (let t = 0; t < T; t++) {
    let E = hc;
    if (t > 0) {
      const rc = hc < 0 ? cash[t] + spread : cash[t];
      const income = hc * rc;
      if (rec !== null) rec.cashIncome[t] = income;
      hc += income;
      E = hc;
      for (let a = 0; a < A; a++) {
        const v = h[a] * (1 + returns[a][t]);
        h[a] = v;
        E += v;
      }
    } else {
      for (let a = 0; a < A; a++) E += h[a];
    }
    let trade = false;
    let first = false;
    let changed = false;
    const d = t - lag;
    if (d >= 0) {
      const base = d * A;
      if (targets[base] === targets[base]) {
        // a decision becomes effective at t
        if (!has) {
          has = true;
          first = true;
          for (let a = 0; a < A; a++) h[A + a] = targets[base + a];
        } else {
          for (let a = 0; a < A; a++) {
            const w = targets[base + a];
            if (w !== h[A + a]) {
              changed = true;
              h[A + a] = w;
            }
          }
        }
      }
    }
    if (has) {
      if (first || changed) trade = mode !== MODE.period || first || schedule![t] === 1;
      if (mode === MODE.everyBar) trade = true;
      else if (mode === MODE.period && schedule![t] === 1) trade = true;
      else if (mode === MODE.drift && !trade) {
        for (let a = 0; a < A; a++) {
          const dev = h[a] / E - h[A + a];
          if (dev > band || dev < -band) {
            trade = true;
            break;
          }
        }
      }
    }
    if (trade) {
      let traded = 0;
      let cost = 0;
      let dw = 0;
      let wsum = 0;
      for (let a = 0; a < A; a++) {
        const w = h[A + a];
        const delta = w * E - h[a];
        const abs = delta < 0 ? -delta : delta;
        traded += abs;
        cost += abs * rate[a];
        dw += abs;
        wsum += w;
      }
      const cashDelta = (1 - wsum) * E - hc;
      dw += cashDelta < 0 ? -cashDelta : cashDelta;
      const turnover = E !== 0 ? dw / (2 * (E < 0 ? -E : E)) : 0;
      if (traded > 0) {
        rebalances++;
        turnSum += turnover;
        tcSum += cost;
      }
      const after = E - cost;
      if (rec !== null && traded > 0) {
        rec.rebalanced[t] = 1;
        rec.turnover[t] = turnover;
        rec.costs[t] = cost;
        for (let a = 0; a < A; a++) {
          const from = h[a] / E;
          const to = h[A + a];
          if (Math.abs(to - from) > 1e-12) rec.trade(t, a, from, to, Math.abs(to * E - h[a]), Math.abs(to * E - h[a]) * rate[a]);
        }
      }
      for (let a = 0; a < A; a++) h[a] = h[A + a] * after;
      hc = after * (1 - wsum);
      E = after;
    }
    equity[t] = E;
    let gross = 0;
    for (let a = 0; a < A; a++) gross += h[a] < 0 ? -h[a] : h[a];
    expSum += gross / E;
    if (rec !== null) {
      for (let a = 0; a < A; a++) {
        rec.weights[t * A + a] = h[a] / E;
        rec.targets[t * A + a] = has ? h[A + a] : NaN;
      }
      rec.cashWeight[t] = hc / E;
    }
  }
  return { turnover: turnSum, rebalances, costs: tcSum, exposureSum: expSum };
}

/**
 * The same arithmetic as {@link runKernel}, specialized for two assets without recording
 * (the sweep's hot path): holdings and targets live in locals instead of a buffer. Results
 * are bit-identical to runKernel (a property test checks it). Drift bands use runKernel.
 */
export function runKernel2(s: KernelSetup, targets: Float64Array, equity: Float64Array): KernelSummary {
  const { T, cash, lag, mode, schedule, spread } = s;
  const r0 = s.returns[0];
  const r1 = s.returns[1];
  const c0 = s.rate[0];
  const c1 = s.rate[1];
  const periodic = mode === MODE.period;
  const every = mode === MODE.everyBar;
  let h0 = 0, h1 = 0, w0 = 0, w1 = 0;
  let hc = s.initial;
  let has = false;
  let tcSum = 0, turnSum = 0, rebalances = 0, expSum = 0;
  for (let t = 0; t < T; t++) {
    let E = hc;
    if (t > 0) {
      const rc = hc < 0 ? cash[t] + spread : cash[t];
      hc += hc * rc;
      h0 = h0 * (1 + r0[t]);
      h1 = h1 * (1 + r1[t]);
      E = hc + h0 + h1;
    } else {
      E = hc + h0 + h1;
    }
    let trade = false;
    const d = t - lag;
    if (d >= 0) {
      const n0 = targets[2 * d];
      if (n0 === n0) {
        const n1 = targets[2 * d + 1];
        if (!has) {
          has = true;
          w0 = n0;
          w1 = n1;
          trade = true;
        } else if (n0 !== w0 || n1 !== w1) {
          w0 = n0;
          w1 = n1;
          trade = !periodic || schedule![t] === 1;
        }
      }
    }
    if (has && (every || (periodic && schedule![t] === 1))) trade = true;
    if (trade) {
      const d0 = w0 * E - h0;
      const d1 = w1 * E - h1;
      const a0 = d0 < 0 ? -d0 : d0;
      const a1 = d1 < 0 ? -d1 : d1;
      const traded = 0 + a0 + a1;
      const cost = 0 + a0 * c0 + a1 * c1;
      const wsum = 0 + w0 + w1;
      const cashDelta = (1 - wsum) * E - hc;
      const dw = 0 + a0 + a1 + (cashDelta < 0 ? -cashDelta : cashDelta);
      if (traded > 0) {
        rebalances++;
        turnSum += E !== 0 ? dw / (2 * (E < 0 ? -E : E)) : 0;
        tcSum += cost;
      }
      const after = E - cost;
      h0 = w0 * after;
      h1 = w1 * after;
      hc = after * (1 - wsum);
      E = after;
    }
    equity[t] = E;
    expSum += ((h0 < 0 ? -h0 : h0) + (h1 < 0 ? -h1 : h1)) / E;
  }
  return { turnover: turnSum, rebalances, costs: tcSum, exposureSum: expSum };
}

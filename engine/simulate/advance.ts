/**
 * Growth between trades, the kernel's hot loop: holdings compound with each bar's returns and
 * equity is marked at each close, until the next bar that may trade — the caller's next event
 * `to`, an earlier bar whose decision row (bar − lag) changes the target, a bar where equity is
 * no longer positive (ruin), or (drift schedule) a bar where a weight strays outside the band.
 * Every bar does, in this order,
 *   h_c ← h_c·g_c[t];  h_a ← h_a·(1 + r_a[t]) for a = 0…A−1;  E = ((h_c + h_0) + h_1) + …;
 * with g_c = 1 + c[t], or 1 + (c[t] + spread) while h_c < 0 (borrowed; its sign only changes at
 * trades), and adds the bar's gross exposure Σ|h_a| / |E| to a running sum.
 *
 * The two-asset version (used unless the drift schedule needs the band test) has three loops
 * that give the same bits as the general formula on the holdings they handle: fully invested
 * long-only (h_c = 0, h_a ≥ 0: E = h_0 + h_1 and the exposure term is E/E = 1 exactly), all in
 * cash (E = h_c, exposure term 0/E = 0), and any other mix (the general formula).
 */
import { MODE, STATE_CASH, STATE_EQUITY, STATE_EXPOSURE, STATE_GROSS, STATE_H, type KernelSetup } from './setup.js';
import { checkRow, type RowRules } from './validate-targets.js';
import type { WasmAdvance } from './advance-wasm.js';

export { STATE_CASH, STATE_EQUITY, STATE_EXPOSURE, STATE_GROSS, STATE_H } from './setup.js';

/**
 * True when row d of the target columns is a decision (not NaN) that differs from the target
 * `w` (w is NaN before the first decision). A row that changes the target, or is only partly
 * NaN, is checked against the run's rules first ({@link checkRow} throws a WeightError).
 */
export function changesTarget(r: RowRules, d: number, w: Float64Array): boolean {
  const cols = r.cols;
  const A = cols.length;
  if (A === 0) return false;
  if (cols[0][d] !== cols[0][d]) {
    checkRow(r, d); // all NaN, or a partly NaN row (an error)
    return false;
  }
  for (let a = 0; a < A; a++) {
    if (cols[a][d] !== w[a]) {
      checkRow(r, d);
      return true;
    }
  }
  return false;
}

/** True when a weight h_a/E strays from the target w_a by more than `band` (never while w is NaN). */
export function outsideBand(st: Float64Array, E: number, A: number, w: Float64Array, band: number): boolean {
  for (let a = 0; a < A; a++) if (Math.abs(st[STATE_H + a] / E - w[a]) > band) return true;
  return false;
}

/**
 * Grows the state over bars from… (per bar as above) and returns the bar e it stopped at:
 * `to`, the first bar before it whose decision row changes the target `w` (or is partly NaN),
 * whose equity is ≤ 0, or, for the drift schedule, that is {@link outsideBand}. Bars before e
 * are finished (equity written, exposure summed); bar e is grown but left for the caller to
 * trade and finish (its equity and gross exposure are in `st`). `wasm`, when given, is bound to
 * this run's buffers (advance-wasm.ts) and runs the two-asset loops.
 */
export function advance(
  s: KernelSetup,
  st: Float64Array,
  from: number,
  to: number,
  equity: Float64Array,
  r: RowRules,
  w: Float64Array,
  wasm: WasmAdvance | null = null,
): number {
  if (s.A !== 2 || s.mode === MODE.drift) return advanceN(s, st, from, to, equity, r, w);
  if (wasm !== null) return wasm.advance(from, to, s.lag, w); // the same three loops in WebAssembly
  const hc = st[STATE_CASH];
  const h0 = st[STATE_H];
  const h1 = st[STATE_H + 1];
  if (hc === 0 && h0 >= 0 && h1 >= 0 && (h0 > 0 || h1 > 0)) return invested2(s, st, from, to, equity, r.cols[0], r.cols[1], w);
  if (h0 === 0 && h1 === 0 && hc > 0) return cash2(s, st, from, to, equity, r.cols[0], r.cols[1], w);
  return advance2(s, st, from, to, equity, r.cols[0], r.cols[1], w);
}

/** {@link advance} for any number of assets. */
function advanceN(s: KernelSetup, st: Float64Array, from: number, to: number, equity: Float64Array, r: RowRules, w: Float64Array): number {
  const { A, growth, lag, band } = s;
  const drift = s.mode === MODE.drift;
  let hc = st[STATE_CASH];
  const cg = hc < 0 ? s.borrowGrowth : s.cashGrowth;
  let exposure = st[STATE_EXPOSURE];
  let E = 0;
  let gross = 0;
  let t = from;
  for (; ; t++) {
    hc *= cg[t];
    E = hc;
    gross = 0;
    const g = t * A;
    for (let a = 0; a < A; a++) {
      const v = st[STATE_H + a] * growth[g + a];
      st[STATE_H + a] = v;
      E += v;
      gross += Math.abs(v);
    }
    if (t >= to || !(E > 0) || (t >= lag && changesTarget(r, t - lag, w)) || (drift && outsideBand(st, E, A, w, band))) break;
    equity[t] = E;
    exposure += gross / Math.abs(E);
  }
  st[STATE_CASH] = hc;
  st[STATE_EXPOSURE] = exposure;
  st[STATE_EQUITY] = E;
  st[STATE_GROSS] = gross;
  return t;
}

/**
 * {@link advance} for two assets and no drift band, any holdings, holdings in locals.
 * (V8 does not unswitch loops, so even a never-taken drift test here costs ~25 %.)
 */
function advance2(
  s: KernelSetup,
  st: Float64Array,
  from: number,
  to: number,
  equity: Float64Array,
  c0: Float64Array,
  c1: Float64Array,
  w: Float64Array,
): number {
  const { growth, lag } = s;
  const w0 = w[0];
  const w1 = w[1];
  let hc = st[STATE_CASH];
  const cg = hc < 0 ? s.borrowGrowth : s.cashGrowth;
  let h0 = st[STATE_H];
  let h1 = st[STATE_H + 1];
  let exposure = st[STATE_EXPOSURE];
  let E = 0;
  let gross = 0;
  let t = from;
  for (; ; t++) {
    hc *= cg[t];
    h0 *= growth[2 * t];
    h1 *= growth[2 * t + 1];
    E = hc + h0 + h1;
    gross = Math.abs(h0) + Math.abs(h1);
    if (t >= to || !(E > 0)) break;
    if (t >= lag) {
      // stop at a decision that changes the target, or a partly NaN row (changesTarget, inlined)
      const x0 = c0[t - lag];
      if (x0 === x0 ? x0 !== w0 || c1[t - lag] !== w1 : c1[t - lag] === c1[t - lag]) break;
    }
    equity[t] = E;
    exposure += gross / Math.abs(E);
  }
  st[STATE_CASH] = hc;
  st[STATE_H] = h0;
  st[STATE_H + 1] = h1;
  st[STATE_EXPOSURE] = exposure;
  st[STATE_EQUITY] = E;
  st[STATE_GROSS] = gross;
  return t;
}

/**
 * {@link advance2} while fully invested long-only (h_c = 0, h_0, h_1 ≥ 0, not both 0): h_c stays
 * 0, E = h_0 + h_1 equals Σ|h_a|, so each bar's exposure term is exactly 1.
 */
function invested2(
  s: KernelSetup,
  st: Float64Array,
  from: number,
  to: number,
  equity: Float64Array,
  c0: Float64Array,
  c1: Float64Array,
  w: Float64Array,
): number {
  const { growth, lag } = s;
  const w0 = w[0];
  const w1 = w[1];
  let h0 = st[STATE_H];
  let h1 = st[STATE_H + 1];
  let exposure = st[STATE_EXPOSURE];
  let E = 0;
  let t = from;
  for (; ; t++) {
    h0 *= growth[2 * t];
    h1 *= growth[2 * t + 1];
    E = h0 + h1;
    if (t >= to || !(E > 0)) break;
    if (t >= lag) {
      const x0 = c0[t - lag];
      if (x0 === x0 ? x0 !== w0 || c1[t - lag] !== w1 : c1[t - lag] === c1[t - lag]) break;
    }
    equity[t] = E;
    exposure += 1;
  }
  st[STATE_H] = h0;
  st[STATE_H + 1] = h1;
  st[STATE_EXPOSURE] = exposure;
  st[STATE_EQUITY] = E;
  st[STATE_GROSS] = E;
  return t;
}

/** {@link advance2} while all in (lent) cash: E = h_c > 0 and each bar's exposure term is 0. */
function cash2(s: KernelSetup, st: Float64Array, from: number, to: number, equity: Float64Array, c0: Float64Array, c1: Float64Array, w: Float64Array): number {
  const { lag } = s;
  const cg = s.cashGrowth;
  const w0 = w[0];
  const w1 = w[1];
  let hc = st[STATE_CASH];
  let t = from;
  for (; ; t++) {
    hc *= cg[t];
    if (t >= to) break;
    if (t >= lag) {
      const x0 = c0[t - lag];
      if (x0 === x0 ? x0 !== w0 || c1[t - lag] !== w1 : c1[t - lag] === c1[t - lag]) break;
    }
    equity[t] = hc;
  }
  st[STATE_CASH] = hc;
  st[STATE_EQUITY] = hc;
  st[STATE_GROSS] = 0;
  return t;
}

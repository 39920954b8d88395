/**
 * AssemblyScript source of the kernel's two-asset growth loops (simulate/advance.ts: advance
 * for A = 2 outside the drift schedule) in WebAssembly, built into dist/engine/core/sweep.wasm.
 * The same operations in the same order as the JavaScript loops (IEEE-754 ×, +, |·| and
 * comparisons are exact in both), so both give the same bits.
 *
 * One difference in how, not what: the JavaScript loops compare every bar's decision row with
 * the target; here {@link candidates} first marks, once per run, the rows that differ bit for
 * bit from the row before (and row 0), and the loops compare only those. A row identical to
 * the one before cannot stop a loop: the row before was compared with the same target (in the
 * loop, or by the kernel at the bar the previous loop stopped at) and either left it unchanged
 * (equal or all NaN, and so is this one) or became it; a partly NaN row stops at its first
 * occurrence, where the kernel throws. Between candidate rows the loops only grow the holdings
 * and test for ruin.
 *
 * Memory (byte offsets from the caller): f64 growth[2T] (1 + r_a[t], row-major), cash and
 * borrow growth[T], equity[T], target columns c0[T] and c1[T], state st[6] (the layout of
 * advance.ts: cash, exposure sum, equity, gross, h_0, h_1); i32 list[T + 1] from
 * {@link candidates}. w0, w1: the effective target (NaN before the first). advance2 returns
 * the bar it stopped at, as advance does.
 */

/** Index into the candidate list of the last {@link candidateBar} answer (this instance's run). */
let cursor: i32 = 0;

/**
 * Lists, ascending, the rows that differ bit for bit from the row before them (row 0 always
 * does): the only rows that can change the target; then T as the end mark. Four rows are
 * compared at a time (a row that differs is rare, so its branch is). Restarts the cursor.
 */
export function candidates(T: i32, pC0: usize, pC1: usize, pList: usize): void {
  let n = 0;
  if (T > 0) store<i32>(pList, 0);
  n = T > 0 ? 1 : 0;
  let r = 1;
  for (; r + 3 < T; r += 4) {
    const o = <usize>r << 3;
    const a = v128.or(v128.xor(v128.load(pC0 + o), v128.load(pC0 + o - 8)), v128.xor(v128.load(pC1 + o), v128.load(pC1 + o - 8)));
    const b = v128.or(v128.xor(v128.load(pC0 + o, 16), v128.load(pC0 + o + 8)), v128.xor(v128.load(pC1 + o, 16), v128.load(pC1 + o + 8)));
    if (v128.any_true(v128.or(a, b))) {
      store<i32>(pList + (<usize>n << 2), r);
      n += i64x2.extract_lane(a, 0) != 0 ? 1 : 0;
      store<i32>(pList + (<usize>n << 2), r + 1);
      n += i64x2.extract_lane(a, 1) != 0 ? 1 : 0;
      store<i32>(pList + (<usize>n << 2), r + 2);
      n += i64x2.extract_lane(b, 0) != 0 ? 1 : 0;
      store<i32>(pList + (<usize>n << 2), r + 3);
      n += i64x2.extract_lane(b, 1) != 0 ? 1 : 0;
    }
  }
  for (; r < T; r++) {
    const o = <usize>r << 3;
    store<i32>(pList + (<usize>n << 2), r);
    n += ((load<i64>(pC0 + o) ^ load<i64>(pC0 + o - 8)) | (load<i64>(pC1 + o) ^ load<i64>(pC1 + o - 8))) != 0 ? 1 : 0;
  }
  store<i32>(pList + (<usize>n << 2), T);
  cursor = 0;
}

/**
 * The first bar ≥ t whose decision row (bar − lag) is a candidate (T + lag when none). The
 * kernel asks for ever later bars, so the cursor only moves forward; a query for an earlier row
 * steps it back first, so any order of queries gets the right answer.
 */
// @ts-ignore: decorator
@inline function candidateBar(t: i32, lag: i32, pList: usize): i32 {
  const q = t < lag ? 0 : t - lag;
  let c = cursor;
  while (c > 0 && load<i32>(pList + (<usize>(c - 1) << 2)) >= q) c--;
  while (load<i32>(pList + (<usize>c << 2)) < q) c++;
  cursor = c;
  return load<i32>(pList + (<usize>c << 2)) + lag;
}

/** True when decision row d changes the target or is partly NaN (advance.ts, inlined there too). */
// @ts-ignore: decorator
@inline function stops(pC0: usize, pC1: usize, d: i32, w0: f64, w1: f64): bool {
  const x0 = load<f64>(pC0 + (<usize>d << 3));
  const x1 = load<f64>(pC1 + (<usize>d << 3));
  return x0 == x0 ? x0 != w0 || x1 != w1 : x1 == x1;
}

/** Fully invested long-only: h_c = 0, h_0, h_1 ≥ 0, not both 0 (E = h_0 + h_1, exposure term 1). */
function invested(from: i32, to: i32, lag: i32, pG: usize, pEq: usize, pC0: usize, pC1: usize, pList: usize, pSt: usize, w0: f64, w1: f64): i32 {
  let h0 = load<f64>(pSt, 32);
  let h1 = load<f64>(pSt, 40);
  let exposure = load<f64>(pSt, 8);
  let E: f64 = 0;
  let t = from;
  for (;;) {
    const c = candidateBar(t, lag, pList);
    const end = c < to ? c : to;
    for (; t < end; t++) {
      h0 *= load<f64>(pG + (<usize>t << 4));
      h1 *= load<f64>(pG + (<usize>t << 4), 8);
      E = h0 + h1;
      if (!(E > 0)) break;
      store<f64>(pEq + (<usize>t << 3), E);
      exposure += 1;
    }
    if (t < end) break; // ruined at bar t
    h0 *= load<f64>(pG + (<usize>t << 4));
    h1 *= load<f64>(pG + (<usize>t << 4), 8);
    E = h0 + h1;
    if (t >= to || !(E > 0)) break;
    if (t >= lag && stops(pC0, pC1, t - lag, w0, w1)) break;
    store<f64>(pEq + (<usize>t << 3), E);
    exposure += 1;
    t++;
  }
  store<f64>(pSt, h0, 32);
  store<f64>(pSt, h1, 40);
  store<f64>(pSt, exposure, 8);
  store<f64>(pSt, E, 16);
  store<f64>(pSt, E, 24);
  return t;
}

/** All in lent cash: E = h_c > 0, exposure term 0. */
function inCash(from: i32, to: i32, lag: i32, pCg: usize, pEq: usize, pC0: usize, pC1: usize, pList: usize, pSt: usize, w0: f64, w1: f64): i32 {
  let hc = load<f64>(pSt);
  let t = from;
  for (;;) {
    const c = candidateBar(t, lag, pList);
    const end = c < to ? c : to;
    for (; t < end; t++) {
      hc *= load<f64>(pCg + (<usize>t << 3));
      store<f64>(pEq + (<usize>t << 3), hc);
    }
    hc *= load<f64>(pCg + (<usize>t << 3));
    if (t >= to) break;
    if (t >= lag && stops(pC0, pC1, t - lag, w0, w1)) break;
    store<f64>(pEq + (<usize>t << 3), hc);
    t++;
  }
  store<f64>(pSt, hc);
  store<f64>(pSt, hc, 16);
  store<f64>(pSt, 0, 24);
  return t;
}

/** Any holdings: E = (h_c + h_0) + h_1, exposure term (|h_0| + |h_1|) / |E|. */
function mixed(from: i32, to: i32, lag: i32, pG: usize, pCg: usize, pBg: usize, pEq: usize, pC0: usize, pC1: usize, pList: usize, pSt: usize, w0: f64, w1: f64): i32 {
  let hc = load<f64>(pSt);
  const pc = hc < 0 ? pBg : pCg;
  let h0 = load<f64>(pSt, 32);
  let h1 = load<f64>(pSt, 40);
  let exposure = load<f64>(pSt, 8);
  let E: f64 = 0;
  let gross: f64 = 0;
  let t = from;
  for (;;) {
    const c = candidateBar(t, lag, pList);
    const end = c < to ? c : to;
    for (; t < end; t++) {
      hc *= load<f64>(pc + (<usize>t << 3));
      h0 *= load<f64>(pG + (<usize>t << 4));
      h1 *= load<f64>(pG + (<usize>t << 4), 8);
      E = hc + h0 + h1;
      gross = abs<f64>(h0) + abs<f64>(h1);
      if (!(E > 0)) break;
      store<f64>(pEq + (<usize>t << 3), E);
      exposure += gross / abs<f64>(E);
    }
    if (t < end) break; // ruined at bar t
    hc *= load<f64>(pc + (<usize>t << 3));
    h0 *= load<f64>(pG + (<usize>t << 4));
    h1 *= load<f64>(pG + (<usize>t << 4), 8);
    E = hc + h0 + h1;
    gross = abs<f64>(h0) + abs<f64>(h1);
    if (t >= to || !(E > 0)) break;
    if (t >= lag && stops(pC0, pC1, t - lag, w0, w1)) break;
    store<f64>(pEq + (<usize>t << 3), E);
    exposure += gross / abs<f64>(E);
    t++;
  }
  store<f64>(pSt, hc);
  store<f64>(pSt, h0, 32);
  store<f64>(pSt, h1, 40);
  store<f64>(pSt, exposure, 8);
  store<f64>(pSt, E, 16);
  store<f64>(pSt, gross, 24);
  return t;
}

/** advance.ts's advance for two assets outside the drift schedule: picks the loop for the holdings. */
export function advance2(from: i32, to: i32, lag: i32, pG: usize, pCg: usize, pBg: usize, pEq: usize, pC0: usize, pC1: usize, pList: usize, pSt: usize, w0: f64, w1: f64): i32 {
  const hc = load<f64>(pSt);
  const h0 = load<f64>(pSt, 32);
  const h1 = load<f64>(pSt, 40);
  if (hc == 0 && h0 >= 0 && h1 >= 0 && (h0 > 0 || h1 > 0)) return invested(from, to, lag, pG, pEq, pC0, pC1, pList, pSt, w0, w1);
  if (h0 == 0 && h1 == 0 && hc > 0) return inCash(from, to, lag, pCg, pEq, pC0, pC1, pList, pSt, w0, w1);
  return mixed(from, to, lag, pG, pCg, pBg, pEq, pC0, pC1, pList, pSt, w0, w1);
}

/**
 * AssemblyScript source of the inner loops of stats/pbo.ts's pboPairs in WebAssembly (built
 * into dist/engine/core/sweep.wasm): for one split pair, the trials' half sums after moving one
 * block in and one out, their ranking keys for both halves and each half's first best trial
 * ({@link pairKeys}); then the weighted rank counts of the two bests ({@link rankCounts}).
 * Two trials side by side in SIMD lanes: every trial's arithmetic is the JavaScript loop's,
 * operation for operation (same bits); the first best is found per lane and the lanes' winners
 * compared (the smaller index wins a tie, as in one sequential scan); rank counts are sums of
 * whole-number weights, exact in any order.
 *
 * Memory (f64, byte offsets): the half sums hs[N], hq[N], the blocks moved in and out (sums si,
 * so and sums of squares qi, qo, N each; the same block twice moves nothing), the totals
 * totS[N], totQ[N], the keys a[N] (this half) and c[N] (its complement), weights w[N], out[4].
 */

/** Lane-wise: a where a > b, else b. */
// @ts-ignore: decorator
@inline function above(a: v128, b: v128): v128 {
  return v128.bitselect(a, b, f64x2.gt(a, b));
}

/** The key s·|s| / (n·q − s²) of a half with sums s, q; 0 when n·q − s² ≤ floor (riskless). */
// @ts-ignore: decorator
@inline function key(s: v128, q: v128, n: v128, floor: v128): v128 {
  const d = f64x2.sub(f64x2.mul(n, q), f64x2.mul(s, s));
  return v128.bitselect(f64x2.div(f64x2.mul(s, f64x2.abs(s)), d), f64x2.splat(0), f64x2.gt(d, floor));
}

/** The index of the first maximum of two lanes' first maxima (lane values m, indices i). */
// @ts-ignore: decorator
@inline function firstBest(m: v128, i: v128): f64 {
  const m0 = f64x2.extract_lane(m, 0), m1 = f64x2.extract_lane(m, 1);
  const i0 = f64x2.extract_lane(i, 0), i1 = f64x2.extract_lane(i, 1);
  return m1 > m0 ? i1 : m0 > m1 ? i0 : i1 < i0 ? i1 : i0;
}

/**
 * Updates hs, hq with the blocks moved, writes the keys a (the half) and c (the complement),
 * and the first best trial of each into out[0] (a) and out[1] (c) with their keys in out[2], out[3].
 */
export function pairKeys(N: i32, n: f64, floor: f64, pHs: usize, pHq: usize, pSi: usize, pSo: usize, pQi: usize, pQo: usize, pTotS: usize, pTotQ: usize, pA: usize, pC: usize, pOut: usize): void {
  const vn = f64x2.splat(n);
  const vf = f64x2.splat(floor);
  const two = f64x2.splat(2);
  let idx = f64x2(0, 1);
  let maxA = f64x2.splat(-Infinity), maxC = f64x2.splat(-Infinity);
  let bestA = idx, bestC = idx;
  let k = 0;
  for (; k + 1 < N; k += 2) {
    const o = <usize>k << 3;
    const s = f64x2.add(v128.load(pHs + o), f64x2.sub(v128.load(pSi + o), v128.load(pSo + o)));
    const q = f64x2.add(v128.load(pHq + o), f64x2.sub(v128.load(pQi + o), v128.load(pQo + o)));
    v128.store(pHs + o, s);
    v128.store(pHq + o, q);
    const ka = key(s, q, vn, vf);
    const kc = key(f64x2.sub(v128.load(pTotS + o), s), f64x2.sub(v128.load(pTotQ + o), q), vn, vf);
    v128.store(pA + o, ka);
    v128.store(pC + o, kc);
    const gA = f64x2.gt(ka, maxA), gC = f64x2.gt(kc, maxC);
    maxA = v128.bitselect(ka, maxA, gA);
    bestA = v128.bitselect(idx, bestA, gA);
    maxC = v128.bitselect(kc, maxC, gC);
    bestC = v128.bitselect(idx, bestC, gC);
    idx = f64x2.add(idx, two);
  }
  let bA = N > 1 ? firstBest(maxA, bestA) : 0;
  let bC = N > 1 ? firstBest(maxC, bestC) : 0;
  let mA = N > 1 ? f64x2.extract_lane(maxA, 0) : -Infinity;
  let mC = N > 1 ? f64x2.extract_lane(maxC, 0) : -Infinity;
  mA = N > 1 && f64x2.extract_lane(maxA, 1) > mA ? f64x2.extract_lane(maxA, 1) : mA;
  mC = N > 1 && f64x2.extract_lane(maxC, 1) > mC ? f64x2.extract_lane(maxC, 1) : mC;
  if (k < N) {
    // the last trial of an odd count, alone (after every other: a tie keeps the earlier best)
    const o = <usize>k << 3;
    const s = load<f64>(pHs + o) + (load<f64>(pSi + o) - load<f64>(pSo + o));
    const q = load<f64>(pHq + o) + (load<f64>(pQi + o) - load<f64>(pQo + o));
    store<f64>(pHs + o, s);
    store<f64>(pHq + o, q);
    const ka = f64x2.extract_lane(key(f64x2.splat(s), f64x2.splat(q), vn, vf), 0);
    const kc = f64x2.extract_lane(key(f64x2.splat(load<f64>(pTotS + o) - s), f64x2.splat(load<f64>(pTotQ + o) - q), vn, vf), 0);
    store<f64>(pA + o, ka);
    store<f64>(pC + o, kc);
    if (ka > mA) {
      mA = ka;
      bA = <f64>k;
    }
    if (kc > mC) {
      mC = kc;
      bC = <f64>k;
    }
  }
  store<f64>(pOut, bA);
  store<f64>(pOut, bC, 8);
  store<f64>(pOut, mA, 16);
  store<f64>(pOut, mC, 24);
}

/**
 * Weighted counts of trials whose complement key is below / equal to va (the out-of-sample
 * ranks of the half's best) and whose half key is below / equal to vc (the mirror split), into
 * out[0…3]: Σ w·[c < va], Σ w·[c = va], Σ w·[a < vc], Σ w·[a = vc].
 */
export function rankCounts(N: i32, pA: usize, pC: usize, pW: usize, va: f64, vc: f64, pOut: usize): void {
  const zero = f64x2.splat(0);
  const xa = f64x2.splat(va), xc = f64x2.splat(vc);
  let lessA = zero, eqA = zero, lessC = zero, eqC = zero;
  let k = 0;
  for (; k + 1 < N; k += 2) {
    const o = <usize>k << 3;
    const x = v128.load(pC + o), y = v128.load(pA + o), w = v128.load(pW + o);
    lessA = f64x2.add(lessA, v128.and(w, f64x2.lt(x, xa)));
    eqA = f64x2.add(eqA, v128.and(w, f64x2.eq(x, xa)));
    lessC = f64x2.add(lessC, v128.and(w, f64x2.lt(y, xc)));
    eqC = f64x2.add(eqC, v128.and(w, f64x2.eq(y, xc)));
  }
  let la = f64x2.extract_lane(lessA, 0) + f64x2.extract_lane(lessA, 1);
  let ea = f64x2.extract_lane(eqA, 0) + f64x2.extract_lane(eqA, 1);
  let lc = f64x2.extract_lane(lessC, 0) + f64x2.extract_lane(lessC, 1);
  let ec = f64x2.extract_lane(eqC, 0) + f64x2.extract_lane(eqC, 1);
  if (k < N) {
    const o = <usize>k << 3;
    const x = load<f64>(pC + o), y = load<f64>(pA + o), w = load<f64>(pW + o);
    if (x < va) la += w;
    if (x == va) ea += w;
    if (y < vc) lc += w;
    if (y == vc) ec += w;
  }
  store<f64>(pOut, la);
  store<f64>(pOut, ea, 8);
  store<f64>(pOut, lc, 16);
  store<f64>(pOut, ec, 24);
}

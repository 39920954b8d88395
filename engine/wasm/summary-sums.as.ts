/**
 * AssemblyScript source of the sweep's summary sums in WebAssembly (built by `npm run build`
 * into dist/engine/wasm/sweep.wasm), called in this order by metrics/summary-sums-wasm.ts:
 * {@link returns}, then {@link moments} with the means. Together they compute
 * exactly what the JavaScript passes of metrics/summary-sums.ts compute, so both give the same
 * bits: IEEE-754 +, −, ×, ÷ are correctly rounded in both, no transcendental function is used,
 * every sum adds its terms in bar order, and the maximum drawdown is a minimum (exact in any
 * order). SIMD only runs independent operations side by side: two bars' returns and drawdowns,
 * and the moments of r and of x (the same bar, two lanes). Two small loops rather than one:
 * V8 keeps each one's accumulators in registers.
 *
 * Memory (all f64, byte offsets from the caller): equity[T], cash[T], centred benchmark excess
 * returns db[T], scratch rx[2T] (r_t, x_t interleaved), out[11] in the order of SUM in
 * metrics/summary-sums.ts. The curve is a kernel's: finite or +∞, never NaN (ruin zeroes it).
 */

/** Lane-wise a where a > b, else b: the JavaScript pass's running peak (`e > peak`; a NaN a leaves b). */
// @ts-ignore: decorator
@inline function above(a: v128, b: v128): v128 {
  return v128.bitselect(a, b, f64x2.gt(a, b));
}

/**
 * Returns r_t = E_t/E_{t−1} − 1 (E_0 read as `initial`; 0 after a bar of zero equity) and
 * excess returns x_t = r_t − c_t into rx, two bars at a time; Σr and Σx (one two-lane sum,
 * bar by bar), Σ min(x, 0)², and the maximum drawdown min_t E_t/peak_t − 1 against the running
 * peak (from `initial`), into out[SUM.r], out[SUM.x], out[SUM.down], out[SUM.mdd].
 */
export function returns(T: i32, initial: f64, pEq: usize, pCash: usize, pRx: usize, pOut: usize): void {
  const one = f64x2.splat(1);
  const zero = f64x2.splat(0);
  let peak = f64x2.splat(initial);
  let mdd = zero;
  let acc = zero; // (Σr, Σx)
  let down: f64 = 0;
  let t = 1;
  for (; t < T; t++) {
    // one bar alone: the first (divided by `initial`) and, when the pairs leave it, the last
    if (t > 1 && t + 1 < T) {
      const ve = v128.load(pEq + (<usize>t << 3));
      const vp = v128.load(pEq + (<usize>(t - 1) << 3));
      const vr = v128.bitselect(f64x2.sub(f64x2.div(ve, vp), one), zero, f64x2.ne(vp, zero));
      const vx = f64x2.sub(vr, v128.load(pCash + (<usize>t << 3)));
      const lo = v128.shuffle<f64>(vr, vx, 0, 2);
      const hi = v128.shuffle<f64>(vr, vx, 1, 3);
      v128.store(pRx + (<usize>t << 4), lo);
      v128.store(pRx + (<usize>t << 4), hi, 16);
      acc = f64x2.add(f64x2.add(acc, lo), hi);
      const vn = v128.bitselect(vx, zero, f64x2.lt(vx, zero));
      const vn2 = f64x2.mul(vn, vn);
      down += f64x2.extract_lane(vn2, 0);
      down += f64x2.extract_lane(vn2, 1);
      // running peak of the two bars: (max(P, e_t), max(P, e_t, e_t+1))
      const first = v128.shuffle<f64>(ve, ve, 0, 0);
      peak = above(above(ve, first), peak);
      const dd = f64x2.sub(f64x2.div(ve, peak), one);
      mdd = v128.bitselect(dd, mdd, f64x2.lt(dd, mdd));
      peak = v128.shuffle<f64>(peak, peak, 1, 1);
      t++;
      continue;
    }
    const e = load<f64>(pEq + (<usize>t << 3));
    const prev = t == 1 ? initial : load<f64>(pEq + (<usize>(t - 1) << 3));
    const r: f64 = prev == 0 ? 0 : e / prev - 1;
    const x = r - load<f64>(pCash + (<usize>t << 3));
    store<f64>(pRx + (<usize>t << 4), r);
    store<f64>(pRx + (<usize>t << 4), x, 8);
    acc = f64x2.add(acc, f64x2(r, x));
    const neg: f64 = x < 0 ? x : 0;
    down += neg * neg;
    peak = above(f64x2.splat(e), peak);
    const dd = f64x2.sub(f64x2.div(f64x2.splat(e), peak), one);
    mdd = v128.bitselect(dd, mdd, f64x2.lt(dd, mdd));
  }
  const d0 = f64x2.extract_lane(mdd, 0);
  const d1 = f64x2.extract_lane(mdd, 1);
  store<f64>(pOut, d1 < d0 ? d1 : d0, 24);
  v128.store(pOut, acc);
  store<f64>(pOut, down, 16);
}

/**
 * Centred moments of r and x about their means mr, mx (powers 2–4, two lanes) and
 * Σ(x_t − x̄)(b_t − b̄), into out[SUM.r2 …] and out[SUM.cov]. The means come as arguments:
 * computed here from memory, V8 recomputes them inside the loop.
 */
export function moments(T: i32, pDb: usize, pRx: usize, pOut: usize, mr: f64, mx: f64): void {
  const m = f64x2(mr, mx);
  const zero = f64x2.splat(0);
  let a2 = zero, a3 = zero, a4 = zero; // lanes: (r, x)
  let cov: f64 = 0;
  for (let t = 1; t < T; t++) {
    const d = f64x2.sub(v128.load(pRx + (<usize>t << 4)), m);
    const d2 = f64x2.mul(d, d);
    const d3 = f64x2.mul(d2, d);
    a2 = f64x2.add(a2, d2);
    a3 = f64x2.add(a3, d3);
    a4 = f64x2.add(a4, f64x2.mul(d3, d));
    cov += f64x2.extract_lane(d, 1) * load<f64>(pDb + (<usize>t << 3));
  }
  v128.store(pOut, a2, 32);
  v128.store(pOut, a3, 48);
  v128.store(pOut, a4, 64);
  store<f64>(pOut, cov, 80);
}

/** Version of the functions' signatures, checked by wasm/arena.ts against the one it was written for (a stale build is not used). */
export function abi(): i32 {
  return 1;
}

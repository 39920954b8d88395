/**
 * AssemblyScript source of the sweep's summary sums in WebAssembly (built by `npm run build`
 * into dist/engine/metrics/wasm/summary-sums.wasm). It computes exactly what the JavaScript pass
 * of summary-sums.ts computes, operation for operation, so both give the same bits: IEEE-754
 * +, −, ×, ÷ are correctly rounded in both, no transcendental function is used, and every sum
 * adds its terms in bar order. SIMD only runs independent operations side by side: the
 * returns of two bars (r_t = E_t/E_{t−1} − 1, x_t = r_t − c_t) in pass 1, and the moments of r
 * and of x (the same bar, two lanes) in pass 2.
 *
 * Memory (all f64, byte offsets from the caller): equity[T], cash[T], centred benchmark excess
 * returns db[T], scratch rx[2T] (r_t, x_t interleaved), out[11] in the order of SUM in
 * summary-sums.ts.
 */

const DD_MARGIN: f64 = 1e-12;

export function summarySums(T: i32, initial: f64, pEq: usize, pCash: usize, pDb: usize, pRx: usize, pOut: usize): void {
  let sr: f64 = 0, sx: f64 = 0, down: f64 = 0;
  let peak = initial, mdd: f64 = 0;
  let lim = peak + peak * DD_MARGIN; // bars at or above lim cannot deepen the drawdown
  const one = f64x2.splat(1);
  const zero = f64x2.splat(0);
  let t = 1;
  while (t < T) {
    let e0: f64, e1: f64 = 0, r0: f64, r1: f64 = 0, x0: f64, x1: f64 = 0, n0: f64, n1: f64 = 0;
    const pair = t > 1 && t + 1 < T;
    if (pair) {
      // bars t and t + 1 side by side (r = 0 after a bar of zero equity)
      const ve = v128.load(pEq + (<usize>t << 3));
      const vp = v128.load(pEq + (<usize>(t - 1) << 3));
      const vr = v128.bitselect(f64x2.sub(f64x2.div(ve, vp), one), zero, f64x2.ne(vp, zero));
      const vx = f64x2.sub(vr, v128.load(pCash + (<usize>t << 3)));
      v128.store(pRx + (<usize>t << 4), v128.shuffle<f64>(vr, vx, 0, 2));
      v128.store(pRx + (<usize>t << 4), v128.shuffle<f64>(vr, vx, 1, 3), 16);
      const vn = v128.bitselect(vx, zero, f64x2.lt(vx, zero));
      const vn2 = f64x2.mul(vn, vn);
      e0 = f64x2.extract_lane(ve, 0);
      e1 = f64x2.extract_lane(ve, 1);
      r0 = f64x2.extract_lane(vr, 0);
      r1 = f64x2.extract_lane(vr, 1);
      x0 = f64x2.extract_lane(vx, 0);
      x1 = f64x2.extract_lane(vx, 1);
      n0 = f64x2.extract_lane(vn2, 0);
      n1 = f64x2.extract_lane(vn2, 1);
    } else {
      // one bar: the first (divided by `initial`) or a last one left alone
      e0 = load<f64>(pEq + (<usize>t << 3));
      const prev = t == 1 ? initial : load<f64>(pEq + (<usize>(t - 1) << 3));
      r0 = prev == 0 ? 0 : e0 / prev - 1;
      x0 = r0 - load<f64>(pCash + (<usize>t << 3));
      store<f64>(pRx + (<usize>t << 4), r0);
      store<f64>(pRx + (<usize>t << 4), x0, 8);
      const neg: f64 = x0 < 0 ? x0 : 0;
      n0 = neg * neg;
    }
    sr += r0;
    sx += x0;
    down += n0;
    if (e0 > peak) {
      peak = e0;
      lim = peak * (1 + mdd) + peak * DD_MARGIN;
    } else if (e0 < lim) {
      const dd = e0 / peak - 1; // monotone in e: only bars below lim can be a new minimum
      if (dd < mdd) {
        mdd = dd;
        lim = peak * (1 + mdd) + peak * DD_MARGIN;
      }
    }
    if (!pair) {
      t++;
      continue;
    }
    sr += r1;
    sx += x1;
    down += n1;
    if (e1 > peak) {
      peak = e1;
      lim = peak * (1 + mdd) + peak * DD_MARGIN;
    } else if (e1 < lim) {
      const dd = e1 / peak - 1;
      if (dd < mdd) {
        mdd = dd;
        lim = peak * (1 + mdd) + peak * DD_MARGIN;
      }
    }
    t += 2;
  }
  const n = <f64>(T - 1);
  const m = f64x2(sr / n, sx / n);
  let a2 = zero, a3 = zero, a4 = zero; // lanes: (r, x) centred powers 2, 3, 4
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
  store<f64>(pOut, sr);
  store<f64>(pOut, sx, 8);
  store<f64>(pOut, down, 16);
  store<f64>(pOut, mdd, 24);
  store<f64>(pOut, f64x2.extract_lane(a2, 0), 32);
  store<f64>(pOut, f64x2.extract_lane(a3, 0), 40);
  store<f64>(pOut, f64x2.extract_lane(a4, 0), 48);
  store<f64>(pOut, f64x2.extract_lane(a2, 1), 56);
  store<f64>(pOut, f64x2.extract_lane(a3, 1), 64);
  store<f64>(pOut, f64x2.extract_lane(a4, 1), 72);
  store<f64>(pOut, cov, 80);
}

/**
 * The per-bar part of the sweep's summary metrics: two passes over an equity curve that give
 * the sums every summary metric is a formula of (summary-metrics.ts). Pass 1: returns
 * r_t = E_t/E_{t−1} − 1 from bar 1 (E_0 taken as `initial`; 0 after a bar of zero equity),
 * excess returns x_t = r_t − c_t, Σr, Σx, Σ min(x, 0)², and the maximum drawdown against the
 * running peak. Pass 2: centred moments of r and x (two-pass, Chan, Golub & LeVeque 1983) and
 * Σ(x_t − x̄)(b_t − b̄) for beta. wasm/summary-sums.as.ts is the same computation in
 * WebAssembly, operation for operation (same bits).
 */

/** Positions of the sums in the output array (centred powers of r and x side by side, as the WebAssembly lanes store them). */
export const SUM = { r: 0, x: 1, down: 2, mdd: 3, r2: 4, x2: 5, r3: 6, x3: 7, r4: 8, x4: 9, cov: 10 } as const;

/** Number of sums. */
export const SUM_COUNT = 11;

/** Relative margin of the drawdown pre-test (far above rounding: the exact test decides). */
const DD_MARGIN = 1e-12;

/**
 * Writes the sums of the first T bars of `equity` (started at `initial`) into `out` (length ≥ SUM_COUNT),
 * with `cash` the cash return of each bar, `db` the centred benchmark excess returns (index 0
 * unused) and `rb` a scratch buffer of length T (left holding r_t).
 */
export function summarySums(
  T: number,
  equity: Float64Array,
  initial: number,
  cash: Float64Array,
  db: Float64Array,
  rb: Float64Array,
  out: Float64Array,
): Float64Array {
  let sr = 0,
    sx = 0,
    down = 0;
  let peak = initial,
    mdd = 0;
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
  const n = T - 1;
  const mr = sr / n,
    mx = sx / n;
  let vr = 0,
    vx = 0,
    m3 = 0,
    m4 = 0,
    x3 = 0,
    x4 = 0,
    cov = 0;
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
  out[SUM.r] = sr;
  out[SUM.x] = sx;
  out[SUM.down] = down;
  out[SUM.mdd] = mdd;
  out[SUM.r2] = vr;
  out[SUM.r3] = m3;
  out[SUM.r4] = m4;
  out[SUM.x2] = vx;
  out[SUM.x3] = x3;
  out[SUM.x4] = x4;
  out[SUM.cov] = cov;
  return out;
}

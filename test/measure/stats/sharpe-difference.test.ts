import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../engine/core/random.js';
import { sharpeDifference } from '../../../engine/measure/stats/sharpe-difference.js';

// 60 paired monthly-like returns: A autocorrelated with volatility clustering, B correlated with A
const A = [
  0.008547, -0.006223, 0.017686, 0.001913, 0.007024, -0.000321, 0.014256, 0.017083, 0.012473, -0.019211, 0.015282, 0.009594, 0.013219, 0.003534, 0.009566,
  0.032829, 0.044617, 0.00985, 0.006937, 0.012756, 0.028283, -0.002116, -0.007105, -0.002353, -0.006983, 0.020334, 0.001738, 0.018072, 0.001152, -0.000334,
  0.000864, -0.015083, 0.001454, 0.0026, 0.011207, 0.010855, 0.014307, 0.023269, 0.014991, 0.003412, -0.000638, 0.030799, 0.031157, 0.024959, 0.00057, 0.014053,
  0.012568, 0.005773, 0.006039, -0.009338, 0.00013, 0.009122, 0.032328, 0.052643, -0.01681, -0.037648, -0.020793, 0.015923, -0.001575, 0.001141,
];
const B = [
  0.01396, -0.005677, 0.016213, 0.017179, 0.017158, -0.00487, 0.006738, 0.005461, -0.002268, -0.021948, 0.006902, -0.003139, 0.015704, -0.002143, -0.00466,
  0.020505, 0.007987, 0.011647, 0.008929, -0.005791, 0.005072, 0.003184, 0.015168, -0.01037, -0.002463, 0.009768, 0.00255, 0.02224, -0.005586, -0.023364,
  -0.003272, 0.000274, -0.001458, -0.002959, 0.004846, 0.003677, 0.003626, 0.008559, 0.013561, 0.003277, 0.015573, 0.023586, 0.005881, 0.010762, -0.00299,
  -0.004679, 0.012722, 0.011948, 0.006449, -0.019945, -0.013476, 0.008897, 0.021112, 0.019938, -0.007054, -0.011499, -0.017228, 0.016562, -0.00178, -0.010871,
];

/** Relative closeness: |got − want| ≤ 1e-9 |want|. */
function near(got: number, want: number): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.abs(want));
}

/** Standard normal draws (Box–Muller on mulberry32). */
function normals(n: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rnd())),
      th = 2 * Math.PI * rnd();
    out[i] = r * Math.cos(th);
    if (i + 1 < n) out[i + 1] = r * Math.sin(th);
  }
  return out;
}

describe('sharpeDifference (Ledoit & Wolf 2008)', () => {
  // reference values from an independent numpy implementation (lstsq for the VAR(1), numpy's SVD
  // for the 0.97 cap, matrix products for Ψ̂ = D Ψ̂* Dᵀ and the quadratic form)
  it('matches the numpy reference: Parzen kernel, automatic bandwidth, prewhitened (the default)', () => {
    const r = sharpeDifference(A, B);
    expect(r.n).toBe(60);
    near(r.sharpeA, 0.5180244144643654);
    near(r.sharpeB, 0.3055815570956397);
    near(r.difference, 0.2124428573687257);
    near(r.se, 0.15781286712831372);
    near(r.z, 1.3461694298728741);
    near(r.p, 0.17824788152602666);
    near(r.bandwidth, 2.1290690521092195);
    near(r.ciLow, 0.2124428573687257 - 1.959963984540054 * 0.15781286712831372);
    near(r.ciHigh, 0.2124428573687257 + 1.959963984540054 * 0.15781286712831372);
    expect(r).toMatchObject({ kernel: 'parzen', prewhitened: true });
  });

  it('matches the numpy reference without prewhitening and with a Bartlett kernel', () => {
    const plain = sharpeDifference(A, B, { prewhiten: false });
    near(plain.se, 0.13441841488077946);
    near(plain.bandwidth, 5.992976609687866);
    near(plain.p, 0.11400168055364723);
    const nw = sharpeDifference(A, B, { kernel: 'bartlett', lag: 3 });
    expect(nw.prewhitened).toBe(false);
    near(nw.se, 0.13329742764907895);
    near(nw.p, 0.11099190252923341);
    const iid = sharpeDifference(A, B, { kernel: 'bartlett', lag: 0 });
    near(iid.se, 0.12468076383943039);
    near(iid.p, 0.0884008143018562);
  });

  it('caps the prewhitening VAR at singular value 0.97 (persistent, trending returns), as the numpy reference', () => {
    const a = Array.from({ length: 80 }, (_, t) => Number((0.001 + 0.0004 * t + 0.002 * Math.sin(t * 0.7)).toFixed(6)));
    const b = Array.from({ length: 80 }, (_, t) => Number((0.012 - 0.0002 * t + 0.003 * Math.cos(t * 1.3)).toFixed(6)));
    const r = sharpeDifference(a, b);
    near(r.difference, 1.0022074748791223);
    near(r.se, 1.0206109342747758);
    near(r.bandwidth, 85.76707688554218);
    near(r.p, 0.3261155182243627);
  });

  it('annualizes the ratios, the difference and its SE by √periodsPerYear, leaving z and p alone', () => {
    const m = sharpeDifference(A, B, { periodsPerYear: 12 });
    near(m.difference, 0.7359236453354823);
    near(m.se, 0.5466798079087114);
    near(m.p, 0.17824788152602666);
  });

  it('does not depend on the units of the returns, and swapping the series flips the sign only', () => {
    const pct = sharpeDifference(
      A.map((x) => x * 100),
      B.map((x) => x * 100),
    );
    const base = sharpeDifference(A, B);
    expect(pct.se).toBeCloseTo(base.se, 12);
    expect(pct.p).toBeCloseTo(base.p, 12);
    const swapped = sharpeDifference(B, A);
    expect(swapped.difference).toBeCloseTo(-base.difference, 14);
    expect(swapped.se).toBeCloseTo(base.se, 12);
    expect(swapped.p).toBeCloseTo(base.p, 12);
  });

  it('with iid normal returns and no HAC lag, equals the Jobson–Korkie–Memmel standard error', () => {
    const T = 20_000;
    const z1 = normals(T, 11),
      z2 = normals(T, 12);
    const rho = 0.6;
    const a = Float64Array.from(z1, (z) => 0.01 * (0.1 + z));
    const b = Float64Array.from(z1, (z, t) => 0.008 * (0.05 + rho * z + Math.sqrt(1 - rho * rho) * z2[t]));
    const r = sharpeDifference(a, b, { kernel: 'bartlett', lag: 0 });
    // JKM (1981) with Memmel's (2003) correction: Var(Δ̂) = [2 − 2ρ + ½(SR_a² + SR_b² − 2 SR_a SR_b ρ²)] / T
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    const ma = mean(a),
      mb = mean(b);
    let saa = 0,
      sbb = 0,
      sab = 0;
    for (let t = 0; t < T; t++) {
      saa += (a[t] - ma) ** 2;
      sbb += (b[t] - mb) ** 2;
      sab += (a[t] - ma) * (b[t] - mb);
    }
    const c = sab / Math.sqrt(saa * sbb);
    const sa = ma / Math.sqrt(saa / (T - 1)),
      sb = mb / Math.sqrt(sbb / (T - 1));
    const jkm = Math.sqrt((2 - 2 * c + 0.5 * (sa * sa + sb * sb - 2 * sa * sb * c * c)) / T);
    expect(r.se / jkm - 1).toBeGreaterThan(-0.01);
    expect(r.se / jkm - 1).toBeLessThan(0.01);
    // the default HAC estimate agrees on iid data too (a short bandwidth, little to whiten)
    expect(sharpeDifference(a, b).se / jkm - 1).toBeLessThan(0.03);
    expect(sharpeDifference(a, b).se / jkm - 1).toBeGreaterThan(-0.03);
  });

  it('rejects a true difference and not a null one, on long series', () => {
    const T = 5000;
    const z1 = normals(T, 5),
      z2 = normals(T, 6);
    const a = Float64Array.from(z1, (z) => 0.01 * (0.15 + z));
    const same = Float64Array.from(z1, (z, t) => 0.01 * (0.15 + 0.5 * z + Math.sqrt(0.75) * z2[t]));
    const worse = Float64Array.from(z1, (z, t) => 0.01 * (-0.05 + 0.5 * z + Math.sqrt(0.75) * z2[t]));
    expect(sharpeDifference(a, worse).p).toBeLessThan(0.001);
    expect(sharpeDifference(a, same).p).toBeGreaterThan(0.05);
  });

  it('drops bars where either series is missing, and gives NaN for a constant or too short series', () => {
    const withGaps = [NaN, ...A, 0.01];
    const other = [0.02, ...B, NaN];
    const r = sharpeDifference(withGaps, other);
    expect(r.n).toBe(60);
    expect(r.p).toBeCloseTo(sharpeDifference(A, B).p, 14);
    expect(
      sharpeDifference(
        A,
        A.map(() => 0.001),
      ).p,
    ).toBeNaN();
    expect(sharpeDifference(A.slice(0, 5), B.slice(0, 5)).se).toBeNaN();
  });
});

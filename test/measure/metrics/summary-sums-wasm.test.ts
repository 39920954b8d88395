/**
 * The WebAssembly summary sums (SIMD) against the JavaScript passes: the same bits for every
 * sum and every metric, on curves that stress each branch — odd and even lengths down to two
 * bars, a start away from bar 0's equity, flat stretches, new peaks, ruin (zero equity to the
 * end), overflow to +∞, and a curve that is zero from bar 1; one curve alone and two at once.
 */
import { describe, expect, it } from 'vitest';
import { SummaryContext, summaryMetricsOf, summaryMetricsOfPair } from '../../../engine/measure/metrics/summary-metrics.js';
import { SUM, SUM_COUNT, summarySums } from '../../../engine/measure/metrics/summary-sums.js';
import { WasmSums, wasmSumsSlots } from '../../../engine/measure/metrics/summary-sums-wasm.js';
import { WasmArena, wasmAvailable } from '../../../engine/core/wasm-arena.js';
import { mulberry32 } from '../../../engine/core/random.js';

interface Case {
  equity: Float64Array;
  cash: Float64Array;
  bench: Float64Array;
  initial: number;
}

function randomCase(seed: number, length?: number): Case {
  const rnd = mulberry32(seed);
  const T = length ?? 2 + Math.floor(rnd() * (seed % 5 === 0 ? 6 : 700));
  const equity = new Float64Array(T);
  const cash = new Float64Array(T);
  const bench = new Float64Array(T);
  const ruin = rnd() < 0.25 ? Math.floor(rnd() * T) : -1;
  const overflow = rnd() < 0.08 ? Math.floor(rnd() * T) : -1; // a curve can reach +∞ (never NaN)
  const vol = rnd() < 0.3 ? 0.3 : 0.02;
  let e = 100;
  for (let t = 0; t < T; t++) {
    cash[t] = rnd() * 2e-4;
    bench[t] = (rnd() - 0.5) * 0.04;
    if (t > 0 && rnd() > 0.15) e *= 1 + (rnd() - 0.48) * vol; // some flat bars
    equity[t] = ruin >= 0 && t >= ruin ? 0 : overflow >= 0 && t >= overflow ? Infinity : e;
  }
  return { equity, cash, bench, initial: rnd() < 0.5 ? 100 : 100.05 };
}

const dates = (T: number) => Int32Array.from({ length: T }, (_, i) => 7000 + 1.4 * i);

describe('WebAssembly summary sums', () => {
  it('is built and runs here (npm run build compiles it)', () => {
    expect(wasmAvailable()).toBe(true);
  });

  it('gives the same bits as the JavaScript passes on 400 random curves', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const c = randomCase(seed);
      const T = c.equity.length;
      const js = new SummaryContext(c.cash, c.bench, dates(T), 252);
      const wasm = new SummaryContext(c.cash, c.bench, dates(T), 252, { arena: WasmArena.create(wasmSumsSlots(T)) });
      const buf = wasm.curveBuffer();
      buf.set(c.equity);
      const a = Array.from(js.sums(c.equity, c.initial));
      const b = Array.from(wasm.sums(buf, c.initial));
      for (let k = 0; k < SUM_COUNT; k++) if (!Object.is(a[k], b[k])) expect({ seed, k, wasm: b[k] }).toEqual({ seed, k, wasm: a[k] });
      expect(summaryMetricsOf(wasm, buf, c.initial)).toStrictEqual(summaryMetricsOf(js, c.equity, c.initial));
    }
  });

  it('a curve at zero from bar 1 and a two-bar curve match too (hand-checked sums)', () => {
    const cash = Float64Array.of(0, 0.001, 0.001);
    const bench = Float64Array.of(0, 0.01, -0.01);
    const w = new WasmSums(WasmArena.create(wasmSumsSlots(3))!, cash, new SummaryContext(cash, bench, dates(3), 252).db);
    w.equity.set([1, 0, 0]);
    const s = Array.from(w.sums(1));
    // r = (−1, 0): Σr = −1, x = (−1.001, −0.001): Σx = −1.002, Σ min(x,0)² = 1.002001 + 1e-6, drawdown −1
    [-1, -1.002, 1.001 * 1.001 + 0.001 * 0.001, -1].forEach((v, k) => expect(s[k]).toBeCloseTo(v, 14));
    const out = new Float64Array(SUM_COUNT);
    const ctx = new SummaryContext(cash, bench, dates(3), 252);
    expect(s).toEqual(Array.from(summarySums(3, Float64Array.of(1, 0, 0), 1, cash, ctx.db, new Float64Array(3), out)));
    const two = new SummaryContext(cash.subarray(0, 2), bench.subarray(0, 2), dates(2), 252, { arena: WasmArena.create(wasmSumsSlots(2)) });
    two.curveBuffer().set([1, 1.05]);
    expect(summaryMetricsOf(two, two.curveBuffer(), 1)).toStrictEqual(
      summaryMetricsOf(new SummaryContext(cash.subarray(0, 2), bench.subarray(0, 2), dates(2), 252), Float64Array.of(1, 1.05), 1),
    );
  });

  it('two curves measured together get, each, the bits of the JavaScript passes (400 random pairs)', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const a = randomCase(seed);
      const T = a.equity.length;
      const b = randomCase(seed + 5000, T);
      const js = new SummaryContext(a.cash, a.bench, dates(T), 252);
      const wasm = new SummaryContext(a.cash, a.bench, dates(T), 252, { arena: WasmArena.create(wasmSumsSlots(T)) });
      const [ba, bb] = wasm.curveBuffers();
      ba.set(a.equity);
      bb.set(b.equity);
      const [sa, sb] = wasm.sumsPair(ba, a.initial, bb, b.initial).map((x) => Array.from(x));
      const ja = Array.from(js.sums(a.equity, a.initial));
      const jb = Array.from(js.sums(b.equity, b.initial));
      for (let k = 0; k < SUM_COUNT; k++) {
        if (!Object.is(sa[k], ja[k])) expect({ seed, curve: 'A', k, wasm: sa[k] }).toEqual({ seed, curve: 'A', k, wasm: ja[k] });
        if (!Object.is(sb[k], jb[k])) expect({ seed, curve: 'B', k, wasm: sb[k] }).toEqual({ seed, curve: 'B', k, wasm: jb[k] });
      }
      const [ma, mb] = summaryMetricsOfPair(wasm, ba, a.initial, bb, b.initial);
      expect(ma).toStrictEqual(summaryMetricsOf(js, a.equity, a.initial));
      expect(mb).toStrictEqual(summaryMetricsOf(js, b.equity, b.initial));
      // outside the instance memory, a pair is measured by the JavaScript passes (same bits)
      expect(summaryMetricsOfPair(js, a.equity, a.initial, b.equity, b.initial)).toStrictEqual([ma, mb]);
    }
  });

  it('a drawdown deepened by a hair below the pre-test margin is still found in a pair', () => {
    // the second curve's new low sits 1e-13 below an earlier low: within DD_MARGIN, so the exact test decides
    const T = 6;
    const cash = new Float64Array(T);
    const bench = new Float64Array(T);
    const ctx = new SummaryContext(cash, bench, dates(T), 252, { arena: WasmArena.create(wasmSumsSlots(T)) });
    const [ba, bb] = ctx.curveBuffers();
    ba.set([1, 1.1, 0.9, 1.0, 0.9 - 1e-13, 1.2]);
    bb.set([1, 0.8, 0.8, 0.8 * (1 - 1e-15), 1.3, 1.3]);
    const [sa, sb] = ctx.sumsPair(ba, 1, bb, 1);
    expect(sa[SUM.mdd]).toBe((0.9 - 1e-13) / 1.1 - 1);
    expect(sb[SUM.mdd]).toBe((0.8 * (1 - 1e-15)) / 1 - 1);
  });

  it('a curve outside the instance memory is measured by the JavaScript passes', () => {
    const c = randomCase(7);
    const T = c.equity.length;
    const wasm = new SummaryContext(c.cash, c.bench, dates(T), 252, { arena: WasmArena.create(wasmSumsSlots(T)) });
    const js = new SummaryContext(c.cash, c.bench, dates(T), 252);
    expect(summaryMetricsOf(wasm, c.equity, c.initial)).toStrictEqual(summaryMetricsOf(js, c.equity, c.initial));
  });
});

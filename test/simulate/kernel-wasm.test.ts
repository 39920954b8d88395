/**
 * The kernel's two-asset growth loops in WebAssembly (advance-wasm.ts) against the JavaScript
 * loops: the same equity bits, summary and weight errors on random markets — every schedule
 * but drift, lags 0–3, long-only, levered and short books (all three loops: invested, in cash,
 * mixed), crashes that ruin the account, partly NaN rows, rows of −0 beside rows of 0, runs
 * of equal rows and of no-decision rows (the loops compare only rows that differ from the one
 * before), and target columns both inside the arena and copied into it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulberry32 } from '../../engine/core/random.js';
import { runKernel, type KernelSummary } from '../../engine/simulate/kernel.js';
import { advance } from '../../engine/simulate/advance.js';
import { WasmAdvance, wasmAdvanceFits, wasmAdvanceSlots } from '../../engine/simulate/advance-wasm.js';
import { resolveOptions } from '../../engine/simulate/options.js';
import { kernelSetup } from '../../engine/simulate/setup.js';
import { WasmArena, wasmAvailable } from '../../engine/core/wasm-arena.js';
import type { Rebalance } from '../../engine/core/types.js';

const SCHEDULES: Rebalance[] = [
  { kind: 'on-change' },
  { kind: 'every-bar' },
  { kind: 'period', period: 'monthly', at: 'last' },
  { kind: 'period', period: 'weekly', at: 'first' },
];

const scenario = fc.record({
  T: fc.integer({ min: 1, max: 400 }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  lag: fc.integer({ min: 0, max: 3 }),
  schedule: fc.integer({ min: 0, max: SCHEDULES.length - 1 }),
  book: fc.constantFrom('long', 'levered', 'short'),
  density: fc.constantFrom(0.01, 0.1, 0.5, 1),
  partlyNaN: fc.boolean(),
  negZero: fc.boolean(),
  inArena: fc.boolean(),
});

type Outcome = { equity: number[]; summary?: KernelSummary; error?: string };

function run(f: () => KernelSummary, equity: Float64Array): Outcome {
  try {
    const summary = f();
    return { equity: Array.from(equity), summary };
  } catch (e) {
    return { equity: [], error: (e as Error).message };
  }
}

describe('kernel growth loops in WebAssembly', () => {
  it('the module is built and two-asset setups outside drift use it', () => {
    expect(wasmAvailable()).toBe(true);
  });

  it('gives the same equity bits, summaries and errors as the JavaScript loops', () => {
    fc.assert(
      fc.property(scenario, (p) => {
        const rnd = mulberry32(p.seed);
        const { T } = p;
        const dates = Int32Array.from({ length: T }, (_, t) => 11000 + t + Math.floor(t / 5) * 2);
        const returns = [0, 1].map(() => Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : (rnd() - 0.5) * 0.1 - (rnd() < 0.01 ? 0.6 : 0))));
        const cash = Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : rnd() * 3e-4));
        const cols = [new Float64Array(T).fill(NaN), new Float64Array(T).fill(NaN)];
        let row = [0, 0];
        for (let t = 0; t < T; t++) {
          if (rnd() >= p.density) continue;
          if (rnd() < 0.85) {
            const k = rnd();
            // all cash, all in one asset, or a mix (levered or short when the book allows)
            row = k < 0.25 ? [0, 0] : k < 0.5 ? [1, 0] : k < 0.6 ? [0, 1] : p.book === 'levered' ? [0.9, 0.8] : p.book === 'short' ? [1.2, -0.4] : [0.3, 0.5];
          }
          // −0 on alternate rows: equal to 0, different bits (a row the loops compare and pass)
          cols[0][t] = p.negZero && t % 2 === 1 && row[0] === 0 ? -0 : row[0];
          cols[1][t] = p.partlyNaN && rnd() < 0.02 ? NaN : p.negZero && t % 3 === 1 && row[1] === 0 ? -0 : row[1];
        }
        const o = resolveOptions({
          lag: p.lag,
          rebalance: SCHEDULES[p.schedule],
          cost: 0.001,
          allowLeverage: p.book !== 'long',
          allowShort: p.book === 'short',
          borrowSpread: 0.02,
          periodsPerYear: 252,
        });
        const s = kernelSetup({ dates, assets: ['a', 'b'], returns, cash }, o);
        expect(wasmAdvanceFits(s)).toBe(true);
        const rules = { cols, names: ['a', 'b'], dates, allowShort: o.allowShort, allowLeverage: o.allowLeverage };
        const arena = WasmArena.create(wasmAdvanceSlots(T) + 3 * T)!;
        const wz = new WasmAdvance(arena, s);
        const weq = arena.alloc(T);
        const wcols = p.inArena ? cols.map((c) => arena.copyOf(c)) : cols;
        const jeq = new Float64Array(T);
        const js = run(() => runKernel(s, rules, jeq, null), jeq);
        expect(wcols.every((c) => arena.owns(c))).toBe(p.inArena);
        const wasm = run(() => runKernel(s, { ...rules, cols: wcols }, weq, null, wz.st, new Float64Array(2), wz), weq);
        expect(wasm.error).toBe(js.error);
        expect(wasm.summary).toStrictEqual(js.summary);
        for (let t = 0; t < wasm.equity.length; t++)
          if (!Object.is(wasm.equity[t], js.equity[t])) expect({ t, e: wasm.equity[t] }).toEqual({ t, e: js.equity[t] });
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it('finds the next changed row whatever the order of the calls (the candidate cursor steps back)', () => {
    const T = 200;
    const dates = Int32Array.from({ length: T }, (_, t) => 12000 + t);
    const r = Float64Array.from({ length: T }, (_, t) => (t ? 0.001 * Math.cos(t) : 0));
    const s = kernelSetup({ dates, assets: ['a', 'b'], returns: [r, r], cash: new Float64Array(T) }, resolveOptions({ lag: 1, periodsPerYear: 252 }));
    const arena = WasmArena.create(wasmAdvanceSlots(T) + 3 * T)!;
    const wz = new WasmAdvance(arena, s);
    const cols = [arena.alloc(T).fill(0.5), arena.alloc(T).fill(0.5)];
    for (const [t, w0] of [
      [20, 0.7],
      [60, 0.5],
      [120, 0.2],
    ])
      for (let u = t; u < T; u++) cols[0][u] = w0;
    const rules = { cols, names: ['a', 'b'], dates, allowShort: false, allowLeverage: false };
    const start = (st: Float64Array) => st.set([0, 0, 1, 1, 0.5, 0.5]); // fully invested half and half
    const weq = arena.alloc(T);
    expect(wz.bind(wz.st, weq, cols)).toBe(true);
    const stops: number[] = [];
    for (const from of [150, 10, 70, 30, 5]) {
      // the target in force is the decision row before `from`'s (lag 1), as in a kernel run
      const w = () => Float64Array.of(cols[0][from - 2], cols[1][from - 2]);
      const stJ = new Float64Array(6);
      start(stJ);
      const js = advance(s, stJ, from, T - 1, new Float64Array(T), rules, w());
      start(wz.st);
      expect({ from, stop: advance(s, wz.st, from, T - 1, weq, rules, w(), wz) }).toEqual({ from, stop: js });
      stops.push(js);
    }
    // rows 20, 60 and 120 change the target: their bars (lag 1) stop the loop; none after 120 runs to the end
    expect(stops).toEqual([199, 21, 121, 61, 21]);
  });

  it('falls back to the JavaScript loops when the state or curve is not in the arena', () => {
    const T = 50;
    const dates = Int32Array.from({ length: T }, (_, t) => 12000 + t);
    const r = Float64Array.from({ length: T }, (_, t) => (t ? 0.001 * Math.sin(t) : 0));
    const s = kernelSetup({ dates, assets: ['a', 'b'], returns: [r, r], cash: new Float64Array(T) }, resolveOptions({ periodsPerYear: 252 }));
    const arena = WasmArena.create(wasmAdvanceSlots(T))!;
    const wz = new WasmAdvance(arena, s);
    expect(wz.bind(new Float64Array(6), new Float64Array(T), [r, r])).toBe(false);
    expect(wz.bind(wz.st, new Float64Array(T), [r, r])).toBe(false);
  });
});

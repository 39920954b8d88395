/**
 * {@link summarySums} in WebAssembly with SIMD (wasm/summary-sums.as.ts): about three times as fast as
 * the JavaScript passes, same bits (a test compares them on random curves, ruin included); two
 * curves at once ({@link WasmSums.sums2}, one per SIMD lane) about twice as fast again per curve.
 * Curves must be written into the instance's own `equity` and `equity2` views; cash and
 * benchmark are copied into the arena once.
 */
import { ptr, type WasmArena } from '../../core/wasm-arena.js';
import { SUM, SUM_COUNT } from './summary-sums.js';

/** Arena values one {@link WasmSums} of T bars takes. */
export const wasmSumsSlots = (T: number): number => 6 * T + 2 * SUM_COUNT;

/** The WebAssembly sums over one market's bars: curve, cash, benchmark and scratch in an arena. */
export class WasmSums {
  /** Write the equity curve here (length T) before calling {@link sums}. */
  readonly equity: Float64Array;
  /** Write the second curve of a pair here (length T) before calling {@link sums2}. */
  readonly equity2: Float64Array;
  private readonly out: Float64Array;
  /** A's sums then B's (2 · SUM_COUNT), and the two halves as views. */
  private readonly out2: Float64Array;
  readonly pair: readonly [Float64Array, Float64Array];
  private readonly p: [number, number, number, number, number, number, number, number];

  constructor(
    private readonly arena: WasmArena,
    cash: Float64Array,
    db: Float64Array,
  ) {
    const T = cash.length;
    this.equity = arena.alloc(T);
    this.equity2 = arena.alloc(T);
    const c = arena.copyOf(cash);
    const d = arena.copyOf(db);
    const rx = arena.alloc(2 * T); // (r, x) per bar for one curve, (r_A, r_B) for two
    this.out2 = arena.alloc(2 * SUM_COUNT);
    this.out = this.out2.subarray(0, SUM_COUNT);
    this.pair = [this.out, this.out2.subarray(SUM_COUNT)];
    this.p = [T, ptr(this.equity), ptr(c), ptr(d), ptr(rx), ptr(this.out), ptr(this.equity2), ptr(this.out2)];
  }

  /** The sums of the curve in {@link equity} started at `initial` (a view, overwritten by the next call). */
  sums(initial: number): Float64Array {
    const [T, pEq, pCash, pDb, pRx, pOut] = this.p;
    const fn = this.arena.fn;
    const out = this.out;
    fn.returns(T, initial, pEq, pCash, pRx, pOut);
    const n = T - 1;
    fn.moments(T, pDb, pRx, pOut, out[SUM.r] / n, out[SUM.x] / n);
    return out;
  }

  /**
   * The sums of the curves in {@link equity} (started at `initA`) and {@link equity2} (at
   * `initB`): {@link pair}'s two views, each with the bits {@link sums} gives for its curve
   * (overwritten by the next call).
   */
  sums2(initA: number, initB: number): readonly [Float64Array, Float64Array] {
    const [T, pEq, pCash, pDb, pRx, , pEq2, pOut2] = this.p;
    const fn = this.arena.fn;
    const [a, b] = this.pair;
    fn.returns2(T, initA, initB, pEq, pEq2, pCash, pRx, pOut2);
    const n = T - 1;
    fn.moments2(T, pCash, pDb, pRx, pOut2, a[SUM.r] / n, b[SUM.r] / n, a[SUM.x] / n, b[SUM.x] / n);
    return this.pair;
  }
}

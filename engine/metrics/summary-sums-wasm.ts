/**
 * {@link summarySums} in WebAssembly with SIMD (wasm/summary-sums.as.ts): about three times as fast as
 * the JavaScript passes, same bits (a test compares them on random curves, ruin included). The
 * curve must be written into the instance's own `equity` view; cash and benchmark are copied
 * into the arena once.
 */
import { ptr, type WasmArena } from '../wasm/arena.js';
import { SUM, SUM_COUNT } from './summary-sums.js';

/** Arena values one {@link WasmSums} of T bars takes. */
export const wasmSumsSlots = (T: number): number => 5 * T + SUM_COUNT;

/** The WebAssembly sums over one market's bars: curve, cash, benchmark and scratch in an arena. */
export class WasmSums {
  /** Write the equity curve here (length T) before calling {@link sums}. */
  readonly equity: Float64Array;
  private readonly out: Float64Array;
  private readonly p: [number, number, number, number, number, number];

  constructor(
    private readonly arena: WasmArena,
    cash: Float64Array,
    db: Float64Array,
  ) {
    const T = cash.length;
    this.equity = arena.alloc(T);
    const c = arena.copyOf(cash);
    const d = arena.copyOf(db);
    const rx = arena.alloc(2 * T);
    this.out = arena.alloc(SUM_COUNT);
    this.p = [T, ptr(this.equity), ptr(c), ptr(d), ptr(rx), ptr(this.out)];
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
}

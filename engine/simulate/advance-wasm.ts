/**
 * The kernel's two-asset growth loops (advance.ts) in WebAssembly (wasm/advance2.as.ts), for
 * one kernel setup: the growth factors are copied into the arena once; the equity curve and
 * state must live in the arena, and target columns that do not are copied in per run. Only
 * for two assets outside the drift schedule (where advance.ts has its two-asset loops); same
 * bits as the JavaScript loops (the golden sweeps and a kernel test compare them).
 */
import { ptr, type WasmArena } from '../core/wasm-arena.js';
import { MODE, STATE_H, type KernelSetup } from './setup.js';

/** True when the setup's growth loops have a WebAssembly form. */
export const wasmAdvanceFits = (s: KernelSetup): boolean => s.A === 2 && s.mode !== MODE.drift;

/** Arena values one {@link WasmAdvance} of T bars takes (growth, cash and borrow growth, column copies, state, candidate rows). */
export const wasmAdvanceSlots = (T: number): number => 6 * T + STATE_H + 2 + Math.ceil((T + 1) / 2);

export class WasmAdvance {
  /** The kernel state buffer (length STATE_H + 2), in the arena. */
  readonly st: Float64Array;
  private readonly copies: [Float64Array, Float64Array];
  private readonly pG: number;
  private readonly pCg: number;
  private readonly pBg: number;
  private readonly pSt: number;
  private readonly pList: number;
  private readonly T: number;
  private pEq = 0;
  private pC0 = 0;
  private pC1 = 0;

  constructor(
    private readonly arena: WasmArena,
    s: KernelSetup,
  ) {
    if (!wasmAdvanceFits(s)) throw new Error('WasmAdvance: two assets outside the drift schedule only');
    const T = s.T;
    const g = arena.copyOf(s.growth);
    const cg = arena.copyOf(s.cashGrowth);
    const bg = arena.copyOf(s.borrowGrowth);
    this.copies = [arena.alloc(T), arena.alloc(T)];
    this.st = arena.alloc(STATE_H + 2);
    this.pG = ptr(g);
    this.pCg = ptr(cg);
    this.pBg = ptr(bg);
    this.pSt = ptr(this.st);
    this.pList = ptr(arena.alloc(Math.ceil((T + 1) / 2))); // T + 1 int32
    this.T = T;
  }

  /**
   * Binds one run's buffers: true (and the loops run here) when `st` is this state buffer and
   * `equity` lives in the arena; columns outside the arena are copied in. Marks the rows that
   * can change the target (wasm/advance2.as.ts's candidates), once per run.
   */
  bind(st: Float64Array, equity: Float64Array, cols: readonly Float64Array[]): boolean {
    if (st !== this.st || !this.arena.owns(equity)) return false;
    this.pEq = ptr(equity);
    const c = cols.map((col, a) => {
      if (this.arena.owns(col)) return col;
      this.copies[a].set(col);
      return this.copies[a];
    });
    this.pC0 = ptr(c[0]);
    this.pC1 = ptr(c[1]);
    this.arena.fn.candidates(this.T, this.pC0, this.pC1, this.pList);
    return true;
  }

  /** advance() over [from, to] for the bound run: the bar it stopped at. */
  advance(from: number, to: number, lag: number, w: Float64Array): number {
    return this.arena.fn.advance2(from, to, lag, this.pG, this.pCg, this.pBg, this.pEq, this.pC0, this.pC1, this.pList, this.pSt, w[0], w[1]);
  }
}

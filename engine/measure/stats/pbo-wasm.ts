/**
 * pboPairs's two inner loops (pbo.ts) in WebAssembly (wasm/pbo-pairs.as.ts), two trials per
 * SIMD lane pair, same bits: the distinct trials' block sums and weights are copied into an arena once per call,
 * and the half sums and keys pboPairs works on live there too. Null where the module is missing.
 */
import { ptr, WasmArena } from '../../core/wasm-arena.js';
import type { CscvBlocks } from './cscv-blocks.js';

export class WasmPairs {
  /** pboPairs's working arrays (N values each), in the arena. */
  readonly hs: Float64Array;
  readonly hq: Float64Array;
  readonly a: Float64Array;
  readonly c: Float64Array;
  readonly totS: Float64Array;
  readonly totQ: Float64Array;
  private readonly out: Float64Array;
  private readonly N: number;
  private readonly p: { sum: number; sq: number; w: number; hs: number; hq: number; a: number; c: number; totS: number; totQ: number; out: number };

  private constructor(
    private readonly arena: WasmArena,
    b: CscvBlocks,
  ) {
    const N = b.distinct;
    // the distinct trials' block sums, block-major with stride N (the blocks keep capacity slots)
    const sum = arena.alloc(b.blocks * N);
    const sq = arena.alloc(b.blocks * N);
    for (let k = 0; k < b.blocks; k++) {
      sum.set(b.sum.subarray(k * b.capacity, k * b.capacity + N), k * N);
      sq.set(b.sumSq.subarray(k * b.capacity, k * b.capacity + N), k * N);
    }
    const w = arena.copyOf(b.weight.subarray(0, N));
    this.N = N;
    this.hs = arena.alloc(N);
    this.hq = arena.alloc(N);
    this.a = arena.alloc(N);
    this.c = arena.alloc(N);
    this.totS = arena.alloc(N);
    this.totQ = arena.alloc(N);
    this.out = arena.alloc(4);
    this.p = {
      sum: ptr(sum),
      sq: ptr(sq),
      w: ptr(w),
      hs: ptr(this.hs),
      hq: ptr(this.hq),
      a: ptr(this.a),
      c: ptr(this.c),
      totS: ptr(this.totS),
      totQ: ptr(this.totQ),
      out: ptr(this.out),
    };
  }

  /**
   * The inner loops for these blocks, or null without the module. They live in the thread's
   * scratch arena (WasmArena.scratch: pboPairs runs to the end before another call starts), so
   * the chunks a worker computes do not each allocate a memory of the block sums' size (above
   * 32 MB, about 100,000 distinct sets, each call has its own).
   */
  static create(b: CscvBlocks): WasmPairs | null {
    const arena = WasmArena.scratch(2 * b.blocks * b.distinct + 7 * b.distinct + 4);
    return arena === null ? null : new WasmPairs(arena, b);
  }

  /**
   * Moves block `bi` in and block `bo` out of the half (the same block twice moves none),
   * updates the keys, and returns the out view: [first best of the half, of the complement].
   */
  keys(n: number, floor: number, bi: number, bo: number): Float64Array {
    const p = this.p;
    const si = 8 * bi * this.N,
      so = 8 * bo * this.N;
    this.arena.fn.pairKeys(this.N, n, floor, p.hs, p.hq, p.sum + si, p.sum + so, p.sq + si, p.sq + so, p.totS, p.totQ, p.a, p.c, p.out);
    return this.out;
  }

  /** Weighted rank counts [c < va, c = va, a < vc, a = vc] (the out view). */
  ranks(va: number, vc: number): Float64Array {
    const p = this.p;
    this.arena.fn.rankCounts(this.N, p.a, p.c, p.w, va, vc, p.out);
    return this.out;
  }
}

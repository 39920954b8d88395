/**
 * The stationary bootstrap's draw loops (stationary-bootstrap.ts: one group, and up to four
 * groups in lanes) in WebAssembly (wasm/stationary-bootstrap.as.ts), same bits: the prefix
 * table and the length tables are copied into the thread's scratch arena, the draws run there
 * and their sums and counts are copied out. About three times as fast as the JavaScript loops
 * (bench `bootstrap`).
 */
import { ptr, WasmArena } from '../wasm/arena.js';

/** The geometric block lengths' tables (stationary-bootstrap.ts). */
export interface LengthTables {
  cdf: Float64Array;
  guide: Int32Array;
  M: number;
}

/**
 * Runs `draws` resamples from generator state `state` over the prefix table `P` of W lanes
 * (W = 1: one group without skipped bars; W = 2·groups ≤ 8 otherwise) into `sums` and
 * `counts` (draws × W/2 each; with W = 1 every count is T). False, with nothing written, where
 * the module is missing.
 */
export function drawInWasm(P: Float64Array, W: number, T: number, draws: number, state: number, lengths: LengthTables, sums: Float64Array, counts: Float64Array): boolean {
  const GT = W === 1 ? 1 : W / 2;
  const { cdf, guide, M } = lengths;
  const arena = WasmArena.scratch(P.length + cdf.length + Math.ceil(M / 2) + 2 * draws * GT);
  if (arena === null) return false;
  const p = arena.copyOf(P);
  const c = arena.copyOf(cdf);
  const g = arena.alloc(Math.ceil(M / 2));
  new Int32Array(g.buffer, g.byteOffset, M).set(guide);
  const s = arena.alloc(draws * GT);
  const n = arena.alloc(draws * GT);
  if (W === 1) {
    arena.fn.drawOne(T, draws, state, ptr(p), ptr(c), ptr(g), M, ptr(s));
    counts.fill(T);
  } else {
    arena.fn.drawLanes(W, T, draws, state, ptr(p), ptr(c), ptr(g), M, ptr(s), ptr(n));
    counts.set(n);
  }
  sums.set(s);
  return true;
}

/**
 * The stationary bootstrap's draw loops (stationary-bootstrap.ts: one group, and up to four
 * groups in lanes) in WebAssembly (wasm/stationary-bootstrap.as.ts), same bits: the prefix
 * table and the length tables are copied into the thread's scratch arena, the draws run there
 * and their sums and counts are copied out. About three times as fast as the JavaScript loops
 * (bench `bootstrap`).
 */
import { ptr, WasmArena } from '../../core/wasm-arena.js';

/** mulberry32's state step (random.ts). */
const STEP = 0x6d2b79f5;

/** Draws per call into the module. */
const CHUNK_DRAWS = 250;

/** f64 slots of the block buffer: 256 blocks of 16 bytes (CHUNK in wasm/stationary-bootstrap.as.ts). */
const BLOCK_SLOTS = 512;

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
export function drawInWasm(
  P: Float64Array,
  W: number,
  T: number,
  draws: number,
  state: number,
  lengths: LengthTables,
  sums: Float64Array,
  counts: Float64Array,
): boolean {
  const GT = W === 1 ? 1 : W / 2;
  const { cdf, guide, M } = lengths;
  const arena = WasmArena.scratch(P.length + cdf.length + Math.ceil(M / 2) + BLOCK_SLOTS + 2 * draws * GT);
  if (arena === null) return false;
  const p = arena.copyOf(P);
  const c = arena.copyOf(cdf);
  const g = arena.alloc(Math.ceil(M / 2));
  new Int32Array(g.buffer, g.byteOffset, M).set(guide);
  const blk = arena.alloc(BLOCK_SLOTS); // the uniforms drawn ahead (wasm/stationary-bootstrap.as.ts's refill)
  const s = arena.alloc(draws * GT);
  const n = arena.alloc(draws * GT);
  // in calls of CHUNK_DRAWS draws, each continuing the stream after the blocks the last one drew:
  // a long first call would run entirely in V8's baseline code, the later ones get the optimized code
  const fn = arena.fn;
  let st = state >>> 0;
  for (let from = 0; from < draws; from += CHUNK_DRAWS) {
    const d = Math.min(CHUNK_DRAWS, draws - from);
    const o = 8 * from * GT;
    const used =
      W === 1
        ? fn.drawOne(T, d, st, ptr(p), ptr(c), ptr(g), M, ptr(blk), ptr(s) + o)
        : fn.drawLanes(W, T, d, st, ptr(p), ptr(c), ptr(g), M, ptr(blk), ptr(s) + o, ptr(n) + o);
    st = (st + Math.imul(2 * used, STEP)) >>> 0; // two uniforms a block
  }
  if (W === 1) counts.fill(T);
  else counts.set(n);
  sums.set(s);
  return true;
}

/**
 * AssemblyScript source of the stationary bootstrap's draw loops (stats/stationary-bootstrap.ts:
 * drawOne and drawLanes) in WebAssembly, built into dist/engine/core/sweep.wasm and called by
 * stats/stationary-bootstrap-wasm.ts. The same operations in the same order as the JavaScript
 * loops, so both give the same bits: mulberry32's integer steps wrap modulo 2³² in both, its
 * uniform is the same 32-bit integer over 2³², the start and the length come from the same
 * floor and table search, and each block adds (prefix row at the end − prefix row at the start)
 * to its accumulator, block after block. SIMD only runs two independent lanes (a group's sum
 * and count) side by side.
 *
 * Memory (byte offsets from the caller): f64 prefix table P[(T + 1)·W], cdf[K + 1], i32
 * guide[M], a block buffer of CHUNK · 16 bytes, f64 outputs. The generator's state comes in
 * already seeded. The uniforms are drawn ahead, CHUNK blocks at a time with SIMD (refill): a
 * block takes exactly two, so block k's are the stream's (2k + 1)-th and (2k + 2)-th.
 */

/** mulberry32's state step. */
const STEP: u32 = 0x6d2b79f5;

/** Blocks whose uniforms one {@link refill} draws (the caller's block buffer holds CHUNK · 16 bytes). */
const CHUNK = 256;

/**
 * The next CHUNK blocks' draws from generator state `state`, into blk: per block the start
 * ⌊u·T⌋ and the guide cell ⌊v·M⌋ (i32 each), then v (f64), where u and v are the block's two
 * mulberry32 uniforms (state + (2k + 1)·STEP and state + (2k + 2)·STEP for block k, as the
 * JavaScript loop draws them one after the other). Four uniforms at a time: mulberry32's
 * integer steps are lane-wise i32 operations modulo 2³², r / 2³² is exact as r · 2⁻³², and
 * ⌊u·T⌋, ⌊v·M⌋ are the same products and floors.
 */
// @ts-ignore: decorator
@inline function refill(state: u32, pBlk: usize, T: i32, M: i32): void {
  let s = i32x4.add(i32x4.splat(<i32>state), i32x4(<i32>STEP, <i32>(STEP * 2), <i32>(STEP * 3), <i32>(STEP * 4)));
  const step4 = i32x4.splat(<i32>(STEP * 4));
  const one = i32x4.splat(1);
  const sixtyOne = i32x4.splat(61);
  const inv = f64x2.splat(1.0 / 4294967296.0);
  const scale = f64x2(<f64>T, <f64>M);
  for (let k = 0; k < CHUNK; k += 2) {
    let z = i32x4.mul(v128.xor(s, i32x4.shr_u(s, 15)), v128.or(s, one));
    z = v128.xor(z, i32x4.add(z, i32x4.mul(v128.xor(z, i32x4.shr_u(z, 7)), v128.or(z, sixtyOne))));
    const r = v128.xor(z, i32x4.shr_u(z, 14));
    const ua = f64x2.mul(f64x2.convert_low_i32x4_u(r), inv); // (u, v) of block k
    const ub = f64x2.mul(f64x2.convert_low_i32x4_u(i8x16.shuffle(r, r, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), inv); // of block k + 1
    const ia = i32x4.trunc_sat_f64x2_s_zero(f64x2.floor(f64x2.mul(ua, scale)));
    const ib = i32x4.trunc_sat_f64x2_s_zero(f64x2.floor(f64x2.mul(ub, scale)));
    const q = pBlk + (<usize>k << 4);
    v128.store64_lane(q, ia, 0);
    v128.store64_lane(q, ua, 1, 8);
    v128.store64_lane(q, ib, 0, 16);
    v128.store64_lane(q, ub, 1, 24);
    s = i32x4.add(s, step4);
  }
}

/** The generator's state after the last refill, the next block's place in the block buffer, and the blocks drawn since {@link startStream}. */
let streamState: u32 = 0;
let chunkAt: i32 = CHUNK;
let blocksDrawn: i32 = 0;

/** Starts drawing blocks from generator state `state` (the first {@link nextBlock} refills). */
// @ts-ignore: decorator
@inline function startStream(state: u32): void {
  streamState = state;
  chunkAt = CHUNK;
  blocksDrawn = 0;
}

/** The next block's draws in the block buffer (see {@link refill}), drawing CHUNK more when they are used up. */
// @ts-ignore: decorator
@inline function nextBlock(pBlk: usize, T: i32, M: i32): usize {
  if (chunkAt == CHUNK) {
    refill(streamState, pBlk, T, M);
    streamState += STEP * (2 * CHUNK);
    chunkAt = 0;
  }
  blocksDrawn++;
  const q = pBlk + (<usize>chunkAt << 4);
  chunkAt++;
  return q;
}

/** The block's length: the smallest j with cdf[j] > v, searched from its guide cell's start, at most `room`. */
// @ts-ignore: decorator
@inline function lengthOf(q: usize, pCdf: usize, pGuide: usize, room: i32): i32 {
  const v = load<f64>(q, 8);
  let len = load<i32>(pGuide + (<usize>load<i32>(q, 4) << 2));
  while (load<f64>(pCdf + (<usize>len << 3)) <= v) len++;
  return len < room ? len : room;
}

/** One group, no skipped bars: each resample's sum from the one-lane prefix table P[T + 1], into sums[draws]; returns the blocks drawn. */
export function drawOne(T: i32, draws: i32, state: u32, pP: usize, pCdf: usize, pGuide: usize, M: i32, pBlk: usize, pSums: usize): i32 {
  const last = load<f64>(pP + (<usize>T << 3));
  startStream(state);
  for (let b = 0; b < draws; b++) {
    let a: f64 = 0;
    let filled = 0;
    while (filled < T) {
      const q = nextBlock(pBlk, T, M);
      const start = load<i32>(q);
      const len = lengthOf(q, pCdf, pGuide, T - filled);
      const end = start + len;
      const pe = end <= T ? load<f64>(pP + (<usize>end << 3)) : last + load<f64>(pP + (<usize>(end - T) << 3));
      a += pe - load<f64>(pP + (<usize>start << 3));
      filled += len;
    }
    store<f64>(pSums + (<usize>b << 3), a);
  }
  return blocksDrawn;
}

/**
 * Up to 4 groups: W = 2·GT lanes (sum, count per group, interleaved by bar) of the prefix
 * table P[(T + 1)·W], into sums[draws·GT] and counts[draws·GT]. A block that wraps around the
 * end reads row T + row (end − T), as the JavaScript loop does. Returns the blocks drawn.
 */
export function drawLanes(W: i32, T: i32, draws: i32, state: u32, pP: usize, pCdf: usize, pGuide: usize, M: i32, pBlk: usize, pSums: usize, pCounts: usize): i32 {
  const zero = f64x2.splat(0);
  const pLast = pP + (<usize>(T * W) << 3);
  const GT = W >> 1;
  startStream(state);
  for (let b = 0; b < draws; b++) {
    let a0 = zero, a1 = zero, a2 = zero, a3 = zero; // (sum, count) of groups 0…3
    let filled = 0;
    while (filled < T) {
      const q = nextBlock(pBlk, T, M);
      const start = load<i32>(q);
      const len = lengthOf(q, pCdf, pGuide, T - filled);
      const end = start + len;
      const s = pP + (<usize>(start * W) << 3);
      if (end <= T) {
        const e = pP + (<usize>(end * W) << 3);
        a0 = f64x2.add(a0, f64x2.sub(v128.load(e), v128.load(s)));
        if (W > 2) a1 = f64x2.add(a1, f64x2.sub(v128.load(e, 16), v128.load(s, 16)));
        if (W > 4) a2 = f64x2.add(a2, f64x2.sub(v128.load(e, 32), v128.load(s, 32)));
        if (W > 6) a3 = f64x2.add(a3, f64x2.sub(v128.load(e, 48), v128.load(s, 48)));
      } else {
        const e = pP + (<usize>((end - T) * W) << 3);
        a0 = f64x2.add(a0, f64x2.sub(f64x2.add(v128.load(pLast), v128.load(e)), v128.load(s)));
        if (W > 2) a1 = f64x2.add(a1, f64x2.sub(f64x2.add(v128.load(pLast, 16), v128.load(e, 16)), v128.load(s, 16)));
        if (W > 4) a2 = f64x2.add(a2, f64x2.sub(f64x2.add(v128.load(pLast, 32), v128.load(e, 32)), v128.load(s, 32)));
        if (W > 6) a3 = f64x2.add(a3, f64x2.sub(f64x2.add(v128.load(pLast, 48), v128.load(e, 48)), v128.load(s, 48)));
      }
      filled += len;
    }
    const o = <usize>(b * GT) << 3;
    store<f64>(pSums + o, f64x2.extract_lane(a0, 0));
    store<f64>(pCounts + o, f64x2.extract_lane(a0, 1));
    if (GT > 1) {
      store<f64>(pSums + o, f64x2.extract_lane(a1, 0), 8);
      store<f64>(pCounts + o, f64x2.extract_lane(a1, 1), 8);
    }
    if (GT > 2) {
      store<f64>(pSums + o, f64x2.extract_lane(a2, 0), 16);
      store<f64>(pCounts + o, f64x2.extract_lane(a2, 1), 16);
    }
    if (GT > 3) {
      store<f64>(pSums + o, f64x2.extract_lane(a3, 0), 24);
      store<f64>(pCounts + o, f64x2.extract_lane(a3, 1), 24);
    }
  }
  return blocksDrawn;
}

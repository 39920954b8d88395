/**
 * AssemblyScript source of the stationary bootstrap's draw loops (stats/stationary-bootstrap.ts:
 * drawOne and drawLanes) in WebAssembly, built into dist/engine/wasm/sweep.wasm and called by
 * stats/stationary-bootstrap-wasm.ts. The same operations in the same order as the JavaScript
 * loops, so both give the same bits: mulberry32's integer steps wrap modulo 2³² in both, its
 * uniform is the same 32-bit integer over 2³², the start and the length come from the same
 * floor and table search, and each block adds (prefix row at the end − prefix row at the start)
 * to its accumulator, block after block. SIMD only runs two independent lanes (a group's sum
 * and count) side by side.
 *
 * Memory (byte offsets from the caller): f64 prefix table P[(T + 1)·W], cdf[K + 1], i32
 * guide[M], f64 outputs. The generator's state comes in already seeded.
 */

/** mulberry32's state step. */
const STEP: u32 = 0x6d2b79f5;

/** The mulberry32 output of an already advanced state: a uniform in [0, 1). */
// @ts-ignore: decorator
@inline function unit(s: u32): f64 {
  let z: u32 = (s ^ (s >>> 15)) * (s | 1);
  z ^= z + (z ^ (z >>> 7)) * (z | 61);
  return <f64>(z ^ (z >>> 14)) / 4294967296.0;
}

/** The block length of uniform u: the smallest k with cdf[k] > u, searched from the guide table's start. */
// @ts-ignore: decorator
@inline function lengthOf(u: f64, pCdf: usize, pGuide: usize, M: i32): i32 {
  let len = load<i32>(pGuide + (<usize>(<i32>Math.floor(u * <f64>M)) << 2));
  while (load<f64>(pCdf + (<usize>len << 3)) <= u) len++;
  return len;
}

/** One group, no skipped bars: each resample's sum from the one-lane prefix table P[T + 1], into sums[draws]. */
export function drawOne(T: i32, draws: i32, state: u32, pP: usize, pCdf: usize, pGuide: usize, M: i32, pSums: usize): void {
  const last = load<f64>(pP + (<usize>T << 3));
  for (let b = 0; b < draws; b++) {
    let a: f64 = 0;
    let filled = 0;
    while (filled < T) {
      state += STEP;
      const start = <i32>Math.floor(unit(state) * <f64>T);
      state += STEP;
      let len = lengthOf(unit(state), pCdf, pGuide, M);
      if (len > T - filled) len = T - filled;
      const end = start + len;
      const pe = end <= T ? load<f64>(pP + (<usize>end << 3)) : last + load<f64>(pP + (<usize>(end - T) << 3));
      a += pe - load<f64>(pP + (<usize>start << 3));
      filled += len;
    }
    store<f64>(pSums + (<usize>b << 3), a);
  }
}

/**
 * Up to 4 groups: W = 2·GT lanes (sum, count per group, interleaved by bar) of the prefix
 * table P[(T + 1)·W], into sums[draws·GT] and counts[draws·GT]. A block that wraps around the
 * end reads row T + row (end − T), as the JavaScript loop does.
 */
export function drawLanes(W: i32, T: i32, draws: i32, state: u32, pP: usize, pCdf: usize, pGuide: usize, M: i32, pSums: usize, pCounts: usize): void {
  const zero = f64x2.splat(0);
  const pLast = pP + (<usize>(T * W) << 3);
  const GT = W >> 1;
  for (let b = 0; b < draws; b++) {
    let a0 = zero, a1 = zero, a2 = zero, a3 = zero; // (sum, count) of groups 0…3
    let filled = 0;
    while (filled < T) {
      state += STEP;
      const start = <i32>Math.floor(unit(state) * <f64>T);
      state += STEP;
      let len = lengthOf(unit(state), pCdf, pGuide, M);
      if (len > T - filled) len = T - filled;
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
}

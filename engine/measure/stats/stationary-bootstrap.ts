import { mulberry32 } from '../../core/random.js';
import { DEFAULT_DRAWS } from './bootstrap-mean.js';
import { drawInWasm } from './stationary-bootstrap-wasm.js';

/** Options of {@link stationaryBootstrapMeans}. */
export interface StationaryBootstrapOptions {
  /** Mean block length (≥ 1; e.g. from {@link optimalBlockLength}). */
  blockLength: number;
  /** Number of resamples (default 10,000). */
  draws?: number;
  /** Seed of the deterministic generator (default 1). */
  seed?: number;
  /** Draw in WebAssembly where the module is built (default true; the same bits either way, tests compare them). */
  wasm?: boolean;
}

/**
 * Stationary bootstrap of group means (Politis & Romano 1994): each resample of the
 * series is built from blocks that start at a uniformly drawn index, have geometric
 * lengths with mean `blockLength` and wrap around the end; each observation carries its
 * group label (e.g. the Fed phase of the bar), and the resample's mean per group is
 * recorded. One group (all labels 0) gives the bootstrap of the series mean. Labels < 0
 * are skipped. Returns draws × G values, row-major (NaN when a resample has no member of
 * a group). Blocks are summed from per-group prefix sums, so a draw costs O(G · T / L)
 * rather than O(T). Seeded, deterministic, no allocation per draw.
 *
 * @example stationaryBootstrapMeans(x, new Int32Array(x.length), 1, { blockLength: 8, seed: 3 }) // Float64Array(10000)
 */
export function stationaryBootstrapMeans(x: Float64Array, groups: Int32Array | Int8Array, G: number, options: StationaryBootstrapOptions): Float64Array {
  const { sums, counts } = stationaryBootstrapSums(x, groups, G, options);
  const out = new Float64Array(sums.length);
  for (let i = 0; i < out.length; i++) out[i] = counts[i] > 0 ? sums[i] / counts[i] : NaN;
  return out;
}

/** Geometric block lengths by inverse CDF with a guide table (Chen & Asau 1974): O(1) a draw, no logarithm. */
interface Lengths {
  /** cdf[k] = P(len ≤ k) = 1 − (1 − p)^k, cdf[K] = 1 (lengths capped at K ≤ T: a resample is cut at T anyway). */
  cdf: Float64Array;
  /**
   * guide[j] = the smallest k with cdf[k] > j / M: where the search for u ∈ [j/M, (j+1)/M)
   * starts. M = 16·K (at most 2¹⁶) cells, so most cells hold no step of the cdf and the search
   * ends at once: the same lengths as any M, with few mispredicted branches.
   */
  guide: Int32Array;
  M: number;
}

function lengthTable(blockLength: number, T: number): Lengths {
  const p = 1 / Math.max(1, blockLength);
  let K = 1;
  while (K < T && Math.pow(1 - p, K) > 1e-17) K++;
  const cdf = new Float64Array(K + 1);
  for (let k = 1; k < K; k++) cdf[k] = 1 - Math.pow(1 - p, k);
  cdf[K] = 1;
  const M = Math.min(1 << 16, Math.max(16, 16 * K));
  const guide = new Int32Array(M);
  for (let j = 0, k = 1; j < M; j++) {
    while (cdf[k] <= j / M) k++;
    guide[j] = k;
  }
  return { cdf, guide, M };
}

/** The mulberry32 output (see random.ts) of an already advanced 32-bit state: a uniform in [0, 1). */
function unit(state: number): number {
  let z = Math.imul(state ^ (state >>> 15), state | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
}

/** The block length of uniform u: the smallest k with cdf[k] > u, searched from the guide table's start. */
function lengthOf(u: number, { cdf, guide, M }: Lengths): number {
  let len = guide[Math.floor(u * M)];
  while (cdf[len] <= u) len++;
  return len;
}

/** mulberry32's state step. */
const STEP = 0x6d2b79f5;

/**
 * The stationary bootstrap of {@link stationaryBootstrapMeans}, returning each resample's
 * sum and count per group (draws × ΣG, row-major). Several labellings of the same series
 * may be given at once (e.g. the Fed phase and the ISM state of each bar): their groups sit
 * side by side in each row, all from the same resamples, at the cost of one resampling.
 * Each block takes two uniforms from one mulberry32 stream (start, then length).
 */
export function stationaryBootstrapSums(
  x: Float64Array,
  groups: Int32Array | Int8Array | readonly (Int32Array | Int8Array)[],
  G: number | readonly number[],
  options: StationaryBootstrapOptions,
): { sums: Float64Array; counts: Float64Array } {
  const sets = Array.isArray(groups) ? (groups as readonly (Int32Array | Int8Array)[]) : [groups as Int32Array | Int8Array];
  const sizes = typeof G === 'number' ? [G] : G;
  const offsets = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  const GT = sizes.reduce((a, b) => a + b, 0);
  const draws = options.draws ?? DEFAULT_DRAWS;
  const T = x.length;
  const sums = new Float64Array(draws * GT);
  const counts = new Float64Array(draws * GT);
  if (T === 0) return { sums, counts };
  const lengths = lengthTable(options.blockLength, T);
  const seed = mulberry32(options.seed ?? 1); // only to derive the inline generator's start state
  const state = Math.floor(seed() * 4294967296) >>> 0;
  // prefix sums and counts per group, interleaved by bar (pre[(t·ΣG + g)·2] = Σ_{s<t} x_s [g_s = g]),
  // so a block adds its sums in O(ΣG) whatever its length
  const W = 2 * GT;
  const pre = new Float64Array((T + 1) * W);
  let skipped = false;
  for (let t = 0; t < T; t++) {
    const o = t * W;
    for (let k = 0; k < W; k++) pre[o + W + k] = pre[o + k];
    for (let q = 0; q < sets.length; q++) {
      const g = sets[q][t];
      if (g >= 0) {
        pre[o + W + 2 * (offsets[q] + g)] += x[t];
        pre[o + W + 2 * (offsets[q] + g) + 1] += 1;
      } else skipped = true;
    }
  }
  if (GT > 4) {
    drawWide(pre, W, T, draws, state, lengths, sums, counts);
    return { sums, counts };
  }
  // up to 4 groups: local accumulators; a block that wraps around the end reads row T + t as
  // row T + row t, computed when needed (the table stays small enough for the cache). One group
  // without skipped bars keeps only the sums, as its block counts are the block lengths. Both
  // loops run in WebAssembly where the module is built (stationary-bootstrap-wasm.ts, same bits).
  const wasm = options.wasm ?? true;
  if (GT === 1 && !skipped) {
    const P = new Float64Array(T + 1);
    for (let t = 0; t <= T; t++) P[t] = pre[t * W];
    if (!(wasm && drawInWasm(P, 1, T, draws, state, lengths, sums, counts))) drawOne(P, T, draws, state, lengths, sums, counts);
  } else if (!(wasm && drawInWasm(pre, W, T, draws, state, lengths, sums, counts))) drawLanes(pre, W, GT, T, draws, state, lengths, sums, counts);
  return { sums, counts };
}

/** Prefix row e ∈ [0, 2T] of lane k: row e, or row T + row (e − T) past the end (a wrapped block). */
function wrapped(P: Float64Array, W: number, T: number, e: number, k: number): number {
  return e <= T ? P[e * W + k] : P[T * W + k] + P[(e - T) * W + k];
}

/** One group, no skipped bars: each resample's sum from a one-lane prefix table; its count is T. */
function drawOne(P: Float64Array, T: number, draws: number, state: number, lengths: Lengths, sums: Float64Array, counts: Float64Array): void {
  for (let b = 0; b < draws; b++) {
    let a = 0;
    let filled = 0;
    while (filled < T) {
      const start = Math.floor(unit((state = (state + STEP) >>> 0)) * T);
      const len = Math.min(lengthOf(unit((state = (state + STEP) >>> 0)), lengths), T - filled);
      const end = start + len;
      a += (end <= T ? P[end] : P[T] + P[end - T]) - P[start];
      filled += len;
    }
    sums[b] = a;
    counts[b] = filled;
  }
}

/** Up to 4 groups (W = 2·ΣG ≤ 8 lanes of sum and count, interleaved by bar) in local accumulators. */
function drawLanes(
  P: Float64Array,
  W: number,
  GT: number,
  T: number,
  draws: number,
  state: number,
  lengths: Lengths,
  sums: Float64Array,
  counts: Float64Array,
): void {
  for (let b = 0; b < draws; b++) {
    let a0 = 0,
      a1 = 0,
      a2 = 0,
      a3 = 0,
      a4 = 0,
      a5 = 0,
      a6 = 0,
      a7 = 0;
    let filled = 0;
    while (filled < T) {
      const start = Math.floor(unit((state = (state + STEP) >>> 0)) * T);
      const len = Math.min(lengthOf(unit((state = (state + STEP) >>> 0)), lengths), T - filled);
      const end = start + len;
      const s0 = start * W;
      if (end <= T) {
        const e0 = end * W;
        a0 += P[e0] - P[s0];
        a1 += P[e0 + 1] - P[s0 + 1];
        if (W > 2) {
          a2 += P[e0 + 2] - P[s0 + 2];
          a3 += P[e0 + 3] - P[s0 + 3];
        }
        if (W > 4) {
          a4 += P[e0 + 4] - P[s0 + 4];
          a5 += P[e0 + 5] - P[s0 + 5];
        }
        if (W > 6) {
          a6 += P[e0 + 6] - P[s0 + 6];
          a7 += P[e0 + 7] - P[s0 + 7];
        }
      } else {
        a0 += wrapped(P, W, T, end, 0) - P[s0];
        a1 += wrapped(P, W, T, end, 1) - P[s0 + 1];
        if (W > 2) {
          a2 += wrapped(P, W, T, end, 2) - P[s0 + 2];
          a3 += wrapped(P, W, T, end, 3) - P[s0 + 3];
        }
        if (W > 4) {
          a4 += wrapped(P, W, T, end, 4) - P[s0 + 4];
          a5 += wrapped(P, W, T, end, 5) - P[s0 + 5];
        }
        if (W > 6) {
          a6 += wrapped(P, W, T, end, 6) - P[s0 + 6];
          a7 += wrapped(P, W, T, end, 7) - P[s0 + 7];
        }
      }
      filled += len;
    }
    const o = b * GT;
    sums[o] = a0;
    counts[o] = a1;
    if (GT > 1) {
      sums[o + 1] = a2;
      counts[o + 1] = a3;
    }
    if (GT > 2) {
      sums[o + 2] = a4;
      counts[o + 2] = a5;
    }
    if (GT > 3) {
      sums[o + 3] = a6;
      counts[o + 3] = a7;
    }
  }
}

/** More than 4 groups: an accumulator array over the single prefix table, wrapping blocks in two parts. */
function drawWide(pre: Float64Array, W: number, T: number, draws: number, state: number, lengths: Lengths, sums: Float64Array, counts: Float64Array): void {
  const GT = W / 2;
  const acc = new Float64Array(W);
  for (let b = 0; b < draws; b++) {
    acc.fill(0);
    let filled = 0;
    while (filled < T) {
      const start = Math.floor(unit((state = (state + STEP) >>> 0)) * T);
      const len = Math.min(lengthOf(unit((state = (state + STEP) >>> 0)), lengths), T - filled);
      const end = start + len; // ≤ 2T − 1: wraps around the end at most once
      const s0 = start * W;
      if (end <= T) {
        const e0 = end * W;
        for (let k = 0; k < W; k++) acc[k] += pre[e0 + k] - pre[s0 + k];
      } else {
        const e0 = (end - T) * W,
          last = T * W;
        for (let k = 0; k < W; k++) acc[k] += pre[last + k] - pre[s0 + k] + pre[e0 + k];
      }
      filled += len;
    }
    for (let g = 0; g < GT; g++) {
      sums[b * GT + g] = acc[2 * g];
      counts[b * GT + g] = acc[2 * g + 1];
    }
  }
}

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV).
 *
 * The trials' returns are a matrix of `trials` rows × T observations (row-major, one row per
 * parameter set). The T observations are cut into S contiguous blocks of equal length
 * L = ⌊T/S⌋ (the oldest T mod S observations are dropped, as the method needs equal blocks).
 * Every choice of S/2 blocks is one split: those blocks are the in-sample half, the other S/2
 * the out-of-sample half. In each split the trial with the best in-sample Sharpe ratio is
 * chosen, its out-of-sample Sharpe ratio is ranked among all trials' (average rank r among N,
 * relative rank ω = r/(N+1) ∈ (0, 1)), and λ = ln(ω/(1 − ω)). PBO is the share of splits with
 * λ ≤ 0: the in-sample winner ranks at or below the out-of-sample median.
 */
import { WasmPairs } from './pbo-wasm.js';

export type { CscvBlocks } from './cscv-blocks.js';
import type { CscvBlocks } from './cscv-blocks.js';

/** Result of {@link probabilityOfBacktestOverfitting}. */
export interface PboResult {
  /** Share of splits whose in-sample best trial ranks at or below the out-of-sample median (λ ≤ 0). */
  pbo: number;
  /** Number of splits C(S, S/2). */
  splits: number;
  blocks: number;
  /** Observations used (S·L) and dropped at the start. */
  observations: number;
  dropped: number;
  /** Trials that took part (rows with only finite values). */
  trials: number;
  /** λ of every split, splits in increasing order of their in-sample block bitmask. */
  logits: Float64Array;
  /** Median of λ. */
  medianLogit: number;
  /** Share of splits where the in-sample best trial has a negative out-of-sample Sharpe ratio. */
  probOosLoss: number;
  /** Least-squares line of the chosen trial's out-of-sample Sharpe on its in-sample Sharpe (per observation). */
  degradation: { slope: number; intercept: number };
}

/** Options of {@link probabilityOfBacktestOverfitting}. */
export interface PboOptions {
  /** Number of blocks S: even, at least 2 (default 16, as in the paper). */
  blocks?: number;
}

/** Standard deviation below which a half counts as riskless (Sharpe 0): 1e-9 per observation. */
const RISKLESS_SD = 1e-9;

function checkBlocks(S: number): void {
  if (!Number.isInteger(S) || S < 2 || S % 2 !== 0) throw new RangeError(`PBO: the number of blocks must be an even whole number ≥ 2 (got ${S})`);
  if (S > 24) throw new RangeError(`PBO: ${S} blocks give too many splits; use at most 24`);
}

/**
 * Allocates the block sums for `trials` rows of T observations, to be filled with
 * {@link accumulateBlocks} (so a large matrix can be read in chunks). Throws a RangeError when
 * the blocks are too short (each half needs at least two observations).
 */
export function cscvBlocks(trials: number, T: number, S = 16): CscvBlocks {
  checkBlocks(S);
  const length = Math.floor(T / S);
  if (length * (S / 2) < 2) throw new RangeError(`PBO: ${T} observations are too few for ${S} blocks (each half needs at least 2)`);
  return {
    blocks: S,
    length,
    dropped: T - length * S,
    trials: 0,
    distinct: 0,
    rows: new Int32Array(trials),
    weight: new Float64Array(trials),
    sum: new Float64Array(trials * S),
    sumSq: new Float64Array(trials * S),
    capacity: trials,
  };
}

/** Where {@link accumulateBlocks} finds earlier trials with the same block sums: hash → first distinct trial, and a chain per hash. */
const seen = new WeakMap<CscvBlocks, { first: Map<number, number>; next: Int32Array; words: Int32Array; values: Float64Array }>();

/** A hash of distinct trial k's 2S block sums (their bits). */
function sumsHash(into: CscvBlocks, k: number, values: Float64Array, words: Int32Array): number {
  const S = into.blocks,
    cap = into.capacity;
  for (let b = 0; b < S; b++) {
    values[2 * b] = into.sum[b * cap + k];
    values[2 * b + 1] = into.sumSq[b * cap + k];
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return h;
}

/** Whether distinct trials j and k have identical block sums (bit for bit: Object.is, so −0 ≠ 0). */
function sameSums(into: CscvBlocks, j: number, k: number): boolean {
  const S = into.blocks,
    cap = into.capacity;
  for (let b = 0; b < S; b++)
    if (!Object.is(into.sum[b * cap + j], into.sum[b * cap + k]) || !Object.is(into.sumSq[b * cap + j], into.sumSq[b * cap + k])) return false;
  return true;
}

/**
 * Adds `rows` trials (row-major, T observations each; the first has row number `firstRow`) to
 * the block sums. A row holding a non-finite value is left out of the computation.
 */
export function accumulateBlocks(into: CscvBlocks, returns: ArrayLike<number>, rows: number, T: number, firstRow = 0): void {
  const { blocks: S, length: L, dropped } = into;
  if (returns.length < rows * T) throw new RangeError(`PBO: ${returns.length} values do not hold ${rows} rows of ${T}`);
  for (let r = 0; r < rows; r++) {
    const base = r * T;
    let finite = true;
    for (let t = 0; t < T && finite; t++) finite = Number.isFinite(returns[base + t]);
    if (!finite) continue;
    if (into.trials++ >= into.capacity) throw new RangeError('PBO: more rows than allocated');
    const k = into.distinct; // a new distinct trial unless its sums match an earlier one
    for (let b = 0; b < S; b++) {
      let s = 0,
        q = 0;
      const from = base + dropped + b * L;
      for (let j = 0; j < L; j++) {
        const x = returns[from + j];
        s += x;
        q += x * x;
      }
      into.sum[b * into.capacity + k] = s;
      into.sumSq[b * into.capacity + k] = q;
    }
    let d = seen.get(into);
    if (!d) {
      const values = new Float64Array(2 * S);
      seen.set(into, (d = { first: new Map(), next: new Int32Array(into.capacity), values, words: new Int32Array(values.buffer) }));
    }
    const h = sumsHash(into, k, d.values, d.words);
    const head = d.first.get(h) ?? -1;
    let j = head;
    while (j >= 0 && !sameSums(into, j, k)) j = d.next[j];
    if (j >= 0) into.weight[j]++;
    else {
      into.rows[k] = firstRow + r;
      into.weight[k] = 1;
      d.next[k] = head;
      d.first.set(h, k);
      into.distinct++;
    }
  }
}

/** Sharpe ratio (mean / sample standard deviation) from Σx, Σx² of n observations; 0 when riskless. */
function sharpeFromSums(s: number, q: number, n: number): number {
  const mean = s / n;
  const variance = (q - s * mean) / (n - 1);
  return variance > RISKLESS_SD * RISKLESS_SD ? mean / Math.sqrt(variance) : 0;
}

/**
 * The S/2-of-S block choices containing block 0 (one per complementary pair) in revolving-door
 * order (Knuth, TAOCP 7.2.1.3): consecutive choices differ by one block in and one block out,
 * so each trial's half sums are updated with two additions instead of summed afresh.
 */
function revolvingDoor(n: number, k: number): number[] {
  // R(n, k) = R(n − 1, k) followed by reverse(R(n − 1, k − 1)) with element n − 1 added
  if (k === 0) return [0];
  if (k === n) return [(1 << n) - 1];
  const first = revolvingDoor(n - 1, k);
  const second = revolvingDoor(n - 1, k - 1)
    .reverse()
    .map((m) => m | (1 << (n - 1)));
  return [...first, ...second];
}

/** The split pairs of S blocks: block 0 plus S/2 − 1 of blocks 1…S−1 (one per complementary pair), in revolving-door order. */
function pairMasks(S: number): number[] {
  return splitOrder(S).masks;
}

const orders = new Map<number, { masks: number[]; slot: Map<number, number> }>();

/** The pair masks of S blocks and each split's slot (splits in increasing order of their mask), computed once per S. */
function splitOrder(S: number): { masks: number[]; slot: Map<number, number> } {
  let o = orders.get(S);
  if (!o) {
    const masks = revolvingDoor(S - 1, S / 2 - 1).map((m) => (m << 1) | 1);
    const full = (1 << S) - 1;
    const bySlot = [...masks, ...masks.map((m) => full ^ m)].sort((x, y) => x - y);
    orders.set(S, (o = { masks, slot: new Map(bySlot.map((m, i) => [m, i])) }));
  }
  return o;
}

/** Number of complementary split pairs C(S − 1, S/2 − 1) of S blocks (half the splits). */
export function pboPairCount(S: number): number {
  checkBlocks(S);
  return pairMasks(S).length;
}

/**
 * Pairs per chunk of {@link pboPairs}: each chunk sums its first halves afresh and then moves
 * one block in and out per pair, so the chunks are independent (they may run on different
 * threads) and the result does not depend on how many threads run them.
 */
export const PBO_PAIR_CHUNK = 512;

/** Per-split outputs of {@link pboPairs}, indexed by split slot (splits in increasing order of their in-sample block bitmask). */
export interface PboSplits {
  logits: Float64Array;
  isSharpe: Float64Array;
  oosSharpe: Float64Array;
}

/**
 * Computes the splits of pairs [from, to) of {@link pboPairCount} (a whole number of
 * {@link PBO_PAIR_CHUNK} chunks, the last one possibly short) into `out`: λ, and the in- and
 * out-of-sample Sharpe ratios of each split's in-sample best trial. Needs at least 2 trials.
 * The inner loops run in WebAssembly (pbo-wasm.ts, same bits) unless `{ wasm: false }`.
 */
export function pboPairs(blocks: CscvBlocks, from: number, to: number, out: PboSplits, options: { wasm?: boolean } = {}): void {
  const { blocks: S, length: L, distinct: N, trials, weight: w, sum, sumSq, capacity: cap } = blocks;
  const full = (1 << S) - 1;
  const { masks, slot } = splitOrder(S);
  const { logits, isSharpe, oosSharpe } = out;
  const n = (S / 2) * L;
  // ranking key: a monotone function of the Sharpe ratio without the square root,
  // s·|s| / (n·q − s²) ∝ sign(mean)·mean²/variance; 0 for a riskless half
  const floor = n * (n - 1) * RISKLESS_SD * RISKLESS_SD;
  // the inner loops run in WebAssembly on the arena's copies where the module is built (same bits)
  const wz = N >= 2 && options.wasm !== false ? WasmPairs.create(blocks) : null;
  const totS = wz ? wz.totS : new Float64Array(N),
    totQ = wz ? wz.totQ : new Float64Array(N);
  for (let b = 0; b < S; b++) {
    for (let k = 0; k < N; k++) {
      totS[k] += sum[b * cap + k];
      totQ[k] += sumSq[b * cap + k];
    }
  }
  const hs = wz ? wz.hs : new Float64Array(N),
    hq = wz ? wz.hq : new Float64Array(N); // sums over the current half
  const a = wz ? wz.a : new Float64Array(N),
    c = wz ? wz.c : new Float64Array(N); // ranking keys of the half and its complement
  for (let chunk = from; chunk < to; chunk += PBO_PAIR_CHUNK) {
    const end = Math.min(to, chunk + PBO_PAIR_CHUNK);
    hs.fill(0);
    hq.fill(0);
    for (let b = 0; b < S; b++) {
      if (!(masks[chunk] & (1 << b))) continue;
      for (let k = 0; k < N; k++) {
        hs[k] += sum[b * cap + k];
        hq[k] += sumSq[b * cap + k];
      }
    }
    for (let p = chunk; p < end; p++) {
      const m = masks[p];
      // one pass per pair: move one block in and one out of the half (none for a chunk's first), then rank keys
      let si = 0,
        so = 0;
      if (p > chunk) {
        const diff = masks[p - 1] ^ m;
        si = (31 - Math.clz32(diff & m)) * cap;
        so = (31 - Math.clz32(diff & masks[p - 1])) * cap;
      }
      let bestA = 0,
        bestC = 0,
        maxA = -Infinity,
        maxC = -Infinity;
      if (wz) {
        const best = wz.keys(n, floor, si / cap, so / cap);
        bestA = best[0];
        bestC = best[1];
      } else
        for (let k = 0; k < N; k++) {
          const s = hs[k] + (sum[si + k] - sum[so + k]);
          const q = hq[k] + (sumSq[si + k] - sumSq[so + k]);
          hs[k] = s;
          hq[k] = q;
          const d = n * q - s * s;
          const ka = d > floor ? (s * Math.abs(s)) / d : 0;
          const s2 = totS[k] - s,
            q2 = totQ[k] - q;
          const d2 = n * q2 - s2 * s2;
          const kc = d2 > floor ? (s2 * Math.abs(s2)) / d2 : 0;
          a[k] = ka;
          c[k] = kc;
          if (ka > maxA) {
            maxA = ka;
            bestA = k;
          }
          if (kc > maxC) {
            maxC = kc;
            bestC = k;
          }
        }
      // split m: in-sample = the half (a), out-of-sample = the complement (c); and the mirror split
      const va = c[bestA],
        vc = a[bestC];
      let lessA = 0,
        eqA = 0,
        lessC = 0,
        eqC = 0;
      if (wz) [lessA, eqA, lessC, eqC] = wz.ranks(va, vc);
      // counted without branches (a comparison as 0 or 1, times the trial's rows): the outcomes
      // are close to coin flips, which a branch would mispredict half the time
      else
        for (let k = 0; k < N; k++) {
          const x = c[k],
            y = a[k];
          const wk = w[k];
          lessA += +(x < va) * wk;
          eqA += +(x === va) * wk;
          lessC += +(y < vc) * wk;
          eqC += +(y === vc) * wk;
        }
      const record = (mask: number, rank: number, best: number, inHalf: boolean) => {
        const omega = rank / (trials + 1);
        const i = slot.get(mask)!;
        logits[i] = Math.log(omega / (1 - omega));
        const s = hs[best],
          q = hq[best];
        const inS = sharpeFromSums(s, q, n),
          outS = sharpeFromSums(totS[best] - s, totQ[best] - q, n);
        isSharpe[i] = inHalf ? inS : outS;
        oosSharpe[i] = inHalf ? outS : inS;
      };
      record(m, lessA + (eqA + 1) / 2, bestA, true);
      record(full ^ m, lessC + (eqC + 1) / 2, bestC, false);
    }
  }
}

/** Empty per-split outputs for S blocks (2 · {@link pboPairCount} splits), on `memory` when given (e.g. a SharedArrayBuffer for worker threads). */
export function pboSplits(S: number, memory?: (bytes: number) => ArrayBufferLike): PboSplits {
  const splits = 2 * pboPairCount(S);
  const make = () => new Float64Array(memory ? memory(splits * 8) : new ArrayBuffer(splits * 8));
  return { logits: make(), isSharpe: make(), oosSharpe: make() };
}

/**
 * PBO from block sums (see {@link cscvBlocks}). Deterministic: ties in the in-sample best go to
 * the first trial, ties in the out-of-sample ranking share their average rank. NaN when fewer
 * than two trials took part. `splits`, when given, holds every split already computed by
 * {@link pboPairs} (e.g. in chunks on worker threads); otherwise they are computed here.
 */
export function pboFromBlocks(blocks: CscvBlocks, splits?: PboSplits): PboResult {
  const { blocks: S, length: L, trials: N } = blocks;
  const pairs = pboPairCount(S);
  const out = splits ?? pboSplits(S);
  const { logits, isSharpe, oosSharpe } = out;
  const count = 2 * pairs;
  const base = { splits: count, blocks: S, observations: S * L, dropped: blocks.dropped, trials: N };
  if (N < 2) return { ...base, pbo: NaN, logits: logits.fill(NaN), medianLogit: NaN, probOosLoss: NaN, degradation: { slope: NaN, intercept: NaN } };
  if (!splits) pboPairs(blocks, 0, pairs, out);
  let overfit = 0,
    loss = 0,
    mx = 0,
    my = 0;
  for (let i = 0; i < count; i++) {
    if (logits[i] <= 0) overfit++;
    if (oosSharpe[i] < 0) loss++;
    mx += isSharpe[i];
    my += oosSharpe[i];
  }
  mx /= count;
  my /= count;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < count; i++) {
    sxy += (isSharpe[i] - mx) * (oosSharpe[i] - my);
    sxx += (isSharpe[i] - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : NaN;
  const sorted = Float64Array.from(logits).sort();
  const medianLogit = (sorted[(count - 1) >> 1] + sorted[count >> 1]) / 2;
  return {
    ...base,
    pbo: overfit / count,
    logits: splits ? Float64Array.from(logits) : logits,
    medianLogit,
    probOosLoss: loss / count,
    degradation: { slope, intercept: my - slope * mx },
  };
}

/**
 * Probability of backtest overfitting (Bailey, Borwein, López de Prado & Zhu 2017, "The probability of backtest overfitting", J. Computational Finance 20(4), CSCV §2.2).
 * `returns` holds `trials` rows of T = returns.length / trials observations (row-major); the
 * performance statistic is the Sharpe ratio of each half (mean / sample standard deviation;
 * 0 for a half whose standard deviation is below 1e-9). Rows with a non-finite value are left
 * out. Throws a RangeError for an odd S or blocks too short to hold two observations per half.
 *
 * @example
 * const r = probabilityOfBacktestOverfitting(monthly, sets, { blocks: 16 }); // r.pbo ∈ [0, 1], 12,870 splits
 */
export function probabilityOfBacktestOverfitting(returns: ArrayLike<number>, trials: number, options: PboOptions = {}): PboResult {
  if (!Number.isInteger(trials) || trials < 1 || returns.length % trials !== 0)
    throw new RangeError(`PBO: ${returns.length} values are not ${trials} rows of equal length`);
  const T = returns.length / trials;
  const blocks = cscvBlocks(trials, T, options.blocks ?? 16);
  accumulateBlocks(blocks, returns, trials, T);
  return pboFromBlocks(blocks);
}

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

/** Block sums of a returns matrix: what every CSCV split is computed from. */
export interface CscvBlocks {
  /** Number of blocks S (even). */
  blocks: number;
  /** Observations per block L. */
  length: number;
  /** Observations dropped at the start so that S divides the rest. */
  dropped: number;
  /** Trials kept (rows with only finite values), in row order. */
  trials: number;
  /** Row number (in the input) of each kept trial. */
  rows: Int32Array;
  /** Σx per trial and block (trials × S). */
  sum: Float64Array;
  /** Σx² per trial and block (trials × S). */
  sumSq: Float64Array;
}

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
  return { blocks: S, length, dropped: T - length * S, trials: 0, rows: new Int32Array(trials), sum: new Float64Array(trials * S), sumSq: new Float64Array(trials * S) };
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
    const k = into.trials++;
    if (k >= into.rows.length) throw new RangeError('PBO: more rows than allocated');
    into.rows[k] = firstRow + r;
    for (let b = 0; b < S; b++) {
      let s = 0, q = 0;
      const from = base + dropped + b * L;
      for (let j = 0; j < L; j++) {
        const x = returns[from + j];
        s += x;
        q += x * x;
      }
      into.sum[k * S + b] = s;
      into.sumSq[k * S + b] = q;
    }
  }
}

/** Sharpe ratio (mean / sample standard deviation) from Σx, Σx² of n observations; 0 when riskless. */
function sharpeFromSums(s: number, q: number, n: number): number {
  const mean = s / n;
  const variance = (q - s * mean) / (n - 1);
  return variance > RISKLESS_SD * RISKLESS_SD ? mean / Math.sqrt(variance) : 0;
}

/** Average 1-based rank of v among xs (ties share their mean rank). */
function averageRank(xs: Float64Array, v: number): number {
  let less = 0, equal = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] < v) less++;
    else if (xs[i] === v) equal++;
  }
  return less + (equal + 1) / 2;
}

function argmax(xs: Float64Array): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}

/** Bitmasks of the S/2-of-S block choices that contain block 0 (one per complementary pair), increasing. */
function halfMasks(S: number): number[] {
  const out: number[] = [];
  for (let m = 1; m < 1 << S; m += 2) {
    let c = 0;
    for (let x = m; x; x &= x - 1) c++;
    if (c === S / 2) out.push(m);
  }
  return out;
}

/**
 * PBO from block sums (see {@link cscvBlocks}). Deterministic: ties in the in-sample best go to
 * the first trial, ties in the out-of-sample ranking share their average rank. NaN when fewer
 * than two trials took part.
 */
export function pboFromBlocks(blocks: CscvBlocks): PboResult {
  const { blocks: S, length: L, trials: N, sum, sumSq } = blocks;
  const full = (1 << S) - 1;
  const masks = halfMasks(S);
  const splits = masks.length * 2;
  const logits = new Float64Array(splits);
  const isSharpe = new Float64Array(splits);
  const oosSharpe = new Float64Array(splits);
  const base = { splits, blocks: S, observations: S * L, dropped: blocks.dropped, trials: N };
  if (N < 2) return { ...base, pbo: NaN, logits: logits.fill(NaN), medianLogit: NaN, probOosLoss: NaN, degradation: { slope: NaN, intercept: NaN } };
  const n = (S / 2) * L;
  const totS = new Float64Array(N), totQ = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    let s = 0, q = 0;
    for (let b = 0; b < S; b++) {
      s += sum[k * S + b];
      q += sumSq[k * S + b];
    }
    totS[k] = s;
    totQ[k] = q;
  }
  const a = new Float64Array(N), c = new Float64Array(N);
  const order = [...masks, ...masks.map((m) => full ^ m)].sort((x, y) => x - y);
  const slot = new Map(order.map((m, i) => [m, i]));
  const idx = new Int32Array(S / 2);
  for (const m of masks) {
    for (let b = 0, j = 0; b < S; b++) if (m & (1 << b)) idx[j++] = b;
    for (let k = 0; k < N; k++) {
      let s = 0, q = 0;
      const o = k * S;
      for (let j = 0; j < idx.length; j++) {
        s += sum[o + idx[j]];
        q += sumSq[o + idx[j]];
      }
      a[k] = sharpeFromSums(s, q, n);
      c[k] = sharpeFromSums(totS[k] - s, totQ[k] - q, n);
    }
    // split m: in-sample = blocks of m (a), out-of-sample = the rest (c); and the mirror split
    for (const [mask, inS, outS] of [[m, a, c], [full ^ m, c, a]] as const) {
      const best = argmax(inS);
      const omega = averageRank(outS, outS[best]) / (N + 1);
      const i = slot.get(mask)!;
      logits[i] = Math.log(omega / (1 - omega));
      isSharpe[i] = inS[best];
      oosSharpe[i] = outS[best];
    }
  }
  let overfit = 0, loss = 0, mx = 0, my = 0;
  for (let i = 0; i < splits; i++) {
    if (logits[i] <= 0) overfit++;
    if (oosSharpe[i] < 0) loss++;
    mx += isSharpe[i];
    my += oosSharpe[i];
  }
  mx /= splits;
  my /= splits;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < splits; i++) {
    sxy += (isSharpe[i] - mx) * (oosSharpe[i] - my);
    sxx += (isSharpe[i] - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : NaN;
  const sorted = Float64Array.from(logits).sort();
  const medianLogit = (sorted[(splits - 1) >> 1] + sorted[splits >> 1]) / 2;
  return { ...base, pbo: overfit / splits, logits, medianLogit, probOosLoss: loss / splits, degradation: { slope, intercept: my - slope * mx } };
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
  if (!Number.isInteger(trials) || trials < 1 || returns.length % trials !== 0) throw new RangeError(`PBO: ${returns.length} values are not ${trials} rows of equal length`);
  const T = returns.length / trials;
  const blocks = cscvBlocks(trials, T, options.blocks ?? 16);
  accumulateBlocks(blocks, returns, trials, T);
  return pboFromBlocks(blocks);
}

import { mulberry32 } from '../../core/random.js';

/** Options of {@link bootstrapMean}. */
export interface BootstrapOptions {
  /** Number of resamples (default 10,000). */
  draws?: number;
  /** Seed of the deterministic generator (default 1). */
  seed?: number;
  /**
   * Cluster id per observation (0-based, dense). When given, whole clusters are drawn
   * with replacement and the statistic is the mean over every observation of the drawn
   * clusters (a cluster bootstrap for observations that overlap in time, such as every
   * cut of one easing cycle).
   */
  clusters?: Int32Array;
}

/** Default number of bootstrap and placebo draws. */
export const DEFAULT_DRAWS = 10_000;

/**
 * Bootstrap distribution of the sample mean: `draws` resamples of the n values with
 * replacement, each summarized by its mean (Efron 1979; Efron & Tibshirani 1993, ch. 6;
 * clusters: Cameron, Gelbach & Miller 2008). Seeded and deterministic; no allocation per
 * draw. NaN values must be removed by the caller.
 *
 * @example bootstrapMean(Float64Array.of(0.1, -0.02, 0.05), { draws: 10_000, seed: 7 }) // Float64Array(10000)
 */
export function bootstrapMean(x: Float64Array, options: BootstrapOptions = {}): Float64Array {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const rnd = mulberry32(options.seed ?? 1);
  const out = new Float64Array(draws);
  const n = x.length;
  if (n === 0) return out.fill(NaN);
  if (!options.clusters) {
    for (let b = 0; b < draws; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[Math.floor(rnd() * n)];
      out[b] = s / n;
    }
    return out;
  }
  const ids = options.clusters;
  let G = 0;
  for (let i = 0; i < n; i++) G = Math.max(G, ids[i] + 1);
  const sums = new Float64Array(G);
  const counts = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    sums[ids[i]] += x[i];
    counts[ids[i]]++;
  }
  for (let b = 0; b < draws; b++) {
    let s = 0,
      c = 0;
    for (let g = 0; g < G; g++) {
      const k = Math.floor(rnd() * G);
      s += sums[k];
      c += counts[k];
    }
    out[b] = c > 0 ? s / c : NaN;
  }
  return out;
}

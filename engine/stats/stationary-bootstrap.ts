import { mulberry32 } from '../random.js';
import { DEFAULT_DRAWS } from './bootstrap-mean.js';

/** Options of {@link stationaryBootstrapMeans}. */
export interface StationaryBootstrapOptions {
  /** Mean block length (≥ 1; e.g. from {@link optimalBlockLength}). */
  blockLength: number;
  /** Number of resamples (default 10,000). */
  draws?: number;
  /** Seed of the deterministic generator (default 1). */
  seed?: number;
}

/**
 * Stationary bootstrap of group means (Politis & Romano 1994): each resample of the
 * series is built from blocks that start at a uniformly drawn index, have geometric
 * lengths with mean `blockLength` and wrap around the end; each observation carries its
 * group label (e.g. the Fed phase of the bar), and the resample's mean per group is
 * recorded. One group (all labels 0) gives the bootstrap of the series mean. Labels < 0
 * are skipped. Returns draws × G values, row-major (NaN when a resample has no member of
 * a group). Seeded, deterministic, no allocation per draw.
 *
 * @example stationaryBootstrapMeans(x, new Int32Array(x.length), 1, { blockLength: 8, seed: 3 }) // Float64Array(10000)
 */
export function stationaryBootstrapMeans(x: Float64Array, groups: Int32Array | Int8Array, G: number, options: StationaryBootstrapOptions): Float64Array {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const T = x.length;
  const out = new Float64Array(draws * G);
  if (T === 0) return out.fill(NaN);
  const p = 1 / Math.max(1, options.blockLength);
  const rnd = mulberry32(options.seed ?? 1);
  const sums = new Float64Array(G);
  const counts = new Float64Array(G);
  for (let b = 0; b < draws; b++) {
    sums.fill(0);
    counts.fill(0);
    let i = Math.floor(rnd() * T);
    for (let t = 0; t < T; t++) {
      if (t > 0) {
        if (rnd() < p) i = Math.floor(rnd() * T);
        else if (++i === T) i = 0;
      }
      const g = groups[i];
      if (g >= 0) {
        sums[g] += x[i];
        counts[g]++;
      }
    }
    for (let g = 0; g < G; g++) out[b * G + g] = counts[g] > 0 ? sums[g] / counts[g] : NaN;
  }
  return out;
}

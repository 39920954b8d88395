import { mulberry32 } from '../../core/random.js';
import { DEFAULT_DRAWS } from './bootstrap-mean.js';
import { placeboPValue, type PlaceboResult } from './placebo-p-value.js';

export type { PlaceboResult } from './placebo-p-value.js';

/**
 * Placebo (randomization) test for an event mean: the mean of the statistic over `n`
 * entry dates drawn without replacement from every eligible date of the same sample,
 * repeated `draws` times; the p-value is the share of placebo means at least as far from
 * the placebo centre as the observed mean, with the +1 correction of Phipson & Smyth
 * (2010) (randomization tests: Fisher 1935; event-study placebo dates: MacKinlay 1997).
 * `values[i]` is the statistic (e.g. the forward 12-month small − large spread) measured
 * from eligible date i. Seeded, deterministic, no allocation per draw (a partial
 * Fisher–Yates shuffle over one index buffer).
 *
 * @example placeboTest(forwardSpreads, 8, observedMean, { seed: 1 }) // { p, rank, distribution, … }
 */
export function placeboTest(values: Float64Array, n: number, observed: number, options: { draws?: number; seed?: number } = {}): PlaceboResult {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const N = values.length;
  const distribution = new Float64Array(draws);
  if (n <= 0 || n > N || !Number.isFinite(observed)) {
    return { observed, n, eligible: N, center: NaN, p: NaN, rank: NaN, distribution: distribution.fill(NaN) };
  }
  const rnd = mulberry32(options.seed ?? 1);
  const idx = new Int32Array(N);
  for (let i = 0; i < N; i++) idx[i] = i;
  for (let b = 0; b < draws; b++) {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const j = k + Math.floor(rnd() * (N - k));
      const tmp = idx[k];
      idx[k] = idx[j];
      idx[j] = tmp;
      s += values[idx[k]];
    }
    distribution[b] = s / n;
  }
  return placeboPValue(observed, n, N, distribution);
}

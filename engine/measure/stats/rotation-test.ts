import { placeboPValue, type PlaceboResult } from './placebo-p-value.js';

/**
 * Rotation (circular-shift) placebo test for a set of event dates in a time series: the
 * statistic — a weighted mean of `values` at the events' positions — is recomputed with the
 * whole pattern of events shifted by s = 0 … E − 1 positions, wrapping around the end of the
 * E eligible positions. Every shift keeps the events' spacing, so dependence between nearby
 * events (overlapping windows, clusters of cuts) is carried into the null distribution as it
 * is in the observed statistic, which random dates drawn one by one cannot do (their means vary
 * more than the mean of well-spaced events, and the test loses size). The distribution is
 * enumerated, not sampled: the test is exact for a circularly stationary series and no seed is
 * needed. p = #{s : |d_s − c| ≥ |d_0 − c|} / E with c the mean of d, which is the mean of
 * `values` when the weights sum to 1 (torus-translation test: Harms, Condit, Hubbell & Foster
 * 2001, J. Ecology 89; for time series, e.g. Davison & Hinkley 1997, §8.2.3).
 *
 * `values` must be finite at every position 0 … E − 1; `positions` are the events' indices in it;
 * `weights` (default 1/n each) weight the events (e.g. 1/(G·n_g) to count each group once).
 *
 * @example rotationTest(forward12m, Int32Array.of(40, 300, 610)) // { observed, center, p, distribution: E values }
 */
export function rotationTest(values: Float64Array, positions: Int32Array, weights?: Float64Array): PlaceboResult {
  const E = values.length;
  const n = positions.length;
  const w = weights ?? new Float64Array(n).fill(1 / n);
  const distribution = new Float64Array(E);
  if (n === 0 || E === 0) return { observed: NaN, n, eligible: E, center: NaN, p: NaN, rank: NaN, distribution: distribution.fill(NaN) };
  for (let i = 0; i < n; i++) {
    const p = positions[i],
      wi = w[i];
    // shift s puts event i at (p + s) mod E: a run from p to E − 1, then from 0
    for (let s = 0, j = p; s < E; s++) {
      distribution[s] += wi * values[j];
      if (++j === E) j = 0;
    }
  }
  const observed = distribution[0];
  const r = placeboPValue(observed, n, E, distribution);
  // every shift, the observed one included, is one of E equally likely outcomes: no +1 correction
  let extreme = 0;
  const dObs = Math.abs(observed - r.center) * (1 - 1e-12);
  for (let s = 0; s < E; s++) if (Math.abs(distribution[s] - r.center) >= dObs) extreme++;
  return { ...r, p: extreme / E };
}

/** Result of a placebo test (see placeboTest, clusteredPlaceboTest, rotationTest). */
export interface PlaceboResult {
  observed: number;
  /** Number of events per placebo draw. */
  n: number;
  /** Number of eligible dates drawn from. */
  eligible: number;
  /** Mean of the statistic over the placebo draws (what "any n dates" gives on average). */
  center: number;
  /**
   * Two-sided p-value: (1 + #{draws with |placebo − center| ≥ |observed − center|}) /
   * (draws + 1). NaN when n = 0 or n > eligible.
   */
  p: number;
  /** Share of placebo draws below the observed value (where it falls, 0–1). */
  rank: number;
  /** The placebo distribution (one mean per draw), for display. */
  distribution: Float64Array;
}

/**
 * The two-sided placebo p-value with the +1 correction (Davison & Hinkley 1997, eq. 4.11):
 * p = (#{|d_b − c| ≥ |observed − c|} + 1) / (B + 1), with c the mean of the placebo
 * distribution d; and the observed value's rank, the share of draws below it.
 *
 * @example placeboPValue(0.3, 5, 8, Float64Array.of(0, 0.1, 0.2, 0.4)) // { p: 0.6, rank: 0.75, center: 0.175, … }
 */
export function placeboPValue(observed: number, n: number, eligible: number, distribution: Float64Array): PlaceboResult {
  const draws = distribution.length;
  let total = 0;
  for (let b = 0; b < draws; b++) total += distribution[b];
  const center = total / draws;
  // a relative tolerance keeps the observed draw's own value "at least as extreme" despite rounding
  const dObs = Math.abs(observed - center) * (1 - 1e-12);
  let extreme = 0,
    below = 0;
  for (let b = 0; b < draws; b++) {
    if (Math.abs(distribution[b] - center) >= dObs) extreme++;
    if (distribution[b] < observed) below++;
  }
  return { observed, n, eligible, center, p: (extreme + 1) / (draws + 1), rank: below / draws, distribution };
}

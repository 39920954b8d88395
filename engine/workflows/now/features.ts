/** One input of the analogue distance: its id, words, weight, the cap applied before standardizing, and why. */
export interface FeatureSpec {
  id: string;
  label: string;
  /** Share of the distance (the weights sum to 1). */
  weight: number;
  /** Values above are set to the cap (counts of months, where "long ago" is one state). */
  cap?: number;
  why: string;
}

/**
 * The state's inputs in the analogue distance, in order. Analogues must also share the
 * direction of the latest Fed cycle (easing or tightening): a month in a hiking cycle is not
 * "a state like this one" when the Fed is cutting, however close its other inputs. The Fed's
 * four inputs carry half the distance because the question is where we are in the cycle; the
 * ISM and valuation carry the article's two other arguments; the curve and the trailing spread
 * are context. Every input is standardized by its standard deviation over the history known at
 * the forecast date.
 */
export const FEATURES: readonly FeatureSpec[] = [
  {
    id: 'cycle_months',
    label: 'months since the cycle’s first move',
    weight: 0.2,
    cap: 36,
    why: 'where in the cycle: 3 months after a first cut is not 30 months after it (capped at 36: beyond three years the cycle is old either way)',
  },
  { id: 'cycle_change', label: 'size of the cycle so far (bp)', weight: 0.1, why: 'a 50 bp insurance cycle is not a 500 bp rescue' },
  {
    id: 'since_move',
    label: 'months since the last move',
    weight: 0.1,
    cap: 24,
    why: 'still moving or on hold (capped at 24)',
  },
  { id: 'policy_rate', label: 'policy rate (%)', weight: 0.1, why: 'room to cut, and the level of rates small firms borrow at' },
  { id: 'ism', label: 'ISM PMI', weight: 0.1, why: 'the business cycle, the article’s second argument' },
  { id: 'ism_change3', label: 'ISM 3-month change', weight: 0.05, why: 'turning up or down' },
  { id: 'ism_below', label: 'months the ISM has been below 50', weight: 0.05, cap: 24, why: 'how long manufacturing has contracted (capped at 24)' },
  { id: 'bm_spread', label: 'bm_spread (book-to-market, small − large)', weight: 0.15, why: 'relative cheapness, the article’s third argument' },
  { id: 't10y2y', label: '10-year − 2-year Treasury yield (points)', weight: 0.075, why: 'the curve: steepening after cuts, inversion before recessions' },
  { id: 'trailing12', label: 'small − large over the last 12 months', weight: 0.075, why: 'momentum or reversal of the spread itself' },
];

/** Index of a feature in {@link FEATURES}. */
export const FEATURE_INDEX: Readonly<Record<string, number>> = Object.fromEntries(FEATURES.map((f, i) => [f.id, i]));

/** A raw input value capped as its feature says (NaN stays NaN). */
export function capped(spec: FeatureSpec, value: number): number {
  return spec.cap !== undefined && value > spec.cap ? spec.cap : value;
}

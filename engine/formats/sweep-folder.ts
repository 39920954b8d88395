/**
 * The sweep folder's report types: what sweep.json says of overfitting (the deflated Sharpe
 * ratio with its null, and the probability of backtest overfitting or why it was not computed).
 */
/** A deflated Sharpe ratio with the null it tests and what it was computed from. */
export interface DeflatedSharpeReport {
  /** Probability that the selected set's true ratio exceeds the best of `trials` unskilled trials; NaN when undefined. */
  value: number;
  /** The null hypothesis, in words. */
  null: string;
  /** Observations of the selected set's ratio, and their frequency. */
  observations: number;
  frequency: 'bar' | 'month';
  /** Sets with a finite ratio (each set is a distinct parameter set). */
  trials: number;
}

/** The probability of backtest overfitting of a sweep, or why it was not computed. */
export type PboReport =
  | {
      value: number;
      /** Performance statistic of each half. */
      statistic: string;
      blocks: number;
      splits: number;
      trials: number;
      months: number;
      dropped: number;
      medianLogit: number;
      probOosLoss: number;
      degradation: { slope: number; intercept: number };
    }
  | { value: null; reason: string };

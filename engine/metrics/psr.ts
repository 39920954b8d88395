import { normalCdf, normalQuantile } from './normal.js';

/**
 * Probabilistic Sharpe ratio (Bailey & López de Prado, 2012): the probability that the
 * true per-bar Sharpe ratio exceeds `benchmark`, given the estimate `sr` (per bar, not
 * annualized) over n observations with skewness `skew` and excess kurtosis `kurtosis`:
 * Φ((sr − sr*)·√(n − 1) / √(1 − skew·sr + (kurtosis + 2)/4·sr²)).
 */
export function probabilisticSharpe(sr: number, n: number, skew: number, kurtosis: number, benchmark = 0): number {
  const denom = 1 - skew * sr + ((kurtosis + 3 - 1) / 4) * sr * sr;
  if (!(n > 1) || !(denom > 0)) return NaN;
  return normalCdf(((sr - benchmark) * Math.sqrt(n - 1)) / Math.sqrt(denom));
}

const EULER_GAMMA = 0.5772156649015329;

/**
 * Expected maximum Sharpe ratio among N independent trials with variance `variance` of
 * their per-bar Sharpe estimates (Bailey & López de Prado, 2014, "The Deflated Sharpe Ratio"):
 * √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))).
 */
export function expectedMaxSharpe(trials: number, variance: number): number {
  if (trials < 2) return 0;
  return Math.sqrt(variance) * ((1 - EULER_GAMMA) * normalQuantile(1 - 1 / trials) + EULER_GAMMA * normalQuantile(1 - 1 / (trials * Math.E)));
}

/** Deflated Sharpe ratio: the PSR of the best trial against the expected maximum Sharpe of `trials` trials. */
export function deflatedSharpe(sr: number, n: number, skew: number, kurtosis: number, trials: number, variance: number): number {
  return probabilisticSharpe(sr, n, skew, kurtosis, expectedMaxSharpe(trials, variance));
}

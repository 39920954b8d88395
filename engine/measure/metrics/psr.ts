import { normalCdf, normalQuantile } from './normal.js';

/**
 * Probabilistic Sharpe ratio (Bailey & López de Prado 2012, eq. 11): the probability that the
 * true per-bar Sharpe ratio exceeds `benchmark`, given the estimate `sr` (per bar, not annualized)
 * from n returns with skewness `skew` and excess kurtosis `kurtosis`:
 * Φ((sr − sr*)·√(n − 1) / √(1 − skew·sr + (kurtosis + 2)/4·sr²)) (raw kurtosis γ4 = kurtosis + 3
 * enters as (γ4 − 1)/4). A probability; NaN when undefined.
 */
export function probabilisticSharpe(sr: number, n: number, skew: number, kurtosis: number, benchmark = 0): number {
  const denom = 1 - skew * sr + ((kurtosis + 2) / 4) * sr * sr;
  if (!(n > 1) || !(denom > 0)) return NaN;
  return normalCdf(((sr - benchmark) * Math.sqrt(n - 1)) / Math.sqrt(denom));
}

/** Euler–Mascheroni constant γ. */
const EULER_GAMMA = 0.5772156649015329;

/**
 * Expected maximum per-bar Sharpe ratio of `trials` independent unskilled trials whose Sharpe
 * estimates have variance `variance` (Bailey & López de Prado 2014, eq. 6, the false-strategy
 * theorem): √V·((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))); 0 for fewer than two trials.
 */
export function expectedMaxSharpe(trials: number, variance: number): number {
  if (!(trials >= 2)) return 0;
  return Math.sqrt(variance) * ((1 - EULER_GAMMA) * normalQuantile(1 - 1 / trials) + EULER_GAMMA * normalQuantile(1 - 1 / (trials * Math.E)));
}

/**
 * Deflated Sharpe ratio (Bailey & López de Prado 2014): the probabilistic Sharpe ratio of the
 * selected trial (per-bar `sr` from n returns, skew, excess kurtosis) against the expected maximum
 * Sharpe ratio of `trials` trials with Sharpe variance `variance` (per bar²). A probability.
 */
export function deflatedSharpe(sr: number, n: number, skew: number, kurtosis: number, trials: number, variance: number): number {
  return probabilisticSharpe(sr, n, skew, kurtosis, expectedMaxSharpe(trials, variance));
}

import type { Interval } from './percentile-interval.js';
import type { HacRegression } from './newey-west-ols.js';
import { normalQuantile } from '../metrics/normal.js';

/**
 * Fitted value α + β x₀ of a regression with its normal-approximation interval
 * ŷ ± z √(Var α + 2 x₀ Cov(α, β) + x₀² Var β), the interval for the conditional mean
 * (not for one future outcome) (Greene, Econometric Analysis, 7th ed., 2012, §4.8).
 *
 * @example fittedWithInterval(fit, 1.8) // { value, low, high, level: 0.95 }
 */
export function fittedWithInterval(fit: HacRegression, x0: number, level = 0.95): Interval & { value: number; se: number } {
  const value = fit.alpha + fit.beta * x0;
  const [va, cab, vb] = fit.cov;
  const se = Math.sqrt(va + 2 * x0 * cab + x0 * x0 * vb);
  const z = normalQuantile((1 + level) / 2);
  return { value, se, low: value - z * se, high: value + z * se, level };
}

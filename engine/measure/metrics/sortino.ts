import { mean } from './moments.js';

/**
 * Annualized Sortino ratio of per-bar excess returns: mean / downside deviation × √periodsPerYear,
 * downside deviation = √(Σ min(x, 0)² / n) over all n bars, target 0 (Sortino & Price 1994).
 */
export function sortino(excess: ArrayLike<number>, periodsPerYear: number): number {
  const n = excess.length;
  let down = 0;
  for (let i = 0; i < n; i++) if (excess[i] < 0) down += excess[i] * excess[i];
  return (mean(excess) / Math.sqrt(down / n)) * Math.sqrt(periodsPerYear);
}

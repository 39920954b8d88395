import { mean, stdev } from './moments.js';

/** Sharpe ratio per bar (not annualized): mean / sample stdev of per-bar excess returns (Sharpe 1994). */
export function sharpePerBar(excess: ArrayLike<number>): number {
  return mean(excess) / stdev(excess);
}

/** Annualized Sharpe ratio of per-bar excess returns: per-bar Sharpe × √periodsPerYear (Sharpe 1994; Lo 2002 on the √q rule). */
export function sharpe(excess: ArrayLike<number>, periodsPerYear: number): number {
  return sharpePerBar(excess) * Math.sqrt(periodsPerYear);
}

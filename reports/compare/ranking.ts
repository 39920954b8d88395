/** Whether a higher value of a metric is better (1), worse (−1), or neither (0). */
export const BETTER: Record<string, 1 | -1 | 0> = {
  totalReturn: 1,
  cagr: 1,
  volatility: -1,
  sharpe: 1,
  sortino: 1,
  calmar: 1,
  maxDrawdown: 1,
  longestDrawdownDays: -1,
  turnoverAnnual: -1,
  bestMonth: 1,
  worstMonth: 1,
  bestYear: 1,
  worstYear: 1,
  positiveMonths: 1,
  skew: 1,
  kurtosis: -1,
  var95: 1,
  cvar95: 1,
  alphaAnnual: 1,
  trackingError: -1,
  informationRatio: 1,
  psr: 1,
};

/** Index of the best run per metric (NaN when the metric has no direction or no values). */
export function bestIndex(values: (number | null)[], direction: 1 | -1 | 0): number {
  if (!direction) return NaN;
  let best = NaN;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (Number.isNaN(best) || direction * v > direction * (values[best] as number)) best = i;
  });
  return best;
}

/** Whether a difference d of a metric is an improvement (1), a deterioration (−1) or neither (0), by the same rule as the "best" highlight. */
export function deltaQuality(key: string, d: number): 1 | -1 | 0 {
  const dir = BETTER[key] ?? 0;
  if (!dir || !Number.isFinite(d) || d === 0) return 0;
  return (Math.sign(d) * dir) as 1 | -1;
}

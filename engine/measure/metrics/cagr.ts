/** Compound annual growth rate, annualized fraction: (1 + totalReturn)^(365.25 / calendar days) − 1; NaN when days ≤ 0. */
export function cagr(totalReturn: number, days: number): number {
  return days > 0 ? Math.pow(1 + totalReturn, 365.25 / days) - 1 : NaN;
}

/**
 * Bars per year measured from a calendar: (bars − 1) / years spanned, years = (last − first) days
 * / 365.25 — about 252 for US trading days, 12 for month ends; NaN for fewer than two bars.
 *
 * @example periodsPerYear(monthEndDates) // ≈ 12
 */
export function periodsPerYear(dates: Int32Array): number {
  const n = dates.length;
  if (n < 2) return NaN;
  const years = (dates[n - 1] - dates[0]) / 365.25;
  return years > 0 ? (n - 1) / years : NaN;
}

/** Fraction as a percentage with 2 decimals ("12.34%"); empty for NaN. */
export function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : '';
}

/** Plain number with 2 decimals and thousands separators; empty for NaN. */
export function num(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '';
}

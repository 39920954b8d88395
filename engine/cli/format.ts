import { groupDigits } from '../../reports/html/format.js';

/** Shown for a value that does not exist (NaN), as in the HTML report. */
export const MISSING = '–';

/** Fraction as a percentage with 2 decimals and thousands separators, like the HTML report ("1,234.56%", never "-0.00%"); "–" for NaN. */
export function pct(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${groupDigits(x * 100, digits)}%` : MISSING;
}

/** Number with `digits` decimals and thousands separators, like the HTML report ("-1,234.56", never "-0.00"); "–" for NaN. */
export function num(x: number, digits = 2): string {
  return Number.isFinite(x) ? groupDigits(x, digits) : MISSING;
}

/** A whole count with thousands separators ("9,672"). */
export function count(n: number): string {
  return num(n, 0);
}

/** Number formatting shared by the reports and the terminal: one style of digits, percent and missing values. */

/** Fixed decimals with comma thousands separators ("-1,234.56"); faster than toLocaleString. */
export function groupDigits(x: number, digits: number): string {
  const s = x.toFixed(digits);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+$)/g, ',') : int;
  const out = grouped + (dot < 0 ? '' : body.slice(dot));
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Formats a value of a metric unit the way a finance reader expects. */
export function formatValue(value: number | string | null | undefined, unit: string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (unit === 'date') return String(value);
  const x = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(x)) return '–';
  switch (unit) {
    case 'fraction':
      return formatPercent(x);
    case 'count':
    case 'days':
      return groupDigits(Math.round(x), 0);
    default:
      return groupDigits(x, 2);
  }
}

/** Shown for a value that does not exist (NaN), in reports and in the terminal. */
export const MISSING = '–';

/**
 * A fraction as a percentage with `digits` decimals and thousands separators ("1,234.56%", never
 * "-0.00%"); "–" when not finite.
 *
 * @example formatPercent(0.12345) // '12.35%'
 */
export function formatPercent(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${groupDigits(x * 100, digits)}%` : MISSING;
}

/**
 * A cumulative return: a percentage up to 10,000 %, beyond it the growth multiple of 1
 * ("×43,218" for +4,321,694 %), which a reader can compare at a glance.
 *
 * @example formatCumulative(432.17) // '×433'
 */
export function formatCumulative(x: number, digits = 2): string {
  return Number.isFinite(x) && x >= 100 ? `×${groupDigits(1 + x, 0)}` : formatPercent(x, digits);
}

/**
 * A number with `digits` decimals and thousands separators ("-1,234.56", never "-0.00"); "–" when
 * not finite.
 *
 * @example formatNumber(1234.5) // '1,234.50'
 */
export function formatNumber(x: number, digits = 2): string {
  return Number.isFinite(x) ? groupDigits(x, digits) : MISSING;
}

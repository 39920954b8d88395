/** Number words of the claims' sentences and tables. */

const sign = (x: number, digits: number) => (x >= 0 || Math.abs(x) < 0.5 * 10 ** -digits ? '+' : '−');

/** A fraction as signed percent with one decimal ("+3.1 %"); "–" when not finite. */
export const pctText = (x: number) => (Number.isFinite(x) ? `${sign(x * 100, 1)}${Math.abs(x * 100).toFixed(1)} %` : '–');

/** A fraction as signed (or, with `signed` false, plain) return points with one decimal ("+3.1 points"). */
export const ptsText = (x: number, signed = true) => (Number.isFinite(x) ? `${signed ? sign(x * 100, 1) : ''}${Math.abs(x * 100).toFixed(1)} points` : '–');

/** A p-value as text: "< 0.001", two decimals above 0.1, three below. */
export const pText = (p: number) => (!Number.isFinite(p) ? '–' : p < 0.001 ? '< 0.001' : p >= 0.1 ? p.toFixed(2) : p.toFixed(3));

/** A signed plain number with three decimals ("+0.043"), for slopes and R². */
export const plainText = (x: number) => (Number.isFinite(x) ? `${sign(x, 3)}${Math.abs(x).toFixed(3)}` : '–');

/**
 * A 95 % interval in words, "(95 % CI −2.0 to +8.1)" for fractions shown as percent (or, with
 * `plain`, as numbers with three decimals); an unbounded end reads "−∞" or "+∞"; `aside` is
 * added inside the brackets.
 */
export function intervalWords(low: number, high: number, options: { plain?: boolean; aside?: string } = {}): string {
  const end = (x: number) => (x === Infinity ? '+∞' : x === -Infinity ? '−∞' : options.plain ? plainText(x) : pctText(x).replace(' %', ''));
  const aside = options.aside ? `; ${options.aside}` : '';
  if (Number.isNaN(low) || Number.isNaN(high)) return aside ? `(${options.aside})` : '(no interval)';
  return `(95 % CI ${end(low)} to ${end(high)}${aside})`;
}

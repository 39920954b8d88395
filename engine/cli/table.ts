import { MISSING } from './format.js';

/** A number, a percentage or a growth multiple ("×43,218"): right-aligned. */
const NUMERIC = /^[-+−×]?[\d.,]+%?$/;

/** Renders rows as a plain text table with aligned columns (numbers right-aligned; "–" counts as a number). */
export function textTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const numeric = header.map(
    (_, c) =>
      rows.length > 0 &&
      rows.some((r) => r[c] !== '' && r[c] !== MISSING) &&
      rows.every((r) => typeof r[c] === 'number' || r[c] === '' || r[c] === MISSING || NUMERIC.test(String(r[c]))),
  );
  const line = (r: string[]) =>
    r
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

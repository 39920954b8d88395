/**
 * CSV output: RFC 4180 quoting, LF line endings, numbers in shortest round-trip form
 * (deterministic, so identical runs give byte-identical files), NaN and ±Infinity as
 * empty cells. Text cells that a spreadsheet would run as a formula (starting with
 * =, +, −, @, tab or CR) are prefixed with a single quote.
 */
export type Cell = string | number | boolean | null | undefined;

/** One CSV cell as text. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document from a header and rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const out: string[] = [header.map(csvCell).join(',')];
  for (const r of rows) out.push(r.map(csvCell).join(','));
  return out.join('\n') + '\n';
}

/**
 * CSV output: RFC 4180 quoting, LF line endings, numbers in shortest round-trip form
 * (deterministic, so identical runs give byte-identical files), NaN and ±Infinity as
 * empty cells. Text cells that a spreadsheet would run as a formula (starting with
 * =, +, −, @, tab or CR) are prefixed with a single quote.
 */
export type Cell = string | number | boolean | null | undefined;

/** Text cell: the formula guard, then quotes when it holds a quote, comma or line break. */
function textCell(value: string): string {
  if (plain(value)) return value;
  let s = value;
  const c = s.charCodeAt(0); // = + - @ tab CR
  if ((c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * True when a text cell needs neither the formula guard nor quotes: it does not start with
 * = + - @ tab or CR and holds no quote, comma or line break (a character scan: most text cells
 * are dates and labels, and a regular expression per cell cost more than the scan).
 */
function plain(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) return false;
  for (let i = 0; i < s.length; i++) {
    const x = s.charCodeAt(i);
    if (x === 34 || x === 44 || x === 10 || x === 13) return false;
  }
  return true;
}

/** One CSV cell as text. */
export function csvCell(value: Cell): string {
  if (typeof value === 'number') return value === value && value !== Infinity && value !== -Infinity ? String(value) : '';
  if (typeof value === 'string') return textCell(value);
  if (value === null || value === undefined) return '';
  return value ? 'true' : 'false';
}

/** One CSV line (without its line break). */
function csvLine(row: readonly Cell[]): string {
  let line = row.length ? csvCell(row[0]) : '';
  for (let c = 1; c < row.length; c++) line += ',' + csvCell(row[c]);
  return line;
}

/** A whole CSV document from a header and rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  let out = csvLine(header) + '\n';
  for (const r of rows) out += csvLine(r) + '\n';
  return out;
}

/**
 * A CSV document together with its cells as `readCsv` reads them back (quotes removed,
 * surrounding spaces trimmed), so a caller that just wrote a file need not read it again.
 * `rows` is undefined when reading back is not that simple (a cell needed quotes, a line
 * would be blank and skipped, or a one-field header holds a semicolon or tab, which readCsv takes
 * for another separator): read the file then.
 */
export interface CsvDocument {
  text: string;
  header: string[];
  rows: string[][] | undefined;
}

/** Like {@link toCsv}, also keeping the cells as read back (see {@link CsvDocument}). */
export function csvDocument(header: readonly string[], rows: Iterable<readonly Cell[]>): CsvDocument {
  let simple = true;
  let text = '';
  const add = (row: readonly Cell[]): string[] => {
    const cells: string[] = new Array(row.length);
    let line = '';
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let s = csvCell(v);
      line += c ? ',' + s : s;
      if (typeof v === 'string') {
        if (s.charCodeAt(0) === 34) simple = false; // quoted: the reader unquotes
        s = s.trim();
      }
      cells[c] = s;
    }
    if ((row.length < 2 && line.trim() === '') || row.length !== header.length) simple = false; // a blank line is skipped, a short row refused
    text += line + '\n';
    return cells;
  };
  const head = add(header);
  // a one-field header with a semicolon or tab reads as another separator: readCsv refuses it
  if (head.length === 1 && /[;\t]/.test(head[0])) simple = false;
  const out: string[][] = [];
  for (const r of rows) out.push(add(r));
  return { text, header: head, rows: simple ? out : undefined };
}

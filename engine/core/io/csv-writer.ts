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

/**
 * A column of cells already in their CSV form (as {@link csvCell} writes them), for
 * {@link csvColumns}; `plain` when every cell reads back as itself (no quotes, no surrounding
 * spaces), as number cells and ISO dates do.
 */
export interface CellColumn {
  readonly cells: readonly string[];
  readonly plain: boolean;
}

/**
 * The cells of a number column as {@link csvCell} writes them; a value equal to the one before
 * reuses its text (same number, same text: 0 and −0 both write `0`).
 */
export function numberCells(values: ArrayLike<number>, from = 0, to = values.length): string[] {
  const out: string[] = new Array(Math.max(0, to - from));
  let last = NaN;
  let text = '';
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v !== last) {
      last = v;
      text = v === v && v !== Infinity && v !== -Infinity ? String(v) : '';
    }
    out[i - from] = text;
  }
  return out;
}

/** A text column's cells as {@link csvCell} writes them. */
export function textCells(values: readonly string[]): { cells: string[]; plain: boolean } {
  let plain = true;
  const cells: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const s = textCell(values[i]);
    if (s.charCodeAt(0) === 34 || s !== s.trim()) plain = false;
    cells[i] = s;
  }
  return { cells, plain };
}

/** A column of {@link csvColumns}: numbers (written as csvCell writes them) or cells already written. */
export type CsvColumn = ArrayLike<number> | CellColumn;

const isCells = (c: CsvColumn): c is CellColumn => (c as CellColumn).cells !== undefined;

/**
 * {@link csvDocument} of a table given by columns of `length` rows: the same text and cells as
 * csvDocument of the rows `[columns[0][t], columns[1][t], …]`, without building the rows first.
 * A number column repeats the text of a value equal to the one before (see {@link numberCells}).
 */
export function csvColumns(header: readonly string[], columns: readonly CsvColumn[], length: number): CsvDocument {
  const head = csvDocument(header, []);
  let simple = head.rows !== undefined && columns.length === header.length;
  const C = columns.length;
  // every column's cells first (a number column formatted in one pass), then the rows from them
  const cells: (readonly string[])[] = columns.map((c) => {
    if (!isCells(c)) return numberCells(c, 0, length);
    if (!c.plain) simple = false;
    return c.cells;
  });
  const rows: string[][] = new Array(length);
  // each line joined from its cells, the text from its lines: flat strings, not a chain of concatenations
  const lines: string[] = new Array(length + 1);
  lines[0] = head.text.slice(0, -1);
  for (let t = 0; t < length; t++) {
    const row: string[] = new Array(C);
    for (let c = 0; c < C; c++) row[c] = cells[c][t];
    const line = row.join(',');
    if (C < 2 && line.trim() === '') simple = false; // a blank line is skipped when read back
    lines[t + 1] = line;
    rows[t] = row;
  }
  return { text: lines.join('\n') + '\n', header: head.header, rows: simple ? rows : undefined };
}

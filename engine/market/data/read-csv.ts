import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DataError } from '../../core/errors.js';

/** A parsed CSV table: header, rows of raw text cells with their 1-based line numbers. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
  lines: number[];
  /** sha256 of the file's bytes. */
  hash: string;
}

/** Receives each data row (trimmed cells) with its 1-based line number. */
export type RowHandler = (cells: string[], line: number) => void;

function cannotRead(label: string, e: unknown): DataError {
  return new DataError(label, undefined, undefined, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
}

/** True when `s` starts and ends with a printable ASCII character, so trim() would not change it (the common case, cheap to test). */
function plain(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a > 32 && a < 127 && b > 32 && b < 127;
}

/** Longest line read: a CSV line of ours is under 200 bytes; a file with no line breaks would otherwise be held whole. */
const MAX_LINE = 1 << 20;

/** Refuses a file in UTF-16 (a byte-order mark, or NUL bytes between characters): its header would read as noise. */
function checkEncoding(label: string, bytes: Uint8Array): void {
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const head = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (bom16 || head.includes(0)) {
    throw new DataError(label, 1, undefined, 'is UTF-16 (or another encoding with NUL bytes), not UTF-8 text; save it as "CSV UTF-8" (Excel) or convert it, e.g. iconv -f UTF-16 -t UTF-8');
  }
}

/** Refuses a header of one field that holds semicolons or tabs: the file separates fields with them, not commas. */
function checkSeparator(label: string, header: readonly string[]): void {
  if (header.length !== 1) return;
  const sep = header[0].includes(';') ? 'semicolons' : header[0].includes('\t') ? 'tabs' : undefined;
  if (sep)
    throw new DataError(
      label,
      1,
      undefined,
      `separates fields with ${sep}, not commas (a European-locale or tab-separated export); save it with commas between fields and points as decimal marks`,
    );
}

/**
 * Streams a CSV file with a header line: `onHeader` gets the header and returns the handler
 * of the data rows. BOM, LF/CRLF/CR line endings, blank lines and surrounding spaces are
 * tolerated; a row with a different number of fields is an error naming file and line.
 * Files without quotes (all the shipped ones) are read in 1 MB chunks and split directly,
 * so memory stays bounded by the caller's columns, not the file; a file with quotes is
 * parsed by csv-parse. Returns the sha256 of the file's bytes.
 */
export function scanCsv(path: string, label: string, onHeader: (header: string[]) => RowHandler): { hash: string; header: string[] } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw cannotRead(label, e);
  }
  const hasher = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let carry = Buffer.alloc(0);
  let line = 0;
  let header: string[] | undefined;
  let onRow: RowHandler | undefined;
  let first = true;
  const take = (text: string) => {
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const parts = text.includes('\r') ? text.split(/\r\n|\n|\r/) : text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      line++;
      const raw = parts[i];
      if (!plain(raw) && raw.trim() === '') continue;
      const cells = raw.split(',');
      for (let c = 0; c < cells.length; c++) if (!plain(cells[c])) cells[c] = cells[c].trim();
      if (!header) {
        header = cells;
        checkSeparator(label, header);
        onRow = onHeader(header);
        continue;
      }
      if (cells.length !== header.length) throw new DataError(label, line, undefined, `has ${cells.length} fields, the header has ${header.length}`);
      onRow!(cells, line);
    }
  };
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw cannotRead(label, e);
      }
      if (n === 0) break;
      const bytes = chunk.subarray(0, n);
      if (first) checkEncoding(label, bytes);
      hasher.update(bytes);
      if (bytes.includes(0x22)) {
        closeSync(fd);
        fd = -1;
        return scanQuoted(path, label, onHeader);
      }
      const buf = carry.length ? Buffer.concat([carry, bytes]) : Buffer.from(bytes);
      // cut after the last line break (a CR at the very end may be the first half of CRLF)
      let end = buf.length;
      while (end > 0 && buf[end - 1] !== 0x0a && buf[end - 1] !== 0x0d) end--;
      if (end > 0 && buf[end - 1] === 0x0d) end--;
      while (end > 0 && buf[end - 1] !== 0x0a && buf[end - 1] !== 0x0d) end--;
      if (end === 0) {
        if (buf.length > MAX_LINE) throw new DataError(label, line + 1, undefined, `has a line longer than ${MAX_LINE / (1 << 20)} MB (no line breaks?); a CSV needs one line per row`);
        carry = buf;
        continue;
      }
      // strip the final line break so split() does not count an extra empty line
      const body = buf.toString('utf8', 0, end).replace(/(\r\n|\n|\r)$/, '');
      take(body);
      carry = buf.subarray(end);
    }
    if (carry.length) take(carry.toString('utf8'));
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  if (!header) throw new DataError(label, 1, undefined, 'is empty: expected a header line');
  return { hash: hasher.digest('hex'), header };
}

/** The csv-parse path for files with quoted fields. */
function scanQuoted(path: string, label: string, onHeader: (header: string[]) => RowHandler): { hash: string; header: string[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw cannotRead(label, e);
  }
  let records: { record: string[]; info: { lines: number } }[];
  const text = bytes.toString('utf8').replace(/\r\n?/g, '\n');
  // quoted fields between semicolons or tabs break csv-parse before the header is known
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  if (!firstLine.includes(',')) checkSeparator(label, [firstLine]);
  try {
    // one line-ending convention for csv-parse (it guesses from the first line otherwise)
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    const reason = err.message.replace(/^Invalid Record Length: /, '').replace(/\s*at line \d+$/i, '');
    throw new DataError(label, err.lines, undefined, `malformed CSV: ${reason}`);
  }
  if (records.length === 0) throw new DataError(label, 1, undefined, 'is empty: expected a header line');
  const header = records[0].record;
  checkSeparator(label, header);
  const onRow = onHeader(header);
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i];
    if (record.length !== header.length) throw new DataError(label, info.lines, undefined, `has ${record.length} fields, the header has ${header.length}`);
    onRow(record, info.lines);
  }
  return { hash: createHash('sha256').update(bytes).digest('hex'), header };
}

/** Reads a whole CSV file into a table (see {@link scanCsv} for what is tolerated). */
export function readCsv(path: string, label: string = path): CsvTable {
  const rows: string[][] = [];
  const lines: number[] = [];
  const { hash, header } = scanCsv(path, label, () => (cells, line) => {
    rows.push(cells);
    lines.push(line);
  });
  return { file: label, header, rows, lines, hash };
}

/** Index of a header column, or a DataError naming the expected column. */
export function columnIndex(table: CsvTable, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) {
    throw new DataError(table.file, 1, name, `missing from the header (found: ${table.header.join(', ') || 'nothing'})`);
  }
  return i;
}

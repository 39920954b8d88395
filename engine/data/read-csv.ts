import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DataError } from '../errors.js';

/** A parsed CSV table: header, rows of raw text cells with their 1-based line numbers. */
export interface CsvTable {
  file: string;
  header: string[];
  rows: string[][];
  lines: number[];
  /** sha256 of the file's bytes. */
  hash: string;
}

/**
 * Reads a CSV file with a header line (BOM, CRLF and quoted fields tolerated). Errors
 * name the file and line. `label` is the file name shown in messages.
 */
export function readCsv(path: string, label: string = path): CsvTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DataError(label, undefined, undefined, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(bytes, {
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
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i];
    if (record.length !== header.length) {
      throw new DataError(label, info.lines, undefined, `has ${record.length} fields, the header has ${header.length}`);
    }
    rows.push(record);
    lines.push(info.lines);
  }
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

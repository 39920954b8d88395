import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { csvCell, csvDocument, toCsv, type Cell } from '../../engine/core/io/csv-writer.js';
import { readCsv } from '../../engine/market/data/read-csv.js';

/** The writer as it was before its fast paths: the reference the text must match byte for byte. */
function referenceCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const referenceCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]) =>
  [header.map(referenceCell).join(','), ...rows.map((r) => r.map(referenceCell).join(','))].join('\n') + '\n';

const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', ' a ', '=1', '+1', '-0.5', '@x', '\tx', '\rx', 'a,b', 'a"b', 'a\nb', '\uFEFFx', 'NaN'));
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.1 + 0.2, 1e21, 5e-324),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  text,
);

const dir = mkdtempSync(join(tmpdir(), 'csv-document-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('csv writer', () => {
  it('writes the same text as the reference writer', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }), (header, rows) => {
        expect(toCsv(header, rows)).toBe(referenceCsv(header, rows));
        expect(csvDocument(header, rows).text).toBe(referenceCsv(header, rows));
        for (const r of rows) for (const c of r) expect(csvCell(c)).toBe(referenceCell(c));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the cells that readCsv reads back, or none when the file must be read', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((w) =>
            fc.tuple(
              fc.array(fc.string({ minLength: 1 }), { minLength: w, maxLength: w }),
              fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 6 }),
            ),
          ),
        ([header, rows]) => {
          const doc = csvDocument(header, rows);
          if (!doc.rows) return;
          const path = join(dir, `t${n++}.csv`);
          writeFileSync(path, doc.text);
          let back: { header: string[]; rows: string[][] } | undefined;
          try {
            back = readCsv(path);
          } catch {
            back = undefined; // a file the reader refuses must not be taken from memory either
          }
          expect(back && { header: back.header, rows: back.rows }).toEqual({ header: doc.header, rows: doc.rows });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('asks for a read back when a cell is quoted or a line would be blank', () => {
    expect(csvDocument(['a', 'b'], [[1, 'x,y']]).rows).toBeUndefined();
    expect(csvDocument(['a'], [['']]).rows).toBeUndefined();
    expect(csvDocument(['a', 'b'], [[1, ' x ']]).rows).toEqual([['1', 'x']]);
  });
});

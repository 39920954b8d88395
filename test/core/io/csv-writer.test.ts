/**
 * The column writer (csvColumns, numberCells, textCells) writes what csvDocument writes for the
 * same table row by row, byte for byte, with the same cells read back (or none when csvDocument
 * has none): numbers of every kind (NaN, ±Infinity, −0, repeats, integers, tiny and huge ones) and
 * text columns that need the formula guard or quotes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvColumns, csvDocument, numberCells, textCells, type Cell, type CsvColumn } from '../../../engine/core/io/csv-writer.js';

const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 0.1 + 0.2, 1e21, 1e-7, 5e-324, -1.5));
const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', ' a ', '=1', '+1', '-0.5', '@x', '\tx', 'a,b', 'a"b', 'a\nb', 'easing', '2020-01-31'));

/** A column of numbers (runs of equal values included) or of text, `n` long. */
const column = (n: number): fc.Arbitrary<{ kind: 'number'; values: number[] } | { kind: 'text'; values: string[] }> =>
  fc.oneof(
    fc.array(fc.tuple(number, fc.integer({ min: 1, max: 3 })), { minLength: n, maxLength: n }).map((runs) => ({
      kind: 'number' as const,
      values: runs.flatMap(([v, k]) => Array(k).fill(v) as number[]).slice(0, n),
    })),
    fc.array(text, { minLength: n, maxLength: n }).map((values) => ({ kind: 'text' as const, values })),
  );

describe('csvColumns', () => {
  it('writes the text and keeps the cells of csvDocument for the same rows', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 8 })
          .chain((n) =>
            fc
              .tuple(fc.constant(n), fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }))
              .chain(([n, header]) =>
                fc.tuple(fc.constant(n), fc.constant(header), fc.array(column(n), { minLength: header.length, maxLength: header.length })),
              ),
          ),
        fc.boolean(),
        ([n, header, cols], typed) => {
          const rows: Cell[][] = Array.from({ length: n }, (_, t) => cols.map((c) => c.values[t]));
          const columns: CsvColumn[] = cols.map((c) =>
            c.kind === 'text' ? textCells(c.values) : typed ? Float64Array.from(c.values) : { cells: numberCells(c.values), plain: true },
          );
          const want = csvDocument(header, rows);
          const got = csvColumns(header, columns, n);
          expect(got.text).toBe(want.text);
          expect(got.header).toEqual(want.header);
          // the column writer may ask for a read back where csvDocument kept trimmed cells (a text cell with surrounding spaces)
          if (got.rows !== undefined) expect(got.rows).toEqual(want.rows);
          else {
            const spaced = cols.some((c) => c.kind === 'text' && c.values.some((v) => csvCell(v) !== csvCell(v).trim()));
            if (!spaced) expect(want.rows).toBeUndefined();
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('numberCells is csvCell of each value, from and to an index', () => {
    fc.assert(
      fc.property(fc.array(number, { maxLength: 20 }), fc.nat(25), fc.nat(25), (values, a, b) => {
        const from = Math.min(a, b, values.length),
          to = Math.min(Math.max(a, b), values.length);
        expect(numberCells(values, from, to)).toEqual(values.slice(from, to).map(csvCell));
        expect(numberCells(Float64Array.from(values))).toEqual(values.map(csvCell));
      }),
    );
    expect(numberCells([0, -0, -0, 0, NaN, NaN, 1, 1])).toEqual(['0', '0', '0', '0', '', '', '1', '1']);
  });

  it('textCells marks a column whose cells would not read back as themselves', () => {
    expect(textCells(['2020-01-31', 'easing'])).toEqual({ cells: ['2020-01-31', 'easing'], plain: true });
    expect(textCells(['a,b']).plain).toBe(false);
    expect(textCells([' a']).plain).toBe(false);
    expect(textCells(['=1'])).toEqual({ cells: ["'=1"], plain: true });
  });

  it('a one-column table with an empty cell, a short header or a header csvDocument refuses asks for a read back', () => {
    expect(csvColumns(['a'], [textCells([''])], 1).rows).toBeUndefined();
    expect(csvColumns(['a', 'b'], [Float64Array.of(1)], 1).rows).toBeUndefined();
    expect(csvColumns(['a;b'], [Float64Array.of(1)], 1).rows).toBeUndefined();
    expect(csvColumns(['a', 'b'], [Float64Array.of(1, NaN), textCells(['x', 'y'])], 2)).toEqual({
      text: 'a,b\n1,x\n,y\n',
      header: ['a', 'b'],
      rows: [
        ['1', 'x'],
        ['', 'y'],
      ],
    });
  });
});

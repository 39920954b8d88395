import type { Table } from '../read-run.js';
import { displayValue } from './chart-data.js';
import { styleOf } from './styles.js';

/** One uPlot series drawn from a CSV column: `src` names `file:column`, the chart's `rows` name the rows. */
export interface CsvSeries {
  label: string;
  color: string;
  dash?: number[];
  width?: number;
  fill?: string;
  bars?: boolean;
  src: string;
  values: (number | null)[];
}

/** A chart series from column `col` of `table` (file `file`) at rows `keep`, styled as series number `style`. */
export function csvSeries(
  table: Table,
  file: string,
  col: string,
  keep: ArrayLike<number>,
  label: string,
  style: number,
  extra: Partial<CsvSeries> = {},
): CsvSeries {
  const st = styleOf(style);
  // only the kept rows are parsed (as column() would: empty cells are gaps)
  const values: (number | null)[] = new Array(keep.length);
  for (let i = 0; i < keep.length; i++) {
    const v = table[keep[i]][col];
    values[i] = v === undefined || v === '' ? null : displayValue(Number(v));
  }
  return { label, color: st.color, dash: st.dash, width: style === 0 ? 2 : 1.5, src: `${file}:${col}`, values, ...extra };
}

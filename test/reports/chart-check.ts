import { join } from 'node:path';
import { readCsv } from '../../engine/market/data/read-csv.js';

interface ChartSpec {
  id: string;
  rows?: number[];
  series: { src: string; values: (number | null)[] }[];
}

/**
 * Checks that every chart of a report page draws numbers of the folder's CSVs: each uPlot series
 * (`src` = `file:column`, or columns joined by `+` for stacked sums) at the chart's rows equals the
 * CSV values rounded to 6 significant digits, and each SVG mark (`data-src` = `file:row:column`)
 * equals its CSV cell exactly. Returns the number of values checked and the mismatches.
 */
export function checkChartsAgainstCsv(html: string, dir: string): { checked: number; marks: number; mismatches: string[] } {
  const json = /<script id="report-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html);
  if (!json) throw new Error('no report-data block');
  const data = JSON.parse(json[1]) as { rows?: number[]; charts: ChartSpec[] };
  const cache = new Map<string, { header: string[]; rows: string[][] }>();
  const csv = (file: string) => {
    if (!cache.has(file)) cache.set(file, readCsv(join(dir, file)));
    return cache.get(file)!;
  };
  const cell = (file: string, row: number, col: string) => {
    const t = csv(file);
    const c = t.header.indexOf(col);
    if (c < 0) throw new Error(`${file}: no column ${col}`);
    return t.rows[row][c];
  };
  const mismatches: string[] = [];
  let checked = 0;
  for (const chart of data.charts) {
    const rows = chart.rows ?? data.rows!;
    for (const s of chart.series) {
      const [file, expr] = s.src.split(':');
      const cols = expr.split('+');
      rows.forEach((row, i) => {
        const parts = cols.map((c) => cell(file, row, c));
        const expected = parts.some((p) => p === '')
          ? null
          : Number(
              parts
                .map(Number)
                .reduce((a, b) => a + b, 0)
                .toPrecision(6),
            );
        const got = s.values[i];
        checked++;
        if (got !== expected && !(got !== null && expected !== null && Math.abs(got - expected) <= 1e-12))
          mismatches.push(`${chart.id} ${s.src} row ${row}: chart ${got}, csv ${expected}`);
      });
    }
  }
  let marks = 0;
  for (const m of html.matchAll(/data-src(-y)?="([^"]+)" data-v(y)?="([^"]+)"/g)) {
    const [file, row, col] = m[2].split(':');
    const v = cell(file, Number(row), col);
    marks++;
    if (Number(v) !== Number(m[4]) && !(v === '' && m[4] === 'NaN')) mismatches.push(`${m[2]}: mark ${m[4]}, csv ${v}`);
  }
  return { checked, marks, mismatches };
}

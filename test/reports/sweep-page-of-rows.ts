import type { Cell } from '../../engine/core/io/csv-writer.js';
import type { SensitivitySeries, SweepPageData } from '../../engine/formats/sweep-folder.js';
import { returnHistogram } from '../../engine/measure/analytics/return-histogram.js';

/** Rows of results.csv as text cells (as read back) with their header. */
export interface ResultsTable {
  header: string[];
  rows: string[][];
}

/** The histogram of the metric over the rows (sweep-distribution.csv): returnHistogram with 12 to 40 bins. */
export function metricDistribution(t: ResultsTable, metric: string): { header: string[]; rows: Cell[][] } {
  const mi = t.header.indexOf(metric);
  const values = t.rows.map((r) => (r[mi] === '' ? NaN : Number(r[mi])));
  const h = returnHistogram([{ name: metric, values }], { maxBins: 40, minBins: 12 });
  const counts = h.series[0].counts;
  return { header: ['bin_from', 'bin_to', 'count'], rows: Array.from(counts, (c, i) => [h.edges[i], h.edges[i + 1], c]) };
}

/**
 * What the sweep page draws, computed from results.csv's rows read back whole, row by row, as the
 * renderer did before it took SweepPageData: the reference the sweep's own one-pass computation
 * (sweepPageData) must equal, and a way to draw a page from a hand-written table.
 */
export function pageDataOfRows(
  t: ResultsTable,
  o: { paramNames: readonly string[]; metric: string; x: string; y: string; best?: { params: Record<string, unknown> } },
): SweepPageData {
  const col = (name: string) => t.header.indexOf(name);
  const mi = col(o.metric);
  const distinct = (name: string) => [...new Set(t.rows.map((r) => r[col(name)]))];
  const xi = col(o.x),
    yi = col(o.y);
  const cells = new Map<string, { x: string | undefined; y: string | undefined; value: number }>();
  for (const r of t.rows) {
    const v = Number(r[mi]);
    if (r[mi] === '' || !Number.isFinite(v)) continue;
    const k = `${r[xi]}\u0000${r[yi]}`;
    const cur = cells.get(k);
    if (!cur) cells.set(k, { x: r[xi], y: r[yi], value: v });
    else if (v > cur.value) cur.value = v;
  }
  // the sensitivities: the rows whose other varied parameters hold the best set's values (String(value)), when there are
  // two of them, else every row with a metric; per value the first row with the best metric
  const params = o.best ? Object.keys(o.best.params).filter((p) => col(p) >= 0 && distinct(p).length > 1) : [];
  const sensitivity = params.map((p): SensitivitySeries => {
    const pi = col(p);
    const others = params.filter((q) => q !== p);
    const atBest = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => others.every((q) => r[col(q)] === String(o.best!.params[q])) && r[mi] !== '');
    const mode = atBest.length > 1 ? 'others at best' : 'profile';
    const pool = mode === 'others at best' ? atBest : t.rows.map((r, i) => ({ r, i })).filter(({ r }) => r[mi] !== '');
    const byValue = new Map<string, { value: string; row: number; metric: number }>();
    for (const { r, i } of pool) {
      const v = Number(r[mi]);
      if (!Number.isFinite(v)) continue;
      const cur = byValue.get(r[pi]);
      if (!cur || v > cur.metric) byValue.set(r[pi], { value: r[pi], row: i, metric: v });
    }
    return { param: p, mode, points: [...byValue.values()] };
  });
  return {
    columns: o.paramNames.filter((name) => col(name) >= 0).map((name) => ({ name, values: distinct(name) })),
    heat: { x: o.x, y: o.y, cells: [...cells.values()] },
    sensitivity,
    distribution: metricDistribution(t, o.metric),
  };
}

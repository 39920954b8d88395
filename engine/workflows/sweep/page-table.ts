import { csvCell, type Cell } from '../../core/io/csv-writer.js';
import { quantileSorted } from '../../measure/analytics/quantiles.js';

/** What the sweep page is drawn from: results.csv's header and rows as text cells (as they read back), and the metric's distribution. */
export interface PageTable {
  header: string[];
  rows: string[][];
  distribution: { header: string[]; rows: Cell[][] };
}

/** Inputs of {@link pageTable}. */
export interface PageTableInput {
  /** results.csv's columns (resultsHeader) and its parameter columns. */
  header: readonly string[];
  paramNames: readonly string[];
  /** The ranking metric's column. */
  metric: string;
  /** The heat map's two parameters (the same name twice for one). */
  x: string;
  y: string;
  /** The ranking metric of each row (NaN: failed, or not finite: an empty cell). */
  values: Float64Array;
  /** Set index and parameter values of row r. */
  indexOf: (row: number) => number;
  paramsOf: (index: number) => Record<string, unknown>;
  /** The best set (its parameters decide the sensitivities' slices). */
  best?: { params: Record<string, unknown> };
}

/** A cell as results.csv holds it once read back (csvCell's text without its quotes). */
function cellText(v: unknown): string {
  const s = csvCell(v as Cell);
  return s.charCodeAt(0) === 34 ? s.slice(1, -1).replace(/""/g, '"') : s;
}

/**
 * The sweep page's input computed from the ranking metric of each row and the set each row
 * holds, without reading results.csv back (a 1,000,000-set file is ≈ 300 MB of text, ≈ 2 GB as
 * strings). The page draws, from the rows: the distinct values of each parameter (axes and
 * sensitivity charts), the best value of each heat-map cell, and for each parameter and value
 * the first row with the best metric, among all rows (a profile) or among the rows whose other
 * parameters equal the best set's (with whether there are at least two of those). So `rows`
 * holds, at their own row numbers, the rows that decide these (one per distinct value of a
 * parameter, each cell's best, each sensitivity point, two of each best-set slice), every other
 * row being a row without a metric, which the page skips: the page is the one the whole file
 * gives. The distribution is the histogram of every row's metric, as metricDistribution bins it
 * ({@link metricHistogram}).
 */
export function pageTable(x: PageTableInput): PageTable {
  const N = x.values.length;
  const header = x.header.map(cellText); // as results.csv's header reads back (a name with a comma is quoted there)
  const col = (name: string) => header.indexOf(name);
  const mi = col(x.metric);
  const P = x.paramNames.length;
  // per parameter: the text of each distinct value (its id), and each row's id
  const texts: string[][] = x.paramNames.map(() => []);
  const textIds = x.paramNames.map(() => new Map<string, number>());
  const valueIds = x.paramNames.map(() => new Map<unknown, number>());
  const ids = x.paramNames.map(() => new Int32Array(N));
  const idOf = (p: number, v: unknown): number => {
    let id = valueIds[p].get(v);
    if (id === undefined) {
      const t = cellText(v);
      id = textIds[p].get(t);
      if (id === undefined) {
        id = texts[p].length;
        texts[p].push(t);
        textIds[p].set(t, id);
      }
      valueIds[p].set(v, id);
    }
    return id;
  };
  const needed = new Set<number>();
  const firstOf: number[][] = x.paramNames.map(() => []); // first row of each value
  const profile: number[][] = x.paramNames.map(() => []); // first row with the best metric of each value
  const xp = x.paramNames.indexOf(x.x),
    yp = x.paramNames.indexOf(x.y);
  const cells = new Map<number, number>(); // heat-map cell → first row with its best metric
  const better = (row: number, than: number | undefined) => than === undefined || x.values[row] > x.values[than];
  for (let r = 0; r < N; r++) {
    const params = x.paramsOf(x.indexOf(r));
    const v = x.values[r];
    for (let p = 0; p < P; p++) {
      const id = idOf(p, params[x.paramNames[p]]);
      ids[p][r] = id;
      if (firstOf[p][id] === undefined) firstOf[p][id] = r;
      if (Number.isFinite(v) && better(r, profile[p][id])) profile[p][id] = r;
    }
    if (Number.isFinite(v) && xp >= 0 && yp >= 0) {
      const k = ids[xp][r] * 2 ** 26 + ids[yp][r];
      if (better(r, cells.get(k))) cells.set(k, r);
    }
  }
  for (let p = 0; p < P; p++) {
    for (const r of firstOf[p]) needed.add(r);
    for (const r of profile[p]) if (r !== undefined) needed.add(r);
  }
  for (const r of cells.values()) needed.add(r);

  // the sensitivities' slices through the best set: the parameters the page varies (several values, a column), and for each
  // the rows whose other such parameters hold the best set's values as text (String(value), as the page compares them)
  if (x.best) {
    const varied = Object.keys(x.best.params)
      .map((name) => x.paramNames.indexOf(name))
      .filter((p) => p >= 0 && col(x.paramNames[p]) >= 0 && texts[p].length > 1);
    const bestId = varied.map((p) => textIds[p].get(String(x.best!.params[x.paramNames[p]])) ?? -1);
    const slice = varied.map(() => ({ rows: 0, best: [] as number[] }));
    for (let r = 0; r < N; r++) {
      if (!Number.isFinite(x.values[r])) continue;
      let off = -1; // the one parameter off the best set's value, or −2 for more than one
      for (let j = 0; j < varied.length && off > -2; j++) if (ids[varied[j]][r] !== bestId[j]) off = off === -1 ? j : -2;
      if (off === -2) continue;
      for (let j = 0; j < varied.length; j++) {
        if (off >= 0 && off !== j) continue;
        const s = slice[j];
        if (s.rows++ < 2) needed.add(r); // the page tells one row from several
        const id = ids[varied[j]][r];
        if (better(r, s.best[id])) s.best[id] = r;
      }
    }
    for (const s of slice) for (const r of s.best) if (r !== undefined) needed.add(r);
  }

  const row = (r: number, metric: boolean): string[] => {
    const cellsOf = new Array<string>(header.length).fill('');
    cellsOf[0] = String(x.indexOf(r));
    for (let p = 0; p < P; p++) {
      const c = col(x.paramNames[p]);
      if (c >= 0) cellsOf[c] = texts[p][ids[p][r]];
    }
    if (mi >= 0 && metric && Number.isFinite(x.values[r])) cellsOf[mi] = String(x.values[r]);
    return cellsOf;
  };
  // stand-ins after the last deciding row change nothing: the table ends there
  let last = -1;
  for (const r of needed) if (r > last) last = r;
  const rows: string[][] = last >= 0 ? new Array<string[]>(last + 1).fill(row(0, false)) : [];
  for (const r of needed) rows[r] = row(r, true);

  const h = metricHistogram(x.values);
  return {
    header,
    rows,
    distribution: { header: ['bin_from', 'bin_to', 'count'], rows: Array.from(h.counts, (c, i) => [h.edges[i], h.edges[i + 1], c]) },
  };
}

/** Rounds a bin width up to 1, 2, 2.5 or 5 × 10^k (as returnHistogram does). */
function niceWidth(w: number): number {
  const k = Math.pow(10, Math.floor(Math.log10(w)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * k >= w * (1 - 1e-12)) return m * k;
  return 10 * k;
}

/**
 * The bins and counts of metricDistribution (returnHistogram of one series with 12 to 40
 * Freedman–Diaconis bins), computed on one sorted copy of the finite values: returnHistogram
 * goes through several arrays of every value (≈ 100 MB at 1,000,000 sets). The same edges and
 * counts (a test compares them).
 */
export function metricHistogram(values: Float64Array, maxBins = 40, minBins = 12): { edges: Float64Array; counts: Float64Array } {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  const sorted = new Float64Array(n);
  n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sorted[n++] = values[i];
  sorted.sort();
  if (n === 0) return { edges: new Float64Array(0), counts: new Float64Array(0) };
  const lo = sorted[0],
    hi = sorted[n - 1];
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  let width = iqr > 0 ? 2 * iqr * Math.pow(n, -1 / 3) : (hi - lo) / 10 || 0.01;
  if ((hi - lo) / width > maxBins) width = (hi - lo) / maxBins;
  if (minBins && hi > lo && (hi - lo) / width < minBins) width = (hi - lo) / minBins;
  width = niceWidth(width);
  const first = Math.floor(lo / width);
  const bins = Math.max(1, Math.floor(hi / width) - first + 1);
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => Number(((first + i) * width).toPrecision(12)));
  const counts = new Float64Array(bins);
  for (let i = 0; i < n; i++) counts[Math.min(bins - 1, Math.max(0, Math.floor(sorted[i] / width) - first))]++;
  return { edges, counts };
}

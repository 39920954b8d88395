import { csvCell, type Cell } from '../../core/io/csv-writer.js';
import type { SensitivitySeries, SweepPageData } from '../../formats/sweep-folder.js';
import { quantileSorted } from '../../measure/analytics/quantiles.js';

/** Inputs of {@link sweepPageData}. */
export interface PageTableInput {
  /** results.csv's columns (resultsHeader) and its parameter columns. */
  header: readonly string[];
  paramNames: readonly string[];
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

/** A metric as results.csv writes it and reads back (String(−0) is "0"). */
const asWritten = (v: number) => v + 0;

/** For each value of a parameter (by id): the first row with the best metric, and the values in the order of their first row. */
class BestByValue {
  readonly rowOf: number[] = [];
  readonly order: number[] = [];
  /** Rows offered. */
  rows = 0;

  add(id: number, row: number, values: Float64Array): void {
    this.rows++;
    const cur = this.rowOf[id];
    if (cur === undefined) {
      this.rowOf[id] = row;
      this.order.push(id);
    } else if (values[row] > values[cur]) this.rowOf[id] = row;
  }
}

/**
 * What the sweep page draws ({@link SweepPageData}), computed over every row from the ranking
 * metric of each row and the set each row holds, without reading results.csv back (a
 * 1,000,000-set file is ≈ 300 MB of text, ≈ 2 GB as strings) and without keeping anything per
 * row: the distinct values of each parameter as results.csv writes them (axes and sensitivity
 * charts), the best value of each heat-map cell, and for each parameter and value the first row
 * with the best metric, among all rows with a metric (a profile) or among the rows whose other
 * parameters hold the best set's values as text (String(value), as the page always compared them),
 * with whether there are at least two of those. One pass over the rows; a second only when a
 * parameter of the best set holds one value whose text is not String(value) (a text the formula
 * guard prefixes), which the first pass could not leave out of the slices. The distribution is
 * the histogram of every row's metric, as returnHistogram bins it ({@link metricHistogram}).
 */
export function sweepPageData(x: PageTableInput): SweepPageData {
  const N = x.values.length;
  const header = x.header.map(cellText); // as results.csv's header reads back (a name with a comma is quoted there)
  const hasColumn = x.paramNames.map((name) => header.indexOf(name) >= 0);
  const P = x.paramNames.length;
  // per parameter: the text of each distinct value (its id), by value and by text
  const texts: string[][] = x.paramNames.map(() => []);
  const textIds = x.paramNames.map(() => new Map<string, number>());
  const valueIds = x.paramNames.map(() => new Map<unknown, number>());
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
  const ids = new Int32Array(P); // the current row's
  const rowIds = (r: number) => {
    const params = x.paramsOf(x.indexOf(r));
    for (let p = 0; p < P; p++) ids[p] = idOf(p, params[x.paramNames[p]]);
  };
  const profile = x.paramNames.map(() => new BestByValue());
  const xp = x.paramNames.indexOf(x.x),
    yp = x.paramNames.indexOf(x.y);
  // heat-map cell (the two ids; 0 for a parameter without a column, which the page sees as one value) → its first row with the best metric
  const cells = new Map<number, number>();
  const cellOf = (p: number) => (p >= 0 && hasColumn[p] ? ids[p] : 0);

  // the sensitivities' slices through the best set: for the parameters `cands` of the best set, the rows whose other such
  // parameters hold the best set's values as text (String(value))
  const bestText = x.paramNames.map((name) => (x.best ? String(x.best.params[name]) : ''));
  const slicesOver = (cands: number[]) => {
    const slices = cands.map(() => new BestByValue());
    // the id of the best set's text once a row has held it (the current row's value has its id before it is compared)
    const bestIds = cands.map(() => -1);
    const bestId = (j: number) => (bestIds[j] >= 0 ? bestIds[j] : (bestIds[j] = textIds[cands[j]].get(bestText[cands[j]]) ?? -1));
    return {
      slices,
      add(r: number) {
        let off = -1; // the one parameter off the best set's value, or −2 for more than one
        for (let j = 0; j < cands.length && off > -2; j++) if (ids[cands[j]] !== bestId(j)) off = off === -1 ? j : -2;
        if (off === -2) return;
        for (let j = 0; j < cands.length; j++) if (off < 0 || off === j) slices[j].add(ids[cands[j]], r, x.values);
      },
    };
  };
  // first pass: every parameter of the best set with a column (one with a single value whose text is String(value) never
  // leaves a row out, so it may stay among them)
  let cands = x.best
    ? Object.keys(x.best.params).flatMap((name) => {
        const p = x.paramNames.indexOf(name);
        return p >= 0 && hasColumn[p] ? [p] : [];
      })
    : [];
  let sliced = slicesOver(cands);
  for (let r = 0; r < N; r++) {
    rowIds(r);
    const v = x.values[r];
    if (!Number.isFinite(v)) continue;
    for (let p = 0; p < P; p++) profile[p].add(ids[p], r, x.values);
    if (xp >= 0 && yp >= 0) {
      const k = cellOf(xp) * 2 ** 26 + cellOf(yp);
      const cur = cells.get(k);
      if (cur === undefined || v > x.values[cur]) cells.set(k, r);
    }
    sliced.add(r);
  }
  // the parameters the page varies (several values); a single-valued one whose text differs from String(value) left every
  // row out of the slices: go through the rows again without it
  const varied = cands.filter((p) => texts[p].length > 1);
  if (cands.some((p) => texts[p].length <= 1 && textIds[p].get(bestText[p]) !== 0)) {
    cands = varied;
    sliced = slicesOver(cands);
    for (let r = 0; r < N; r++) {
      if (!Number.isFinite(x.values[r])) continue;
      rowIds(r);
      sliced.add(r);
    }
  }
  const points = (p: number, b: BestByValue) => b.order.map((id) => ({ value: texts[p][id], row: b.rowOf[id], metric: asWritten(x.values[b.rowOf[id]]) }));
  const sensitivity: SensitivitySeries[] = cands.flatMap((p, j) => {
    if (texts[p].length <= 1) return [];
    const s = sliced.slices[j];
    return [
      s.rows > 1
        ? { param: x.paramNames[p], mode: 'others at best' as const, points: points(p, s) }
        : { param: x.paramNames[p], mode: 'profile' as const, points: points(p, profile[p]) },
    ];
  });
  const text = (p: number, id: number) => (p >= 0 && hasColumn[p] ? texts[p][id] : undefined);
  const h = metricHistogram(x.values);
  return {
    columns: x.paramNames.flatMap((name, p) => (hasColumn[p] ? [{ name, values: texts[p] }] : [])),
    heat: {
      x: x.x,
      y: x.y,
      cells: Array.from(cells, ([k, r]) => ({ x: text(xp, Math.floor(k / 2 ** 26)), y: text(yp, k % 2 ** 26), value: asWritten(x.values[r]) })),
    },
    sensitivity,
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

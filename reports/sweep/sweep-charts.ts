import { returnHistogram } from '../../engine/measure/analytics/return-histogram.js';
import type { Cell } from '../../engine/core/io/csv-writer.js';
import { escapeHtml } from '../html/escape.js';
import { styleOf } from '../html/styles.js';
import { barChart } from '../html/svg-chart.js';

/** Rows of results.csv as text cells with their header. */
export interface ResultsTable {
  header: string[];
  rows: string[][];
}

/**
 * The distribution of the ranking metric over every set that ran (sweep-distribution.csv):
 * Freedman–Diaconis bins as in the run report's histograms (at least 12 bins), count per bin.
 * @example metricDistribution(results, 'sharpe').rows[0] // [bin_from, bin_to, count]
 */
export function metricDistribution(t: ResultsTable, metric: string): { header: string[]; rows: Cell[][] } {
  const mi = t.header.indexOf(metric);
  const values = t.rows.map((r) => (r[mi] === '' ? NaN : Number(r[mi])));
  const h = returnHistogram([{ name: metric, values }], { maxBins: 40, minBins: 12 });
  const counts = h.series[0].counts;
  return { header: ['bin_from', 'bin_to', 'count'], rows: Array.from(counts, (c, i) => [h.edges[i], h.edges[i + 1], c]) };
}

/**
 * One-parameter sensitivity: for each parameter, the metric at each of its values with every
 * other parameter held at the best set's value (rows of results.csv). When no such rows exist
 * (random search), the best metric over the sets with that value (a profile).
 */
export function sensitivity(
  t: ResultsTable,
  metric: string,
  params: string[],
  best: Record<string, unknown>,
): { param: string; mode: 'others at best' | 'profile'; points: { value: string; row: number; metric: number }[] }[] {
  const col = (n: string) => t.header.indexOf(n);
  const mi = col(metric);
  return params.map((p) => {
    const pi = col(p);
    const others = params.filter((q) => q !== p);
    const atBest = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => others.every((q) => r[col(q)] === String(best[q])) && r[mi] !== '');
    const mode = atBest.length > 1 ? 'others at best' : 'profile';
    const pool = mode === 'others at best' ? atBest : t.rows.map((r, i) => ({ r, i })).filter(({ r }) => r[mi] !== '');
    const byValue = new Map<string, { value: string; row: number; metric: number }>();
    for (const { r, i } of pool) {
      const v = Number(r[mi]);
      if (!Number.isFinite(v)) continue;
      const cur = byValue.get(r[pi]);
      if (!cur || v > cur.metric) byValue.set(r[pi], { value: r[pi], row: i, metric: v });
    }
    const points = [...byValue.values()].sort((a, b) => Number(a.value) - Number(b.value) || a.value.localeCompare(b.value));
    return { param: p, mode, points };
  });
}

/** A reference value of the metric drawn across a chart: buying and holding an asset over the same bars. */
export interface ReferenceLine {
  /** Legend text, e.g. "small caps (rut) buy-and-hold". */
  label: string;
  /** Short category label on a bar chart, e.g. "small B&H". */
  short: string;
  value: number;
  /** Where the value is written (e.g. `sweep.json:buyHold.small.metrics.sharpe`). */
  src: string;
}

/**
 * The sweep page's sensitivity and distribution sections and their uPlot specs. `refs`: reference
 * values of the metric (buy-and-hold of small and large caps), drawn on each sensitivity chart as
 * dashed horizontal lines (numeric parameters) or as extra bars at the end (other parameters).
 */
export function sweepCharts(
  t: ResultsTable,
  distribution: { header: string[]; rows: Cell[][] },
  metric: string,
  params: string[],
  best: { params: Record<string, unknown>; value: number } | undefined,
  refs: readonly ReferenceLine[] = [],
) {
  const lines = refs.filter((r) => Number.isFinite(r.value));
  const charts: unknown[] = [];
  const parts: string[] = [];
  if (best) {
    const mi = t.header.indexOf(metric);
    for (const [k, s] of sensitivity(t, metric, params, best.params).entries()) {
      if (s.points.length < 2) continue;
      const numeric = s.points.every((p) => p.value !== '' && Number.isFinite(Number(p.value)));
      const how =
        s.mode === 'others at best'
          ? `other parameters at the best set's values (${escapeHtml(
              params
                .filter((q) => q !== s.param)
                .map((q) => `${q}=${String(best.params[q])}`)
                .join(' ') || 'none',
            )})`
          : 'best over the other parameters at each value (no grid row matched the best set)';
      if (numeric) {
        const st = styleOf(0);
        charts.push({
          id: `sens-${k}`,
          unit: 'number',
          xUnit: 'number',
          xLabel: s.param,
          yLabel: metric,
          height: 220,
          xValues: s.points.map((p) => Number(p.value)),
          rows: s.points.map((p) => p.row),
          markers: `best-${k}`,
          points: true,
          series: [
            { label: metric, color: st.color, width: 2, src: `results.csv:${t.header[mi]}`, values: s.points.map((p) => p.metric), points: true },
            // buy-and-hold over the same bars: a constant across the parameter's values
            ...lines.map((r, j) => ({
              label: r.label,
              color: styleOf(j + 1).color,
              dash: j === 0 ? [8, 4] : [2, 3],
              width: 1.5,
              src: r.src,
              values: s.points.map(() => r.value),
            })),
          ],
        });
        parts.push(
          `<div><h3>${escapeHtml(s.param)}</h3><div class="chart" id="chart-sens-${k}"></div><p class="how">${escapeHtml(metric)} vs ${escapeHtml(s.param)}, ${how}; dotted vertical line: the best set's value${lines.length ? `; dashed and dotted horizontal lines: ${escapeHtml(lines.map((r) => `${r.label} (${r.value.toFixed(3)})`).join(', '))}` : ''}.</p></div>`,
        );
      } else {
        parts.push(
          `<div><h3>${escapeHtml(s.param)}</h3>${barChart({
            id: `sens-${k}`,
            categories: [...s.points.map((p) => p.value), ...lines.map((r) => r.short)],
            series: [
              {
                label: metric,
                values: [...s.points.map((p) => p.metric), ...lines.map((r) => r.value)],
                src: [...s.points.map((p) => `results.csv:${p.row}:${t.header[mi]}`), ...lines.map((r) => r.src)],
              },
            ],
            unit: 'number',
            yLabel: metric,
            xLabel: s.param,
            height: 260,
            width: 460,
          })}<p class="how">${escapeHtml(metric)} for each value of ${escapeHtml(s.param)}, ${how}${lines.length ? `; the last ${lines.length === 1 ? 'bar' : `${lines.length} bars`} for reference: ${escapeHtml(lines.map((r) => r.label).join(' and '))} over the same bars` : ''}.</p></div>`,
        );
      }
    }
  }
  const from = distribution.rows.map((r) => Number(r[0])),
    to = distribution.rows.map((r) => Number(r[1]));
  if (distribution.rows.length) {
    charts.push({
      id: 'sweep-distribution',
      unit: 'count',
      xUnit: 'number',
      xLabel: metric,
      yLabel: 'parameter sets',
      height: 240,
      binWidth: to[0] - from[0],
      markers: 'best-value',
      xValues: from.map((f, i) => Number(((f + to[i]) / 2).toPrecision(10))),
      rows: distribution.rows.map((_, i) => i),
      series: [
        {
          label: 'sets',
          color: styleOf(0).color,
          fill: 'rgba(31,95,191,0.35)',
          bars: true,
          width: 1,
          src: 'sweep-distribution.csv:count',
          values: distribution.rows.map((r) => Number(r[2])),
        },
      ],
    });
  }
  const markers: Record<string, number[]> = { 'best-value': best ? [best.value] : [] };
  if (best) params.forEach((p, k) => (markers[`best-${k}`] = Number.isFinite(Number(best.params[p])) ? [Number(best.params[p])] : []));
  const html = `${parts.length ? `<section><h2>Sensitivity: ${escapeHtml(metric)} against one parameter at a time</h2><div class="small-multiples">${parts.join('')}</div><p class="how">A smooth hill says the best set sits in a region that works; a lone spike says it was picked by luck (results.csv).</p></section>` : ''}
<section><h2>Distribution of ${escapeHtml(metric)} over all sets</h2><div class="chart" id="chart-sweep-distribution"></div><p class="how">Number of parameter sets per bin of ${escapeHtml(metric)} (sweep-distribution.csv); the dotted line marks the best set${best ? ` (${best.value.toFixed(4)})` : ''}${lines.length ? `; for reference, ${escapeHtml(lines.map((r) => `${r.label} ${r.value.toFixed(4)}`).join(', '))}` : ''}. A best set far out in the right tail of a wide distribution is what the deflated Sharpe ratio discounts.</p></section>`;
  return { html, charts, markers };
}

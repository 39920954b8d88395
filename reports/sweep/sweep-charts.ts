import type { Cell } from '../../engine/core/io/csv-writer.js';
import type { SensitivitySeries } from '../../engine/formats/sweep-folder.js';
import { escapeHtml } from '../html/escape.js';
import { styleOf } from '../html/styles.js';
import { barChart } from '../html/svg-chart.js';

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
 * The sweep page's sensitivity and distribution sections and their uPlot specs. `sensitivity`:
 * the metric against each parameter of the best set (SweepPageData.sensitivity); `refs`:
 * reference values of the metric (buy-and-hold of small and large caps), drawn on each
 * sensitivity chart as dashed horizontal lines (numeric parameters) or as extra bars at the end
 * (other parameters).
 */
export function sweepCharts(
  sensitivity: readonly SensitivitySeries[],
  distribution: { header: string[]; rows: Cell[][] },
  metric: string,
  best: { params: Record<string, unknown>; value: number } | undefined,
  refs: readonly ReferenceLine[] = [],
) {
  const lines = refs.filter((r) => Number.isFinite(r.value));
  const charts: unknown[] = [];
  const parts: string[] = [];
  const params = best ? sensitivity.map((s) => s.param) : [];
  if (best) {
    for (const [k, series] of sensitivity.entries()) {
      // the values in order: numbers by value, text alphabetically
      const s = { ...series, points: [...series.points].sort((a, b) => Number(a.value) - Number(b.value) || a.value.localeCompare(b.value)) };
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
            { label: metric, color: st.color, width: 2, src: `results.csv:${metric}`, values: s.points.map((p) => p.metric), points: true },
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
                src: [...s.points.map((p) => `results.csv:${p.row}:${metric}`), ...lines.map((r) => r.src)],
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

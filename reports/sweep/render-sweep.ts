import { escapeHtml } from '../html/escape.js';
import { page } from '../html/page.js';
import { sweepCharts, type ReferenceLine } from './sweep-charts.js';
import { dsrVsBenchmarkWords, dsrVsCashWords, pboWords } from './sweep-words.js';
import type { DeflatedSharpeReport, PboReport, SweepPageData } from '../../engine/formats/sweep-folder.js';

/**
 * Inputs of the sweep page: what it draws from results.csv's rows (the parameters' values, the
 * heat map's cells, the sensitivities and the distribution, computed over every row by the
 * sweep), the ranking metric's column, and the summary.
 */
export interface SweepPageInput {
  title: string;
  data: SweepPageData;
  metric: string;
  summary: {
    sets: number;
    errors: number;
    trials: number;
    deflatedSharpe: number;
    best?: { index: number; params: Record<string, unknown>; value: number };
    dsr?: { cash: DeflatedSharpeReport; benchmark: DeflatedSharpeReport };
    pbo?: PboReport;
  };
  top: { dir: string; params: Record<string, unknown>; value: number }[];
  /** The metric of buying and holding small and large caps over the same bars (sweep.json `buyHold`): reference lines. */
  buyHold?: ReferenceLine[];
  /** The benchmark of the second deflated Sharpe ratio, in words (default "the benchmark"). */
  benchmark?: string;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–');

/** The overfitting checks side by side: both deflated Sharpe ratios (with their nulls and n) and the PBO. */
function overfittingTable(s: SweepPageInput['summary'], benchmark = 'the benchmark'): string {
  if (!s.dsr && !s.pbo) return '';
  const rows: string[] = [];
  const dsrRow = (label: string, d: DeflatedSharpeReport) =>
    `<tr><td>${escapeHtml(label)}</td><td class="num">${pct(d.value)}</td><td>${d.observations.toLocaleString('en-US')} ${d.frequency}s, ${d.trials.toLocaleString('en-US')} trials</td><td>${escapeHtml(d.null)}</td></tr>`;
  if (s.dsr) rows.push(dsrRow('Deflated Sharpe ratio vs cash', s.dsr.cash), dsrRow('Deflated Sharpe ratio vs benchmark', s.dsr.benchmark));
  const p = s.pbo;
  if (p && p.value !== null) {
    rows.push(
      `<tr><td>Probability of backtest overfitting</td><td class="num">${pct(p.value)}</td><td>${p.trials.toLocaleString('en-US')} sets × ${p.months} months, ${p.blocks} blocks, ${p.splits.toLocaleString('en-US')} splits</td><td>share of splits where the set with the best in-sample ${escapeHtml(p.statistic)} ranks at or below the out-of-sample median (Bailey, Borwein, López de Prado & Zhu 2017); out-of-sample loss in ${pct(p.probOosLoss)} of splits, degradation slope ${p.degradation.slope.toFixed(2)}</td></tr>`,
    );
  } else if (p) {
    rows.push(`<tr><td>Probability of backtest overfitting</td><td class="num">–</td><td></td><td>not computed: ${escapeHtml(p.reason)}</td></tr>`);
  }
  const words = [...(s.dsr ? [dsrVsCashWords(s.dsr.cash), dsrVsBenchmarkWords(s.dsr.benchmark, benchmark)] : []), ...(p ? [pboWords(p)] : [])];
  return `<table id="sweep-overfitting"><thead><tr><th>check</th><th>value</th><th>n</th><th>what it tests</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>
<ul class="words" id="sweep-words">${words.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>
<p class="how">Rule: treat the best set as a product of the search when a deflated Sharpe ratio is below 95 % or the probability of backtest overfitting is above 50 %.</p>`;
}

/** Stops of the heat map's colour scale, t from 0 (lowest cell) to 1 (highest). */
function heatColor(t: number): string {
  return `hsl(${Math.round(10 + t * 120)}, 60%, ${Math.round(88 - t * 30)}%)`;
}

/**
 * The heat map's colour scale as an SVG bar from the lowest to the highest cell, with the
 * reference values (buy-and-hold) marked on it: a value outside the cells' range sits at the end
 * it is beyond, with an arrow.
 */
function heatLegend(lo: number, hi: number, refs: readonly ReferenceLine[], metric: string): string {
  const W = 620,
    x0 = 70,
    x1 = 550,
    top = 30,
    h = 14;
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `<stop offset="${t * 100}%" stop-color="${heatColor(t)}"/>`).join('');
  const xOf = (v: number) => (hi > lo ? x0 + ((v - lo) / (hi - lo)) * (x1 - x0) : (x0 + x1) / 2);
  const marks = refs
    .filter((r) => Number.isFinite(r.value))
    .map((r, k) => {
      const raw = xOf(r.value);
      const x = Math.max(x0, Math.min(x1, raw));
      const beyond = raw < x0 ? '◀ ' : raw > x1 ? ' ▶' : '';
      const label = `${beyond.startsWith('◀') ? beyond : ''}${r.label} ${r.value.toFixed(3)}${beyond.endsWith('▶') ? beyond : ''}`;
      const anchor = x < x0 + 120 ? 'start' : x > x1 - 120 ? 'end' : 'middle';
      const y = k === 0 ? top - 8 : top + h + 16;
      return `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${top - 4}" y2="${top + h + 4}" stroke="#1d2330" stroke-width="2"${k === 0 ? ' stroke-dasharray="4 2"' : ' stroke-dasharray="1.5 2"'}/><text x="${x.toFixed(1)}" y="${y}" text-anchor="${anchor}" style="fill:#1d2330">${escapeHtml(label)}</text>`;
    })
    .join('');
  return `<svg class="svg-chart" id="sweep-heat-legend" viewBox="0 0 ${W} 66" style="max-width:${W}px" role="img" aria-label="colour scale of ${escapeHtml(metric)}"><defs><linearGradient id="heat-scale">${stops}</linearGradient></defs><rect x="${x0}" y="${top}" width="${x1 - x0}" height="${h}" fill="url(#heat-scale)" stroke="#c9d1dc"/><text x="${x0 - 6}" y="${top + 11}" text-anchor="end">${lo.toFixed(3)}</text><text x="${x1 + 6}" y="${top + 11}" text-anchor="start">${hi.toFixed(3)}</text>${marks}</svg>`;
}

/**
 * The sweep page: a heat map of the metric over two parameters (the best value over the
 * other parameters in each cell), the deflated Sharpe ratio of the best set, and the top sets.
 */
export function renderSweep(input: SweepPageInput): string {
  const { data } = input;
  // each parameter's distinct values in the order of their first row; a parameter without a column: one value, undefined
  const valuesOf = (name: string): readonly (string | undefined)[] => data.columns.find((c) => c.name === name)?.values ?? [undefined];
  const distinct = (name: string) => valuesOf(name).length;
  const byValue = (a: string | undefined, b: string | undefined) => Number(a) - Number(b) || a!.localeCompare(b!);
  let x = data.heat.x,
    y = data.heat.y;
  // the axis with more values runs down the rows, so the page stays narrow
  const swap = distinct(x) > distinct(y);
  if (swap) [x, y] = [y, x];
  const xs = [...valuesOf(x)].sort(byValue);
  const ys = [...valuesOf(y)].sort(byValue);
  const cell = new Map<string, number>();
  for (const c of data.heat.cells) cell.set(swap ? `${c.y}\u0000${c.x}` : `${c.x}\u0000${c.y}`, c.value);
  const vals = [...cell.values()];
  const lo = Math.min(...vals),
    hi = Math.max(...vals);
  const color = (v: number) => heatColor(hi > lo ? (v - lo) / (hi - lo) : 0.5);
  const refs = (input.buyHold ?? []).filter((r) => Number.isFinite(r.value));
  const versus = (v: number) => refs.map((r) => `; ${r.value <= v ? 'at or above' : 'below'} ${r.label} (${r.value.toFixed(3)})`).join('');
  const grid = `<table class="heat" id="sweep-heatmap"><thead><tr><th>${escapeHtml(y)} \\ ${escapeHtml(x)}</th>${xs.map((xv) => `<th>${escapeHtml(xv)}</th>`).join('')}</tr></thead><tbody>${ys
    .map(
      (yv) =>
        `<tr><td>${escapeHtml(yv)}</td>${xs
          .map((xv) => {
            const v = cell.get(`${xv}\u0000${yv}`);
            return v === undefined
              ? '<td></td>'
              : `<td style="background:${color(v)}" title="${escapeHtml(`${x}=${xv} ${y}=${yv}: ${v}${versus(v)}`)}">${v.toFixed(3)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>`;
  const s = input.summary;
  const best = s.best
    ? Object.entries(s.best.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ')
    : '–';
  const top = input.top
    .map(
      (t, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(
          Object.entries(t.params)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(' '),
        )}</td><td>${t.value.toFixed(4)}</td><td><a href="${escapeHtml(t.dir)}/report.html">${escapeHtml(t.dir)}/report.html</a></td></tr>`,
    )
    .join('\n');
  const extra = sweepCharts(data.sensitivity, data.distribution, input.metric, s.best, refs);
  const cells = [...cell.values()];
  const above = refs.map(
    (r) => `${cells.filter((v) => v >= r.value).length} of ${cells.length} cells are at or above ${escapeHtml(r.label)} (${r.value.toFixed(3)})`,
  );
  const holdLead = refs.length
    ? `<p class="lead">Buying and holding over the same bars: ${refs.map((r) => `${escapeHtml(r.label)} ${escapeHtml(input.metric)} = ${r.value.toFixed(4)}`).join('; ')}.</p>`
    : '';
  const body = `<header class="top"><h1>${escapeHtml(input.title)}</h1>
<p class="lead">${s.sets.toLocaleString('en-US')} parameter sets, ${s.errors.toLocaleString('en-US')} failed. Best ${escapeHtml(input.metric)} = ${s.best ? s.best.value.toFixed(4) : '–'} at ${escapeHtml(best)}.</p>${holdLead}
<p class="lead"><b>Deflated Sharpe ratio of the best set: ${Number.isFinite(s.deflatedSharpe) ? (s.deflatedSharpe * 100).toFixed(1) + '%' : '–'}</b> — the probability that its true Sharpe ratio beats the best of ${s.trials.toLocaleString('en-US')} trials of pure luck (Bailey & López de Prado 2014). Below 95 %, the winner may be an artefact of searching.</p>${overfittingTable(s, input.benchmark)}</header>
<section><h2>${escapeHtml(input.metric)} over ${escapeHtml(x)} × ${escapeHtml(y)}</h2>${grid}${vals.length ? heatLegend(lo, hi, refs, input.metric) : ''}<p class="how">Each cell: the best ${escapeHtml(input.metric)} over the other parameters. A lone bright cell among dull ones is a warning sign of overfitting; a broad plateau is more trustworthy. The scale under the map runs from the lowest to the highest cell${refs.length ? `; its marks: buying and holding over the same bars (${above.join('; ')})` : ''}.</p></section>
${extra.html}
<section><h2>Top sets (full runs)</h2><table id="sweep-top"><thead><tr><th>#</th><th>parameters</th><th>${escapeHtml(input.metric)}</th><th>report</th></tr></thead><tbody>${top}</tbody></table></section>`;
  return page(input.title, body, { kind: 'sweep', charts: extra.charts, markers: extra.markers });
}

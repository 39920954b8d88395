import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../engine/market/data/read-csv.js';
import { column, type Table } from '../read-run.js';
import { isoToSeconds } from '../html/chart-data.js';
import { csvSeries } from '../html/csv-series.js';
import { downsampleIndexes } from '../html/downsample.js';
import { escapeHtml } from '../html/escape.js';
import { formatValue } from '../../engine/core/format.js';
import { chartSection, page } from '../html/page.js';
import { barChart } from '../html/svg-chart.js';
import { metricKey } from '../../engine/measure/metrics/metric-names.js';

/** walkforward.json as the page reads it. */
interface WalkForwardJson {
  strategy: string;
  grid: string[];
  train: string;
  test: string;
  anchored: boolean;
  metric: string;
  inSampleMean: number;
  outOfSample: Record<string, number | string | null>;
  buyHold?: Record<string, Record<string, number | string | null>>;
  assets?: { small: string; large: string };
}

function table(dir: string, name: string): Table {
  const { header, rows } = readCsv(join(dir, name));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

/**
 * The walk-forward page: in-sample vs out-of-sample metric per window (bars), the stitched
 * out-of-sample equity against buying and holding small and large caps over the same bars, the
 * summary numbers and the windows with the parameters chosen. Drawn from the folder's
 * walkforward.csv, oos-equity.csv and walkforward.json.
 */
export function renderWalkForward(dir: string): string {
  const j = JSON.parse(readFileSync(join(dir, 'walkforward.json'), 'utf8')) as WalkForwardJson;
  const windows = table(dir, 'walkforward.csv');
  const oos = table(dir, 'oos-equity.csv');
  const metric = j.metric;
  const isCol = `in_sample_${metric}`,
    oosCol = `out_of_sample_${metric}`;
  const fixed = new Set(['train_from', 'train_to', 'test_from', 'test_to', isCol, oosCol, 'test_return', 'failed_sets']);
  const paramCols = Object.keys(windows[0] ?? {}).filter((k) => !fixed.has(k));
  const key = metricKey(metric);
  const unit = ['cagr', 'totalReturn', 'maxDrawdown', 'volatility'].includes(key) ? 'fraction' : 'ratio';
  const f = (v: number | string | null | undefined, u = unit) => formatValue(v ?? null, u);
  const bh = j.buyHold ?? {};
  const holdCols = Object.keys(bh);
  const oosM = j.outOfSample;
  const lead = `<p class="lead"><b>${escapeHtml(metric)}: in-sample mean ${f(j.inSampleMean)} vs stitched out-of-sample ${f(oosM[key] as number)}</b> over ${windows.length} test windows (${escapeHtml(oos[0]?.date ?? '')} to ${escapeHtml(oos.at(-1)?.date ?? '')}, ${oos.length.toLocaleString('en-US')} bars). A large drop from in-sample to out-of-sample means the parameters chosen on the past did not carry over.</p>`;
  const rows = [
    ['CAGR', 'cagr', 'fraction'],
    ['Volatility (ann.)', 'volatility', 'fraction'],
    ['Sharpe (ann.)', 'sharpe', 'ratio'],
    ['Max drawdown', 'maxDrawdown', 'fraction'],
    ['Total return', 'totalReturn', 'fraction'],
  ]
    .map(([label, k, u]) => `<tr><td>${label}</td><td>${f(oosM[k], u)}</td>${holdCols.map((h) => `<td>${f(bh[h][k], u)}</td>`).join('')}</tr>`)
    .join('');
  const summary = `<table id="wf-summary" class="sticky-first"><thead><tr><th>out of sample</th><th>strategy (stitched)</th>${holdCols.map((h) => `<th>${escapeHtml(h)} buy-and-hold</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  const categories = windows.map((w) => `${w.test_from.slice(0, 7)} to ${w.test_to.slice(0, 7)}`);
  const bars = barChart({
    id: 'wf-windows',
    categories,
    series: [
      {
        label: `in-sample ${metric}`,
        values: windows.map((w) => Number(w[isCol] === '' ? NaN : w[isCol])),
        src: windows.map((_, i) => `walkforward.csv:${i}:${isCol}`),
      },
      {
        label: `out-of-sample ${metric}`,
        values: windows.map((w) => Number(w[oosCol] === '' ? NaN : w[oosCol])),
        src: windows.map((_, i) => `walkforward.csv:${i}:${oosCol}`),
      },
    ],
    unit: unit === 'fraction' ? 'percent' : 'number',
    yLabel: `${metric}${unit === 'fraction' ? ' (%)' : ''}`,
    xLabel: 'test window',
  });
  const list = windows
    .map(
      (w) =>
        `<tr><td>${escapeHtml(w.train_from)} to ${escapeHtml(w.train_to)}</td><td>${escapeHtml(w.test_from)} to ${escapeHtml(w.test_to)}</td>${paramCols.map((p) => `<td>${escapeHtml(w[p])}</td>`).join('')}<td>${f(w[isCol])}</td><td>${f(w[oosCol])}</td><td>${formatValue(w.test_return, 'fraction')}</td><td>${escapeHtml(w.failed_sets)}</td></tr>`,
    )
    .join('');
  const eq = column(oos, 'equity');
  const keep = downsampleIndexes(eq, 1500);
  const x = Array.from(keep, (i) => isoToSeconds(oos[i].date));
  const body = [
    `<header class="top"><h1>Walk-forward of ${escapeHtml(j.strategy)}</h1><p class="lead">Grid ${escapeHtml(j.grid.join(' '))}; ${j.anchored ? 'expanding' : 'rolling'} training windows of ${escapeHtml(j.train)}, test windows of ${escapeHtml(j.test)}; parameters chosen by ${escapeHtml(metric)} on each training window.</p>${lead}</header>`,
    `<section><h2>Out of sample vs buying and holding</h2>${summary}<p class="how">Metrics of the stitched out-of-sample returns (each test window starts in cash and trades from its first decision) and of buying and holding each asset over the same bars (walkforward.json).</p></section>`,
    `<section><h2>In-sample vs out-of-sample ${escapeHtml(metric)} per window</h2>${bars}<p class="how">Solid: the best ${escapeHtml(metric)} on the training window (the winner of the search, biased upward); hatched: the same parameters on the test window that followed (walkforward.csv).</p></section>`,
    chartSection(
      'oos-equity',
      'Stitched out-of-sample equity vs buy-and-holds',
      'Growth of 1 of the stitched test windows and of buying and holding each asset over the same bars (oos-equity.csv).',
    ),
    `<section><h2>Windows</h2><table id="wf-table" class="sticky-first"><thead><tr><th>train</th><th>test</th>${paramCols.map((p) => `<th>${escapeHtml(p)}</th>`).join('')}<th>in-sample</th><th>out-of-sample</th><th>test return</th><th>failed sets</th></tr></thead><tbody>${list}</tbody></table></section>`,
  ].join('\n');
  const holds = Object.keys(oos[0] ?? {}).filter((k) => !['date', 'equity', 'return'].includes(k));
  const data = {
    kind: 'walkforward',
    x,
    rows: Array.from(keep),
    charts: [
      {
        id: 'oos-equity',
        unit: 'number',
        yLabel: 'growth of 1 (log scale)',
        log: true,
        height: 340,
        series: [
          csvSeries(oos, 'oos-equity.csv', 'equity', keep, 'strategy (out of sample)', 0),
          ...holds.map((h, i) => csvSeries(oos, 'oos-equity.csv', h, keep, `${h} buy-and-hold`, i + 1)),
        ],
      },
    ],
  };
  return page(`Walk-forward of ${j.strategy} — ratecycle`, body, data);
}

/** Writes walkforward.html into a walk-forward folder from its CSVs and JSON. */
export function writeWalkForwardPage(dir: string): void {
  writeFileSync(join(dir, 'walkforward.html'), renderWalkForward(dir));
}

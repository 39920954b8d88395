import type { RunData } from '../read-run.js';
import { escapeHtml } from './escape.js';
import { chartSection, page, PHASE_LEGEND } from './page.js';
import { runCharts } from './run-charts.js';
import { seriesOf } from './run-labels.js';
import { drawdownsTable, eventTables, heatmap, metricsTable, regimeTable, roundTripTables, tradesTable } from './run-tables.js';
import { inferenceSection } from './inference-section.js';
import { factorSection } from './factor-section.js';
import { verdict } from './run-verdict.js';
import { barChart, boxChart } from './svg-chart.js';

/** `k=v` list of params. */
export function paramsText(params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? parts.join(' ') : '(defaults)';
}

function header(run: RunData): string {
  const m = run.manifest;
  const cost = Array.isArray(m.options.costBps) ? m.options.costBps.join('/') : m.options.costBps;
  const hashes = Object.entries(m.data.hashes)
    .map(([f, h]) => `${f} ${h.slice(0, 10)}`)
    .join(', ');
  const warn = (m.warnings ?? []).map((w) => `<div class="note">${escapeHtml(w)}</div>`).join('');
  const units =
    m.universe.units && Object.keys(m.universe.units).length
      ? `; ${Object.entries(m.universe.units)
          .map(([a, u]) => `${a}: ${u}`)
          .join('; ')}`
      : '';
  return `<header class="top">
<h1>${escapeHtml(m.strategy.name)} <small class="muted">${escapeHtml(m.strategy.id)}</small></h1>
<p class="lead">${escapeHtml(m.strategy.description)}</p>
<dl class="meta">
<dt>Parameters</dt><dd>${escapeHtml(paramsText(m.strategy.params))}</dd>
<dt>Universe</dt><dd>${escapeHtml(m.universe.id)}: small = ${escapeHtml(m.universe.small)}, large = ${escapeHtml(m.universe.large)}${m.universe.assets.length > 2 ? `, assets ${escapeHtml(m.universe.assets.join(', '))}` : ''} (${escapeHtml(m.universe.frequency)})${escapeHtml(units)}</dd>
<dt>Period</dt><dd>${escapeHtml(m.period.from)} to ${escapeHtml(m.period.to)}, ${m.period.bars.toLocaleString('en-US')} bars, ${m.period.periodsPerYear.toFixed(1)} bars per year</dd>
<dt>Execution</dt><dd>lag ${m.options.lag} bar(s), rebalance ${escapeHtml(m.options.rebalance)}, costs ${escapeHtml(cost)} bp + slippage ${m.options.slippageBps} bp</dd>
</dl>
<details><summary>reproduction details</summary><dl class="meta">
<dt>Strategy file</dt><dd class="code">${m.strategy.file ? `${escapeHtml(m.strategy.file)} (sha256 ${escapeHtml((m.strategy.hash ?? '').slice(0, 12))})` : 'built-in'}</dd>
<dt>Data</dt><dd class="code">${escapeHtml(hashes)}</dd>
<dt>Run</dt><dd class="code">${escapeHtml(m.id)} · ratecycle ${escapeHtml(m.version)}</dd>
</dl></details>${warn}</header>`;
}

function section(title: string, inner: string, id = ''): string {
  return `<section${id ? ` id="${id}"` : ''}><h2>${escapeHtml(title)}</h2>${inner}</section>`;
}

/** Annual returns as grouped bars with a y axis: the strategy and each buy-and-hold (returns-annual.csv). */
function annualBars(run: RunData): string {
  const series = seriesOf(run);
  const chart = barChart({
    id: 'annual-bars',
    categories: run.annual.map((r) => r.year),
    series: series.map((s) => ({
      label: s.label,
      values: run.annual.map((r) => (r[s.key] === '' ? NaN : Number(r[s.key]))),
      src: run.annual.map((_, i) => `returns-annual.csv:${i}:${s.key}`),
    })),
    unit: 'percent',
    yLabel: 'calendar-year return (%)',
    xLabel: 'year (partial first and last years)',
  });
  return `${chart}<p class="how">Bars per calendar year; hover a bar for its value. Solid, hatched and dotted fills tell the series apart without colour.</p>`;
}

/** Box plots of returns per day (or bar), month and year, for the strategy and each buy-and-hold (quantiles.csv). */
function quantileBoxes(run: RunData): string {
  const series = seriesOf(run);
  const periods = [...new Set(run.quantiles.map((q) => q.period))];
  const groups = periods.map((p) => ({
    label: p === 'day' ? 'daily returns' : p === 'month' ? 'monthly returns' : 'annual returns',
    boxes: series.map((s) => {
      const i = run.quantiles.findIndex((q) => q.period === p && q.series === s.key);
      const q = run.quantiles[i];
      const v = (k: string) => Number(q[k]);
      return {
        label: s.key,
        n: v('n'),
        min: v('min'),
        whiskerLow: v('whisker_low'),
        q1: v('q1'),
        median: v('median'),
        q3: v('q3'),
        whiskerHigh: v('whisker_high'),
        max: v('max'),
        src: `quantiles.csv:${i}:median`,
      };
    }),
  }));
  return `${boxChart({ id: 'quantile-boxes', groups, yLabel: 'return (%)' })}<p class="how">Box: quartiles with the median (thick line); whiskers: the most extreme returns within 1.5 × the interquartile range (Tukey); circles: the minimum and maximum. Hover a box for its numbers and n.</p>`;
}

function distributionSection(run: RunData): string {
  const panels = seriesOf(run)
    .map((s, i) => `<div><h3>${escapeHtml(s.label)}</h3><div class="chart" id="chart-dist-${i}"></div></div>`)
    .join('');
  return section(
    'Distribution of monthly returns',
    `<div class="small-multiples">${panels}</div><p class="how">Histogram of calendar-month returns (bars, months per bin) with the normal distribution of the same mean and standard deviation (dashed), on common bins (distribution.csv). Fat tails show as bars beyond the dashed curve.</p>`,
    'distribution',
  );
}

/** The whole single-run report as one self-contained HTML page: the answer first, details below. */
export function renderRunReport(run: RunData): string {
  const m = run.manifest;
  const bench = m.universe.large;
  const body = [
    header(run),
    `<section class="summary"><h2>The answer in one minute</h2><div class="grid2">${verdict(run)}<div class="table-wrap">${metricsTable(run, 'key')}</div></div></section>`,
    chartSection(
      'equity',
      'Equity (log scale) vs each buy-and-hold',
      'Growth of 1 for the strategy and for buying and holding each asset (equity.csv, buy-hold.csv). Shading: Fed easing (green) and tightening (red) phases as known at each close.',
      PHASE_LEGEND,
    ),
    chartSection('drawdown', 'Underwater: drawdown of the strategy and each buy-and-hold', 'Fall from the running peak of equity (equity.csv, buy-hold.csv).'),
    chartSection(
      'rate',
      'Fed policy rate',
      'Target rate (upper bound since 2008) or effective funds rate before 1982, percent per year; dotted lines mark FOMC cuts.',
    ),
    chartSection('rolling', 'Rolling 12-month return', 'Compounded return over the trailing 12 calendar months at each bar (rolling.csv).'),
    chartSection(
      'rolling-sharpe',
      'Rolling 12-month Sharpe ratio',
      'Annualized Sharpe ratio of the trailing 12 months’ returns in excess of cash (rolling.csv).',
    ),
    chartSection('rolling-vol', 'Rolling 12-month volatility', 'Annualized standard deviation of the trailing 12 months’ bar returns (rolling.csv).'),
    chartSection(
      'rolling-beta',
      `Rolling 12-month beta to large caps (${bench})`,
      `Beta of the trailing 12 months’ excess returns against ${bench}'s (rolling.csv); 1 = moves one for one with large caps.`,
    ),
    distributionSection(run),
    section('Return quantiles by period', quantileBoxes(run), 'quantiles'),
    section('Annual returns', annualBars(run)),
    section('Monthly returns (strategy, %)', heatmap(run)),
    section('Returns by Fed regime', regimeTable(run.regimes)),
    factorSection(run),
    section('After each first cut', eventTables(run.events, run.eventsSummary)),
    inferenceSection(run),
    chartSection('alloc', 'Allocation', 'Realized weights after trading, stacked (weights.csv); the top band is cash.'),
    section(`Round trips (${run.roundTrips.length.toLocaleString('en-US')})`, roundTripTables(run), 'round-trips'),
    section(`Trades (${run.trades.length.toLocaleString('en-US')} legs)`, tradesTable(run.trades)),
    section('All metrics', metricsTable(run, 'all')),
    section('Worst drawdowns', drawdownsTable(run.drawdowns)),
  ].join('\n');
  return page(`${m.strategy.name} — ratecycle report`, body, { kind: 'run', ...runCharts(run) });
}

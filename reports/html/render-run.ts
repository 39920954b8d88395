import { column, type RunData, type Table } from '../read-run.js';
import { isoToSeconds, displayValues, phaseRuns, sampleBars } from './chart-data.js';
import { rollingReturn } from './downsample.js';
import { escapeHtml } from './escape.js';
import { formatPercent, formatValue } from './format.js';
import { chartSection, page, PHASE_LEGEND } from './page.js';

const COLORS = { strategy: '#1f5fbf', small: '#e07b00', large: '#6b6f7a', rate: '#7a3fb0' };
const ASSET_COLORS = ['#e07b00', '#6b6f7a', '#2a9d8f', '#8e5ea2', '#c44e52'];

/** Signed percent cell with a colour class. */
function pctCell(x: number): string {
  const cls = Number.isFinite(x) ? (x > 0 ? 'pos' : x < 0 ? 'neg' : '') : '';
  return `<td class="${cls}">${formatPercent(x)}</td>`;
}

function n(v: string | undefined): number {
  return v === undefined || v === '' ? NaN : Number(v);
}

/** `k=v` list of params, escaped. */
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
  return `<header class="top">
<h1>${escapeHtml(m.strategy.name)} <small style="color:#5f6b7a;font-weight:normal">${escapeHtml(m.strategy.id)}</small></h1>
<p class="lead">${escapeHtml(m.strategy.description)}</p>
<dl class="meta">
<dt>Parameters</dt><dd>${escapeHtml(paramsText(m.strategy.params))}</dd>
<dt>Universe</dt><dd>${escapeHtml(m.universe.id)}: small = ${escapeHtml(m.universe.small)}, large = ${escapeHtml(m.universe.large)} (${escapeHtml(m.universe.frequency)})${m.universe.units && Object.keys(m.universe.units).length ? `; ${escapeHtml(Object.entries(m.universe.units).map(([a, u]) => `${a}: ${u}`).join('; '))}` : ''}</dd>
<dt>Period</dt><dd>${escapeHtml(m.period.from)} to ${escapeHtml(m.period.to)}, ${m.period.bars.toLocaleString('en-US')} bars, ${m.period.periodsPerYear.toFixed(1)} bars per year</dd>
<dt>Execution</dt><dd>lag ${m.options.lag} bar(s), rebalance ${escapeHtml(m.options.rebalance)}, costs ${escapeHtml(cost)} bp + slippage ${m.options.slippageBps} bp</dd>
<dt>Strategy file</dt><dd>${m.strategy.file ? `${escapeHtml(m.strategy.file)} (sha256 ${escapeHtml((m.strategy.hash ?? '').slice(0, 12))})` : 'built-in'}</dd>
<dt>Data</dt><dd>${escapeHtml(hashes)}</dd>
<dt>Run</dt><dd>${escapeHtml(m.id)} · ratecycle ${escapeHtml(m.version)}</dd>
</dl>${warn}</header>`;
}

const KEY_METRICS = ['totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'exposure', 'turnoverAnnual', 'rebalances', 'psr'];

/** The short table at the top: the metrics a reader looks at first. */
function keyMetrics(run: RunData): string {
  const { columns, metrics, definitions } = run.metrics;
  const head = columns.map((c) => `<th>${escapeHtml(c === 'small' ? `small (${run.manifest.universe.small})` : c === 'large' ? `large (${run.manifest.universe.large})` : c)}</th>`).join('');
  const rows = KEY_METRICS.filter((k) => definitions[k])
    .map((key) => `<tr><td title="${escapeHtml(definitions[key].definition)}">${escapeHtml(definitions[key].label)}</td>${columns.map((c) => `<td>${escapeHtml(formatValue(metrics[c]?.[key] ?? null, definitions[key].unit))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<section><h2>Key metrics</h2><table id="key-metrics"><thead><tr><th>metric</th>${head}</tr></thead><tbody>${rows}</tbody></table><p class="how">Strategy vs buying and holding each asset over the same bars. Every metric, with definitions, is in the table "All metrics" below.</p></section>`;
}

function metricsTable(run: RunData): string {
  const { columns, metrics, definitions } = run.metrics;
  const head = columns.map((c) => `<th>${escapeHtml(c === 'small' ? `small (${run.manifest.universe.small})` : c === 'large' ? `large (${run.manifest.universe.large})` : c)}</th>`).join('');
  const rows = Object.entries(definitions)
    .map(([key, def]) => `<tr><td title="${escapeHtml(def.definition)}">${escapeHtml(def.label)}</td>${columns.map((c) => `<td>${escapeHtml(formatValue(metrics[c]?.[key] ?? null, def.unit))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<section><h2>All metrics</h2><table id="metrics-table"><thead><tr><th>metric</th>${head}</tr></thead><tbody>${rows}</tbody></table><p class="how">Sharpe and Sortino use returns in excess of the cash series; annualization uses the bars per year measured from the calendar. Hover a label for its definition.</p></section>`;
}

function heatmap(periods: Table): string {
  const months = periods.filter((p) => p.period === 'month');
  const years = [...new Set(months.map((m) => m.year))];
  const byKey = new Map(months.map((m) => [`${m.year}-${m.month}`, n(m.strategy)]));
  const annual = new Map(periods.filter((p) => p.period === 'year').map((p) => [p.year, n(p.strategy)]));
  const color = (x: number) => {
    if (!Number.isFinite(x)) return '#fff';
    const a = Math.min(1, Math.abs(x) / 0.1);
    return x >= 0 ? `rgba(34,160,90,${(0.12 + 0.6 * a).toFixed(2)})` : `rgba(214,60,50,${(0.12 + 0.6 * a).toFixed(2)})`;
  };
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const rows = years
    .map((y) => {
      const cells = names.map((_, i) => {
        const x = byKey.get(`${y}-${i + 1}`);
        return x === undefined ? '<td></td>' : `<td style="background:${color(x)}">${(x * 100).toFixed(1)}</td>`;
      });
      const a = annual.get(y) ?? NaN;
      return `<tr><td>${escapeHtml(y)}</td>${cells.join('')}<td style="background:${color(a / 3)};font-weight:600">${(a * 100).toFixed(1)}</td></tr>`;
    })
    .join('\n');
  return `<section><h2>Monthly returns (strategy, %)</h2><table class="heat" id="heatmap"><thead><tr><th>year</th>${names.map((m) => `<th>${m}</th>`).join('')}<th>year</th></tr></thead><tbody>${rows}</tbody></table><p class="how">Each cell is the strategy's compounded return in that calendar month; the last column is the calendar year (partial first and last years).</p></section>`;
}

/** Grouped annual-return bars as inline SVG. */
function annualBars(periods: Table): string {
  const years = periods.filter((p) => p.period === 'year');
  const keys = ['strategy', 'small', 'large'] as const;
  const vals = years.flatMap((y) => keys.map((k) => n(y[k]))).filter(Number.isFinite);
  const max = Math.max(0.05, ...vals.map(Math.abs));
  const W = Math.max(600, years.length * 24), H = 240, mid = H / 2, bw = 6;
  const scale = (v: number) => (v / max) * (mid - 18);
  const bars = years
    .map((y, i) => {
      const x0 = 40 + i * ((W - 50) / years.length);
      const group = keys
        .map((k, j) => {
          const v = n(y[k]);
          if (!Number.isFinite(v)) return '';
          const h = scale(v);
          const fill = k === 'strategy' ? COLORS.strategy : k === 'small' ? COLORS.small : COLORS.large;
          return `<rect x="${(x0 + j * bw).toFixed(1)}" y="${(h >= 0 ? mid - h : mid).toFixed(1)}" width="${bw - 1}" height="${Math.abs(h).toFixed(1)}" fill="${fill}"><title>${escapeHtml(y.year)} ${k}: ${formatPercent(v)}</title></rect>`;
        })
        .join('');
      const label = i % Math.ceil(years.length / 25) === 0 ? `<text x="${x0}" y="${H - 2}">${escapeHtml(y.year)}</text>` : '';
      return group + label;
    })
    .join('');
  return `<section><h2>Annual returns</h2><svg id="annual-bars" viewBox="0 0 ${W} ${H}" width="100%" height="${H}" preserveAspectRatio="none" role="img" aria-label="annual returns">
<line x1="36" x2="${W}" y1="${mid}" y2="${mid}" stroke="#999"/><text x="0" y="${mid - scale(max) + 4}">${formatPercent(max)}</text><text x="0" y="${mid + scale(max)}">${formatPercent(-max)}</text>${bars}</svg>
<p class="how">Bars per calendar year: <span style="color:${COLORS.strategy}">■ strategy</span> <span style="color:${COLORS.small}">■ small caps</span> <span style="color:${COLORS.large}">■ large caps</span>. Hover a bar for its value.</p></section>`;
}

function regimeTable(regimes: Table, label: string, id: string): string {
  const rows = regimes
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.scope === 'phase' ? `${r.label} (all)` : r.label)}</td><td>${escapeHtml(r.start)}</td><td>${escapeHtml(r.end)}</td><td>${Number(r.days).toLocaleString('en-US')}</td>${pctCell(n(r.strategy))}${pctCell(n(r.small))}${pctCell(n(r.large))}${pctCell(n(r.relative))}${pctCell(n(r.strategy_ann))}${pctCell(n(r.small_ann))}${pctCell(n(r.large_ann))}</tr>`,
    )
    .join('\n');
  return `<section><h2>${escapeHtml(label)}</h2><table id="${id}"><thead><tr><th>regime</th><th>from</th><th>to</th><th>days</th><th>strategy</th><th>small</th><th>large</th><th>small vs large</th><th>strategy ann.</th><th>small ann.</th><th>large ann.</th></tr></thead><tbody>${rows}</tbody></table>
<p class="how">Phase rows chain every bar held while the Fed phase known at the previous close was easing, tightening or hold. Cycle rows run from a cycle's first move to the next cycle's first move. "small vs large" = (1 + small) / (1 + large) − 1.</p></section>`;
}

function eventTables(events: Table, summary: Table): string {
  const first = events.filter((e) => e.event === 'first-cut');
  const horizons = [...new Set(first.map((e) => e.horizon_months))];
  const dates = [...new Set(first.map((e) => e.event_date))];
  const get = (d: string, h: string) => first.find((e) => e.event_date === d && e.horizon_months === h);
  const rows = dates
    .map((d) => {
      const cells = horizons.map((h) => {
        const e = get(d, h);
        return e ? `${pctCell(n(e.small))}${pctCell(n(e.large))}${pctCell(n(e.spread))}` : '<td></td><td></td><td></td>';
      });
      return `<tr><td>${escapeHtml(d)}</td><td>${escapeHtml(get(d, horizons[0])?.entry_date ?? '')}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const head1 = horizons.map((h) => `<th colspan="3" style="text-align:center">${escapeHtml(h)} m</th>`).join('');
  const head2 = horizons.map(() => '<th>small</th><th>large</th><th>spread</th>').join('');
  const sumRows = summary
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.event)}</td><td>${escapeHtml(s.horizon_months)}</td><td>${escapeHtml(s.n)}</td>${pctCell(n(s.small_mean))}${pctCell(n(s.small_median))}${pctCell(n(s.large_mean))}${pctCell(n(s.large_median))}${pctCell(n(s.spread_mean))}${pctCell(n(s.spread_median))}<td>${formatPercent(n(s.spread_hit_rate))}</td>${pctCell(n(s.strategy_mean))}</tr>`,
    )
    .join('\n');
  return `<section><h2>After each first cut</h2><table id="events-table"><thead><tr><th rowspan="2">first cut</th><th rowspan="2">entry</th>${head1}</tr><tr>${head2}</tr></thead><tbody>${rows}</tbody></table>
<h2 style="margin-top:16px">Averages</h2><table id="events-summary"><thead><tr><th>event</th><th>months</th><th>n</th><th>small mean</th><th>small median</th><th>large mean</th><th>large median</th><th>spread mean</th><th>spread median</th><th>small beat large</th><th>strategy mean</th></tr></thead><tbody>${sumRows}</tbody></table>
<p class="how">Entry at the close of the decision day (first bar on or after it); exit at the last bar on or before entry + h calendar months; returns of the universe's series (price index or total return, see the header); spread = small − large. Empty cells: the horizon runs past the data.</p></section>`;
}

function drawdownsTable(dd: Table): string {
  const rows = dd.map((d) => `<tr><td>${escapeHtml(d.rank)}</td><td>${escapeHtml(d.peak)}</td><td>${escapeHtml(d.trough)}</td><td>${escapeHtml(d.recovery || 'not recovered')}</td>${pctCell(n(d.depth))}<td>${Number(d.days).toLocaleString('en-US')}</td></tr>`).join('\n');
  return `<section><h2>Worst drawdowns</h2><table id="drawdowns-table"><thead><tr><th>#</th><th>peak</th><th>trough</th><th>recovery</th><th>depth</th><th>days</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function tradesTable(trades: Table): string {
  const LIMIT = 500;
  const shown = trades.slice(0, LIMIT);
  const rows = shown
    .map((t) => `<tr><td>${escapeHtml(t.date)}</td><td>${escapeHtml(t.asset)}</td><td>${formatPercent(n(t.from))}</td><td>${formatPercent(n(t.to))}</td><td>${n(t.value).toLocaleString('en-US', { maximumFractionDigits: 4 })}</td><td>${n(t.cost).toLocaleString('en-US', { maximumFractionDigits: 6 })}</td></tr>`)
    .join('\n');
  const more = trades.length > LIMIT ? `<p class="how">${(trades.length - LIMIT).toLocaleString('en-US')} more trades are in trades.csv.</p>` : '';
  return `<section><h2>Trades (${trades.length.toLocaleString('en-US')})</h2><details${trades.length <= 40 ? ' open' : ''}><summary>show trades</summary><table id="trades-table"><thead><tr><th>date</th><th>asset</th><th>weight before</th><th>weight after</th><th>traded value</th><th>cost</th></tr></thead><tbody>${rows}</tbody></table>${more}</details><p class="how">Traded value and cost are in units of the initial equity (1).</p></section>`;
}

/** Chart specs of one run (equity, policy rate, drawdown, allocation, rolling 12 months). */
function charts(run: RunData) {
  const eq = run.equity;
  const { keep, x } = sampleBars(eq);
  const dates = Float64Array.from(eq, (r) => isoToSeconds(r.date) / 86400);
  const equity = column(eq, 'equity');
  const small = column(eq, 'small');
  const large = column(eq, 'large');
  const assets = run.manifest.universe.assets;
  // stacked allocation: cumulative realized weights, cash on top
  const cum = new Float64Array(eq.length);
  const alloc = assets.map((a, i) => {
    const w = column(run.weights, `weight_${a}`);
    for (let t = 0; t < cum.length; t++) cum[t] += w[t];
    return { label: a, color: ASSET_COLORS[i % ASSET_COLORS.length], fill: ASSET_COLORS[i % ASSET_COLORS.length] + '99', values: displayValues(cum, keep) };
  });
  const cashTop = column(run.weights, 'cash').map((c, t) => c + cum[t]);
  const allocSeries = [{ label: 'cash', color: '#9aa5b1', fill: '#dfe4ea', values: displayValues(cashTop, keep) }, ...alloc.reverse()];
  return {
    x,
    phases: phaseRuns(eq),
    cuts: run.fomc.filter((f) => Number(f.change_bp) < 0).map((f) => isoToSeconds(f.date)),
    charts: [
      {
        id: 'equity', unit: 'number', log: true, shade: true, height: 340,
        series: [
          { label: 'strategy', color: COLORS.strategy, width: 2, values: displayValues(equity, keep) },
          { label: `small (${run.manifest.universe.small})`, color: COLORS.small, values: displayValues(small, keep) },
          { label: `large (${run.manifest.universe.large})`, color: COLORS.large, values: displayValues(large, keep) },
        ],
      },
      { id: 'rate', unit: 'number', shade: true, step: true, height: 170, markers: 'cuts', series: [{ label: 'policy rate (%)', color: COLORS.rate, values: displayValues(column(eq, 'policy_rate'), keep) }] },
      {
        id: 'drawdown', unit: 'percent', shade: true, height: 200,
        series: [
          { label: 'strategy', color: COLORS.strategy, fill: 'rgba(31,95,191,0.12)', values: displayValues(column(eq, 'drawdown'), keep) },
        ],
      },
      { id: 'alloc', unit: 'percent', height: 200, series: allocSeries },
      {
        id: 'rolling', unit: 'percent', shade: true, height: 240,
        series: [
          { label: 'strategy', color: COLORS.strategy, width: 2, values: displayValues(rollingReturn(dates, equity, 12), keep) },
          { label: 'small', color: COLORS.small, values: displayValues(rollingReturn(dates, small, 12), keep) },
          { label: 'large', color: COLORS.large, values: displayValues(rollingReturn(dates, large, 12), keep) },
        ],
      },
    ],
  };
}

/** The whole single-run report as one self-contained HTML page. */
export function renderRunReport(run: RunData): string {
  const m = run.manifest;
  const body = [
    header(run),
    keyMetrics(run),
    chartSection('equity', 'Equity (log scale) vs small and large caps', 'Growth of 1 for the strategy and for buying and holding each asset. Shading: Fed easing (green) and tightening (red) phases as known at each close.', PHASE_LEGEND),
    chartSection('rate', 'Fed policy rate', 'Target rate (upper bound since 2008) or effective funds rate before 1982, percent per year; dotted lines mark FOMC cuts.'),
    chartSection('drawdown', 'Drawdown', 'Fall from the running peak of equity.'),
    chartSection('alloc', 'Allocation', 'Realized weights after trading, stacked; the top band is cash.'),
    chartSection('rolling', 'Rolling 12-month return', 'Return over the trailing 12 calendar months at each bar.'),
    heatmap(run.periods),
    annualBars(run.periods),
    regimeTable(run.regimes, 'Returns by Fed regime', 'regimes-table'),
    eventTables(run.events, run.eventsSummary),
    metricsTable(run),
    drawdownsTable(run.drawdowns),
    tradesTable(run.trades),
  ].join('\n');
  return page(`${m.strategy.name} — ratecycle report`, body, { kind: 'run', ...charts(run) });
}

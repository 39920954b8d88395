import type { RunData, Table } from '../read-run.js';
import { escapeHtml } from './escape.js';
import { formatCumulative, formatNumber, formatPercent, formatValue } from '../../engine/core/format.js';
import { assetLabel } from './run-labels.js';

function n(v: string | undefined): number {
  return v === undefined || v === '' ? NaN : Number(v);
}

/** Signed percent cell with a colour class (and a sign, so it reads without colour). */
export function pctCell(x: number): string {
  const cls = Number.isFinite(x) ? (x > 0 ? 'pos' : x < 0 ? 'neg' : '') : '';
  return `<td class="${cls}">${Number.isFinite(x) && x > 0 ? '+' : ''}${formatPercent(x)}</td>`;
}

/** A cumulative return cell: like pctCell, as a growth multiple ("×251") above 10,000 %. */
function cumulativeCell(x: number): string {
  return Number.isFinite(x) && x >= 100 ? `<td class="pos" title="${formatPercent(x)}">${formatCumulative(x)}</td>` : pctCell(x);
}

function columnHead(run: RunData, c: string): string {
  return c === 'small'
    ? assetLabel(run, run.manifest.universe.small)
    : c === 'large'
      ? assetLabel(run, run.manifest.universe.large)
      : c === 'bonds' && run.manifest.universe.bonds
        ? assetLabel(run, run.manifest.universe.bonds)
        : c;
}

const KEY_METRICS = ['totalReturn', 'cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'exposure', 'turnoverAnnual', 'rebalances', 'psr'];

/** Metrics table of a run: the strategy against each buy-and-hold (all metrics, or the key ones). */
export function metricsTable(run: RunData, which: 'key' | 'all'): string {
  const { columns, metrics, definitions } = run.metrics;
  const keys = which === 'key' ? KEY_METRICS.filter((k) => definitions[k]) : Object.keys(definitions);
  const head = columns.map((c) => `<th>${escapeHtml(columnHead(run, c))}</th>`).join('');
  const rows = keys
    .map(
      (key) =>
        `<tr><td title="${escapeHtml(definitions[key].definition)}">${escapeHtml(definitions[key].label)}</td>${columns.map((c) => `<td>${escapeHtml(key === 'totalReturn' && typeof metrics[c]?.[key] === 'number' ? formatCumulative(metrics[c][key] as number) : formatValue(metrics[c]?.[key] ?? null, definitions[key].unit))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const id = which === 'key' ? 'key-metrics' : 'metrics-table';
  const how =
    which === 'key'
      ? 'Strategy vs buying and holding each asset over the same bars; every metric, with definitions, is in "All metrics" below.'
      : 'Sharpe and Sortino use returns in excess of the cash series; annualization uses the bars per year measured from the calendar. Hover a label for its definition.';
  return `<table id="${id}" class="sticky-first"><thead><tr><th>metric</th>${head}</tr></thead><tbody>${rows}</tbody></table><p class="how">${how}</p>`;
}

/** Monthly returns of the strategy as a heat map table (years down, months across, the year at the end). */
export function heatmap(run: RunData): string {
  const annual = new Map(run.annual.map((p) => [p.year, n(p.strategy)]));
  const byKey = new Map(run.monthly.map((m) => [`${m.year}-${m.month}`, n(m.strategy)]));
  const years = [...new Set(run.monthly.map((m) => m.year))];
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
  return `<table class="heat" id="heatmap"><thead><tr><th>year</th>${names.map((m) => `<th>${m}</th>`).join('')}<th>year</th></tr></thead><tbody>${rows}</tbody></table><p class="how">Each cell is the strategy's compounded return in that calendar month, in percent (returns-monthly.csv); the last column is the calendar year (returns-annual.csv; partial first and last years).</p>`;
}

/** Regime table: each phase and cycle with the strategy, small and large caps (and bonds when the universe has them). */
export function regimeTable(regimes: Table): string {
  const bonds = regimes.length > 0 && 'bonds' in regimes[0];
  const span = bonds ? 9 : 7;
  const rows = regimes
    .map((r) =>
      // the contrast row has no returns of its own: its numbers are the difference of the phases' spreads
      r.scope === 'contrast'
        ? `<tr class="contrast"><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.start)}</td><td>${escapeHtml(r.end)}</td><td>${Number(r.days).toLocaleString('en-US')}</td><td colspan="${span}" style="text-align:left">${contrastText(r)}</td></tr>`
        : `<tr><td>${escapeHtml(r.scope === 'phase' ? `${r.label} (all)` : r.label)}</td><td>${escapeHtml(r.start)}</td><td>${escapeHtml(r.end)}</td><td>${Number(r.days).toLocaleString('en-US')}</td>${cumulativeCell(n(r.strategy))}${cumulativeCell(n(r.small))}${cumulativeCell(n(r.large))}${bonds ? cumulativeCell(n(r.bonds)) : ''}${cumulativeCell(n(r.relative))}${pctCell(n(r.strategy_ann))}${pctCell(n(r.small_ann))}${pctCell(n(r.large_ann))}${bonds ? pctCell(n(r.bonds_ann)) : ''}</tr>`,
    )
    .join('\n');
  return `<table id="regimes-table" class="sticky-first"><thead><tr><th>regime</th><th>from</th><th>to</th><th>days</th><th>strategy</th><th>small</th><th>large</th>${bonds ? '<th>bonds</th>' : ''}<th>small vs large</th><th>strategy ann.</th><th>small ann.</th><th>large ann.</th>${bonds ? '<th>bonds ann.</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>
<p class="how">Phase rows chain every bar held while the Fed phase known at the previous close was easing, tightening or hold. Cycle rows run from a cycle's first move to the next cycle's first move. "small vs large" = (1 + small) / (1 + large) − 1.</p>`;
}

/** The easing − tightening row's numbers: the difference of the phases' annualized small − large spreads, its interval and t. */
function contrastText(r: Record<string, string>): string {
  const d = n(r.spread_ann);
  if (!Number.isFinite(d)) return '–';
  const sign = (x: number) => (x > 0 ? `+${formatPercent(x, 1)}` : formatPercent(x, 1).replace(/^-/, '−'));
  const ci = Number.isFinite(n(r.spread_ci_low)) ? `, 95 % CI ${sign(n(r.spread_ci_low))} to ${sign(n(r.spread_ci_high))}` : '';
  const t = Number.isFinite(n(r.spread_t)) ? `, Newey–West t ${formatNumber(n(r.spread_t)).replace(/^-/, '−')}` : '';
  return `small − large: ${sign(d)} a year more while easing than while tightening${ci}${t}`;
}

/** Event study: returns after each first cut at each horizon, then the averages with their n. */
export function eventTables(events: Table, summary: Table): string {
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
  const bonds = summary.length > 0 && 'bonds_mean' in summary[0];
  const sumRows = summary
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.event)}</td><td>${escapeHtml(s.horizon_months)}</td><td>${escapeHtml(s.n)}</td>${pctCell(n(s.small_mean))}${pctCell(n(s.small_median))}${pctCell(n(s.large_mean))}${pctCell(n(s.large_median))}${pctCell(n(s.spread_mean))}${pctCell(n(s.spread_median))}<td>${formatPercent(n(s.spread_hit_rate))}</td>${pctCell(n(s.strategy_mean))}${bonds ? pctCell(n(s.bonds_mean)) : ''}</tr>`,
    )
    .join('\n');
  return `<table id="events-table" class="sticky-first"><thead><tr><th rowspan="2">first cut</th><th rowspan="2">entry</th>${head1}</tr><tr>${head2}</tr></thead><tbody>${rows}</tbody></table>
<h3>Averages</h3><table id="events-summary" class="sticky-first"><thead><tr><th>event</th><th>months</th><th>n</th><th>small mean</th><th>small median</th><th>large mean</th><th>large median</th><th>spread mean</th><th>spread median</th><th>small beat large</th><th>strategy mean</th>${bonds ? '<th>bonds mean</th>' : ''}</tr></thead><tbody>${sumRows}</tbody></table>
<p class="how">Entry at the close of the decision day (first bar on or after it); exit at the last bar on or before entry + h calendar months; returns of the universe's series (price index or total return, see the header); spread = small − large. Empty cells: the horizon runs past the data.</p>`;
}

/** The ten deepest drawdowns of the strategy. */
export function drawdownsTable(dd: Table): string {
  const rows = dd
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.rank)}</td><td>${escapeHtml(d.peak)}</td><td>${escapeHtml(d.trough)}</td><td>${escapeHtml(d.recovery || 'not recovered')}</td>${pctCell(n(d.depth))}<td>${Number(d.days).toLocaleString('en-US')}</td></tr>`,
    )
    .join('\n');
  return `<table id="drawdowns-table"><thead><tr><th>#</th><th>peak</th><th>trough</th><th>recovery</th><th>depth</th><th>days</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Round trips per asset: statistics first (count, hit rate, average win and loss), then the list. */
export function roundTripTables(run: RunData): string {
  const stats = run.roundTripsSummary
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.asset === 'all' ? 'all assets' : assetLabel(run, s.asset))}</td><td>${escapeHtml(s.count)}</td><td>${formatPercent(n(s.hit_rate))}</td>${pctCell(n(s.avg_win))}${pctCell(n(s.avg_loss))}${pctCell(n(s.avg_return))}<td>${formatValue(n(s.payoff), 'ratio')}</td><td>${formatValue(n(s.avg_days), 'days')}</td><td>${escapeHtml(s.open)}</td></tr>`,
    )
    .join('\n');
  const LIMIT = 500;
  const list = run.roundTrips
    .slice(0, LIMIT)
    .map(
      (t) =>
        `<tr><td>${escapeHtml(assetLabel(run, t.asset))}</td><td>${escapeHtml(t.side)}</td><td>${escapeHtml(t.entry_date)}</td><td>${escapeHtml(t.exit_date)}${t.open === 'true' ? ' (open)' : ''}</td><td>${Number(t.days).toLocaleString('en-US')}</td>${pctCell(n(t.return))}</tr>`,
    )
    .join('\n');
  const more =
    run.roundTrips.length > LIMIT
      ? `<p class="how">${(run.roundTrips.length - LIMIT).toLocaleString('en-US')} more round trips are in round-trips.csv.</p>`
      : '';
  return `<table id="round-trip-stats" class="sticky-first"><thead><tr><th>asset</th><th>round trips</th><th>hit rate</th><th>average win</th><th>average loss</th><th>average</th><th>payoff (win / loss)</th><th>average days held</th><th>still open</th></tr></thead><tbody>${stats}</tbody></table>
<details${run.roundTrips.length <= 30 ? ' open' : ''}><summary>show ${run.roundTrips.length.toLocaleString('en-US')} round trips</summary><table id="round-trips-table"><thead><tr><th>asset</th><th>side</th><th>entry</th><th>exit</th><th>days</th><th>return</th></tr></thead><tbody>${list}</tbody></table>${more}</details>
<p class="how">A round trip opens at the close where an asset's weight turns non-zero and closes where it returns to zero or changes sign; resizing in between does not split it. Its return is the asset's own return while held (sign-adjusted for shorts), before costs. Statistics count closed round trips; hit rate = share with a return above zero; payoff = average win / |average loss|.</p>`;
}

/** The weight legs of every trade (first 500). */
export function tradesTable(trades: Table): string {
  const LIMIT = 500;
  const rows = trades
    .slice(0, LIMIT)
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.date)}</td><td>${escapeHtml(t.asset)}</td><td>${formatPercent(n(t.from))}</td><td>${formatPercent(n(t.to))}</td><td>${n(t.value).toLocaleString('en-US', { maximumFractionDigits: 4 })}</td><td>${n(t.cost).toLocaleString('en-US', { maximumFractionDigits: 6 })}</td></tr>`,
    )
    .join('\n');
  const more = trades.length > LIMIT ? `<p class="how">${(trades.length - LIMIT).toLocaleString('en-US')} more trades are in trades.csv.</p>` : '';
  return `<details><summary>show ${trades.length.toLocaleString('en-US')} trade legs</summary><table id="trades-table"><thead><tr><th>date</th><th>asset</th><th>weight before</th><th>weight after</th><th>traded value</th><th>cost</th></tr></thead><tbody>${rows}</tbody></table>${more}</details><p class="how">One row per asset traded at a rebalance; traded value and cost are in units of the initial equity (1).</p>`;
}

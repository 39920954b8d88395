import { basename } from 'node:path';
import { column, type RunData } from '../read-run.js';
import { isoToSeconds, phaseRuns, sampleBars } from '../html/chart-data.js';
import { escapeHtml } from '../html/escape.js';
import { formatPercent, formatValue } from '../html/format.js';
import { chartSection, page, PHASE_LEGEND } from '../html/page.js';
import { BETTER, bestIndex, runLabel } from './compare-runs.js';

const PALETTE = ['#1f5fbf', '#e07b00', '#6b6f7a', '#2a9d8f', '#c44e52', '#8e5ea2', '#3b8b3b', '#b8860b', '#17becf', '#7f7f7f'];

function num(v: string | undefined): number {
  return v === undefined || v === '' ? NaN : Number(v);
}

/** Compounded return of a run's strategy in a phase (from regimes.csv). */
function phaseReturn(run: RunData, phase: string, field = 'strategy_ann'): number {
  return num(run.regimes.find((r) => r.scope === 'phase' && r.label === phase)?.[field]);
}

/** One generated sentence per run: CAGR, max drawdown, and easing vs tightening (annualized). */
function summary(runs: RunData[]): string {
  const items = runs.map((r, i) => {
    const m = r.metrics.metrics.strategy;
    return `<li><b style="color:${PALETTE[i % PALETTE.length]}">${escapeHtml(runLabel(r))}</b>: CAGR ${formatValue(m.cagr, 'fraction')}, max drawdown ${formatValue(m.maxDrawdown, 'fraction')}, Sharpe ${formatValue(m.sharpe, 'ratio')}; annualized ${formatPercent(phaseReturn(r, 'easing'))} in easing phases, ${formatPercent(phaseReturn(r, 'tightening'))} in tightening, ${formatPercent(phaseReturn(r, 'hold'))} in holds.</li>`;
  });
  const first = runs[0];
  const small = phaseReturn(first, 'easing', 'small_ann');
  const large = phaseReturn(first, 'easing', 'large_ann');
  const u = first.manifest.universe;
  const lead = `<p class="lead">In easing phases small caps (${escapeHtml(u.small)}) returned ${formatPercent(small)} a year against ${formatPercent(large)} for large caps (${escapeHtml(u.large)}); in tightening phases ${formatPercent(phaseReturn(first, 'tightening', 'small_ann'))} against ${formatPercent(phaseReturn(first, 'tightening', 'large_ann'))} (${escapeHtml(first.manifest.period.from)} to ${escapeHtml(first.manifest.period.to)}).</p>`;
  return `<section><h2>What this shows</h2>${lead}<ul>${items.join('')}</ul></section>`;
}

function metricsTable(runs: RunData[]): string {
  const defs = runs[0].metrics.definitions;
  const head = runs.map((r, i) => `<th style="color:${PALETTE[i % PALETTE.length]}">${escapeHtml(runLabel(r))}</th>`).join('') + runs.slice(1).map((r) => `<th>Δ ${escapeHtml(basename(r.dir))}</th>`).join('');
  const rows = Object.entries(defs)
    .map(([key, def]) => {
      const vals = runs.map((r) => r.metrics.metrics.strategy?.[key] ?? null);
      const nums = vals.map((v) => (typeof v === 'number' ? v : null));
      const best = bestIndex(nums, BETTER[key] ?? 0);
      const cells = vals.map((v, i) => `<td${i === best ? ' class="best"' : ''}>${escapeHtml(formatValue(v, def.unit))}</td>`).join('');
      const diffs = nums.slice(1).map((v) => {
        if (def.unit === 'date' || v === null || nums[0] === null) return '<td>–</td>';
        const d = v - (nums[0] as number);
        return `<td class="${d > 0 ? 'pos' : d < 0 ? 'neg' : ''}">${d > 0 ? '+' : ''}${escapeHtml(formatValue(d, def.unit))}</td>`;
      });
      return `<tr><td title="${escapeHtml(def.definition)}">${escapeHtml(def.label)}</td>${cells}${diffs.join('')}</tr>`;
    })
    .join('\n');
  return `<section><h2>Metrics side by side</h2><table id="compare-metrics"><thead><tr><th>metric</th>${head}</tr></thead><tbody>${rows}</tbody></table><p class="how">Green: the best run on that row (higher is better except volatility, drawdown length, turnover, kurtosis and tracking error). Δ columns: difference from the first run.</p></section>`;
}

function regimesSideBySide(runs: RunData[]): string {
  const base = runs[0].regimes;
  const rows = base
    .map((row) => {
      const cells = runs.map((r) => {
        const match = r.regimes.find((x) => x.scope === row.scope && x.label === row.label);
        const v = num(match?.strategy);
        return `<td class="${v > 0 ? 'pos' : v < 0 ? 'neg' : ''}">${formatPercent(v)}</td>`;
      });
      return `<tr><td>${escapeHtml(row.scope === 'phase' ? `${row.label} (all)` : row.label)}</td><td>${escapeHtml(row.start)}</td><td>${escapeHtml(row.end)}</td>${cells.join('')}<td>${formatPercent(num(row.small))}</td><td>${formatPercent(num(row.large))}</td></tr>`;
    })
    .join('\n');
  const head = runs.map((r, i) => `<th style="color:${PALETTE[i % PALETTE.length]}">${escapeHtml(basename(r.dir))}</th>`).join('');
  return `<section><h2>Fed regimes and cycles</h2><table id="compare-regimes"><thead><tr><th>regime</th><th>from</th><th>to</th>${head}<th>small</th><th>large</th></tr></thead><tbody>${rows}</tbody></table><p class="how">Compounded return of each run in each phase and cycle; small and large columns are the first run's universe.</p></section>`;
}

function eventsSideBySide(runs: RunData[]): string {
  const base = runs[0].eventsSummary.filter((s) => s.event === 'first-cut');
  const head = runs.map((r, i) => `<th style="color:${PALETTE[i % PALETTE.length]}">${escapeHtml(basename(r.dir))}</th>`).join('');
  const rows = base
    .map((s) => {
      const cells = runs.map((r) => {
        const m = r.eventsSummary.find((x) => x.event === s.event && x.horizon_months === s.horizon_months);
        return `<td>${formatPercent(num(m?.strategy_mean))}</td>`;
      });
      return `<tr><td>${escapeHtml(s.horizon_months)} m</td><td>${escapeHtml(s.n)}</td>${cells.join('')}<td>${formatPercent(num(s.small_mean))}</td><td>${formatPercent(num(s.large_mean))}</td><td>${formatPercent(num(s.spread_mean))}</td><td>${formatPercent(num(s.spread_hit_rate))}</td></tr>`;
    })
    .join('\n');
  return `<section><h2>After first cuts (averages)</h2><table id="compare-events"><thead><tr><th>horizon</th><th>n</th>${head}<th>small</th><th>large</th><th>spread</th><th>small beat large</th></tr></thead><tbody>${rows}</tbody></table><p class="how">Mean return after each first cut of an easing cycle, entry at the decision day's close.</p></section>`;
}

/** Values of a run's column on the first run's sampled dates (null where the run has no bar). */
function aligned(run: RunData, name: string, dates: string[]): (number | null)[] {
  const byDate = new Map<string, number>();
  const col = column(run.equity, name);
  run.equity.forEach((r, i) => byDate.set(r.date, col[i]));
  return dates.map((d) => {
    const v = byDate.get(d);
    return v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(6));
  });
}

/** The comparison page. */
export function renderCompare(runs: RunData[], notes: string[]): string {
  const first = runs[0];
  const { keep, x } = sampleBars(first.equity);
  const dates = Array.from(keep, (i) => first.equity[i].date);
  const note = notes.length ? `<div class="note"><b>Not directly comparable:</b><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>` : '';
  const body = [
    `<header class="top"><h1>Comparison of ${runs.length} runs</h1><p class="lead">Universe ${escapeHtml(first.manifest.universe.id)}, ${escapeHtml(first.manifest.period.from)} to ${escapeHtml(first.manifest.period.to)}.</p>${note}</header>`,
    summary(runs),
    metricsTable(runs),
    chartSection('equity', 'Equity (log scale)', 'Growth of 1 for each run; shading: Fed easing (green) and tightening (red) phases.', PHASE_LEGEND),
    chartSection('drawdown', 'Drawdowns', 'Fall from each run’s running peak.'),
    regimesSideBySide(runs),
    eventsSideBySide(runs),
  ].join('\n');
  const series = (name: string) => runs.map((r, i) => ({ label: basename(r.dir), color: PALETTE[i % PALETTE.length], width: i === 0 ? 2 : 1.5, values: aligned(r, name, dates) }));
  const data = {
    kind: 'compare',
    x,
    phases: phaseRuns(first.equity),
    cuts: first.fomc.filter((f) => Number(f.change_bp) < 0).map((f) => isoToSeconds(f.date)),
    charts: [
      { id: 'equity', unit: 'number', log: true, shade: true, height: 360, series: series('equity') },
      { id: 'drawdown', unit: 'percent', shade: true, height: 240, series: series('drawdown') },
    ],
  };
  return page(`Comparison of ${runs.length} runs — ratecycle`, body, data);
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../../engine/market/data/read-csv.js';
import type { RunData, Table } from '../read-run.js';
import { escapeHtml } from './escape.js';
import { barChart, pathChart } from './inference-charts.js';

const num = (v: string | undefined) => (v === undefined || v === '' ? NaN : Number(v));
const pc = (x: number) => (Number.isFinite(x) ? `${x >= 0 || Math.abs(x) < 0.0005 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}%` : '–');
const pv = (x: number) => (Number.isFinite(x) ? (x < 0.001 ? '< 0.001' : x.toFixed(3)) : '–');

/** events-path.csv of a run folder, or undefined when the folder predates it. */
function readPath(dir: string) {
  const file = join(dir, 'events-path.csv');
  if (!existsSync(file)) return undefined;
  const { header, rows } = readCsv(file);
  const col = (name: string) => rows.map((r) => num(r[header.indexOf(name)]));
  return {
    offsets: col('offset_months'),
    n: col('n'),
    mean: col('mean'),
    bootLow: col('boot_low'),
    bootHigh: col('boot_high'),
    placeboLow: col('placebo_low'),
    placeboHigh: col('placebo_high'),
  };
}

/** Event-study inference table: per event kind and horizon n, mean, median, sd, t, bootstrap CI, sign-test p, placebo p. */
export function eventInferenceTable(summary: Table, id = 'events-inference'): string {
  const rows = summary
    .map((s) => {
      const tooFew = s.note !== undefined && s.note !== '';
      const tests = tooFew
        ? `<td colspan="4" class="muted" style="text-align:center">${escapeHtml(s.note)}</td>`
        : `<td>[${pc(num(s.spread_ci_low))}, ${pc(num(s.spread_ci_high))}]</td><td title="small ahead in ${escapeHtml(s.hits)} of ${escapeHtml(s.n)}">${pv(num(s.sign_p))}</td><td title="${escapeHtml(s.placebo_eligible)} eligible entry dates">${pv(num(s.placebo_p))}</td><td>${Number.isFinite(num(s.placebo_rank)) ? `${(num(s.placebo_rank) * 100).toFixed(0)}%` : '–'}</td>`;
      return `<tr><td>${escapeHtml(s.event)}</td><td>${escapeHtml(s.horizon_months)}</td><td>${escapeHtml(s.n)}</td><td>${pc(num(s.spread_mean))}</td><td>${pc(num(s.spread_median))}</td><td>${Number.isFinite(num(s.spread_sd)) ? `${(num(s.spread_sd) * 100).toFixed(1)}%` : '–'}</td><td>${Number.isFinite(num(s.spread_t)) ? num(s.spread_t).toFixed(2) : '–'}</td>${tests}</tr>`;
    })
    .join('\n');
  return `<table id="${escapeHtml(id)}" class="sticky-first compact"><thead><tr><th>event</th><th>months</th><th>n</th><th>mean spread</th><th>median</th><th>sd</th><th>t</th><th>95 % CI (bootstrap)</th><th>sign-test p</th><th>placebo p</th><th>placebo rank</th></tr></thead><tbody>${rows}</tbody></table>
<p class="how">Spread = small − large return over the horizon. 95 % CI: percentile bootstrap of the mean over events (10,000 draws; events whose windows overlap are resampled as groups). Sign-test p: exact binomial on "small ahead in k of n". Placebo p: share of 10,000 means over as many random eligible entry dates (groups of overlapping events moved as blocks) at least as far from their centre as the observed one; placebo rank: share of those means below the observed. Fewer than 5 events, or 5 independent groups of them: too few to test.</p>`;
}

/** Regime bars: annualized small − large spread per Fed phase and easing − tightening, with block-bootstrap whiskers. */
export function regimeInferenceChart(regimes: Table, id = 'regimes-inference'): string {
  const lines = new Map(regimes.map((r, i) => [r, i + 2]));
  const rows = regimes.filter((r) => r.scope === 'phase' || r.scope === 'contrast');
  if (!rows.length || !('spread_ann' in rows[0])) return '';
  const bars = rows.map((r) => ({
    src: `regimes.csv:${lines.get(r)}:spread_ann`,
    label: r.label,
    value: num(r.spread_ann),
    low: num(r.spread_ci_low),
    high: num(r.spread_ci_high),
    title: `${r.label}: ${pc(num(r.spread_ann))} a year, 95 % CI ${pc(num(r.spread_ci_low))} to ${pc(num(r.spread_ci_high))}, Newey–West t ${num(r.spread_t).toFixed(2)}, ${r.bars} bars`,
  }));
  const table = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.bars)}</td><td>${pc(num(r.spread_ann))}</td><td>[${pc(num(r.spread_ci_low))}, ${pc(num(r.spread_ci_high))}]</td><td>${Number.isFinite(num(r.spread_t)) ? num(r.spread_t).toFixed(2) : '–'}</td></tr>`,
    )
    .join('');
  return `${barChart(id, bars, 'annualized small minus large spread by Fed phase')}
<table id="${escapeHtml(id)}-table" class="compact"><thead><tr><th>phase</th><th>bars</th><th>spread a year</th><th>95 % CI</th><th>Newey–West t</th></tr></thead><tbody>${table}</tbody></table>
<p class="how">Annualized spread = mean per-bar (small − large) return × bars per year over the bars held in the phase known at the previous close. Whiskers and CI: stationary block bootstrap of the whole spread series with its phase labels (Politis &amp; Romano 1994; mean block length by Politis &amp; White 2004; 2,000 draws in a run, 10,000 in <code>ratecycle claims</code>). t: Newey–West (Bartlett kernel, lag floor(4 (T/100)^(2/9))).</p>`;
}

/** Per-cycle bars of the 12-month spread after each first cut. */
export function cycleBars(events: Table, id = 'first-cut-bars'): string {
  const rows = events.map((e, i) => ({ e, line: i + 2 })).filter(({ e }) => e.event === 'first-cut' && e.horizon_months === '12' && e.exit_date !== '');
  if (!rows.length) return '';
  return barChart(
    id,
    rows.map(({ e, line }) => ({ label: e.event_date.slice(0, 7), value: num(e.spread), src: `events.csv:${line}:spread` })),
    '12-month small minus large spread after each first cut',
  );
}

/** strategy-inference.csv of a run folder as a table (empty when the folder predates it). */
export function strategyInferenceTable(dir: string): string {
  const file = join(dir, 'strategy-inference.csv');
  if (!existsSync(file)) return '';
  const { header, rows } = readCsv(file);
  const get = (r: string[], name: string) => r[header.indexOf(name)];
  const body = rows
    .map(
      (r) =>
        `<tr><td>${escapeHtml(get(r, 'versus'))}</td><td>${escapeHtml(get(r, 'n'))}</td><td>${pc(num(get(r, 'mean_ann')))}</td><td>[${pc(num(get(r, 'ci_low')))}, ${pc(num(get(r, 'ci_high')))}]</td><td>${Number.isFinite(num(get(r, 'nw_t'))) ? num(get(r, 'nw_t')).toFixed(2) : '–'}</td></tr>`,
    )
    .join('');
  return `<h3>The strategy's edge: different from noise?</h3><table id="strategy-inference" class="compact"><thead><tr><th>strategy minus</th><th>bars</th><th>mean a year</th><th>95 % CI</th><th>Newey–West t</th></tr></thead><tbody>${body}</tbody></table>
<p class="how">Mean per-bar difference of the strategy's return and cash, large caps or small caps, × bars per year (strategy-inference.csv); interval by stationary block bootstrap (2,000 draws, block length by Politis–White); t by Newey–West with the default lag.</p>`;
}

/** The run report's "How sure can we be?" section: event inference, average path with bands, per-cycle bars, regime bars. */
export function inferenceSection(run: RunData): string {
  const path = readPath(run.dir);
  const parts = [
    strategyInferenceTable(run.dir),
    `<h3>After first cuts: is the average different from noise?</h3>${eventInferenceTable(run.eventsSummary)}`,
    path
      ? `<h3>Average path of small − large around first cuts</h3>${pathChart('events-path', path, 'average small minus large path around first cuts', 'events-path.csv')}<p class="how">Cumulative small − large return against months from the first cut's close (0), 3 months before to 24 after (events-path.csv). Orange: the mean with its bootstrap 95 % band over the ${Math.max(0, ...path.n.filter(Number.isFinite))} first cuts; dashed grey: 95 % of the mean over as many random entry dates (placebo band); 2,000 draws each. A mean inside the placebo band is what any dates give.</p>`
      : '',
    `<h3>12-month spread after each first cut</h3>${cycleBars(run.events)}`,
    `<h3>Small − large by Fed phase, with 95 % intervals</h3>${regimeInferenceChart(run.regimes)}`,
  ];
  return `<section id="inference"><h2>How sure can we be?</h2>${parts.join('\n')}</section>`;
}

/**
 * The comparison page's inference section: for each universe among the runs (the small vs
 * large statistics do not depend on the strategy), the first-cut event inference and the
 * regime spreads with their intervals, from the first run of that universe.
 */
export function compareInferenceSection(runs: readonly RunData[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const run of runs) {
    const u = run.manifest.universe.id;
    if (seen.has(u)) continue;
    seen.add(u);
    const first = run.eventsSummary.filter((s) => s.event === 'first-cut');
    if (!first.length || !('spread_ci_low' in first[0])) continue;
    parts.push(
      `<h3>${escapeHtml(u)}: small − large after first cuts</h3>${eventInferenceTable(first, `compare-events-inference-${u}`)}<h3>${escapeHtml(u)}: small − large by Fed phase</h3>${regimeInferenceChart(run.regimes, `compare-regimes-inference-${u}`)}`,
    );
  }
  return parts.length
    ? `<section id="compare-inference"><h2>How sure can we be? (small vs large, whatever the strategy)</h2>${parts.join('\n')}</section>`
    : '';
}

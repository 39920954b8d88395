import { isoToSeconds, phaseRuns } from '../html/chart-data.js';
import { downsampleIndexes } from '../html/downsample.js';
import { escapeHtml } from '../html/escape.js';
import { formatPercent, formatValue } from '../../engine/core/format.js';
import { chartSection, page, PHASE_LEGEND } from '../html/page.js';
import { styleOf } from '../html/styles.js';
import { barChart, scatterChart, type ScatterPoint } from '../html/svg-chart.js';
import { compareLong } from './compare-tables.js';
import { BETTER, bestIndex, deltaQuality } from './ranking.js';
import type { CompareModel } from './compare-model.js';
import { formatP, SHARPE_TEST_ALPHA, SHARPE_TEST_RULE, sharpeVerdict } from './sharpe-tests.js';
import { compareInferenceSection } from '../html/inference-section.js';
import { compareFactorSection } from './factor-table.js';

function num(v: string | undefined): number {
  return v === undefined || v === '' ? NaN : Number(v);
}

function header(model: CompareModel): string {
  const { runs, labels, period } = model;
  const legend = runs
    .map((r, i) => {
      const m = r.manifest;
      const st = styleOf(i);
      return `<tr><td><b style="color:${st.color}">${escapeHtml(labels[i].tag)}</b></td><td>${escapeHtml(m.strategy.name)}</td><td class="params">${escapeHtml(
        Object.entries(m.strategy.params)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ') || '(defaults)',
      )}</td><td>${escapeHtml(m.universe.id)}</td><td>${escapeHtml(m.period.from)} to ${escapeHtml(m.period.to)}</td><td>${escapeHtml(labels[i].full.split('; folder ')[1] ?? '')}</td></tr>`;
    })
    .join('');
  const note = model.notes.length
    ? `<div class="note"><b>${model.rankable ? 'Compared on the same bars' : 'Not directly comparable — no run is ranked'}:</b><ul>${model.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul></div>`
    : '';
  const first = runs[0].manifest;
  const when = period ? `${period.from} to ${period.to} (common period)` : `${first.period.from} to ${first.period.to}`;
  return `<header class="top"><h1>Comparison of ${runs.length} runs</h1><p class="lead">Universe ${escapeHtml([...new Set(runs.map((r) => r.manifest.universe.id))].join(', '))}, ${escapeHtml(when)}.</p>${note}
<table id="compare-legend" class="legend-table"><thead><tr><th>run</th><th>strategy</th><th>parameters</th><th>universe</th><th>own period</th><th>folder</th></tr></thead><tbody>${legend}</tbody></table></header>`;
}

function phaseReturn(run: CompareModel['runs'][number], phase: string, field: string): number {
  return num(run.regimes.find((r) => r.scope === 'phase' && r.label === phase)?.[field]);
}

/** The answer first: per universe, small vs large caps by phase and after first cuts; per run, one line. */
function summary(model: CompareModel): string {
  const seen = new Set<string>();
  const leads = model.runs
    .filter((r) => !seen.has(r.manifest.universe.id) && seen.add(r.manifest.universe.id))
    .map((r) => {
      const u = r.manifest.universe;
      const s12 = r.eventsSummary.find((s) => s.event === 'first-cut' && s.horizon_months === '12');
      const after = s12
        ? ` Twelve months after a first cut (n = ${escapeHtml(s12.n)} cycles) small caps averaged ${formatPercent(num(s12.small_mean))} vs ${formatPercent(num(s12.large_mean))}, ahead in ${Math.round(num(s12.spread_hit_rate) * num(s12.n))} of ${escapeHtml(s12.n)}.`
        : '';
      return `<p class="lead"><b>${escapeHtml(u.id)}</b> (${escapeHtml(r.manifest.period.from)} to ${escapeHtml(r.manifest.period.to)}): in easing phases small caps (${escapeHtml(u.small)}) returned ${formatPercent(phaseReturn(r, 'easing', 'small_ann'))} a year against ${formatPercent(phaseReturn(r, 'easing', 'large_ann'))} for large caps (${escapeHtml(u.large)}); in tightening phases ${formatPercent(phaseReturn(r, 'tightening', 'small_ann'))} against ${formatPercent(phaseReturn(r, 'tightening', 'large_ann'))}.${after}</p>`;
    });
  const items = model.runs.map((r, i) => {
    const m = model.metrics[i];
    return `<li><b style="color:${styleOf(i).color}" title="${escapeHtml(model.labels[i].full)}">${escapeHtml(model.labels[i].short)}</b>: CAGR ${formatValue(m.cagr, 'fraction')}, volatility ${formatValue(m.volatility, 'fraction')}, Sharpe ${formatValue(m.sharpe, 'ratio')}, max drawdown ${formatValue(m.maxDrawdown, 'fraction')}; in its own period ${formatPercent(phaseReturn(r, 'easing', 'strategy_ann'))} a year in easing phases, ${formatPercent(phaseReturn(r, 'tightening', 'strategy_ann'))} in tightening.</li>`;
  });
  return `<section><h2>What this shows</h2>${leads.join('')}<ul>${items.join('')}</ul></section>`;
}

/** How the highest value of a row is marked: its cell's attributes and a note under the value. */
interface LeadMark {
  attrs: string;
  note: string;
}

/** A lead no test backs: a grey outline (not the green of a tested "best"). */
const UNTESTED_MARK: LeadMark = {
  attrs:
    ' class="lead-untested" style="box-shadow: inset 0 0 0 2px #8a94a3; font-weight: 600" title="highest on this row; no test is run on this metric, so the lead may be noise"',
  note: '',
};

/** The Sharpe row's leader: green "best, p = …" when the tests separate it from every other run, else grey "not distinguishable". */
function sharpeMark(model: CompareModel): LeadMark {
  const t = model.sharpeTests;
  const verdict = escapeHtml(
    sharpeVerdict(
      t,
      model.labels.map((l) => l.tag),
    ),
  );
  // a narrow block that wraps, so the verdict does not widen its column
  const style = 'style="white-space: normal; max-width: 9.5em; margin-left: auto"';
  const holm = t.pairs.length > 1 ? ' (Holm)' : '';
  if (t.significant) return { attrs: ' class="best"', note: `<span class="delta better sharpe-test" ${style}>${verdict}${holm}</span>` };
  return { attrs: UNTESTED_MARK.attrs.replace(/ title="[^"]*"/, ''), note: `<span class="delta sharpe-test" ${style}>${verdict}${holm}</span>` };
}

/** The leader's Sharpe ratio against every other run's: the tests, their null and the rule (compare-sharpe-tests.csv). */
function sharpeTestsSection(model: CompareModel): string {
  const t = model.sharpeTests;
  const tags = model.labels.map((l) => l.tag);
  if (t.reason !== null && t.pairs.length === 0)
    return `<section id="compare-sharpe"><h2>Is the highest Sharpe ratio more than noise?</h2><p class="lead">Not tested: ${escapeHtml(t.reason)}.</p></section>`;
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
  const left = ' style="text-align:left"';
  const rows = t.pairs
    .map((p) => {
      const d = p.test;
      const ok = Number.isFinite(p.pHolm) && p.pHolm < SHARPE_TEST_ALPHA;
      return `<tr><td title="${escapeHtml(model.labels[t.leader].full)}">${escapeHtml(model.labels[t.leader].short)}</td><td${left} title="${escapeHtml(model.labels[p.other].full)}">${escapeHtml(model.labels[p.other].short)}</td><td>${f(d.sharpeA)}</td><td>${f(d.sharpeB)}</td><td>${f(d.difference)}</td><td>${f(d.se)}</td><td>${f(d.ciLow)} to ${f(d.ciHigh)}</td><td>${formatP(d.p)}</td><td>${formatP(p.pHolm)}</td><td${left}>${ok ? 'leader higher' : 'not distinguishable'}</td></tr>`;
    })
    .join('');
  const lead = `<b>${escapeHtml(model.labels[t.leader].short)}</b> has the highest Sharpe ratio: ${escapeHtml(sharpeVerdict(t, tags))}${t.pairs.length > 1 ? ' (Holm-adjusted)' : ''}${t.significant ? '' : ' — its lead is within the noise of these bars'}.`;
  const n = t.pairs[0]?.test.n ?? 0;
  const bw = t.pairs.map((p) => p.test.bandwidth).filter(Number.isFinite);
  return `<section id="compare-sharpe"><h2>Is the highest Sharpe ratio more than noise?</h2><p class="lead">${lead}</p><div class="table-wrap"><table id="compare-sharpe-tests" class="compact"><thead><tr><th>leader</th><th${left}>against</th><th>Sharpe (leader)</th><th>Sharpe (other)</th><th>difference</th><th>SE</th><th>95 % interval</th><th>p</th><th>p (Holm)</th><th${left}>at 5 % (Holm)</th></tr></thead><tbody>${rows}</tbody></table></div><p class="how">${escapeHtml(SHARPE_TEST_RULE)} Annualized; ${n.toLocaleString('en-US')} paired bars${bw.length ? `, bandwidth ${Math.min(...bw).toFixed(1)}–${Math.max(...bw).toFixed(1)} bars` : ''} (compare-sharpe-tests.csv). A difference inside the noise says the data cannot rank these runs by Sharpe ratio, not that they are equal.</p></section>`;
}

/** Metrics side by side: one column per run (Δ vs R1 under each value), then the buy-and-holds. */
function metricsTable(model: CompareModel): string {
  const defs = model.runs[0].metrics.definitions;
  const head =
    model.labels.map((l, i) => `<th title="${escapeHtml(l.full)}" style="color:${styleOf(i).color}">${escapeHtml(l.short)}</th>`).join('') +
    model.holds.map((h) => `<th class="hold">${escapeHtml(h.label)}</th>`).join('');
  const rows = Object.entries(defs)
    .map(([key, def]) => {
      const vals = model.metrics.map((m) => m[key] ?? null);
      const nums = vals.map((v) => (typeof v === 'number' ? v : null));
      const best = model.rankable ? bestIndex(nums, BETTER[key] ?? 0) : NaN;
      const mark = key === 'sharpe' ? sharpeMark(model) : UNTESTED_MARK;
      const cells = vals.map((v, i) => {
        let delta = '';
        if (i > 0 && def.unit !== 'date' && nums[i] !== null && nums[0] !== null) {
          const d = (nums[i] as number) - (nums[0] as number);
          const shown = formatValue(d, def.unit);
          const q = model.rankable && /[1-9]/.test(shown) ? deltaQuality(key, d) : 0;
          const mark = q > 0 ? '▲ ' : q < 0 ? '▼ ' : '';
          delta = `<span class="delta ${q > 0 ? 'better' : q < 0 ? 'worse' : ''}">${mark}Δ ${d > 0 ? '+' : ''}${escapeHtml(shown)}</span>`;
        }
        return `<td${i === best ? mark.attrs : ''}>${escapeHtml(formatValue(v, def.unit))}${delta}${i === best ? mark.note : ''}</td>`;
      });
      const holds = model.holds.map((h) => `<td class="hold">${escapeHtml(formatValue(h.metrics[key] ?? null, def.unit))}</td>`);
      return `<tr data-metric="${escapeHtml(key)}"><td title="${escapeHtml(def.definition)}">${escapeHtml(def.label)}</td>${cells.join('')}${holds.join('')}</tr>`;
    })
    .join('\n');
  const rule = model.rankable
    ? `Sharpe ratio: the highest is green ("best, p = …") only when it differs from every other run's at ${SHARPE_TEST_ALPHA * 100} % (Holm-adjusted p of the tests below); otherwise it is outlined in grey with "not distinguishable from …, p = …". Every other row: the highest value by the row's direction (higher is better except volatility, drawdown length, turnover, kurtosis and tracking error; rows without a direction are not ranked) is outlined in grey, not green: no test is run on those rows, so the lead may be noise. Under each value: its difference from R1, ▲ green when better by the same rule, ▼ red when worse (the direction of the difference, not a test).`
    : 'The runs are not directly comparable (see the note at the top), so no run is marked best and differences are not judged better or worse. Rerun with --common-period, or compare runs of the same universe and data.';
  return `<section><h2>Metrics side by side</h2><div class="table-wrap"><table id="compare-metrics" class="sticky-first compact"><thead><tr><th>metric</th>${head}</tr></thead><tbody>${rows}</tbody></table></div><p class="how">${rule} Grey columns: buying and holding each asset over the same bars (not ranked). Hover a run for its full parameters; the legend is at the top.</p></section>`;
}

/** Risk/return scatters from compare.csv: volatility vs CAGR and max drawdown vs CAGR, runs and buy-and-holds. */
function scatters(model: CompareModel): string {
  const long = compareLong(model);
  const rowOf = new Map(long.rows.map((r, i) => [`${r[0]}|${r[1]}`, i]));
  const entries = [
    ...model.labels.map((l, i) => ({ run: l.short, label: l.tag, style: i, m: model.metrics[i] })),
    ...model.holds.map((h, k) => ({ run: h.key, label: h.label.replace(' buy-and-hold', ' B&H'), style: model.runs.length + k, m: h.metrics })),
  ];
  const points = (xKey: string): ScatterPoint[] =>
    entries.map((e) => ({
      label: e.label,
      x: Number(e.m[xKey]),
      y: Number(e.m.cagr),
      style: e.style,
      src: [`compare.csv:${rowOf.get(`${e.run}|${xKey}`)}:value`, `compare.csv:${rowOf.get(`${e.run}|cagr`)}:value`],
    }));
  const a = scatterChart({
    id: 'scatter-vol',
    points: points('volatility'),
    xLabel: 'annualized volatility (%)',
    yLabel: 'CAGR (%)',
    xUnit: 'percent',
    yUnit: 'percent',
  });
  const b = scatterChart({
    id: 'scatter-dd',
    points: points('maxDrawdown'),
    xLabel: 'max drawdown (%)',
    yLabel: 'CAGR (%)',
    xUnit: 'percent',
    yUnit: 'percent',
  });
  return `<section><h2>Risk and return</h2><div class="grid2"><div>${a}</div><div>${b}</div></div><p class="how">Each run (R1…, circles, squares, triangles…) and each buy-and-hold (B&H) on the same bars; up and to the left is better on the left chart, up and to the right on the right one (drawdowns are negative). Values from compare.csv.</p></section>`;
}

/** Correlation matrix of the runs' monthly returns as a table heat map (compare-correlation.csv). */
function correlationTable(model: CompareModel): string {
  const tags = model.labels.map((l) => l.tag);
  const shade = (r: number) =>
    Number.isFinite(r) ? (r >= 0 ? `rgba(31,95,191,${(0.08 + 0.55 * r).toFixed(2)})` : `rgba(213,94,0,${(0.08 + 0.55 * -r).toFixed(2)})`) : '#fff';
  const rows = tags
    .map(
      (a, i) =>
        `<tr><td title="${escapeHtml(model.labels[i].full)}">${escapeHtml(model.labels[i].short)}</td>${tags
          .map((_, j) => {
            const r = model.correlation.r[i][j];
            return `<td style="background:${shade(r)}" title="${escapeHtml(`${a} vs ${tags[j]}: ${Number.isFinite(r) ? r.toFixed(3) : '–'} over ${model.correlation.months[i][j]} months`)}">${Number.isFinite(r) ? r.toFixed(2) : '–'}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const n = Math.min(...model.correlation.months.flat());
  return `<section><h2>Correlation of monthly returns</h2><table id="compare-correlation" class="heat corr"><thead><tr><th></th>${tags.map((t) => `<th>${escapeHtml(t)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table><p class="how">Pearson correlation of calendar-month strategy returns over the months both runs cover (at least ${n} months per pair; hover a cell for its n). Runs that hold the same assets most of the time correlate near 1: their differences rest on a few months.</p></section>`;
}

function cycleBars(model: CompareModel): string {
  if (!model.cycles.length) return '';
  const tags = model.labels.map((l) => l.tag);
  const chart = barChart({
    id: 'cycle-bars',
    categories: model.cycles.map((c) => c.label),
    series: tags.map((t, i) => ({
      label: t,
      values: model.cycles.map((c) => c.values[i]),
      src: model.cycles.map((_, k) => `compare-cycles.csv:${k * tags.length + i}:return`),
    })),
    unit: 'percent',
    yLabel: 'return over the cycle (%)',
    xLabel: 'Fed cycle (direction and month of its first move)',
    width: Math.max(900, model.cycles.length * (tags.length * 9 + 16) + 120),
  });
  return `<section><h2>Return in each Fed cycle</h2>${chart}<p class="how">Compounded strategy return of each run from a cycle's first move to the next cycle's first move (compare-cycles.csv, from each run's regimes.csv); blank where a run does not cover the whole cycle.</p></section>`;
}

function regimesSideBySide(model: CompareModel): string {
  const { runs, labels } = model;
  const phases = ['easing', 'tightening', 'hold'];
  const sameUniverse = new Set(runs.map((r) => r.manifest.universe.id)).size === 1;
  const rows = phases
    .map((p) => {
      const cells = runs.map((r) => {
        const v = phaseReturn(r, p, 'strategy_ann');
        return `<td class="${v > 0 ? 'pos' : v < 0 ? 'neg' : ''}">${formatPercent(v)}</td>`;
      });
      const extra = sameUniverse
        ? `<td class="hold">${formatPercent(phaseReturn(runs[0], p, 'small_ann'))}</td><td class="hold">${formatPercent(phaseReturn(runs[0], p, 'large_ann'))}</td>`
        : '';
      return `<tr><td>${p}</td>${cells.join('')}${extra}</tr>`;
    })
    .join('\n');
  const head =
    labels.map((l, i) => `<th title="${escapeHtml(l.full)}" style="color:${styleOf(i).color}">${escapeHtml(l.tag)}</th>`).join('') +
    (sameUniverse ? '<th class="hold">small</th><th class="hold">large</th>' : '');
  return `<section><h2>Fed phases</h2><table id="compare-regimes" class="sticky-first"><thead><tr><th>phase</th>${head}</tr></thead><tbody>${rows}</tbody></table><p class="how">Annualized return of each run over all bars of each phase in its own period (regimes.csv).</p></section>`;
}

/** After first cuts: each run with its own n, strategy mean and its own universe's small, large and spread. */
function eventsSideBySide(model: CompareModel): string {
  const horizons = ['3', '6', '12', '24'];
  const rows = model.runs
    .map((r, i) => {
      const get = (h: string) => r.eventsSummary.find((s) => s.event === 'first-cut' && s.horizon_months === h);
      const s12 = get('12');
      const strat = horizons.map((h) => `<td>${formatPercent(num(get(h)?.strategy_mean))}</td>`).join('');
      return `<tr><td title="${escapeHtml(model.labels[i].full)}">${escapeHtml(model.labels[i].short)}</td><td>${escapeHtml(r.manifest.universe.id)}</td><td>${escapeHtml(s12?.n ?? '0')}</td>${strat}<td>${formatPercent(num(s12?.small_mean))}</td><td>${formatPercent(num(s12?.large_mean))}</td><td>${formatPercent(num(s12?.spread_mean))}</td><td>${formatPercent(num(s12?.spread_hit_rate))}</td></tr>`;
    })
    .join('\n');
  return `<section><h2>After first cuts (averages)</h2><table id="compare-events" class="sticky-first"><thead><tr><th rowspan="2">run</th><th rowspan="2">universe</th><th rowspan="2">n (12 m)</th><th colspan="4" style="text-align:center">strategy mean after</th><th colspan="4" style="text-align:center">12 months: the run's own universe</th></tr><tr>${horizons.map((h) => `<th>${h} m</th>`).join('')}<th>small</th><th>large</th><th>spread</th><th>small beat large</th></tr></thead><tbody>${rows}</tbody></table><p class="how">Mean return after each first cut of an easing cycle in each run's own period (events-summary.csv), entry at the decision day's close; n = cycles with 12 months of data.</p></section>`;
}

/** The comparison page. */
export function renderCompare(model: CompareModel): string {
  const s = model.series;
  const first = Float64Array.from(s.equity[0], (v) => (v === null ? NaN : v));
  const keep = downsampleIndexes(first, 1500);
  const x = Array.from(keep, (i) => isoToSeconds(s.dates[i]));
  const tags = model.labels.map((l) => l.tag);
  const pick = (col: (number | null)[]) => Array.from(keep, (i) => (col[i] === null ? null : Number((col[i] as number).toPrecision(6))));
  const series = (name: 'equity' | 'drawdown' | 'excess', suffix: string) =>
    tags.map((t, i) => ({
      label: model.labels[i].short,
      color: styleOf(i).color,
      dash: styleOf(i).dash,
      width: i === 0 ? 2 : 1.5,
      span: true,
      src: `compare-series.csv:${t}_${suffix}`,
      values: pick(s[name][i]),
    }));
  const eqRows = model.runs[0].equity;
  const body = [
    header(model),
    summary(model),
    metricsTable(model),
    sharpeTestsSection(model),
    scatters(model),
    chartSection(
      'equity',
      'Equity (log scale)',
      `Growth of 1 for each run${model.period ? ', rebased at the start of the common period' : ''}; shading: Fed easing (green) and tightening (red) phases (compare-series.csv).`,
      PHASE_LEGEND,
    ),
    chartSection('drawdown', 'Drawdowns', 'Fall from each run’s running peak (compare-series.csv).'),
    chartSection(
      'excess',
      'Rolling 12-month excess return over large caps',
      'Each run’s trailing 12-month return minus that of its universe’s large caps (rolling.csv of each run, in compare-series.csv); above zero: ahead of buying and holding large caps over the last year.',
    ),
    correlationTable(model),
    cycleBars(model),
    regimesSideBySide(model),
    eventsSideBySide(model),
    compareFactorSection(model),
    compareInferenceSection(model.runs),
  ].join('\n');
  const data = {
    kind: 'compare',
    x,
    rows: Array.from(keep),
    phases: phaseRuns(eqRows),
    cuts: model.runs[0].fomc.filter((f) => Number(f.change_bp) < 0).map((f) => isoToSeconds(f.date)),
    charts: [
      { id: 'equity', unit: 'number', yLabel: 'growth of 1 (log scale)', log: true, shade: true, height: 360, series: series('equity', 'equity') },
      { id: 'drawdown', unit: 'percent', yLabel: 'drawdown (%)', shade: true, height: 240, series: series('drawdown', 'drawdown') },
      { id: 'excess', unit: 'percent', yLabel: '12-month excess return (%)', shade: true, height: 260, series: series('excess', 'excess_12m') },
    ],
  };
  return page(`Comparison of ${model.runs.length} runs — ratecycle`, body, data, { wide: true });
}

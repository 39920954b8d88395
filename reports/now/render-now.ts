import type { NowOutlook, NowReport, NowTrack } from '../../engine/formats/now-folder.js';
import { parseIsoDay } from '../../engine/core/dates.js';
import { escapeHtml } from '../html/escape.js';
import { page } from '../html/page.js';
import { lineChart, stripChart } from './now-charts.js';

const e = escapeHtml;
const sign = (x: number) => (x > 0 || Object.is(x, 0) || Math.abs(x) < 5e-4 ? '+' : '−');
/** A fraction as signed percent with one decimal; "–" when missing. */
const pct = (x: number) => (Number.isFinite(x) ? `${sign(x)}${Math.abs(x * 100).toFixed(1)} %` : '–');
/** An interval in percent without the unit at its low end ("−5.7 to +18.2 %"). */
const ci = (lo: number, hi: number) => (Number.isFinite(lo) && Number.isFinite(hi) ? `${pct(lo).replace(' %', '')} to ${pct(hi)}` : '–');
const plainPct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const pText = (p: number) => (!Number.isFinite(p) ? '–' : p < 0.001 ? '< 0.001' : p >= 0.1 ? p.toFixed(2) : p.toFixed(3));
const r2Text = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}` : '–');
const VERDICT_CLASS: Record<string, string> = { supported: 'pos', contradicted: 'neg', 'not shown': '', 'not tested': 'muted' };

const CSS = `<style>
table.state td.stale { color: #8a5a00; font-weight: 600; } td.words, th.words { white-space: normal; text-align: left; min-width: 240px; color: var(--muted); } td.words.strong { color: var(--fg); min-width: 200px; }
table.state td:nth-child(2) { font-weight: 600; } tr.headline td { background: #f2f6fd; font-weight: 600; }
span.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 3px; background: #fff1d6; color: #8a5a00; margin-left: 6px; font-weight: 600; }
p.sentence { font-size: 15px; line-height: 1.5; margin: 8px 0; } p.track { margin: 6px 0; }
.legend-text { font-size: 12px; fill: var(--fg); }
#outlook-table th, #track-table th { white-space: normal; vertical-align: bottom; max-width: 130px; } span.ci { display: block; font-size: 11.5px; color: var(--muted); }
</style>`;

/** The page header: the state in words, the one-sentence outlook and the forecaster's record. */
function header(r: NowReport): string {
  return `<header class="top"><h1>Where the cycle stands — ${e(r.asOf)}</h1>
<p class="sentence">${e(r.sentence)}</p>
<p class="track">${e(r.trackSentence)}</p>
<dl class="meta"><dt>universe</dt><dd>${e(r.universe.id)}: ${e(r.universe.description.replace(/,? \d{4}-\d{2} to \d{4}-\d{2}$/, ''))}${r.universe.frequency === 'daily' ? ' (reduced to month ends)' : ''}</dd>
<dt>as of</dt><dd>${e(r.asOf)} (only data known by then; last month end ${e(r.lastMonthEnd)}; history of month ends from ${e(r.historyFrom)})</dd>
<dt>Fed cycle</dt><dd>cycle ${r.cycle.id}, ${e(r.cycle.direction)} since ${e(r.cycle.start)}; phase ${e(r.cycle.phase)}</dd>
<dt>draws</dt><dd>${r.draws.toLocaleString('en-US')} per bootstrap, a fifth of that for the track record’s null; seed ${r.seed}; ratecycle ${e(r.version)}</dd></dl></header>`;
}

/** The state table first: every input with the date it describes, when it became known, its age and weight. */
function stateSection(r: NowReport): string {
  const rows = r.state
    .map(
      (s) =>
        `<tr><td>${e(s.label)}</td><td>${e(s.text)}</td><td>${e(s.date)}</td><td>${e(s.known)}</td><td class="${s.stale ? 'stale' : ''}">${Number.isFinite(s.ageDays) ? `${s.ageDays} d` : '–'}${s.stale ? `<span class="tag" title="older than its ${s.limitDays}-day limit">stale</span>` : ''}</td><td>${s.weight ? `${(s.weight * 100).toFixed(1)} %` : '–'}</td><td class="words">${e(s.note)}</td></tr>`,
    )
    .join('\n');
  const stale = r.stale.length ? `<div class="note"><b>Stale inputs</b> (said once):<ul>${r.stale.map((s) => `<li>${e(s)}</li>`).join('')}</ul></div>` : '';
  const lacking = r.lacking.length
    ? `<div class="note"><b>Left out</b>:<ul>${r.lacking.map((l) => `<li>${e(l.id)}: ${e(l.why)}</li>`).join('')}</ul></div>`
    : '';
  return `<section id="state"><h2>The state at ${e(r.asOf)}</h2>
<div class="table-wrap"><table id="state-table" class="state compact"><thead><tr><th>input</th><th>value</th><th>describes</th><th>known since</th><th>age</th><th>weight</th><th class="words">note</th></tr></thead><tbody>${rows}</tbody></table></div>
${stale}${lacking}<p class="how">Each input is the latest value published on or before the as-of date (point in time: the ISM from its release day, bm_spread a month after its month, yields a business day later, FOMC decisions at their close). An input older than its series’ staleness limit is marked stale and used as it is. “Weight” is its share of the analogue distance.</p></section>`;
}

/** The analogue months of the headline horizon and how they were chosen. */
function analogueSection(r: NowReport): string {
  const o = r.outlook.find((x) => x.horizon === r.method.headline)!;
  const feat = r.method.features;
  const show = ['cycle_months', 'since_move', 'policy_rate', 'ism', 'bm_spread', 'trailing12'];
  const label = (id: string) =>
    ({ cycle_months: 'cycle months', since_move: 'since move', policy_rate: 'rate %', ism: 'ISM', bm_spread: 'bm_spread', trailing12: 'trailing 12 m' })[id] ??
    id;
  const val = (id: string, v: number) => (!Number.isFinite(v) ? '–' : id === 'trailing12' ? pct(v) : id === 'bm_spread' ? v.toFixed(2) : v.toFixed(1));
  const rows = r.analogues
    .map(
      (a) =>
        `<tr><td>${a.rank}</td><td>${e(a.date.slice(0, 7))}</td><td>${a.cycle} (${e(a.cycleStart)})</td><td>${a.distance.toFixed(2)}</td>${show.map((id) => `<td>${val(id, a.state[id])}</td>`).join('')}${r.method.horizons.map((h) => `<td class="${a.spreads[h] > 0 ? 'pos' : a.spreads[h] < 0 ? 'neg' : ''}">${pct(a.spreads[h])}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const weights = feat
    .map(
      (f) =>
        `<tr><td>${e(f.label)}</td><td>${(f.weight * 100).toFixed(1)} %</td><td>${Number.isFinite(f.cap) ? f.cap : '–'}</td><td>${Number.isFinite(f.scale) ? f.scale.toFixed(2) : '–'}</td><td class="words">${e(f.why)}</td></tr>`,
    )
    .join('\n');
  return `<section id="analogues"><h2>Historical analogues: the ${o.k} month ends most like ${e(r.asOf)}</h2>
<p class="lead">${o.k} months in <b>${o.cycles} distinct ${e(r.cycle.direction)} cycles</b> (effectively ${Number.isFinite(o.effectiveCycles) ? o.effectiveCycles.toFixed(1) : '–'}: the months of one cycle share their outcome windows and count as one episode). ${Number.isFinite(o.perCycle) ? `At most ${o.perCycle} months come from one cycle; without that limit, the ${o.k} nearest months come from ${o.nearestCycles} cycle${o.nearestCycles === 1 ? '' : 's'}.` : `No per-cycle limit: fewer than 5 cycles of this direction have candidates.`}</p>
<div class="table-wrap"><table id="analogue-table" class="analogues compact"><thead><tr><th>#</th><th>month</th><th>cycle (first move)</th><th>distance</th>${show.map((id) => `<th>${e(label(id))}</th>`).join('')}${r.method.horizons.map((h) => `<th>next ${h} m</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>
<p class="how">Small − large is the small-cap minus the large-cap cumulative return over the next h months from each month end; “–” where that window is not over at the as-of date (these months are analogues at shorter horizons only if their outcome is known there; every horizon picks its own analogues among months whose outcome is known).</p>
<h3>How the analogues are chosen</h3>
<p class="how">${e(r.method.direction[0].toUpperCase() + r.method.direction.slice(1))}. Distance: √(Σ w·((x − x_now)/s)² / Σ w) over the inputs known in both months, s each input’s standard deviation over the month ends up to the as-of date (standardized with history known then). ${e(r.method.k)}, and at most ⌊(k − 1)/4⌋ from one cycle, so the analogues span at least five cycles when history has five — the fewest the verdict rule tests (with fewer, no limit).</p>
<div class="table-wrap"><table id="weights-table" class="compact"><thead><tr><th>input</th><th>weight</th><th>cap</th><th>s</th><th class="words">why</th></tr></thead><tbody>${weights}</tbody></table></div></section>`;
}

/** The outlook chart (analogues vs every month, by horizon) and its table. */
function outlookSection(r: NowReport): string {
  const hs = r.outlook.map((o) => o.horizon);
  const x = [0, ...hs];
  const pick = (f: (o: NowOutlook) => number) => [0, ...r.outlook.map(f)];
  const chart = lineChart({
    id: 'outlook-chart',
    title: 'small − large after the analogues and after every month',
    x,
    xKind: 'months',
    xLabel: 'months ahead',
    yLabel: 'small − large, cumulative',
    unit: 'percent',
    lines: [
      { label: 'analogues: mean', values: pick((o) => o.analogues.mean), color: '#d55e00', width: 2.5, dots: true },
      { label: 'every month: mean', values: pick((o) => o.unconditional.mean), color: '#4d4d4d', dash: '6 4', dots: true },
    ],
    bands: [
      { label: 'analogues: 10–90 % of months', low: pick((o) => o.analogues.q10), high: pick((o) => o.analogues.q90), fill: 'rgba(213,94,0,0.10)' },
      { label: 'analogues: 95 % CI of the mean (cycle bootstrap)', low: pick((o) => o.ciLow), high: pick((o) => o.ciHigh), fill: 'rgba(213,94,0,0.28)' },
      {
        label: 'every month: 10–90 %',
        low: pick((o) => o.unconditional.q10),
        high: pick((o) => o.unconditional.q90),
        fill: 'rgba(77,77,77,0.06)',
        stroke: '#9aa5b1',
      },
    ],
  });
  const rows = r.outlook
    .map((o) => {
      const head = o.horizon === r.method.headline;
      return `<tr class="${head ? 'headline' : ''}"><td>${o.horizon} m${head ? ' (headline)' : ''}</td><td title="${o.k} of ${o.candidates} candidates">${o.k} in ${o.cycles} (${Number.isFinite(o.effectiveCycles) ? o.effectiveCycles.toFixed(1) : '–'})</td><td>${pct(o.analogues.mean)} <span class="ci">(${ci(o.ciLow, o.ciHigh)})</span></td><td>${pct(o.analogues.median)}</td><td>${Number.isFinite(o.analogues.ahead) ? `${(o.analogues.ahead * 100).toFixed(0)} %` : '–'}</td><td>${pct(o.unconditional.mean)}</td><td>${pct(o.excess)} <span class="ci">(${ci(o.excessLow, o.excessHigh)})</span></td><td>${pText(o.placeboP)}</td><td>${plainPct(o.mde)}</td><td class="${VERDICT_CLASS[o.verdict]}">${e(o.verdict)}</td></tr>`;
    })
    .join('\n');
  const h = r.outlook.find((o) => o.horizon === r.method.headline)!;
  return `<section id="outlook"><h2>Conditional outlook: what followed the analogues, beside every month</h2>
<div class="charts-full">${chart}</div>
<div class="table-wrap"><table id="outlook-table" class="compact"><thead><tr><th>horizon</th><th>analogues in cycles (effective)</th><th>mean (95 % CI, cycle bootstrap)</th><th>median</th><th>small ahead</th><th>every month</th><th>excess (95 % CI, placebo)</th><th>placebo p</th><th>MDE</th><th>verdict</th></tr></thead><tbody>${rows}</tbody></table></div>
<p class="how">Null (headline): ${e(h.null)}. Placebo: the analogue months’ pattern — their number and spacing, so their clustering in cycles — shifted to every start month (a rotation over the ${h.placeboEligible.toLocaleString('en-US')} months with a complete outcome, exact, two-sided): the same procedure with months picked by the calendar instead of the state. Verdict by the claims’ rule: supported / contradicted when p &lt; 0.05 with small caps ahead / behind their usual spread, not shown otherwise (with the minimum detectable excess, MDE: below it history is uninformative), not tested with fewer than 5 distinct cycles. The 12-month horizon is the headline, declared before looking; the other horizons are details, not adjusted for being four. The mean’s interval draws whole cycles with replacement (a block bootstrap whose blocks are the cycles); with a handful of cycles it is too narrow rather than too wide.</p></section>`;
}

/** The forecaster's own record: R² by horizon, its forecasts over time and where it gained or lost against the mean. */
function trackSection(r: NowReport): string {
  if (!r.track.length) return '';
  const rows = r.track
    .map(
      (t: NowTrack) =>
        `<tr class="${t.horizon === r.method.headline ? 'headline' : ''}"><td>${t.horizon} m</td><td>${t.n}</td><td>${e(t.from.slice(0, 7))} – ${e(t.to.slice(0, 7))}</td><td>${r2Text(t.r2)}</td><td>${pText(t.p)}</td><td>${r2Text(t.null95)}</td><td>${plainPct(t.rmse)}</td><td>${plainPct(t.rmseMean)}</td></tr>`,
    )
    .join('\n');
  const t = r.track.find((x) => x.horizon === r.method.headline);
  let charts = '';
  if (t && t.series.length > 1) {
    const days = t.series.map((s) => parseIsoDay(s.date));
    let cum = 0;
    const gain = t.series.map((s) => {
      if (Number.isFinite(s.realized) && Number.isFinite(s.forecast) && Number.isFinite(s.benchmark))
        cum += (s.realized - s.benchmark) ** 2 - (s.realized - s.forecast) ** 2;
      return Number.isFinite(s.realized) ? cum : NaN;
    });
    charts =
      lineChart({
        id: 'track-forecasts',
        title: `${t.horizon}-month forecasts made at each month end`,
        x: days,
        xKind: 'date',
        xLabel: 'forecast made at the end of',
        yLabel: `next ${t.horizon} m, small − large`,
        unit: 'percent',
        height: 280,
        lines: [
          { label: 'what followed', values: t.series.map((s) => s.realized), color: '#1f5fbf', width: 1 },
          { label: 'analogue forecast', values: t.series.map((s) => s.forecast), color: '#d55e00', width: 1.6 },
          { label: 'historical mean known then', values: t.series.map((s) => s.benchmark), color: '#4d4d4d', dash: '6 4', width: 1.6 },
        ],
      }) +
      lineChart({
        id: 'track-gain',
        title: 'cumulative squared error of the historical mean minus that of the analogue forecast',
        x: days,
        xKind: 'date',
        xLabel: 'forecast made at the end of',
        yLabel: 'Σ (error of mean)² − (error of analogues)²',
        unit: 'number',
        height: 240,
        lines: [{ label: 'rising: the analogues beat the mean; falling: the mean beat them', values: gain, color: '#009e73' }],
      });
  }
  return `<section id="track"><h2>Has this view ever had skill? The analogue forecaster’s own record</h2>
<p class="lead">${e(r.trackSentence)}</p>
<div class="table-wrap"><table id="track-table" class="compact"><thead><tr><th>horizon</th><th>forecasts scored</th><th>made from … to</th><th>out-of-sample R²</th><th>p (no predictability)</th><th>95th percentile under the null</th><th>RMSE analogues</th><th>RMSE historical mean</th></tr></thead><tbody>${rows}</tbody></table></div>
<div class="charts-full">${charts}</div>
<p class="how">At every month end with ten years of complete outcomes before it, the same procedure is run with only the data known then: inputs standardized on the history up to that month, candidates whose outcome was complete, k = √(candidates). Its forecast is scored against the historical mean known then by the out-of-sample R² (Campbell &amp; Thompson 2008), which is referred to its distribution when nothing is predictable: the analogue choices kept, the monthly small and large returns resampled together in stationary blocks, everything recomputed (${t ? t.draws.toLocaleString('en-US') : '–'} samples). Forecasts overlap (a 12-month outcome every month), so neighbouring errors are not independent; the null keeps that overlap.</p></section>`;
}

/** The article's call, out of sample: its statements, what ratecycle said then, and what happened since. */
function articleSection(r: NowReport): string {
  const a = r.article;
  if (!a)
    return `<section id="article"><h2>The article’s call</h2><p class="how">The article is dated 2025-09-18, after ${e(r.asOf)}: nothing to show at this date.</p></section>`;
  const rows = a.statements
    .map(
      (s) =>
        `<tr><td class="words strong">${e(s.claim)}</td><td class="words">${e(s.data)}</td><td class="${s.agrees === 'yes' ? 'pos' : s.agrees === 'no' ? 'neg' : 'muted'}">${e(s.agrees)}</td></tr>`,
    )
    .join('\n');
  const t = a.thenOutlook;
  const then = t
    ? `<p>What ratecycle’s analogues said on ${e(a.date)}, with the data known then: small − large ${pct(t.mean)} over ${t.horizon} months (cycle bootstrap 95 % CI ${pct(t.ciLow)} to ${pct(t.ciHigh)}), ${pct(t.excess)} above every month, placebo p ${pText(t.placeboP)}, ${t.cycles} cycles: <b>${e(t.verdict)}</b> (replay it with <code>ratecycle now --as-of ${e(a.date)}</code>).</p>`
    : '';
  const since =
    a.months > 0
      ? `<p><b>Since the cut:</b> small − large ${pct(a.spread)} from ${e(a.entry)} to ${e(a.exit)} (${a.months} whole month${a.months === 1 ? '' : 's'}; small ${pct(a.small)}, large ${pct(a.large)}), at percentile ${Number.isFinite(a.percentile) ? (a.percentile * 100).toFixed(0) : '–'} of the same ${a.months}-month window after ${a.history.length} earlier first cuts.</p>` +
        stripChart({
          id: 'article-strip',
          title: `small − large over ${a.months} months after each first cut, and since the ${a.cut} cut`,
          points: a.history.map((h) => ({ label: `first cut ${h.date}`, value: h.spread })),
          marked: { label: `since ${a.cut}`, value: a.spread },
          xLabel: `small − large over the ${a.months} months after the entry (grey: each earlier first cut; orange: since ${a.cut})`,
        })
      : `<p>${e(a.note)}</p>`;
  return `<section id="article"><h2>The article’s call, out of sample</h2>
<div class="table-wrap"><table id="article-table" class="compact"><thead><tr><th class="words">the article said (${e(a.date)})</th><th class="words">the data known that day</th><th>agrees</th></tr></thead><tbody>${rows}</tbody></table></div>
${then}${since}
<div class="note"><b>One observation, not a test.</b> ${e(a.months > 0 ? a.note : 'Nothing has happened since yet.')}</div></section>`;
}

/** now.html: the state table first, then the analogues, the outlook with its bands, the track record and the article's call. */
export function renderNow(r: NowReport): string {
  const warn = r.warnings.length
    ? `<section id="warnings"><h2>Caveats</h2><ul class="words">${r.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></section>`
    : '';
  const body = [CSS, header(r), stateSection(r), analogueSection(r), outlookSection(r), trackSection(r), articleSection(r), warn].join('\n');
  return page(`Now (${r.asOf}) — ratecycle`, body, { kind: 'now', charts: [] });
}

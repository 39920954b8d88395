import { forestSection } from './forest-section.js';
import { multiverseSection } from './multiverse-section.js';
import { publishedSection } from './published-table.js';
import { influenceTable } from './influence-table.js';
import type { ClaimCharts, ClaimRow, ClaimsReport } from '../../engine/formats/claims-folder.js';
import { escapeHtml } from '../html/escape.js';
import { barChart, pathChart, placeboStrip, scatterChart } from '../html/inference-charts.js';
import { page } from '../html/page.js';
import { cellText, headlineParts, intervalText, numberText, sampleGroups, VERDICT_LEGEND } from './claims-table.js';

const VERDICT_CLASS: Record<string, string> = { supported: 'pos', contradicted: 'neg', 'not shown': '', 'not tested': 'muted' };
const pText = (p: number) => (Number.isFinite(p) ? (p < 0.001 ? '< 0.001' : p.toFixed(3)) : '–');
const pct = (x: number, d = 1) => (Number.isFinite(x) ? `${(x * 100).toFixed(d)} %` : '–');

/** One claim's answer: the claim, its primary sample, and one line per headline part with its verdict first. */
function answerItem(a: ClaimsReport['answers'][number]): string {
  const parts = a.parts.map((p) => {
    const [head, rest] = p.split(/ — (.*)/s);
    return `<li>${escapeHtml(head).replace(/(SUPPORTED|CONTRADICTED|NOT SHOWN|NOT TESTED)/, '<b>$1</b>')} — ${escapeHtml(rest ?? '')}</li>`;
  });
  return `<li class="${VERDICT_CLASS[a.verdict]}"><a href="#claim-${a.claim}">Claim ${a.claim}</a>: “${escapeHtml(a.text)}” — on ${escapeHtml(a.universe)}<ul>${parts.join('')}</ul></li>`;
}

/** The pooled answers over other central banks (their own Holm family), when computed. */
function pooledAnswers(report: ClaimsReport): string {
  const pooled = report.pooled ?? [];
  if (!pooled.length) return '';
  const items = pooled
    .map((p) => `<li class="${VERDICT_CLASS[p.verdict]}"><a href="#regions">Claim ${p.claim}</a>: ${escapeHtml(p.sentence.replace(/^\d\. /, ''))}</li>`)
    .join('\n');
  return `<h3>Other central banks, pooled outside the US (a family of ${pooled.length}, Holm-adjusted)</h3><ul class="answers">${items}</ul>`;
}

function answers(report: ClaimsReport): string {
  const items = report.answers.map(answerItem).join('\n');
  return `<section class="verdict" id="answer"><h2>The answer, claim by claim (primary samples)</h2>
<ol class="answers">${items || '<li>No primary sample was run (see the samples below).</li>'}</ol>
<p class="call">${escapeHtml(report.family.summary)}</p>${pooledAnswers(report)}
<p class="how">Each verdict tests the claim’s own null — for a timing claim, that the Fed’s or the ISM’s moment is no better than a random date, not merely that small caps did well — on the claim’s primary sample, the longest one that answers it. Holm’s adjustment keeps the chance of any false “supported” among the ${report.family.size} primary tests at 5 %; Benjamini–Hochberg’s is shown beside it. “Not shown” comes with the smallest effect the test would find 80 % of the time (the MDE): below it, history is uninformative, not negative.</p></section>`;
}

function verdictTable(report: ClaimsReport): string {
  const tables = sampleGroups(report).map((g, k) => {
    const head = g.ids.map((u) => `<th>${escapeHtml(u)}${report.universes.find((x) => x.id === u)?.primaryFor.length ? ' *' : ''}</th>`).join('');
    const rows = headlineParts(report)
      .filter((p) => report.rows.some((r) => r.part === p.part && g.ids.includes(r.universe)))
      .map((p) => {
        const cells = g.ids.map((u) => {
          const r = report.rows.find((x) => x.part === p.part && x.universe === u);
          if (!r) return '<td class="muted">n/a</td>';
          return `<td class="${VERDICT_CLASS[r.verdict]}${r.role === 'primary' ? ' primary' : ''}" title="${escapeHtml(r.sentence)}">${escapeHtml(cellText(r))}<span class="delta">${escapeHtml(r.verdict)} ${escapeHtml(intervalText(r))}</span></td>`;
        });
        return `<tr><td><a href="#claim-${p.claim}">${p.claim}</a> ${escapeHtml(p.label)}</td>${cells.join('')}</tr>`;
      })
      .join('\n');
    const id = k === 0 ? 'verdict-table' : `verdict-table-${k + 1}`;
    return `<div class="table-wrap"><table id="${id}" class="sticky-first compact"><thead><tr><th>${escapeHtml(g.title)}</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
  });
  return `<section id="table"><h2>Every sample</h2>
${tables.join('\n')}
<p class="how">${escapeHtml(VERDICT_LEGEND)} Hover a cell for its sentence; each claim’s section below has every number and how it was computed.</p></section>`;
}

function samplesTable(report: ClaimsReport): string {
  const rows = report.universes
    .map((u) => {
      const role = u.primaryFor.length ? `primary for claim${u.primaryFor.length > 1 ? 's' : ''} ${u.primaryFor.join(', ')}` : 'robustness';
      const o = u.overlap;
      const overlap = o
        ? `with ${escapeHtml(o.with)}: ${o.months} common months, monthly spreads correlate ${Number.isFinite(o.correlation) ? o.correlation.toFixed(2) : '–'}; ${o.sharedFirstCuts} of its ${o.firstCuts} first cuts are also the primary’s`
        : '';
      return `<tr><td>${escapeHtml(u.id)}</td><td style="white-space:normal;text-align:left">${escapeHtml(u.label)}</td><td>${escapeHtml(u.from)} – ${escapeHtml(u.to)}</td><td>${escapeHtml(role)}</td><td style="white-space:normal;text-align:left">${overlap}</td></tr>`;
    })
    .join('\n');
  const skipped = report.skipped.length
    ? `<div class="note"><b>Not answered:</b><ul>${report.skipped.map((s) => `<li>claim ${s.claim} on ${escapeHtml(s.universe)}: ${escapeHtml(s.reason)}</li>`).join('')}</ul></div>`
    : '';
  const gone = report.unavailable?.length
    ? `<div class="note"><b>Not tested here</b> (their data is not in this installation):<ul>${report.unavailable.map((s) => `<li>${escapeHtml(s.universe)}: ${escapeHtml(s.reason)}</li>`).join('')}</ul></div>`
    : '';
  return `<section id="samples"><h2>Samples</h2>
<div class="table-wrap"><table id="samples-table" class="compact"><thead><tr><th>sample</th><th>what</th><th>period</th><th>role</th><th>overlap with the primary sample</th></tr></thead><tbody>${rows}</tbody></table></div>
<p class="how">Samples that overlap the primary one repeat its evidence: agreement between them is not replication. Draws: ${report.draws.toLocaleString('en-US')} per bootstrap and placebo (a fifth of that for the valuation claim’s simulation), seed ${report.seed}; ratecycle ${escapeHtml(report.version)}.</p>${gone}${skipped}${warnings(report)}</section>`;
}

/** The independent groups behind a row, in a few words ("17 groups", "8, none overlapping", "30 episodes", "9 decades"). */
function independent(r: ClaimRow): string {
  if (r.groupUnit.startsWith('events')) return `${r.groups}, none overlapping`;
  if (r.groupUnit.startsWith('groups')) return `${r.groups} groups`;
  if (r.groupUnit.startsWith('non-overlapping')) return `${r.groups} decades`;
  return `${r.groups.toLocaleString('en-US')} ${r.groupUnit.split(' ')[0]}`;
}

function aheadCell(r: ClaimRow): string {
  if (!r.ahead) return '–';
  const a = r.ahead;
  const test = Number.isFinite(a.p) ? `${intervalText({ ...r, ciLow: a.ciLow, ciHigh: a.ciHigh })} p ${pText(a.p)}` : 'no test';
  const hits =
    a.groupsAhead !== undefined && r.groups > 0
      ? `; ahead in ${a.groupsAhead} of ${r.groups}${Number.isFinite(a.signP) ? ` (sign p ${pText(a.signP!)})` : ''}`
      : '';
  return `${escapeHtml(numberText(r, a.estimate))}<span class="delta">${escapeHtml(test + hits)}</span>`;
}

function wordsItem(r: ClaimRow): string {
  return `<li><b>${escapeHtml(r.label)}, ${escapeHtml(r.universe)}${r.role === 'primary' ? ' (primary)' : ''}:</b> ${escapeHtml(r.sentence)} <span class="muted">Null: ${escapeHtml(r.null)}.${r.note ? ` ${escapeHtml(r.note)}.` : ''}</span></li>`;
}

function detailTable(rows: ClaimRow[], claim: number): string {
  const body = rows
    .map(
      (r) =>
        `<tr${r.headline ? '' : ' class="detail"'} title="${escapeHtml(r.sentence)}"><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.universe)}${r.role === 'primary' ? ' <b>*</b>' : ''}</td><td>${r.n.toLocaleString('en-US')} ${escapeHtml(r.nUnit)}</td><td>${escapeHtml(independent(r))}</td><td>${escapeHtml(numberText(r, r.estimate))}</td><td>${escapeHtml(intervalText(r))}</td><td title="${escapeHtml(r.pMethod)}">${escapeHtml(pText(r.p))}</td><td>${escapeHtml(pText(r.pHolm))}</td><td>${escapeHtml(pText(r.pBH))}</td><td>${escapeHtml(Number.isFinite(r.mde) ? numberText(r, r.mde).replace('+', '') : '–')}</td><td class="${VERDICT_CLASS[r.verdict]}">${escapeHtml(r.verdict)}</td><td class="ahead">${aheadCell(r)}</td></tr>`,
    )
    .join('\n');
  const methods = [
    ...new Set(
      rows
        .filter((r) => r.ciMethod !== 'none')
        .map(
          (r) =>
            `${r.unit}: interval ${r.ciMethod.replace(/over \d+ /, 'over the ').replace(/\d[\d,]* (draws|samples|weight vectors)/, 'the $1')}; p ${r.pMethod
              .replace(/\d[\d,]* random entry dates among [\d,]+ eligible/, 'n random entry dates among the eligible ones')
              .replace(/the \d+ groups (.*) \(at least [\d,]+ eligible each\)/, 'the groups $1')
              .replace(/ t −?[\d.]+ /, ' t ')}`,
        ),
    ),
  ];
  const headline = rows.filter((r) => r.headline);
  const details = rows.filter((r) => !r.headline);
  return `<div class="table-wrap"><table id="claim-${claim}-table" class="compact claim-detail"><thead><tr><th>part</th><th>sample</th><th>n</th><th>independent</th><th>estimate</th><th>95 % CI</th><th>p</th><th>Holm p</th><th>BH p</th><th>MDE</th><th>verdict</th><th>small − large itself vs 0</th></tr></thead><tbody>${body}</tbody></table></div>
<p class="how">* primary sample (verdict on Holm’s p). Grey rows: details. MDE: the smallest true effect found 80 % of the time at 5 % two-sided. ${methods.map(escapeHtml).join('<br>')}</p>
<h3>In words</h3><ul class="words">${headline.map(wordsItem).join('')}</ul>${details.length ? `<details><summary>The ${details.length} detail rows in words</summary><ul class="words">${details.map(wordsItem).join('')}</ul></details>` : ''}`;
}

function charts(claim: number, list: ClaimCharts[], labels: Map<string, string>): string {
  const out: string[] = [];
  for (const c of list) {
    const u = escapeHtml(c.universe);
    const parts: string[] = [];
    if (c.path)
      parts.push(
        `<h3>${u}: average path after first cuts</h3>${pathChart(`path-${c.universe}`, c.path, `average small minus large path, ${c.universe}`)}<p class="how">Cumulative small − large return against months from the entry (0), 3 months before to 24 after; orange band: bootstrap 95 % of the mean over ${Math.max(...c.path.n)} first cuts; dashed band: 95 % of the mean over as many random entry dates (placebo).</p>`,
      );
    if (c.cycles?.length)
      parts.push(
        `<h3>${u}: 12-month spread after each first cut</h3>${barChart(
          `cycles-${c.universe}`,
          c.cycles.map((x) => ({
            label: x.date.slice(0, 7),
            value: x.spread,
            color: x.recession ? '#8e5ea2' : undefined,
            title: `${x.date}: ${(x.spread * 100).toFixed(1)} %${x.recession ? ' (a recession began within 12 months)' : ''}`,
          })),
          `12-month spread per cycle, ${c.universe}`,
        )}<p class="how">Purple: an NBER recession began within 12 months of the cut (known only ex post).</p>`,
      );
    if (c.groups?.length)
      parts.push(
        `<h3>${u}: annualized small − large spread</h3>${barChart(
          `groups-${claim}-${c.universe}`,
          c.groups.map((g) => ({
            label: g.label,
            value: g.estimate,
            low: g.ciLow,
            high: g.ciHigh,
            title: `${g.label}: ${pct(g.estimate)} a year, 95 % CI ${pct(g.ciLow)} to ${pct(g.ciHigh)}, ${g.n.toLocaleString('en-US')} bars in ${g.episodes} episodes, p ${pText(g.p)}`,
          })),
          `spread by group, ${c.universe}`,
          240,
        )}<p class="how">Whiskers: 95 % interval of the wild cluster bootstrap-t with the regime’s episodes as clusters (the contrast: both regimes’ episodes).</p>`,
      );
    for (const p of c.placebo ?? [])
      parts.push(
        `<h3>${u}: ${escapeHtml(labels.get(p.part) ?? p.part)}, against random dates</h3>${placeboStrip(`placebo-${p.part}-${c.universe}`, p.quantiles, p.observed, `placebo distribution ${p.part} ${c.universe}`)}<p class="how">Grey bands: the range, the middle 95 % and the middle 50 % of the mean spread over as many random entry dates; red: the observed mean. The claim needs red outside the 95 % band.</p>`,
      );
    if (c.scatter) {
      const s = c.scatter;
      const oos =
        s.nOos > 0 ? `out-of-sample R² ${s.r2Oos.toFixed(2)} over ${s.nOos} expanding-window forecasts` : 'no out-of-sample forecast (the sample is too short)';
      parts.push(
        `<h3>${u}: bm_spread and the next 10 years</h3>${scatterChart(`scatter-${c.universe}`, s, `bm_spread vs next 10 years, ${c.universe}`, 'bm_spread (book-to-market of small ÷ large)')}<p class="how">Each dot: a month end; y = next 10 years' annualized small − large return; neighbouring dots share nine of their ten years. Line: the fit (in-sample R² ${s.r2.toFixed(2)}; ${oos}). Red: the latest reading ${s.current.toFixed(2)} (${escapeHtml(s.currentDate.slice(0, 7))}), percentile ${(s.percentile * 100).toFixed(0)} of history.</p>`,
      );
    }
    if (parts.length) out.push(`<div>${parts.join('\n')}</div>`);
  }
  return out.length ? `<div class="charts-full">${out.join('\n')}</div>` : '';
}

function warnings(report: ClaimsReport): string {
  const all = [...new Set(report.universes.flatMap((u) => u.warnings.map((w) => `${u.id}: ${w}`)))];
  return all.length ? `<details><summary>${all.length} data notes</summary><ul>${all.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></details>` : '';
}

/** The claims page: the answer per claim first, then the table of every sample, the samples and one section per claim. */
export function renderClaims(report: ClaimsReport): string {
  const sections = report.claims
    .map((c) => {
      const rows = report.rows.filter((r) => r.claim === c.claim);
      return `<section id="claim-${c.claim}"><h2>Claim ${c.claim}: “${escapeHtml(c.text)}”</h2><p class="how"><b>How it is tested.</b> ${escapeHtml(c.how)}</p>
${rows.length ? detailTable(rows, c.claim) : '<p>No sample can answer this claim with the data in the catalog.</p>'}
${charts(c.claim, report.charts[c.claim] ?? [], new Map(rows.map((r) => [r.part, r.label])))}
${influenceTable(report, c.claim, report.universes.find((u) => u.primaryFor.includes(c.claim))?.id ?? '', new Map(rows.map((r) => [r.part, r.label])))}</section>`;
    })
    .join('\n');
  const body = `<header class="top"><h1>What history says about the article's claims</h1>
<p class="lead">Each claim tested against the null that matters — that the moment it names is no better than any other — with the number of independent observations behind it, a 95 % interval, raw and multiplicity-adjusted p-values and, where nothing is shown, the smallest effect the data could have found.</p>
</header>
${answers(report)}
${verdictTable(report)}
${samplesTable(report)}
${forestSection(report)}
${sections}
${multiverseSection(report)}
${publishedSection(report)}
<section id="answer-again"><h2>The answer, again</h2><ol class="answers">${report.answers.map(answerItem).join('\n')}</ol><p class="call">${escapeHtml(report.family.summary)}</p></section>`;
  return page('Claims — ratecycle', body, { kind: 'claims', charts: [] }, { wide: true });
}

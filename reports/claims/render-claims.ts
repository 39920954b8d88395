import type { ClaimCharts, ClaimRow, ClaimsReport } from '../../engine/claims/types.js';
import { escapeHtml } from '../html/escape.js';
import { barChart, pathChart, placeboStrip, scatterChart } from '../html/inference-charts.js';
import { page } from '../html/page.js';
import { cellText, estimateText, headlineParts, intervalText, VERDICT_LEGEND } from './claims-table.js';

const VERDICT_CLASS: Record<string, string> = { supported: 'pos', contradicted: 'neg', 'not shown': '' };
const pText = (r: ClaimRow) => (Number.isFinite(r.p) ? (r.p < 0.001 ? '< 0.001' : r.p.toFixed(3)) : '–');

function verdictTable(report: ClaimsReport): string {
  const ids = report.universes.map((u) => u.id);
  const head = ids.map((u) => `<th>${escapeHtml(u)}</th>`).join('');
  const rows = headlineParts(report)
    .map((p) => {
      const cells = ids.map((u) => {
        const r = report.rows.find((x) => x.part === p.part && x.universe === u);
        if (!r) return '<td class="muted">n/a</td>';
        return `<td class="${VERDICT_CLASS[r.verdict]}" title="${escapeHtml(r.sentence)}">${escapeHtml(cellText(r))}<span class="delta">${escapeHtml(r.verdict)} ${escapeHtml(intervalText(r))}</span></td>`;
      });
      return `<tr><td><a href="#claim-${p.claim}">${p.claim}</a> ${escapeHtml(p.label)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const count = (v: string) => report.rows.filter((r) => r.headline && r.verdict === v).length;
  const total = report.rows.filter((r) => r.headline).length;
  return `<section class="verdict"><h2>Verdicts</h2><p class="call">Of ${total} tests, <b>${count('supported')}</b> supported, <b>${count('contradicted')}</b> contradicted, <b>${count('not shown')}</b> not shown.</p>
<div class="table-wrap"><table id="verdict-table" class="sticky-first compact"><thead><tr><th>claim</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>
<p class="how">${escapeHtml(VERDICT_LEGEND)} Hover a cell for its sentence; each claim's section below has every number and how it was computed.</p></section>`;
}

function detailTable(rows: ClaimRow[], claim: number): string {
  const body = rows
    .map(
      (r) =>
        `<tr${r.headline ? '' : ' class="muted"'}><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.universe)}</td><td>${escapeHtml(r.from)} – ${escapeHtml(r.to)}</td><td>${r.n.toLocaleString('en-US')} ${escapeHtml(r.nUnit)}</td><td>${escapeHtml(estimateText(r))}</td><td>${escapeHtml(intervalText(r))}</td><td title="${escapeHtml(r.pMethod)}">${escapeHtml(pText(r))}</td><td class="${VERDICT_CLASS[r.verdict]}">${escapeHtml(r.verdict)}</td><td style="white-space:normal;text-align:left;min-width:320px">${escapeHtml(r.sentence)}${r.note ? ` <span class="muted">(${escapeHtml(r.note)})</span>` : ''}</td></tr>`,
    )
    .join('\n');
  const methods = [...new Set(rows.map((r) => `${r.unit}: interval ${r.ciMethod}; p ${r.pMethod.replace(/\d[\d,]* random entry dates among [\d,]+ eligible/, 'n random entry dates among the eligible ones').replace(/the \d+ groups (.*) \(at least [\d,]+ eligible each\)/, 'the groups $1').replace(/ t −?[\d.]+ /, ' t ')}`))];
  return `<div class="table-wrap"><table id="claim-${claim}-table" class="compact"><thead><tr><th>part</th><th>sample</th><th>period</th><th>n</th><th>estimate</th><th>95 % CI</th><th>p</th><th>verdict</th><th>in words</th></tr></thead><tbody>${body}</tbody></table></div>
<p class="how">${methods.map(escapeHtml).join('<br>')}</p>`;
}

function charts(claim: number, list: ClaimCharts[]): string {
  const out: string[] = [];
  for (const c of list) {
    const u = escapeHtml(c.universe);
    const parts: string[] = [];
    if (c.path) parts.push(`<h3>${u}: average path after first cuts</h3>${pathChart(`path-${c.universe}`, c.path, `average small minus large path, ${c.universe}`)}<p class="how">Cumulative small − large return against months from the entry (0), 3 months before to 24 after; orange band: bootstrap 95 % of the mean over ${Math.max(...c.path.n)} first cuts; dashed band: 95 % of the mean over as many random entry dates (placebo).</p>`);
    if (c.cycles?.length) parts.push(`<h3>${u}: 12-month spread after each first cut</h3>${barChart(`cycles-${c.universe}`, c.cycles.map((x) => ({ label: x.date.slice(0, 7), value: x.spread, color: x.recession ? '#8e5ea2' : undefined, title: `${x.date}: ${(x.spread * 100).toFixed(1)} %${x.recession ? ' (recession within 12 months)' : ''}` })), `12-month spread per cycle, ${c.universe}`)}<p class="how">Purple: an NBER recession began within 12 months (known only ex post).</p>`);
    if (c.groups?.length) parts.push(`<h3>${u}: annualized small − large spread</h3>${barChart(`groups-${claim}-${c.universe}`, c.groups.map((g) => ({ label: g.label, value: g.estimate, low: g.ciLow, high: g.ciHigh, title: `${g.label}: ${(g.estimate * 100).toFixed(1)} % a year, 95 % CI ${(g.ciLow * 100).toFixed(1)} to ${(g.ciHigh * 100).toFixed(1)}, n ${g.n} bars, NW t ${g.t.toFixed(2)}` })), `spread by group, ${c.universe}`, 220)}<p class="how">Whiskers: stationary block-bootstrap 95 % interval.</p>`);
    for (const p of c.placebo ?? []) parts.push(`<h3>${u}: ${escapeHtml(p.part)} against random dates</h3>${placeboStrip(`placebo-${p.part}-${c.universe}`, p.quantiles, p.observed, `placebo distribution ${p.part} ${c.universe}`)}<p class="how">Grey bands: the range, the middle 95 % and the middle 50 % of the mean spread over as many random entry dates; red: the observed mean.</p>`);
    if (c.scatter) {
      const s = c.scatter;
      parts.push(`<h3>${u}: bm_spread and the next 10 years</h3>${scatterChart(`scatter-${c.universe}`, s, `bm_spread vs next 10 years, ${c.universe}`, 'bm_spread (book-to-market of small ÷ large)')}<p class="how">Each dot: a month end; y = next 10 years' annualized small − large return. Line: the fit (in-sample R² ${s.r2.toFixed(2)}; out-of-sample R² ${s.r2Oos.toFixed(2)} over ${s.nOos} expanding-window forecasts). Red: the latest reading ${s.current.toFixed(2)} (${escapeHtml(s.currentDate.slice(0, 7))}), percentile ${(s.percentile * 100).toFixed(0)} of 1926– history.</p>`);
    }
    if (parts.length) out.push(`<div>${parts.join('\n')}</div>`);
  }
  return out.length ? `<div class="small-multiples">${out.join('\n')}</div>` : '';
}

function warnings(report: ClaimsReport): string {
  const all = [...new Set(report.universes.flatMap((u) => u.warnings.map((w) => `${u.id}: ${w}`)))];
  return all.length ? `<details><summary>${all.length} data notes</summary><ul>${all.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></details>` : '';
}

/** The claims page: verdict table first, then one section per claim with its numbers and charts. */
export function renderClaims(report: ClaimsReport): string {
  const samples = report.universes.map((u) => `<dt>${escapeHtml(u.id)}</dt><dd>${escapeHtml(u.label)}; ${escapeHtml(u.from)} to ${escapeHtml(u.to)}</dd>`).join('');
  const skipped = report.skipped.length ? `<div class="note"><b>Not answered:</b><ul>${report.skipped.map((s) => `<li>claim ${s.claim} on ${escapeHtml(s.universe)}: ${escapeHtml(s.reason)}</li>`).join('')}</ul></div>` : '';
  const sections = report.claims
    .map((c) => {
      const rows = report.rows.filter((r) => r.claim === c.claim);
      return `<section id="claim-${c.claim}"><h2>Claim ${c.claim}: “${escapeHtml(c.text)}”</h2><p class="how"><b>How it is tested.</b> ${escapeHtml(c.how)}</p>
${rows.length ? detailTable(rows, c.claim) : '<p>No sample can answer this claim with the data in the catalog.</p>'}
${charts(c.claim, report.charts[c.claim] ?? [])}</section>`;
    })
    .join('\n');
  const body = `<header class="top"><h1>What history says about the article's claims</h1>
<p class="lead">Each claim tested on every shipped sample that can answer it, with n, estimate, 95 % interval and p-value. Verdict rule: <b>supported</b> when the 95 % interval excludes zero in the claimed direction, <b>contradicted</b> when it excludes zero the other way, <b>not shown</b> otherwise.</p>
</header>
${verdictTable(report)}
<section id="samples"><h2>Samples</h2><dl class="meta">${samples}<dt>Draws</dt><dd>${report.draws.toLocaleString('en-US')} per bootstrap and placebo, seed ${report.seed}</dd><dt>Version</dt><dd>ratecycle ${escapeHtml(report.version)}</dd></dl>${skipped}${warnings(report)}</section>
${sections}`;
  return page('Claims — ratecycle', body, { kind: 'claims', charts: [] }, { wide: true });
}

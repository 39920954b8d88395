import type { ClaimRow, ClaimsReport } from '../../engine/formats/claims-folder.js';
import { escapeHtml } from '../html/escape.js';
import { niceTicks } from '../html/svg-chart.js';
import { pointsText, pValueText } from './points-text.js';

/** The parts a forest plot is drawn for: the timing claims every region can answer. */
const FOREST_PARTS = ['1', '2-easing', '2-tightening', '3-all'] as const;

/** One forest plot: a row per sample (the US primary first, the regions, the pooled rows last), estimate and 95 % interval in points over random dates. */
function forestChart(rows: readonly ClaimRow[], id: string): string {
  const axis = rows[0]?.unit.startsWith('per year') ? 'points a year against the all-months mean' : 'points over random dates, 12 months';
  const W = 980,
    L = 330,
    R = W - 150,
    top = 22,
    rowH = 22;
  const H = top + rows.length * rowH + 42;
  const finite = rows.flatMap((r) => [r.ciLow, r.ciHigh, r.estimate]).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...finite), Math.max(0, ...finite), 6);
  const lo = ticks[0],
    hi = ticks[ticks.length - 1];
  const x = (v: number) => L + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (R - L);
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 6}" y2="${H - 28}" stroke="${t === 0 ? '#666' : '#e3e7ee'}"/><text x="${x(t).toFixed(1)}" y="${H - 14}" text-anchor="middle">${pointsText(t)}</text>`,
    )
    .join('');
  const marks = rows
    .map((r, i) => {
      const y = top + i * rowH + rowH / 2;
      const pooled = r.role === 'pooled';
      const colour = r.verdict === 'supported' ? '#2b8a3e' : r.verdict === 'contradicted' ? '#c8473d' : '#5f6b7a';
      const label = `${r.universe}${r.role === 'primary' ? ' (US, primary)' : ''}`;
      const n = r.nUnit === 'events' ? `${r.n} ev., ${r.groups} ${pooled ? 'episodes' : 'groups'}` : `${r.n} ${r.nUnit}, ${r.groups} episodes`;
      const title = `${r.universe}: ${pointsText(r.estimate)} points over random dates (95 % CI ${pointsText(r.ciLow)} to ${pointsText(r.ciHigh)}), p ${pValueText(r.p)}${Number.isFinite(r.pHolm) ? `, Holm ${pValueText(r.pHolm)}` : ''}; ${r.verdict}; ${n}`;
      const interval =
        Number.isFinite(r.ciLow) && Number.isFinite(r.ciHigh)
          ? `<line x1="${x(r.ciLow).toFixed(1)}" x2="${x(r.ciHigh).toFixed(1)}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="2"/>`
          : '';
      const dot = !Number.isFinite(r.estimate)
        ? `<text x="${L + 8}" y="${y + 4}" class="point-label" fill="#8a94a3">too few independent groups to test</text>`
        : pooled
          ? `<path d="M${(x(r.estimate) - 7).toFixed(1)} ${y} L${x(r.estimate).toFixed(1)} ${y - 6} L${(x(r.estimate) + 7).toFixed(1)} ${y} L${x(r.estimate).toFixed(1)} ${y + 6} Z" fill="${colour}"/>`
          : `<rect x="${(x(r.estimate) - 4).toFixed(1)}" y="${y - 4}" width="8" height="8" fill="${colour}"/>`;
      return `<g data-v="${r.estimate}"><title>${escapeHtml(title)}</title><text x="${L - 10}" y="${y + 4}" text-anchor="end"${pooled ? ' font-weight="bold"' : ''}>${escapeHtml(label)}</text>${interval}${dot}<text x="${R + 10}" y="${y + 4}" class="point-label">${escapeHtml(n)}</text></g>`;
    })
    .join('');
  return `<svg class="svg-chart" id="${id}" viewBox="0 0 ${W} ${H}" role="img" aria-label="forest plot">${grid}${marks}<text class="axis-label" x="${(L + R) / 2}" y="${H - 4}" text-anchor="middle">${axis}</text></svg>`;
}

/** The rows of one part in forest order: the US primary sample, the regional samples, then the pooled rows. */
export function forestRows(report: Pick<ClaimsReport, 'rows' | 'universes'>, part: string): ClaimRow[] {
  const rows = report.rows.filter((r) => r.part === part);
  const us = rows.filter((r) => r.role === 'primary');
  const pooled = rows.filter((r) => r.role === 'pooled');
  const regions = new Set(report.universes.filter((u) => u.region).map((u) => u.id));
  const regional = rows.filter((r) => r.role === 'robustness' && regions.has(r.universe));
  return [...us, ...regional, ...pooled];
}

/** The other central banks' section of claims.html ('' when no pooled row was computed). */
export function forestSection(report: Pick<ClaimsReport, 'rows' | 'universes'>): string {
  if (!report.rows.some((r) => r.role === 'pooled')) return '';
  const plots = FOREST_PARTS.map((part) => {
    const rows = forestRows(report, part);
    if (!rows.length) return '';
    const pooled = rows.find((r) => r.role === 'pooled' && r.headline);
    return `<h3>${escapeHtml(rows[0].label)}</h3>${pooled ? `<p class="call">${escapeHtml(pooled.sentence)}</p>` : ''}${forestChart(rows, `forest-${part}`)}`;
  }).join('\n');
  return `<section id="regions"><h2>Other central banks: the same claims on other regions, and pooled</h2>
${plots}
<p class="how">Each row of the timing plots: the mean small − large over the 12 months after a bank’s first cuts (or every cut) minus the same mean over every eligible entry date of its region, with its rotation-placebo 95 % interval; of the phase plots (claim 2): the annualized spread while the bank eases (or tightens) minus its region’s all-months mean, with the wild cluster bootstrap interval over episodes (green: supported, red: contradicted, grey: not shown). Regions use Fama/French size factors in US dollars (SMB as the small − large spread); banks of one region share that series, so their rows are not independent. The pooled rows (diamonds) average every event’s (or phase month’s) excess over its own region’s baseline; their null distribution shifts every region’s events (or phase labels) by one common number of days (months), so banks that move together in a world crisis stay together. Beside the estimate: events and the independent groups (for the pooled rows, global episodes: first cuts within 183 days anywhere, or overlapping windows in one region). The pooled outside-the-US rows form their own family, Holm-adjusted.</p></section>`;
}

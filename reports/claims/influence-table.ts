import type { ClaimsReport, InfluenceRow } from '../../engine/formats/claims-folder.js';
import { escapeHtml } from '../html/escape.js';

const pct = (x: number) => (Number.isFinite(x) ? `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}%` : '–');
const pts = (x: number) => (Number.isFinite(x) ? `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}` : '–');

/** The rows shown for one part on one sample: all, median, the three groups whose removal moves the mean most, and the two eras. */
function shown(rows: readonly InfluenceRow[]): InfluenceRow[] {
  const without = rows.filter((r) => r.kind === 'without').sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const pick = (k: InfluenceRow['kind']) => rows.filter((r) => r.kind === k);
  return [...pick('all'), ...pick('median'), ...without.slice(0, 3), ...pick('before'), ...pick('from')];
}

/**
 * "Which cycles drive it": for each part of a timing claim on `universe`, the mean over all
 * events, the median, the three leave-one-group-out means that move it most and the means
 * before and from the FOMC era (influence.csv has every group).
 */
export function influenceTable(report: Pick<ClaimsReport, 'influence'>, claim: number, universe: string, labels: Map<string, string>): string {
  const mine = (report.influence ?? []).filter((r) => r.claim === claim && r.universe === universe);
  const parts = [...new Set(mine.map((r) => r.part))];
  if (!parts.length) return '';
  const body = parts
    .map((part) =>
      shown(mine.filter((r) => r.part === part))
        .map(
          (r, i) =>
            `<tr${r.kind === 'all' ? ' class="contrast"' : ''}><td style="text-align:left">${i === 0 ? escapeHtml(labels.get(part) ?? part) : ''}</td><td style="text-align:left">${escapeHtml(r.label)}</td><td>${r.n}</td><td>${r.groups}</td><td>${pct(r.estimate)}</td><td>${r.kind === 'all' ? '' : pts(r.change)}</td></tr>`,
        )
        .join(''),
    )
    .join('');
  return `<h3>${escapeHtml(universe)}: which cycles drive the mean</h3><div class="table-wrap"><table id="influence-${claim}" class="compact"><thead><tr><th>part</th><th>events</th><th>n</th><th>groups</th><th>mean small − large</th><th>change (points)</th></tr></thead><tbody>${body}</tbody></table></div>
<p class="how">The mean over all events, the median event, the mean without each of the three groups of overlapping events whose removal moves it most (leave-one-group-out: influence.csv lists every group), and the means of the events before and from the FOMC era. A mean that one cycle or one era carries is fragile whatever its p-value.</p>`;
}

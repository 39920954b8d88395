import type { ClaimsReport, PublishedRow } from '../../engine/formats/claims-folder.js';
import { escapeHtml } from '../html/escape.js';

/** The published figures beside ratecycle's, as an HTML section ('' without rows). */
export function publishedSection(report: Pick<ClaimsReport, 'published'>): string {
  const rows = report.published ?? [];
  if (!rows.length) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td style="text-align:left">${escapeHtml(r.source)}</td><td style="white-space:normal;text-align:left">${escapeHtml(r.published)}</td><td style="white-space:normal;text-align:left">${escapeHtml(r.ratecycle)}</td><td style="white-space:normal;text-align:left">${escapeHtml(r.why)}</td></tr>`,
    )
    .join('\n');
  return `<section id="published"><h2>Published numbers, reconciled</h2>
<div class="table-wrap"><table id="published-table" class="compact"><thead><tr><th style="text-align:left">source</th><th style="text-align:left">published</th><th style="text-align:left">ratecycle, closest definition</th><th style="text-align:left">why they differ</th></tr></thead><tbody>${body}</tbody></table></div>
<p class="how">The sources do not publish their event lists; ratecycle's first cuts are the funds-rate rule before 1982-09-27 and FOMC decisions after, on the shipped series. An index's own return after cuts is not small caps beating large caps.</p></section>`;
}

/** The same table as Markdown (the README's copy; a test keeps it equal to this). */
export function publishedMarkdown(rows: readonly PublishedRow[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| source | published | ratecycle, closest definition | why they differ |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${cell(r.source)} | ${cell(r.published)} | ${cell(r.ratecycle)} | ${cell(r.why)} |`),
  ].join('\n');
}

import { formatNumber, formatPercent } from '../../engine/core/format.js';
import type { Table } from '../read-run.js';
import { escapeHtml } from '../html/escape.js';
import { styleOf } from '../html/styles.js';
import type { CompareModel } from './compare-model.js';

const num = (v: string | undefined) => (v === undefined || v === '' ? NaN : Number(v));
const withT = (shown: string, t: number) => `${shown} <span class="muted">(t ${formatNumber(t, 1)})</span>`;

/** A row of a run's factors.csv by scope and term (the strategy's). */
function find(rows: Table, scope: string, term: string): Record<string, string> | undefined {
  return rows.find((r) => r.scope === scope && r.series === 'strategy' && r.term === term);
}

/**
 * The comparison page's factor table: for each run with a factors.csv, the strategy's alpha a
 * year, SMB loading, easing − tightening SMB difference and the timed model's extra SMB loading
 * while the Fed eases, each with its Newey–West t, and R², n and the period regressed — every
 * run over its own matched bars (factors.csv, not recomputed on a common period). Empty when no
 * run has factor files.
 */
export function compareFactorSection(model: CompareModel): string {
  const runs = model.runs.map((r, i) => ({ rows: r.factors ?? [], i })).filter((r) => r.rows.length > 0);
  if (!runs.length) return '';
  const body = runs
    .map(({ rows, i }) => {
      const a = find(rows, 'all', 'alpha');
      const smb = find(rows, 'all', 'smb');
      const diff = find(rows, 'easing-tightening', 'smb');
      const timed = find(rows, 'timed', 'smb_easing');
      const label = model.labels[i];
      return `<tr><td title="${escapeHtml(label.full)}"><b style="color:${styleOf(i).color}">${escapeHtml(label.short)}</b></td><td>${escapeHtml(model.runs[i].manifest.universe.id)}</td><td>${withT(formatPercent(num(a?.estimate)), num(a?.t))}</td><td>${withT(formatNumber(num(smb?.estimate), 2), num(smb?.t))}</td><td>${withT(formatNumber(num(diff?.estimate), 2), num(diff?.t))}</td><td>${withT(formatNumber(num(timed?.estimate), 2), num(timed?.t))}</td><td>${formatNumber(num(a?.r2), 3)}</td><td>${Number.isFinite(num(a?.n)) ? num(a?.n).toLocaleString('en-US') : '–'}</td><td>${escapeHtml(a?.from ?? '–')} to ${escapeHtml(a?.to ?? '–')}</td></tr>`;
    })
    .join('\n');
  const missing = model.runs.length - runs.length;
  const note = missing ? ` ${missing} run(s) have no factors.csv (an older run, or a catalog without the factor series).` : '';
  return `<section id="compare-factors"><h2>Factor attribution</h2><div class="table-wrap"><table id="compare-factors-table" class="sticky-first compact"><thead><tr><th>run</th><th>universe</th><th>alpha a year</th><th>SMB loading</th><th>SMB easing − tightening</th><th>SMB × easing (timed)</th><th>R²</th><th>n</th><th>period regressed</th></tr></thead><tbody>${body}</tbody></table></div><p class="how">Each run's strategy return over cash regressed on the Fama/French five factors and momentum with Newey–West t (factors.csv of each run, over the bars its factor data cover — not restricted to a common period). Easing − tightening: the difference of the SMB loading between the two phases (interaction regression); SMB × easing: the extra SMB loading while the Fed eases in the timed model (each run's report gives that model's alpha and its answer to “is this just SMB while the Fed eases?”). Alpha and SMB: the whole-period model.${note}</p></section>`;
}

import type { ClaimRow, ClaimsReport, Verdict } from '../../engine/formats/claims-folder.js';

/** One-character mark of a verdict, for the terminal and the page's compact table. */
export const VERDICT_MARK: Record<Verdict, string> = { supported: '✓', contradicted: '✗', 'not shown': '·', 'not tested': '–' };

/** The headline parts in table order, each with its label. */
export function headlineParts(report: ClaimsReport): { claim: number; part: string; label: string }[] {
  const seen = new Map<string, { claim: number; part: string; label: string }>();
  for (const r of report.rows) if (r.headline && !seen.has(r.part)) seen.set(r.part, { claim: r.claim, part: r.part, label: r.label });
  return [...seen.values()];
}

/** Whether a row's estimate is a slope or an R² (a plain number) rather than a return (percent). */
const plain = (r: ClaimRow) => r.unit.startsWith('annualized 10-year spread per unit') || r.unit.startsWith('out-of-sample R²');

/** A number in the row's natural form: percent with one decimal for returns, three decimals for slopes and R². */
export function numberText(r: ClaimRow, x: number): string {
  if (x === Infinity) return '+∞';
  if (x === -Infinity) return '−∞';
  if (!Number.isFinite(x)) return '–';
  if (plain(r)) return `${x >= 0 || Math.abs(x) < 0.0005 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  const v = x * 100;
  return `${v >= 0 || Math.abs(v) < 0.05 ? '+' : '−'}${Math.abs(v).toFixed(1)}%`;
}

/** The tested estimate as text. */
export const estimateText = (r: ClaimRow) => numberText(r, r.estimate);

/** Interval as text, "[−2.1%, +4.0%]" (or slopes as plain numbers). */
export function intervalText(r: ClaimRow): string {
  if (Number.isNaN(r.ciLow) || Number.isNaN(r.ciHigh)) return '–';
  return `[${numberText(r, r.ciLow)}, ${numberText(r, r.ciHigh)}]`;
}

/** A compact cell: mark, tested estimate and the independent groups behind it ("· +2.5% g17"). */
export function cellText(r: ClaimRow | undefined): string {
  if (!r) return '';
  const value = r.verdict === 'not tested' && !Number.isFinite(r.estimate) ? '' : ` ${estimateText(r)}`;
  return `${VERDICT_MARK[r.verdict]}${value} g${r.groups.toLocaleString('en-US')}${r.role === 'primary' ? ' *' : ''}`;
}

/** Verdict table as rows of cells: one row per headline part, one column per sample (all, or the given ones). */
export function verdictMatrix(report: ClaimsReport, ids: string[] = report.universes.map((u) => u.id)): { header: string[]; rows: string[][] } {
  const header = ['claim', ...ids];
  const rows = headlineParts(report)
    .filter((p) => report.rows.some((r) => r.part === p.part && ids.includes(r.universe)))
    .map((p) => [`${p.claim} ${p.label}`, ...ids.map((u) => cellText(report.rows.find((r) => r.part === p.part && r.universe === u)))]);
  return { header, rows };
}

/** The samples in groups that fit a table: the US daily samples, the US monthly ones, then the other regions, then the pooled rows. */
export function sampleGroups(report: Pick<ClaimsReport, 'universes'>): { title: string; ids: string[] }[] {
  const regional = (u: ClaimsReport['universes'][number]) => u.region !== undefined || u.id.startsWith('pooled-');
  const groups = [
    { title: 'daily samples', ids: report.universes.filter((u) => !regional(u) && u.frequency === 'daily').map((u) => u.id) },
    { title: 'monthly samples', ids: report.universes.filter((u) => !regional(u) && u.frequency === 'monthly').map((u) => u.id) },
    { title: 'other regions', ids: report.universes.filter((u) => u.region !== undefined).map((u) => u.id) },
    { title: 'pooled over regions', ids: report.universes.filter((u) => u.region === undefined && u.id.startsWith('pooled-')).map((u) => u.id) },
  ];
  return groups.filter((g) => g.ids.length > 0);
}

/** The legend printed under the verdict table. */
export const VERDICT_LEGEND = [
  'Cells: verdict, the tested estimate, g = independent groups behind it (non-overlapping events, episodes or decades); * = the claim’s primary sample, judged on Holm-adjusted p.',
  'Estimates: timing claims (1, 3, 4 events) the mean small − large over 12 months minus its mean from random dates; claim 2 the phase’s annualized spread minus the all-bars mean; 4 (state) below − above 50, a year; 5 the slope per unit of bm_spread and the implied spread a year.',
  '✓ supported / ✗ contradicted: the test of the claim’s null rejects at 5 % (Holm on the primary family) in / against the claimed direction; · not shown: it does not; – not tested: fewer than 5 independent groups.',
].join('\n');

import type { ClaimRow, ClaimsReport, Verdict } from '../../engine/claims/types.js';

/** One-character mark of a verdict, for the terminal and the page's compact table. */
export const VERDICT_MARK: Record<Verdict, string> = { supported: '✓', contradicted: '✗', 'not shown': '·' };

/** The headline parts in table order, each with its label. */
export function headlineParts(report: ClaimsReport): { claim: number; part: string; label: string }[] {
  const seen = new Map<string, { claim: number; part: string; label: string }>();
  for (const r of report.rows) if (r.headline && !seen.has(r.part)) seen.set(r.part, { claim: r.claim, part: r.part, label: r.label });
  return [...seen.values()];
}

/** The estimate as text in its unit's natural form (percent points; slopes as percent per unit). */
export function estimateText(r: ClaimRow): string {
  if (!Number.isFinite(r.estimate)) return '–';
  const v = r.estimate * 100;
  return `${v >= 0 || Math.abs(v) < 0.05 ? '+' : '−'}${Math.abs(v).toFixed(1)}%`;
}

/** Interval as text, "[−2.1, +4.0]" in percent. */
export function intervalText(r: ClaimRow): string {
  if (!Number.isFinite(r.ciLow) || !Number.isFinite(r.ciHigh)) return '–';
  const f = (x: number) => `${x >= 0 || Math.abs(x) < 0.0005 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;
  return `[${f(r.ciLow)}, ${f(r.ciHigh)}]`;
}

/** A compact cell: mark, estimate and n ("✓ +5.4% n64"). */
export function cellText(r: ClaimRow | undefined): string {
  if (!r) return '';
  return `${VERDICT_MARK[r.verdict]} ${estimateText(r)} n${r.n.toLocaleString('en-US')}`;
}

/** Verdict table as rows of cells: one row per headline part, one column per sample (all, or the given ones). */
export function verdictMatrix(report: ClaimsReport, ids: string[] = report.universes.map((u) => u.id)): { header: string[]; rows: string[][] } {
  const header = ['claim', ...ids];
  const rows = headlineParts(report).filter((p) => report.rows.some((r) => r.part === p.part && ids.includes(r.universe))).map((p) => [
    `${p.claim} ${p.label}`,
    ...ids.map((u) => cellText(report.rows.find((r) => r.part === p.part && r.universe === u))),
  ]);
  return { header, rows };
}

/** The legend printed under the verdict table. */
export const VERDICT_LEGEND = [
  '✓ supported: the 95 % interval excludes 0 in the claimed direction; ✗ contradicted: it excludes 0 the other way; · not shown: otherwise (or too few events).',
  'Cells: verdict, estimate, n. Estimates: event claims the mean small − large return over the horizon; claims 2 and 4 (state) the annualized spread; claim 5 the slope and the implied annual spread.',
].join('\n');

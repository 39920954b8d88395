import { toCsv } from '../../engine/io/csv-writer.js';
import type { ClaimsReport } from '../../engine/claims/types.js';

/** claims.csv: one row per claim part × sample, every number behind the verdicts. */
export function claimsCsv(report: ClaimsReport): string {
  return toCsv(
    ['claim', 'part', 'headline', 'label', 'universe', 'from', 'to', 'n', 'n_unit', 'estimate', 'unit', 'ci_low', 'ci_high', 'ci_method', 'p', 'p_method', 'direction', 'verdict', 'sentence', 'note'],
    report.rows.map((r) => [r.claim, r.part, r.headline, r.label, r.universe, r.from, r.to, r.n, r.nUnit, r.estimate, r.unit, r.ciLow, r.ciHigh, r.ciMethod, r.p, r.pMethod, r.direction, r.verdict, r.sentence, r.note]),
  );
}

/** claims.json: the whole report, NaN as null, numbers at full precision. */
export function claimsJson(report: ClaimsReport): string {
  return JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

import { toCsv } from '../../engine/io/csv-writer.js';
import type { ClaimsReport } from '../../engine/claims/types.js';

/** The columns of claims.csv, in order. */
export const CLAIMS_CSV_COLUMNS = [
  'claim', 'part', 'headline', 'label', 'universe', 'from', 'to', 'role', 'null',
  'n', 'n_unit', 'groups', 'group_unit', 'estimate', 'unit', 'baseline', 'ci_low', 'ci_high', 'ci_method',
  'p', 'p_method', 'p_holm', 'p_bh', 'p_verdict', 'mde', 'direction', 'verdict',
  'ahead_mean', 'ahead_ci_low', 'ahead_ci_high', 'ahead_p', 'ahead_method', 'ahead_hits', 'ahead_groups', 'ahead_sign_p',
  'sentence', 'note',
] as const;

/** A note for an interval with an infinite end (written as an empty cell, like NaN). */
function unbounded(low: number, high: number): string {
  const ends = [low === -Infinity ? 'below' : '', high === Infinity ? 'above' : ''].filter(Boolean);
  return ends.length ? `; the interval is unbounded ${ends.join(' and ')}` : '';
}

/** claims.csv: one row per claim part × sample, every number behind the verdicts. */
export function claimsCsv(report: ClaimsReport): string {
  return toCsv(
    [...CLAIMS_CSV_COLUMNS],
    report.rows.map((r) => [
      r.claim, r.part, r.headline, r.label, r.universe, r.from, r.to, r.role, r.null,
      r.n, r.nUnit, r.groups, r.groupUnit, r.estimate, r.unit, r.baseline ?? NaN, r.ciLow, r.ciHigh, r.ciMethod + unbounded(r.ciLow, r.ciHigh),
      r.p, r.pMethod, r.pHolm, r.pBH, r.pVerdict, r.mde, r.direction, r.verdict,
      r.ahead?.estimate ?? NaN, r.ahead?.ciLow ?? NaN, r.ahead?.ciHigh ?? NaN, r.ahead?.p ?? NaN, (r.ahead?.method ?? '') + unbounded(r.ahead?.ciLow ?? NaN, r.ahead?.ciHigh ?? NaN), r.ahead?.hits ?? NaN, r.ahead?.groupsAhead ?? NaN, r.ahead?.signP ?? NaN,
      r.sentence, r.note,
    ]),
  );
}

/** claims.json: the whole report, NaN as null, ±Infinity as "Infinity"/"-Infinity", numbers at full precision. */
export function claimsJson(report: ClaimsReport): string {
  return JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? 'Infinity' : '-Infinity') : v), 2) + '\n';
}

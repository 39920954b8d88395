import { benjaminiHochberg } from '../../measure/stats/benjamini-hochberg.js';
import { holm } from '../../measure/stats/holm.js';
import type { ClaimDraft } from './draft.js';
import type { ClaimRow } from '../../formats/claims-folder.js';
import { PRIMARY_SAMPLE } from './universes.js';
import { verdictOf } from './verdict.js';

/**
 * Turns drafts into rows: the headline parts on each claim's primary sample (PRIMARY_SAMPLE)
 * form the primary family — their raw p-values get Holm (family-wise error) and
 * Benjamini–Hochberg (false discovery rate) adjustments over the family's tested members, and
 * their verdicts use Holm's p; every other row is labelled robustness (or a detail) and judged
 * on its raw p. Then each row's sentence is worded for its verdict.
 */
export function finalizeRows(drafts: readonly ClaimDraft[]): ClaimRow[] {
  const primary = drafts.map((d) => d.row.headline && PRIMARY_SAMPLE[d.row.claim] === d.row.universe);
  const familyP = drafts.map((d, i) => (primary[i] ? d.row.p : NaN));
  const h = holm(familyP),
    bh = benjaminiHochberg(familyP);
  return drafts.map((d, i) => {
    const adjusted = primary[i] && Number.isFinite(h[i]);
    const pVerdict = adjusted ? h[i] : d.row.p;
    const verdict = verdictOf(pVerdict, d.row.estimate, d.row.direction);
    return { ...d.row, role: primary[i] ? 'primary' : 'robustness', pHolm: h[i], pBH: bh[i], pVerdict, verdict, sentence: d.say(verdict, pVerdict, adjusted) };
  });
}

/** Counts over the primary family and the sentence that counts independent evidence, not cells. */
export function familySummary(
  rows: readonly ClaimRow[],
  robustnessSamples: number,
): { size: number; method: string; supported: number; contradicted: number; notShown: number; notTested: number; summary: string } {
  const family = rows.filter((r) => r.role === 'primary');
  const tested = family.filter((r) => Number.isFinite(r.pHolm));
  const count = (v: string) => family.filter((r) => r.verdict === v).length;
  const supported = count('supported'),
    contradicted = count('contradicted'),
    notShown = count('not shown'),
    notTested = count('not tested');
  const summary = family.length
    ? `Of ${family.length} primary tests (one per claim part, each on its longest sample, Holm-adjusted over the ${tested.length} that could be tested): ${supported} supported, ${contradicted} contradicted, ${notShown} not shown${notTested ? `, ${notTested} not tested` : ''}.` +
      (robustnessSamples
        ? ` The ${robustnessSamples} other samples share most of their history with these and are robustness checks, not independent confirmations.`
        : '')
    : 'No primary sample was tested (see PRIMARY_SAMPLE): every verdict below uses its raw p and counts as a robustness check.';
  return { size: family.length, method: 'Holm (family-wise 5 %); Benjamini–Hochberg shown', supported, contradicted, notShown, notTested, summary };
}

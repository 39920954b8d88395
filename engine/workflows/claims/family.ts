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
 * their verdicts use Holm's p; the pooled regional rows (role `pooled`, headline) are a second
 * declared family adjusted the same way within it; every other row is labelled robustness (or a
 * detail) and judged on its raw p. Then each row's sentence is worded for its verdict.
 */
export function finalizeRows(drafts: readonly ClaimDraft[]): ClaimRow[] {
  const primary = drafts.map((d) => d.row.headline && PRIMARY_SAMPLE[d.row.claim] === d.row.universe);
  // the pooled headline rows are a second declared family, adjusted within it
  const pooled = drafts.map((d) => d.row.role === 'pooled' && d.row.headline);
  const familyP = drafts.map((d, i) => (primary[i] ? d.row.p : NaN));
  const pooledP = drafts.map((d, i) => (pooled[i] ? d.row.p : NaN));
  const h = holm(familyP),
    bh = benjaminiHochberg(familyP);
  const hp = holm(pooledP),
    bhp = benjaminiHochberg(pooledP);
  return drafts.map((d, i) => {
    const [pHolm, pBH] = pooled[i] ? [hp[i], bhp[i]] : [h[i], bh[i]];
    const adjusted = (primary[i] || pooled[i]) && Number.isFinite(pHolm);
    const pVerdict = adjusted ? pHolm : d.row.p;
    const verdict = verdictOf(pVerdict, d.row.estimate, d.row.direction);
    const role = primary[i] ? 'primary' : d.row.role === 'pooled' ? 'pooled' : 'robustness';
    return { ...d.row, role, pHolm, pBH, pVerdict, verdict, sentence: d.say(verdict, pVerdict, adjusted) };
  });
}

/** Counts over the primary family and the sentence that counts independent evidence, not cells. */
export function familySummary(
  rows: readonly ClaimRow[],
  robustnessSamples: number,
  regional: { samples: number; regions: number } = { samples: 0, regions: 0 },
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
        ? ` The ${robustnessSamples} other ${regional.samples ? 'US ' : ''}samples share most of their history with these and are robustness checks, not independent confirmations.`
        : '') +
      (regional.samples
        ? ` The ${regional.samples} samples of ${regional.regions} other regions are new evidence, answered per region and pooled; samples of one region share one series.`
        : '')
    : 'No primary sample was tested (see PRIMARY_SAMPLE): every verdict below uses its raw p and counts as a robustness check.';
  return { size: family.length, method: 'Holm (family-wise 5 %); Benjamini–Hochberg shown', supported, contradicted, notShown, notTested, summary };
}

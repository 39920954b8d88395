import { CLAIMS } from './claim-texts.js';
import { intervalWords, pctText, plainText, pText, ptsText } from './format.js';
import type { ClaimRow, ClaimsReport, Verdict } from '../../formats/claims-folder.js';
import { PRIMARY_SAMPLE } from './universes.js';

/** How each headline part reads in a claim's one-line answer, and its null in a few words. */
const PART_WORDS: Record<string, [string, string]> = {
  '1': ['after the first cut', 'first cuts are no better than random dates'],
  '2-easing': ['while the Fed eases', 'easing phases are no different from the average'],
  '2-tightening': ['behind while it tightens', 'tightening phases are no different from the average'],
  '3-all': ['after any cut', 'cuts are no better than random dates'],
  '3-later': ['after a later cut', 'later cuts are no better than random dates'],
  '4-below6': ['after six PMI readings below 50', 'that release is no better than a random date'],
  '4-recovery': ['after the PMI is back above 50', 'that release is no better than a random date'],
  '4-state': ['PMI below 50 against above', 'the PMI’s side of 50 makes no difference'],
  '5-slope': ['cheapness predicts the next decade', 'bm_spread predicts nothing'],
  '5-implied': ['the spread it implies now', 'the expected spread now is 0'],
};

const MARK: Record<Verdict, string> = { supported: 'SUPPORTED', contradicted: 'CONTRADICTED', 'not shown': 'NOT SHOWN', 'not tested': 'NOT TESTED' };

/** Whether a row's estimate is a slope (a plain number) rather than a return. */
const isSlope = (r: ClaimRow) => r.unit.startsWith('annualized 10-year spread per unit');

/** The tested number in words, by the row's unit, and an aside on small − large itself. */
function estimateWords(r: ClaimRow): [string, string] {
  if (r.unit.startsWith('return points over'))
    return [
      `${ptsText(r.estimate)} over random dates`,
      `small − large itself ${pctText(r.ahead?.estimate ?? NaN)} over ${r.unit.match(/over (\d+ months)/)?.[1] ?? 'the horizon'}`,
    ];
  if (r.unit.startsWith('per year, above'))
    return [`${ptsText(r.estimate)} a year against the average`, `${pctText(r.ahead?.estimate ?? NaN)} a year in the regime`];
  if (r.unit.startsWith('per year, difference')) return [`${ptsText(r.estimate)} a year`, ''];
  if (isSlope(r)) return [`slope ${plainText(r.estimate)} per unit of bm_spread`, ''];
  return [`${pctText(r.estimate)} a year`, ''];
}

/** The effective n in words: "25 events, none overlapping", "64 cuts in 8 groups", "3,102 bars in 12 episodes". */
export function effectiveN(r: ClaimRow): string {
  const n = r.n.toLocaleString('en-US');
  if (r.groupUnit.startsWith('groups')) return `${n} ${r.nUnit} in ${r.groups} independent groups`;
  if (r.groupUnit.startsWith('events')) return `${n} ${r.nUnit}, none overlapping`;
  if (r.groupUnit.startsWith('episodes')) return `${n} ${r.nUnit} in ${r.groups} episodes`;
  return `${n} ${r.nUnit}, ${r.groups} ${r.groupUnit}`;
}

/** One clause per headline part: its verdict, the number, interval, p (raw and Holm), effective n and, when not shown, the MDE. */
export function partClause(r: ClaimRow): string {
  const [what, nul] = PART_WORDS[r.part] ?? [r.label, r.null];
  const head = `${what}: ${MARK[r.verdict]}`;
  if (r.verdict === 'not tested') return `${head} (${effectiveN(r)}: ${r.note.split(';')[0]})`;
  const stands = r.verdict === 'not shown' ? 'not rejected' : 'rejected';
  const p = `p ${pText(r.p)}${Number.isFinite(r.pHolm) ? `, Holm ${pText(r.pHolm)}` : ''}`;
  const mde =
    r.verdict === 'not shown' && Number.isFinite(r.mde) && Math.abs(r.estimate) < r.mde
      ? `; uninformative below ${isSlope(r) ? r.mde.toFixed(3) : ptsText(r.mde, false)}`
      : '';
  const [estimate, aside] = estimateWords(r);
  const holmOnly =
    r.verdict === 'not shown' && r.p < 0.05 && Number.isFinite(r.pHolm) ? ' (below 0.05 only before adjusting for the primary family’s tests)' : '';
  return `${head} — the null “${nul}” is ${stands}: ${estimate} ${intervalWords(r.ciLow, r.ciHigh, { plain: isSlope(r), aside })}, ${p}${holmOnly}; ${effectiveN(r)}${mde}`;
}

/** A claim's overall mark: every part supported, any contradicted, none tested, else not shown. */
function overall(parts: readonly ClaimRow[]): Verdict {
  if (parts.some((r) => r.verdict === 'contradicted')) return 'contradicted';
  if (parts.length && parts.every((r) => r.verdict === 'supported')) return 'supported';
  if (parts.every((r) => r.verdict === 'not tested')) return 'not tested';
  return 'not shown';
}

/**
 * One plain sentence per claim on its primary sample: the claim, then each headline part with
 * its verdict, the tested number, interval, p (raw and Holm), effective n and the MDE when not
 * shown. The null each part tests is in the row (`null`) and the page's table. A claim with no
 * row on its primary sample gets a 'not tested' sentence with the reason from `skipped` (a
 * series or sample this installation lacks), and none when it was not asked for.
 */
export function claimAnswers(rows: readonly ClaimRow[], skipped: ClaimsReport['skipped'] = []): ClaimsReport['answers'] {
  const out: ClaimsReport['answers'] = [];
  for (const c of CLAIMS) {
    const universe = PRIMARY_SAMPLE[c.claim];
    const parts = rows.filter((r) => r.claim === c.claim && r.role === 'primary');
    const short = c.text.replace(/ \(.*\)/, '').replace(/\.$/, '');
    if (!parts.length) {
      const why = skipped.find((s) => s.claim === c.claim && s.universe === universe);
      if (why) {
        const sentence = `${c.claim}. “${short}” — not tested on ${universe}: ${why.reason}.`;
        out.push({ claim: c.claim, universe, verdict: 'not tested', text: short, parts: [], sentence });
      }
      continue;
    }
    const clauses = parts.map(partClause);
    out.push({
      claim: c.claim,
      universe,
      verdict: overall(parts),
      text: short,
      parts: clauses,
      sentence: `${c.claim}. “${short}” — on ${universe}: ${clauses.join('; ')}.`,
    });
  }
  return out;
}

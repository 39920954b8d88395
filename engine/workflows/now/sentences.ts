import type { NowOutlook, NowTrack, Verdict } from '../../formats/now-folder.js';
import { intervalWords, pctText, pText, ptsText } from '../claims/format.js';
import type { StateAt } from './state-at.js';

const MARK: Record<Verdict, string> = { supported: 'SUPPORTED', contradicted: 'CONTRADICTED', 'not shown': 'NOT SHOWN', 'not tested': 'NOT TESTED' };

/** Where the cycle stands, in a clause: "the Fed easing, 17.4 months after the first cut of 2024-09-18 (6 cuts, −175 bp), …". */
export function stateWords(s: StateAt, iso: (d: number) => string): string {
  const f = s.fed;
  const word = f.direction === 'easing' ? 'cut' : 'hike';
  const days = s.day - f.lastMove;
  const since = f.monthsSinceMove < 1 ? `${days} day${days === 1 ? '' : 's'} ago` : `${f.monthsSinceMove.toFixed(1)} months ago`;
  const phase = f.phase === 'hold' ? `on hold in a${f.direction === 'easing' ? 'n easing' : ' tightening'} cycle` : f.phase;
  const parts = [
    `the Fed ${phase}, ${f.cycleMonths.toFixed(1)} months after the first ${word} of ${iso(f.cycleStart)} (${f.cycleMoves} ${word}${f.cycleMoves === 1 ? '' : 's'}, ${f.changeBp > 0 ? '+' : '−'}${Math.abs(f.changeBp).toFixed(0)} bp, the last ${since})`,
  ];
  if (s.ism && Number.isFinite(s.ism.value))
    parts.push(
      s.ism.below > 0
        ? `the ISM at ${s.ism.value.toFixed(1)}, below 50 for ${s.ism.below} month${s.ism.below === 1 ? '' : 's'}`
        : `the ISM at ${s.ism.value.toFixed(1)}`,
    );
  if (s.bm && Number.isFinite(s.bm.value)) parts.push(`bm_spread at percentile ${(s.bm.percentile * 100).toFixed(0)} of its history`);
  return parts.join(', ');
}

/**
 * The one-sentence outlook at the headline horizon, worded as the claims': the analogues' mean
 * with its interval and effective n, the unconditional mean, then the test of the state's own
 * null (conditioning adds nothing) with its verdict, and the MDE when not shown.
 */
export function outlookSentence(o: NowOutlook, direction: string): string {
  const h = o.horizon;
  const eff = Number.isFinite(o.effectiveCycles) ? `, effectively ${o.effectiveCycles.toFixed(1)}` : '';
  const lead = `The ${o.k} months most like this one (in ${o.cycles} ${direction} cycle${o.cycles === 1 ? '' : 's'}${eff}) were followed by small − large of ${pctText(o.analogues.mean)} over ${h} months on average (cycle bootstrap 95 % CI ${pctText(o.ciLow).replace(' %', '')} to ${pctText(o.ciHigh)}; small ahead after ${(o.analogues.ahead * 100).toFixed(0)} % of them), against ${pctText(o.unconditional.mean)} after every month`;
  if (o.verdict === 'not tested') return `${lead}: ${MARK[o.verdict]} — ${o.note}.`;
  const stands = o.verdict === 'not shown' ? 'not rejected' : 'rejected';
  const mde = o.verdict === 'not shown' && Number.isFinite(o.mde) ? `; uninformative below ${ptsText(o.mde, false)}` : '';
  const way =
    o.verdict === 'supported' ? ' (small caps ahead of their usual spread)' : o.verdict === 'contradicted' ? ' (small caps behind their usual spread)' : '';
  return `${lead}: ${MARK[o.verdict]}${way} — the null “a state like this one is no better for small caps than any month” is ${stands}: ${ptsText(o.excess)} ${intervalWords(o.excessLow, o.excessHigh)}, rotation placebo p ${pText(o.placeboP)}${mde}.`;
}

/** The analogue forecaster's own out-of-sample record in a sentence: R², its null p, and whether it has shown skill. */
export function trackSentence(t: NowTrack | undefined): string {
  if (!t || !Number.isFinite(t.r2)) return 'The analogue forecaster has no out-of-sample record here (too little history before the as-of date).';
  const skill = t.p < 0.05 && t.r2 > 0 ? 'skill shown' : 'no skill shown: trust today’s reading no more than the historical mean';
  return `Its own record (${t.horizon} months, ${t.n} expanding-window forecasts ${t.from.slice(0, 7)} to ${t.to.slice(0, 7)}, each made with the data known then): out-of-sample R² ${t.r2 >= 0 ? '+' : '−'}${Math.abs(t.r2).toFixed(3)} against the historical mean, p ${pText(t.p)} against its distribution with nothing predictable (95th percentile ${t.null95 >= 0 ? '+' : '−'}${Math.abs(t.null95).toFixed(3)}) — ${skill}.`;
}

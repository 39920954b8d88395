import { isoDay, parseIsoDay } from '../../core/dates.js';
import type { ArticleStatement, NowArticle, NowOutlook } from '../../formats/now-folder.js';
import { barMonthsAfter, eventStudy, lastBarOnOrBefore } from '../../measure/analytics/event-study.js';
import { knownIndex } from './indicator.js';
import type { NowInputs } from './load-inputs.js';
import type { NowHistory } from './history.js';

/** The article's date and the cut it wrote after. */
export const ARTICLE = { date: '2025-09-18', cut: '2025-09-17' } as const;

const fmt = (x: number, d: number) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const month = (d: number) => isoDay(d).slice(0, 7);

/** The article's four statements beside what the data known on its date said. */
function statements(inputs: NowInputs, then: NowHistory): ArticleStatement[] {
  const day = parseIsoDay(ARTICLE.date);
  const cut = parseIsoDay(ARTICLE.cut);
  const s = then.now;
  const f = s.fed;
  const out: ArticleStatement[] = [];
  const move = then.moves.find((m) => m.date === cut);
  const cycle = then.cycles.find((c) => c.id === f.cycleId);
  const first = cycle?.start === cut;
  const before = then.moves.filter((m) => m.date < cut);
  const pause = before.length ? cut - before[before.length - 1].date : NaN;
  out.push({
    claim: `The Fed cut on ${ARTICLE.cut}`,
    data: move
      ? `${fmt((move.rate - move.previous) * 100, 0).replace('-', '−')} bp to ${fmt(move.rate, 2)} % on ${ARTICLE.cut}; by ratecycle's cycle rule ${
          first
            ? 'the first cut of a new easing cycle'
            : `cut ${f.cycleMoves} of the easing cycle that began ${isoDay(f.cycleStart)}, after ${pause} days without a move: a later cut, not a first cut`
        }`
      : `no policy move dated ${ARTICLE.cut} in the data`,
    agrees: move && move.rate < move.previous ? 'yes' : 'no',
  });
  const r = inputs.russell;
  if (r) {
    const i = knownIndex(r, day);
    let hi = -Infinity,
      at = -1;
    for (let k = 0; k < i; k++) if (r.values[k] > hi) [hi, at] = [r.values[k], k];
    const record = i >= 0 && r.values[i] > hi;
    out.push({
      claim: 'The Russell 2000 closed at a record',
      data:
        i >= 0
          ? `closed at ${fmt(r.values[i], 2)} on ${isoDay(r.dates[i])}; its highest close before was ${fmt(hi, 2)} on ${at >= 0 ? isoDay(r.dates[at]) : '–'} (price index)`
          : 'no Russell 2000 close known then',
      agrees: i < 0 ? 'n/a' : record ? 'yes' : 'no',
    });
  } else out.push({ claim: 'The Russell 2000 closed at a record', data: 'the Russell 2000 series (rut) is not in this catalog', agrees: 'n/a' });
  const ism = s.ism;
  out.push({
    claim: 'The ISM had been below 50 for six months',
    data:
      ism && Number.isFinite(ism.value)
        ? `${ism.below} reading${ism.below === 1 ? '' : 's'} in a row below 50 up to ${month(ism.date)} (${fmt(ism.value, 1)}, released ${isoDay(ism.known)}), as known on ${ARTICLE.date}`
        : 'the ISM PMI is not in this catalog',
    agrees: !ism || !Number.isFinite(ism.value) ? 'n/a' : ism.below >= 6 ? 'yes' : 'no',
  });
  const bm = s.bm;
  out.push({
    claim: 'Small caps’ valuations point to about 8 % a year against under 1 % for large caps',
    data:
      bm && Number.isFinite(bm.value)
        ? `bm_spread ${fmt(bm.value, 2)} (${month(bm.date)}, the latest known then), percentile ${fmt(bm.percentile * 100, 0)} of its history: small caps ${bm.percentile >= 0.5 ? 'cheap' : 'dear'} against large; whether cheapness predicts a decade's spread is claim 5 of ratecycle claims`
        : 'bm_spread is not in this catalog',
    agrees: 'n/a',
  });
  return out;
}

/**
 * The article's call, out of sample: its statements on 2025-09-18 beside what the data known
 * that day said; what ratecycle's analogues said that day (`thenOutlook`, from a history built at
 * the article's date); and small − large from the first bar on or after the 2025-09-17 cut over the
 * whole months since, up to the as-of date, against the same window after every earlier first cut
 * with a complete window (its percentile among them). One observation, not a test. Undefined
 * before the article's date.
 */
export function articleCall(inputs: NowInputs, history: NowHistory, then: NowHistory, thenOutlook: NowOutlook | undefined): NowArticle | undefined {
  const asOf = history.asOf;
  if (asOf < parseIsoDay(ARTICLE.date)) return undefined;
  const m = inputs.market;
  const last = lastBarOnOrBefore(m.dates, asOf);
  const dates = m.dates.subarray(0, last + 1);
  const cut = parseIsoDay(ARTICLE.cut);
  const entry = lastBarOnOrBefore(dates, cut - 1) + 1;
  let months = 0;
  while (entry < dates.length && barMonthsAfter(dates, entry, months + 1) > entry) months++;
  const S = m.prices[m.small],
    L = m.prices[m.large];
  const exit = months > 0 ? barMonthsAfter(dates, entry, months) : -1;
  const small = exit > entry ? S[exit] / S[entry] - 1 : NaN,
    large = exit > entry ? L[exit] / L[entry] - 1 : NaN;
  const spread = small - large;
  const firstCuts = history.cycles
    .filter((c) => c.direction === 'easing' && c.start < cut && c.start >= dates[0])
    .map((c) => ({ event: 'first cut', date: c.start }));
  const rows =
    months > 0
      ? eventStudy({ dates, strategy: S.subarray(0, last + 1), small: S.subarray(0, last + 1), large: L.subarray(0, last + 1) }, firstCuts, [months])
      : [];
  const past = rows.filter((r) => Number.isFinite(r.spread)).map((r) => ({ date: isoDay(r.eventDate), spread: r.spread }));
  let atOrBelow = 0;
  for (const p of past) if (p.spread <= spread) atOrBelow++;
  const o = thenOutlook;
  return {
    date: ARTICLE.date,
    cut: ARTICLE.cut,
    statements: statements(inputs, then),
    ...(o
      ? {
          thenOutlook: {
            horizon: o.horizon,
            mean: o.analogues.mean,
            ciLow: o.ciLow,
            ciHigh: o.ciHigh,
            excess: o.excess,
            placeboP: o.placeboP,
            cycles: o.cycles,
            verdict: o.verdict,
          },
        }
      : {}),
    entry: entry < dates.length ? isoDay(dates[entry]) : '',
    exit: exit > entry ? isoDay(dates[exit]) : '',
    months,
    small,
    large,
    spread,
    history: past,
    percentile: past.length && Number.isFinite(spread) ? atOrBelow / past.length : NaN,
    note:
      months === 0
        ? `no whole month after the cut is known at ${isoDay(asOf)}: nothing to compare yet`
        : `${months} month${months === 1 ? '' : 's'} after one cut, placed among ${past.length} earlier first cuts; the ${ARTICLE.cut} cut resumed the easing cycle that began ${isoDay(then.now.fed.cycleStart)} by ratecycle's rule, so comparing it with first cuts is the article's framing.`,
  };
}

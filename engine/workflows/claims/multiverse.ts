import { addMonths, isoDay, parseIsoDay } from '../../core/dates.js';
import { deriveSeed, mulberry32 } from '../../core/random.js';
import type { Catalog, Market } from '../../core/types.js';
import { buildMarket } from '../../market/build-market.js';
import { eventStudy, type EventInput } from '../../measure/analytics/event-study.js';
import { shiftedSum, shiftWindow, windowSpan, type ShiftWindow } from './calendar-shift.js';
import { quantileSorted } from '../../measure/stats/quantile-sorted.js';
import type { Multiverse, SpecRow } from '../../formats/claims-folder.js';
import { cutEvents, PAUSE_DAYS } from './event-claims.js';
import { eventInference } from './event-inference.js';

/** The choices of the specification curves of claim 1 ("small caps beat large caps after the Fed's first cut") and claim 3 (after any cut, after later cuts). */
const INDEXES = [
  { universe: 'ff', from: '1954-07-01', label: 'Fama/French bottom vs top 30 %, total return, monthly' },
  { universe: 'russell', label: 'Russell 2000 vs S&P 500, price, daily' },
  { universe: 'etf', label: 'IWM vs SPY, total return, daily' },
] as const;
const RULES = [
  { id: '25bp', label: 'turn after 0.25 points', threshold: 0.25 },
  { id: '50bp', label: 'turn after 0.50 points', threshold: 0.5 },
] as const;
const SAMPLES = [
  { id: 'all', label: 'every first cut' },
  { id: 'fomc-era', label: 'FOMC era only (from 1982-09-27)' },
  { id: 'no-1979-82', label: 'without 1979-10 to 1982-09' },
] as const;
const ENTRIES = [
  { id: 'month-before', label: 'one month before the cut', months: -1 },
  { id: 'decision', label: 'at the decision', months: 0 },
  { id: 'month-after', label: 'one month after the cut', months: 1 },
] as const;
const HORIZONS = [6, 12, 24] as const;
/** The events of each claim's curve, and the label of its seeds (claim 1's are those of its first version). */
const EVENTS = {
  1: { seed: 'spec', events: [{ id: 'first', label: 'first cuts' }] },
  3: {
    seed: 'spec3',
    events: [
      { id: 'all', label: 'every cut' },
      { id: 'later', label: `later cuts after a pause of ${PAUSE_DAYS}+ days` },
    ],
  },
} as const;

/** One specification's events on its market, with what the joint test needs: its eligible window and the events' entry dates. */
interface Spec extends ShiftWindow {
  row: Omit<SpecRow, 'rank'>;
  dates: Int32Array;
  entries: number[];
}

/** The spread mean after `entries` shifted by `delta` days (see shiftedSum), minus the centre. */
const shiftedExcess = (s: Spec, delta: number): number => shiftedSum(s, s.entries, delta) / s.entries.length - s.center;

const median = (xs: readonly number[]) => quantileSorted(Float64Array.from(xs).sort(), 0.5);

/**
 * The specification curves of claims 1 and 3 (Simonsohn, Simmons & Nelson 2020, Nature Human
 * Behaviour 4): for claim 1 the first cuts, for claim 3 every cut and the later cuts after a pause,
 * each under every combination of index family (ff since 1954, russell, etf), turn rule (a turn
 * confirmed after 0.25 or 0.50 points), sample (every event, the FOMC era only, without 1979–82;
 * ff only), entry (one month before, at, or one month after the decision) and horizon (6, 12, 24
 * months). Each specification: the mean small − large after its events minus the mean over every
 * eligible entry date (the claims' own null), its rotation-placebo interval and p. The joint test
 * of each curve shifts every specification's events by the same number of calendar days
 * (wrapping inside each one's window), so the dependence between specifications is kept, and
 * compares the median excess and the share of positive excesses with their distribution over
 * `draws` shifts.
 */
export function specificationCurves(catalog: Catalog, options: { draws: number; seed: number }): Multiverse[] {
  const specs: Record<1 | 3, Spec[]> = { 1: [], 3: [] };
  const has = (u: string) => catalog.universes.some((x) => x.id === u);
  for (const ix of INDEXES) {
    if (!has(ix.universe)) continue;
    for (const rule of RULES) {
      const m: Market = buildMarket(catalog, { universe: ix.universe, from: 'from' in ix ? ix.from : undefined, fed: { threshold: rule.threshold } });
      const input: EventInput = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
      const cuts = cutEvents(m, m.dates[0]);
      const windows = new Map(HORIZONS.map((h) => [h, shiftWindow(input, h)]));
      for (const claim of [1, 3] as const) {
        for (const ev of EVENTS[claim].events) {
          for (const sample of SAMPLES) {
            if (ix.universe !== 'ff' && sample.id !== 'all') continue; // the daily indexes start after 1982
            const dates = cuts[ev.id].filter((d) =>
              sample.id === 'fomc-era'
                ? d >= parseIsoDay('1982-09-27')
                : sample.id === 'no-1979-82'
                  ? d < parseIsoDay('1979-10-01') || d >= parseIsoDay('1982-10-01')
                  : true,
            );
            for (const entry of ENTRIES) {
              const events = dates.map((d) => ({ event: ev.id, date: entry.months === 0 ? d : addMonths(d, entry.months) }));
              for (const h of HORIZONS) {
                const rows = eventStudy(input, events, [h]).filter((r) => Number.isFinite(r.spread));
                const label = `${EVENTS[claim].seed}/${claim === 3 ? `${ev.id}/` : ''}${ix.universe}/${rule.id}/${sample.id}/${entry.id}/${h}`;
                const inf = eventInference(rows, input, { draws: options.draws, seed: deriveSeed(options.seed, label), ahead: false });
                specs[claim].push({
                  row: {
                    event: ev.id,
                    index: ix.universe,
                    rule: rule.id,
                    sample: sample.id,
                    entry: entry.id,
                    horizon: h,
                    n: inf.n,
                    groups: inf.G,
                    mean: inf.mean,
                    center: inf.center,
                    excess: inf.excess.excess,
                    ciLow: inf.excess.low,
                    ciHigh: inf.excess.high,
                    p: inf.placeboP,
                    note: inf.note,
                  },
                  dates: m.dates,
                  ...windows.get(h)!,
                  entries: rows.map((r) => r.entryDate),
                });
              }
            }
          }
        }
      }
    }
  }
  return ([1, 3] as const).map((claim) => curve(claim, specs[claim], has, deriveSeed(options.seed, `${EVENTS[claim].seed}/joint`), options.draws));
}

/** One claim's curve from its specifications: sorted rows, the choices, and the joint test. */
function curve(claim: 1 | 3, specs: Spec[], has: (u: string) => boolean, jointSeed: number, allDraws: number): Multiverse {
  const tested = specs.filter((s) => Number.isFinite(s.row.excess) && s.entries.length > 0);
  const observedMedian = median(tested.map((s) => s.row.excess));
  const observedPositive = tested.filter((s) => s.row.excess > 0).length / tested.length;
  // the joint null: every specification's events shifted by the same calendar offset
  const span = Math.max(...tested.map(windowSpan));
  const rnd = mulberry32(jointSeed);
  let extremeMedian = 0;
  let extremePositive = 0;
  const draws = Math.max(99, Math.round(allDraws / 10));
  for (let k = 0; k < draws; k++) {
    const delta = Math.floor(rnd() * span);
    const ex = tested.map((s) => shiftedExcess(s, delta));
    if (Math.abs(median(ex)) >= Math.abs(observedMedian) - 1e-12) extremeMedian++;
    if (Math.abs(ex.filter((x) => x > 0).length / ex.length - 0.5) >= Math.abs(observedPositive - 0.5) - 1e-12) extremePositive++;
  }
  // sorted by excess; the specifications with too few events to test go last
  const key = (r: Omit<SpecRow, 'rank'>) => (Number.isFinite(r.excess) ? r.excess : Infinity);
  const rows = specs.map((s) => s.row).sort((a, b) => key(a) - key(b) || 0);
  const events = EVENTS[claim].events;
  return {
    claim,
    specs: rows.map((r, i) => ({ ...r, rank: i + 1 })),
    choices: {
      ...(events.length > 1 ? { event: events.map((x) => ({ id: x.id, label: x.label })) } : {}),
      index: INDEXES.filter((x) => has(x.universe)).map((x) => ({ id: x.universe, label: x.label })),
      rule: RULES.map((x) => ({ id: x.id, label: x.label })),
      sample: SAMPLES.map((x) => ({ id: x.id, label: claim === 1 || x.id !== 'all' ? x.label : 'the whole sample' })),
      entry: ENTRIES.map((x) => ({ id: x.id, label: x.label })),
      horizon: HORIZONS.map((h) => ({ id: String(h), label: `${h} months` })),
    },
    joint: {
      specs: tested.length,
      medianExcess: observedMedian,
      shareMedianP: (extremeMedian + 1) / (draws + 1),
      sharePositive: observedPositive,
      sharePositiveP: (extremePositive + 1) / (draws + 1),
      draws,
      significantPositive: tested.filter((s) => s.row.p < 0.05 && s.row.excess > 0).length,
      significantNegative: tested.filter((s) => s.row.p < 0.05 && s.row.excess < 0).length,
      period: `${isoDay(Math.min(...tested.map((s) => s.eligibleDates[0])))} to ${isoDay(Math.max(...tested.map((s) => s.eligibleDates[s.eligibleDates.length - 1])))}`,
    },
  };
}

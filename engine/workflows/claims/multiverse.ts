import { addMonths, isoDay, parseIsoDay } from '../../core/dates.js';
import { deriveSeed, mulberry32 } from '../../core/random.js';
import type { Catalog, Market } from '../../core/types.js';
import { buildMarket } from '../../market/build-market.js';
import { eventStudy, type EventInput } from '../../measure/analytics/event-study.js';
import { shiftedSum, shiftWindow, windowSpan, type ShiftWindow } from './calendar-shift.js';
import { quantileSorted } from '../../measure/stats/quantile-sorted.js';
import type { Multiverse, SpecRow } from '../../formats/claims-folder.js';
import { cutEvents } from './event-claims.js';
import { eventInference } from './event-inference.js';

/** The choices of the specification curve of claim 1 ("small caps beat large caps after the Fed's first cut"). */
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
 * The specification curve of claim 1 (Simonsohn, Simmons & Nelson 2020, Nature Human
 * Behaviour 4): every combination of index family (ff since 1954, russell, etf), first-cut rule
 * (a turn confirmed after 0.25 or 0.50 points), sample (every first cut, the FOMC era only,
 * without 1979–82; ff only), entry (one month before, at, or one month after the decision) and
 * horizon (6, 12, 24 months). Each specification: the mean small − large after its first cuts
 * minus the mean over every eligible entry date (the claim's own null), its rotation-placebo
 * interval and p (as claims 1 and 3). The joint test shifts every specification's events by the
 * same number of calendar days (wrapping inside each one's window), so the dependence between
 * specifications is kept, and compares the median excess and the share of positive excesses
 * with their distribution over `draws` shifts.
 */
export function specificationCurve(catalog: Catalog, options: { draws: number; seed: number }): Multiverse {
  const specs: Spec[] = [];
  const has = (u: string) => catalog.universes.some((x) => x.id === u);
  for (const ix of INDEXES) {
    if (!has(ix.universe)) continue;
    for (const rule of RULES) {
      const m: Market = buildMarket(catalog, { universe: ix.universe, from: 'from' in ix ? ix.from : undefined, fed: { threshold: rule.threshold } });
      const input: EventInput = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
      const first = cutEvents(m, m.dates[0]).first;
      for (const sample of SAMPLES) {
        if (ix.universe !== 'ff' && sample.id !== 'all') continue; // the daily indexes start after 1982
        const cuts = first.filter((d) =>
          sample.id === 'fomc-era'
            ? d >= parseIsoDay('1982-09-27')
            : sample.id === 'no-1979-82'
              ? d < parseIsoDay('1979-10-01') || d >= parseIsoDay('1982-10-01')
              : true,
        );
        for (const entry of ENTRIES) {
          const events = cuts.map((d) => ({ event: 'first-cut', date: entry.months === 0 ? d : addMonths(d, entry.months) }));
          for (const h of HORIZONS) {
            const rows = eventStudy(input, events, [h]).filter((r) => Number.isFinite(r.spread));
            const inf = eventInference(rows, input, {
              draws: options.draws,
              seed: deriveSeed(options.seed, `spec/${ix.universe}/${rule.id}/${sample.id}/${entry.id}/${h}`),
            });
            specs.push({
              row: {
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
              ...shiftWindow(input, h),
              entries: rows.map((r) => r.entryDate),
            });
          }
        }
      }
    }
  }
  const tested = specs.filter((s) => Number.isFinite(s.row.excess) && s.entries.length > 0);
  const observedMedian = median(tested.map((s) => s.row.excess));
  const observedPositive = tested.filter((s) => s.row.excess > 0).length / tested.length;
  // the joint null: every specification's events shifted by the same calendar offset
  const span = Math.max(...tested.map(windowSpan));
  const rnd = mulberry32(deriveSeed(options.seed, 'spec/joint'));
  let extremeMedian = 0;
  let extremePositive = 0;
  const draws = Math.max(99, Math.round(options.draws / 10));
  for (let k = 0; k < draws; k++) {
    const delta = Math.floor(rnd() * span);
    const ex = tested.map((s) => shiftedExcess(s, delta));
    if (Math.abs(median(ex)) >= Math.abs(observedMedian) - 1e-12) extremeMedian++;
    if (Math.abs(ex.filter((x) => x > 0).length / ex.length - 0.5) >= Math.abs(observedPositive - 0.5) - 1e-12) extremePositive++;
  }
  // sorted by excess; the specifications with too few first cuts to test go last
  const key = (r: Omit<SpecRow, 'rank'>) => (Number.isFinite(r.excess) ? r.excess : Infinity);
  const rows = specs.map((s) => s.row).sort((a, b) => key(a) - key(b) || 0);
  return {
    claim: 1,
    specs: rows.map((r, i) => ({ ...r, rank: i + 1 })),
    choices: {
      index: INDEXES.filter((x) => has(x.universe)).map((x) => ({ id: x.universe, label: x.label })),
      rule: RULES.map((x) => ({ id: x.id, label: x.label })),
      sample: SAMPLES.map((x) => ({ id: x.id, label: x.label })),
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

import { addMonths, endOfMonth } from '../../core/dates.js';
import { monthsLaterDays } from './months-later.js';
import { deriveSeed } from '../../core/random.js';
import { bootstrapMean, DEFAULT_DRAWS } from '../stats/bootstrap-mean.js';
import { describeSample } from '../stats/describe-sample.js';
import { percentileInterval } from '../stats/percentile-interval.js';
import { placeboTest } from '../stats/placebo-test.js';
import { clusteredPlaceboTest } from '../stats/clustered-placebo-test.js';
import { signTest } from '../stats/sign-test.js';

/** One event × horizon: returns from the entry close to the exit close (fractions). */
export interface EventRow {
  event: string;
  /** Event date, entry and exit bar dates (days since epoch; exit NaN when past the data). */
  eventDate: number;
  entryDate: number;
  horizonMonths: number;
  exitDate: number;
  strategy: number;
  small: number;
  large: number;
  /** small − large, in return points. */
  spread: number;
  /** Bonds over the same window, when the input has bonds. */
  bonds?: number;
}

/** Averages of one event kind × horizon. */
export interface EventSummary {
  event: string;
  horizonMonths: number;
  n: number;
  smallMean: number;
  smallMedian: number;
  largeMean: number;
  largeMedian: number;
  spreadMean: number;
  spreadMedian: number;
  /** Mean and median bond return, when the rows have bonds. */
  bondsMean?: number;
  bondsMedian?: number;
  /** Fraction of events where small beat large. */
  spreadHitRate: number;
  strategyMean: number;
  /** Sample standard deviation of the spread and the classical t of its mean. */
  spreadSd: number;
  spreadT: number;
  /** Bootstrap 95 % percentile interval of the mean spread (cluster bootstrap when windows overlap). */
  spreadCiLow: number;
  spreadCiHigh: number;
  /** Number of independent groups of events (events whose windows overlap form one group). */
  clusters: number;
  /** Events with small ahead (spread > 0) and the exact two-sided sign-test p of that count. */
  hits: number;
  signP: number;
  /** Placebo p: the mean spread of n random eligible entry dates at least as extreme (see placeboTest). */
  placeboP: number;
  /** Share of placebo means below the observed mean (0–1). */
  placeboRank: number;
  /** Eligible entry dates the placebo drew from (0 when no placebo was run). */
  placeboEligible: number;
  /** "" or why there is no test ("too few events to test" when n < 5). */
  note: string;
  /** The placebo means behind `placeboP`, with `keepPlacebo` (for display). */
  placeboDistribution?: Float64Array;
}

/** Fewer events (or groups of overlapping events) than this get no interval or p-value. */
export const MIN_EVENTS = 5;

/** Options of {@link summarizeEvents}. */
export interface SummaryOptions {
  /** The price levels the rows came from: enables the placebo test over every eligible entry date. */
  input?: EventInput;
  /** Bootstrap and placebo draws (default 10,000). */
  draws?: number;
  /** Master seed (default 1); each event kind × horizon derives its own stream. */
  seed?: number;
  /** Keep each placebo distribution in the summary (`placeboDistribution`). */
  keepPlacebo?: boolean;
}

/** Inputs: bar dates and price-like levels (equity or total-return indexes). */
export interface EventInput {
  dates: Int32Array;
  strategy: Float64Array;
  small: Float64Array;
  large: Float64Array;
  /** Bonds total-return index, for universes with bonds (adds `bonds` to each row). */
  bonds?: Float64Array;
}

/** The default horizons, calendar months. */
export const HORIZONS = [1, 3, 6, 12, 24] as const;

/** Index of the last bar dated on or before `day` (−1 when none). */
export function lastBarOnOrBefore(dates: Int32Array, day: number): number {
  const T = dates.length;
  if (T === 0 || dates[0] > day) return -1;
  let lo = 0,
    hi = T - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (dates[mid] <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The bar h calendar months after bar `from` by the event study's rule (last bar on or before
 * the date h months later; month ends map to month ends; h may be negative); −1 when that date
 * is outside the data.
 */
export function barMonthsAfter(dates: Int32Array, from: number, h: number): number {
  const e = dates[from];
  const target = e === endOfMonth(e) ? endOfMonth(addMonths(e, h)) : addMonths(e, h);
  if (target > dates[dates.length - 1] || target < dates[0]) return -1;
  return lastBarOnOrBefore(dates, target);
}

/**
 * {@link barMonthsAfter} for every bar at once, in one pass (targets never decrease along
 * the calendar, so a single pointer walks forward); −1 where the date is outside the data.
 */
export function barsMonthsAfter(dates: Int32Array, h: number): Int32Array {
  const T = dates.length;
  const out = new Int32Array(T).fill(-1);
  if (T === 0) return out;
  const first = dates[0],
    last = dates[T - 1];
  const targets = monthsLaterDays(dates, h);
  let j = 0;
  for (let i = 0; i < T; i++) {
    const target = targets[i];
    if (target > last || target < first) continue;
    while (j + 1 < T && dates[j + 1] <= target) j++;
    while (j > 0 && dates[j] > target) j--; // never taken for monotone targets; kept for safety
    out[i] = j;
  }
  return out;
}

/**
 * Forward small − large spread from every bar as an entry, with the event study's exit rule
 * (NaN where the horizon runs past the data): the population a placebo test draws from.
 */
export function forwardSpreads(input: Pick<EventInput, 'dates' | 'small' | 'large'>, h: number): Float64Array {
  const { dates, small, large } = input;
  const out = new Float64Array(dates.length).fill(NaN);
  const exit = barsMonthsAfter(dates, h);
  for (let i = 0; i < dates.length; i++) {
    const j = exit[i];
    if (j > i) out[i] = small[j] / small[i] - large[j] / large[i];
  }
  return out;
}

/**
 * Event study. Entry: the close of the first bar dated on or after the event (the
 * decision is announced before that close, so the announcement-day move is excluded).
 * Exit after h calendar months: the close of the last bar dated on or before entry date
 * + h months (from a month-end entry, the month end h months later); when that date is
 * past the data, the row is left empty (NaN).
 */
export function eventStudy(input: EventInput, events: readonly { event: string; date: number }[], horizons: readonly number[] = HORIZONS): EventRow[] {
  const { dates } = input;
  const T = dates.length;
  const rows: EventRow[] = [];
  for (const ev of events) {
    const before = lastBarOnOrBefore(dates, ev.date - 1);
    const entry = before + 1;
    if (ev.date < dates[0] || entry >= T) continue; // outside the data
    for (const h of horizons) {
      const exit = barMonthsAfter(dates, entry, h);
      const r = (x: Float64Array) => (exit > entry ? x[exit] / x[entry] - 1 : NaN);
      const small = r(input.small),
        large = r(input.large);
      rows.push({
        event: ev.event,
        eventDate: ev.date,
        entryDate: dates[entry],
        horizonMonths: h,
        exitDate: exit > entry ? dates[exit] : NaN,
        strategy: r(input.strategy),
        small,
        large,
        spread: small - large,
        ...(input.bonds ? { bonds: r(input.bonds) } : {}),
      });
    }
  }
  return rows;
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Cluster id per row (rows sorted by entry): a row whose window starts before an earlier window ends joins its group. */
export function overlapClusters(rows: readonly Pick<EventRow, 'entryDate' | 'exitDate'>[]): Int32Array {
  const ids = new Int32Array(rows.length);
  let id = -1,
    reach = -Infinity;
  rows.forEach((r, i) => {
    if (r.entryDate >= reach) id++;
    ids[i] = id;
    reach = Math.max(reach, r.exitDate);
  });
  return ids;
}

/**
 * Mean, median, hit rate and inference per event kind and horizon over the complete rows:
 * standard deviation and t of the spread, a bootstrap 95 % interval of its mean (iid over
 * events, or over groups of events whose windows overlap), the exact sign test of the hit
 * count, and with `options.input` the placebo test over every eligible entry date of the same
 * sample and horizon (groups of overlapping events are moved as blocks, see clusteredPlaceboTest).
 * With fewer than 5 events, or 5 independent groups of them, no interval or p-value is given. With fewer than 5 events no interval or p-value is given.
 */
export function summarizeEvents(rows: readonly EventRow[], options: SummaryOptions = {}): EventSummary[] {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? 1;
  const groups = new Map<string, EventRow[]>();
  for (const r of rows) {
    if (Number.isNaN(r.exitDate)) continue;
    const key = `${r.event}\u0000${r.horizonMonths}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  const forward = new Map<number, Float64Array>();
  const out: EventSummary[] = [];
  for (const unsorted of groups.values()) {
    const g = [...unsorted].sort((a, b) => a.entryDate - b.entryDate);
    const pick = (f: (r: EventRow) => number) => g.map(f);
    const spreads = Float64Array.from(g, (r) => r.spread);
    const d = describeSample(spreads);
    const hits = g.filter((r) => r.spread > 0).length;
    const ties = g.filter((r) => r.spread === 0).length;
    const h = g[0].horizonMonths;
    const label = `${g[0].event}/${h}`;
    const ids = overlapClusters(g);
    const clusters = ids.length ? ids[ids.length - 1] + 1 : 0;
    let ciLow = NaN,
      ciHigh = NaN,
      signP = NaN,
      placeboP = NaN,
      placeboRank = NaN,
      eligible = 0;
    let placeboDistribution: Float64Array | undefined;
    // a bootstrap over fewer than 5 independent groups has too few distinct resamples to mean anything
    const testable = g.length >= MIN_EVENTS && clusters >= MIN_EVENTS;
    if (testable) {
      const boot = bootstrapMean(spreads, { draws, seed: deriveSeed(seed, `bootstrap/${label}`), clusters: clusters < g.length ? ids : undefined });
      ({ low: ciLow, high: ciHigh } = percentileInterval(boot));
      signP = signTest(hits, g.length - ties);
      if (options.input) {
        const fw = forward.get(h) ?? forward.set(h, forwardSpreads(options.input, h)).get(h)!;
        const placeboSeed = deriveSeed(seed, `placebo/${label}`);
        const pt =
          clusters < g.length
            ? clusteredPlaceboTest(fw, clusterPatterns(options.input.dates, g, ids), d.mean, { draws, seed: placeboSeed })
            : placeboTest(finiteValues(fw), g.length, d.mean, { draws, seed: placeboSeed });
        placeboP = pt.p;
        placeboRank = pt.rank;
        eligible = pt.eligible;
        if (options.keepPlacebo) placeboDistribution = pt.distribution;
      }
    }
    out.push({
      event: g[0].event,
      horizonMonths: h,
      n: g.length,
      smallMean: mean(pick((r) => r.small)),
      smallMedian: median(pick((r) => r.small)),
      largeMean: mean(pick((r) => r.large)),
      largeMedian: median(pick((r) => r.large)),
      spreadMean: d.mean,
      spreadMedian: d.median,
      ...(g[0].bonds !== undefined ? { bondsMean: mean(pick((r) => r.bonds!)), bondsMedian: median(pick((r) => r.bonds!)) } : {}),
      spreadHitRate: hits / g.length,
      strategyMean: mean(pick((r) => r.strategy)),
      spreadSd: d.sd,
      spreadT: d.t,
      spreadCiLow: ciLow,
      spreadCiHigh: ciHigh,
      clusters,
      hits,
      signP,
      placeboP,
      placeboRank,
      placeboEligible: eligible,
      note: testable ? '' : g.length < MIN_EVENTS ? 'too few events to test' : `too few independent groups to test (${clusters} groups of overlapping events)`,
      ...(placeboDistribution ? { placeboDistribution } : {}),
    });
  }
  return out.sort((a, b) => a.event.localeCompare(b.event) || a.horizonMonths - b.horizonMonths);
}

/** Bar offsets of each cluster's entries from its first entry (rows sorted by entry, ids from overlapClusters). */
export function clusterPatterns(dates: Int32Array, rows: readonly Pick<EventRow, 'entryDate'>[], ids: Int32Array): Int32Array[] {
  const bars: number[][] = [];
  rows.forEach((r, i) => {
    const bar = lastBarOnOrBefore(dates, r.entryDate);
    (bars[ids[i]] ??= []).push(bar);
  });
  return bars.map((b) => Int32Array.from(b, (x) => x - b[0]));
}

/** The finite values of an array, in order. */
export function finiteValues(x: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) n++;
  const out = new Float64Array(n);
  n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) out[n++] = x[i];
  return out;
}

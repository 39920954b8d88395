import { isoDay } from '../core/dates.js';
import { mulberry32 } from '../core/random.js';
import { sliceMarket } from '../market/slice-market.js';
import type { Market } from '../core/types.js';
import type { Strategy } from './define.js';
import { evaluateStrategy } from './evaluate.js';

/** A weight that differs between two evaluations. */
export interface AuditOffence {
  date: string;
  asset: string;
  /** Weight with the full history (first evaluation) and with the other one. */
  full: number;
  truncated: number;
  /** Last date of the truncated history (the full history's last date for a determinism failure). */
  cut: string;
}

/** Result of a look-ahead audit. */
export interface AuditResult {
  ok: boolean;
  /** Every truncation point checked (bar index `c`: the history is bars 0 … c − 1), ascending. */
  cuts: number[];
  /** How the cut points were chosen: every bar of a short history, or targeted points. */
  mode: 'every-bar' | 'targeted';
  /** Cut points by reason (a point may have several reasons); `events` counts distinct event bars. */
  counts: { decisionChanges: number; events: number; yearEnds: number; random: number };
  /** First decision that changed when the future was removed (the earliest over all cuts). */
  firstOffence?: AuditOffence;
  /** Set when two evaluations on the same data differ (Math.random, Date.now or hidden state). */
  nondeterministic?: AuditOffence;
}

/** Options of {@link auditStrategy}. */
export interface AuditOptions {
  /** Random cut points on top of the targeted ones (default 20). */
  randomCuts?: number;
  /** Seed of the random cut points (default 1). */
  seed?: number;
  /** Histories of at most this many bars are cut at every bar (default 1,500). */
  everyBarUpTo?: number;
}

/** Bar indexes to cut at: the last bar of every year plus `n` random bars (sorted, unique). */
export function auditCuts(dates: Int32Array, n: number, seed: number): number[] {
  const cuts = new Set<number>();
  for (const c of yearEndCuts(dates)) cuts.add(c);
  const rnd = mulberry32(seed);
  for (let k = 0; k < n; k++) cuts.add(2 + Math.floor(rnd() * (dates.length - 2)));
  return [...cuts].filter((c) => c >= 2 && c < dates.length).sort((a, b) => a - b);
}

function yearEndCuts(dates: Int32Array): number[] {
  const out: number[] = [];
  for (let t = 0; t + 1 < dates.length; t++) {
    if (new Date(dates[t] * 864e5).getUTCFullYear() !== new Date(dates[t + 1] * 864e5).getUTCFullYear()) out.push(t + 1);
  }
  return out;
}

/** Cuts right after every bar whose decision row differs from the previous bar's (NaN equal to NaN). */
function decisionChangeCuts(full: Float64Array, A: number, T: number): number[] {
  const out: number[] = [];
  for (let t = 1; t < T; t++) {
    for (let a = 0; a < A; a++) {
      const x = full[t * A + a];
      const y = full[(t - 1) * A + a];
      if (x !== y && !(x !== x && y !== y)) {
        out.push(t + 1);
        break;
      }
    }
  }
  return out;
}

/** Cuts just before the bar of every Fed event (FOMC decisions, policy moves, cycle starts and confirmations): the history then ends the bar before it. */
function eventCuts(market: Market): number[] {
  const { dates } = market;
  const out: number[] = [];
  const days = [...market.fomc.map((d) => d.date), ...market.fed.moves.map((m) => m.date), ...market.fed.cycles.flatMap((c) => [c.start, c.confirmed])];
  for (const day of days) {
    // first bar on or after the event (binary search)
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= dates.length) continue;
    out.push(lo); // history ending the bar before the event: a decision then may not know it
  }
  return out;
}

function firstDifference(a: Float64Array, b: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !(x !== x && y !== y)) return i;
  }
  return -1;
}

/** Waits until the millisecond clock moves (so a strategy reading Date.now sees another value). */
function nextMillisecond(): void {
  const t0 = Date.now();
  while (Date.now() === t0) {
    /* spin: at most about a millisecond */
  }
}

/**
 * The same evaluation at two later milliseconds, the second as soon as the clock moves after
 * the first: one later run can land on a reading the strategy cannot tell from the first run's
 * (an evaluation that takes a millisecond puts `Date.now() % 2` back on the same parity); two
 * runs on consecutive readings (a run shorter than a millisecond) cannot both.
 */
function laterRuns(run: () => Float64Array): Float64Array[] {
  nextMillisecond();
  const a = run();
  nextMillisecond();
  const b = run();
  // a strategy that follows the clock's second, minute, hour or day reads the same value in runs a
  // millisecond apart: two more runs see the clock moved by o and 2o, o = 1 d 1 h 1 m 1 s 1 ms. In
  // each unit o is an odd count plus a fraction, so the count moved by is odd for o or, when
  // the fraction carries one more, for 2o: every unit's parity changes in at least one run
  return [a, b, withClockMovedBy(CLOCK_OFFSET_MS, run), withClockMovedBy(2 * CLOCK_OFFSET_MS, run)];
}

/** One day, one hour, one minute, one second and one millisecond. */
const CLOCK_OFFSET_MS = 86_400_000 + 3_600_000 + 60_000 + 1_000 + 1;

/** Runs `fn` with `Date` (now and new Date()) and `performance.now` moved forward by `offsetMs`; restores them after. */
function withClockMovedBy<T>(offsetMs: number, fn: () => T): T {
  const RealDate = globalThis.Date;
  const realNow = RealDate.now.bind(RealDate);
  const realPerf = performance.now.bind(performance);
  class MovedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(realNow() + offsetMs);
      else super(...(args as [number]));
    }
    static override now(): number {
      return realNow() + offsetMs;
    }
  }
  globalThis.Date = MovedDate as DateConstructor;
  performance.now = () => realPerf() + offsetMs;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
    performance.now = realPerf;
  }
}

/**
 * Look-ahead audit. The strategy is first evaluated on the full history, then again at two
 * later milliseconds and twice with the clock moved (by a day, an hour, a minute, a second and a
 * millisecond, then twice that): if the weights differ it is not deterministic (Math.random, Date.now or
 * state kept between calls) and the audit stops there. Then it is re-run on history
 * truncated at many cut points and every weight decided before each cut must equal the
 * full-history weight (NaN equal to NaN). A history of at most `everyBarUpTo` bars is cut at
 * every bar. A longer one is cut right after every bar at which the full run's decision
 * changes (a peek shows there: a decision made one bar before the data that justifies it),
 * just before every Fed event (FOMC decisions, policy moves, cycle turns), at
 * every year end and at `randomCuts` seeded random bars. An offence is confirmed by
 * evaluating the same truncated history again, so a strategy that is not deterministic in
 * a way the first check missed is reported as such, not as look-ahead. The earliest
 * offending decision is named.
 */
export function auditStrategy(strategy: Strategy, market: Market, params: Record<string, unknown>, options: AuditOptions = {}): AuditResult {
  const T = market.dates.length;
  const A = market.assets.length;
  const full = evaluateStrategy(strategy, market, params);
  const offence = (a: Float64Array, b: Float64Array, i: number, cutBar: number): AuditOffence => {
    const bar = Math.floor(i / A);
    return { date: isoDay(market.dates[bar]), asset: market.assets[i % A], full: a[i], truncated: b[i], cut: isoDay(market.dates[cutBar - 1]) };
  };
  const counts = { decisionChanges: 0, events: 0, yearEnds: 0, random: 0 };
  for (const again of laterRuns(() => evaluateStrategy(strategy, market, params))) {
    const d0 = firstDifference(full, again, T * A);
    if (d0 >= 0) return { ok: false, cuts: [], mode: 'targeted', counts, nondeterministic: offence(full, again, d0, T) };
  }

  const everyBar = T <= (options.everyBarUpTo ?? 1500);
  const set = new Set<number>();
  if (everyBar) {
    for (let c = 2; c < T; c++) set.add(c);
  } else {
    const add = (list: number[], key: keyof typeof counts) => {
      for (const c of list) {
        if (c < 2 || c >= T) continue;
        counts[key]++;
        set.add(c);
      }
    };
    add(decisionChangeCuts(full, A, T), 'decisionChanges');
    const events = eventCuts(market);
    add(events, 'events');
    counts.events = new Set(events).size; // distinct event bars
    add(yearEndCuts(market.dates), 'yearEnds');
    const rnd = mulberry32(options.seed ?? 1);
    add(
      Array.from({ length: options.randomCuts ?? 20 }, () => 2 + Math.floor(rnd() * (T - 2))),
      'random',
    );
  }
  const cuts = [...set].sort((a, b) => a - b);
  let first: AuditOffence | undefined;
  let firstBar = Infinity;
  for (const cut of cuts) {
    const part = evaluateStrategy(strategy, sliceMarket(market, cut), params);
    const i = firstDifference(full, part, Math.min(cut, firstBar) * A);
    if (i < 0) continue;
    // confirm: the same truncated history evaluated again must give the same weights
    for (const twice of laterRuns(() => evaluateStrategy(strategy, sliceMarket(market, cut), params))) {
      const j = firstDifference(part, twice, cut * A);
      if (j >= 0) return { ok: false, cuts, mode: everyBar ? 'every-bar' : 'targeted', counts, nondeterministic: offence(part, twice, j, cut) };
    }
    firstBar = Math.floor(i / A);
    first = offence(full, part, i, cut);
  }
  return { ok: first === undefined, cuts, mode: everyBar ? 'every-bar' : 'targeted', counts, firstOffence: first };
}

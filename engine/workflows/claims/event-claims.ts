import { eventPath } from '../../measure/analytics/event-path.js';
import { eventStudy, lastBarOnOrBefore, type EventInput, type EventRow } from '../../measure/analytics/event-study.js';
import { addMonths, dayFromYmd, isoDay, ymdFromDay } from '../../core/dates.js';
import { deriveSeed } from '../../core/random.js';
import { quantileSorted } from '../../measure/stats/quantile-sorted.js';
import type { Market } from '../../core/types.js';
import type { ClaimDraft } from './draft.js';
import { eventInference, type EventInference } from './event-inference.js';
import { intervalWords, pctText, pText, ptsText } from './format.js';
import type { ClaimCharts, ClaimRow, InfluenceRow } from '../../formats/claims-folder.js';
import { influenceRows } from './influence.js';
import { verdictWords } from './verdict.js';

/** What the event claims need besides the market. */
export interface EventClaimContext {
  universe: string;
  draws: number;
  seed: number;
  /** First day of the sample: cuts dated before it are not the sample's (default: the first bar). */
  from?: number;
  /** NBER recession months (reference dates, 1 = recession), ex post. */
  recession?: { dates: Int32Array; values: Float64Array };
}

/** Days a series' rate must have been known before its first move for that move to count as a first cut. */
export const FIRST_MOVE_DAYS = 365;

/** Days after a cycle's previous cut for a later cut to count as "after a pause". */
export const PAUSE_DAYS = 91;

/** The fields every row of one sample shares. */
export type RowBase = Pick<ClaimRow, 'claim' | 'part' | 'headline' | 'label' | 'universe' | 'from' | 'to'>;

/**
 * A timing-claim row from the inference on one event set: the verdict tests question (b),
 * the excess of the mean spread over what random entry dates give (placebo); question (a),
 * the mean against 0, rides along as context.
 */
export function eventDraft(inf: EventInference, base: RowBase, what: string, note = ''): ClaimDraft {
  const h = inf.horizonMonths;
  const perCycle = inf.weighting === 'group';
  const groupUnit = inf.G < inf.n ? 'groups of overlapping events' : 'events, none overlapping';
  const tested = inf.note === '';
  const row: ClaimDraft['row'] = {
    ...base,
    role: 'robustness',
    null: `${what} are no better for small caps than random dates: the mean small − large over the next ${h} months equals its mean over every eligible entry date${Number.isFinite(inf.center) ? ` (${pctText(inf.center)})` : ''}`,
    n: inf.n,
    nUnit: 'events',
    groups: inf.G,
    groupUnit,
    estimate: inf.excess.excess,
    unit: `return points over ${h} months, above random dates`,
    ciLow: inf.excess.low,
    ciHigh: inf.excess.high,
    ciMethod: tested
      ? 'rotation placebo interval: excess ± the 95th percentile of |shifted mean − centre| (the test inverted under a shift)'
      : 'none (too few independent groups)',
    p: inf.placeboP,
    pMethod: tested
      ? `rotation placebo: the pattern of all ${inf.n} events, spacing kept, shifted to each of ${inf.placeboEligible.toLocaleString('en-US')} eligible start dates${perCycle ? ', each group weighted once' : ''}; exact, two-sided`
      : 'none',
    mde: inf.mdeExcess,
    direction: 1,
    note: [inf.note, note].filter(Boolean).join('; '),
    baseline: inf.center,
    ahead: {
      estimate: inf.mean,
      ciLow: inf.ahead.ciLow,
      ciHigh: inf.ahead.ciHigh,
      p: inf.ahead.p,
      method: tested
        ? `wild cluster bootstrap-t over ${inf.G} ${perCycle ? 'cycles' : 'groups'} (Webb weights, ${inf.ahead.enumerated ? `all ${inf.ahead.draws.toLocaleString('en-US')} weight vectors` : `${inf.ahead.draws.toLocaleString('en-US')} draws`}), interval by test inversion; cluster-robust t on ${inf.G - 1} df: p ${pText(inf.ahead.pT)}`
        : 'none',
      hits: inf.hits,
      groupsAhead: inf.groupsAhead,
      signP: inf.signP,
    },
  };
  const say: ClaimDraft['say'] = (verdict, pVerdict, adjusted) => {
    const counted = `${inf.n} ${what}${inf.G < inf.n ? ` (${inf.G} independent groups${perCycle ? ', each counted once' : ''})` : ''}`;
    if (!tested) return `${counted}: ${inf.note}; small − large averaged ${pctText(inf.mean)} over ${h} months.`;
    const lead = `After ${counted} small caps ${inf.mean >= 0 ? 'beat' : 'trailed'} large caps by ${pctText(Math.abs(inf.mean)).slice(1)} on average over ${h} months (ahead in ${inf.groupsAhead} of ${inf.G} ${inf.G < inf.n ? 'groups' : 'cases'}), against ${pctText(inf.center)} from random dates`;
    const test = `the excess of ${ptsText(inf.excess.excess)} ${intervalWords(inf.excess.low, inf.excess.high)} has rotation placebo p ${pText(inf.placeboP)}${adjusted ? ` (Holm ${pText(pVerdict)})` : ''}`;
    const tail = verdict === 'not shown' ? `; not shown — uninformative below ${ptsText(inf.mdeExcess, false)}` : `; ${verdictWords(verdict)}`;
    return `${lead}: ${test}${tail}.`;
  };
  return { row, say };
}

/** 101 quantiles of a placebo distribution (the draws behind its p), for display. */
export function placeboChart(part: string, inf: EventInference): { part: string; observed: number; quantiles: number[] } | undefined {
  if (!inf.placeboDistribution) return undefined;
  const sorted = inf.placeboDistribution.slice().sort();
  return { part, observed: inf.mean, quantiles: Array.from({ length: 101 }, (_, i) => quantileSorted(sorted, i / 100)) };
}

/**
 * Entry events of a market: first cuts, every cut, later cuts after a pause (the policy
 * series' very first move is a first cut only when the rate had been known, unchanged, for
 * FIRST_MOVE_DAYS before it: e.g. not the ECB's first decision, 98 days after it began). A cut counts
 * when it is dated on or after `from` (default: the first bar) and by the last bar: a sample cut
 * out of a longer history does not inherit the moves made before it starts, even when its first
 * bar shows them.
 */
export function cutEvents(m: Market, from: number = m.dates[0]): { first: number[]; all: number[]; later: number[] } {
  const last = m.dates[m.dates.length - 1];
  // a series' first recorded move has no earlier move to turn from: it is a first cut only after a
  // level held for a year (the rate known FIRST_MOVE_DAYS before it), else it starts a phase only
  const firstMove = m.fed.moves[0]?.date ?? NaN;
  let since = NaN;
  for (let t = 0; t < m.dates.length && Number.isNaN(since); t++) if (Number.isFinite(m.fed.policyRate[t])) since = m.dates[t];
  const unheld = (d: number) => d === firstMove && Number.isFinite(since) && d - since < FIRST_MOVE_DAYS;
  const first = m.fed.cycles.filter((c) => c.direction === 'easing' && !unheld(c.start) && c.start >= from && c.start <= last).map((c) => c.start);
  const all: number[] = [];
  for (let t = 0; t < m.dates.length; t++) {
    if (m.fed.move[t] !== 1) continue;
    // the bar shows the latest move dated after the previous bar: it must be the sample's
    const lo = t > 0 ? m.dates[t - 1] : -Infinity;
    let latest = NaN;
    for (const mv of m.fed.moves) if (mv.date > lo && mv.date <= m.dates[t] && mv.date <= last) latest = mv.date;
    if (latest >= from) all.push(m.dates[t]);
  }
  const easing = m.fed.cycles.filter((c) => c.direction === 'easing');
  const next = (c: number) => m.fed.cycles.find((x) => x.start > c)?.start ?? Infinity;
  const later: number[] = [];
  for (const c of easing) {
    const end = next(c.start);
    const cuts = all.filter((d) => d >= c.start && d < end);
    for (let i = 1; i < cuts.length; i++) if (cuts[i] - cuts[i - 1] >= PAUSE_DAYS && cuts[i] > c.start) later.push(cuts[i]);
  }
  return { first, all, later };
}

/**
 * Whether an NBER recession began within 12 months of `day`: the first month of a recession
 * (a 1 after a 0) falls in the calendar month of `day` or in the 12 months after it. A cut
 * made during a recession that had begun before does not count (ex post: NBER dates come
 * a year or more later).
 */
export function recessionBeganWithin(rec: EventClaimContext['recession'], day: number): boolean {
  if (!rec) return false;
  const end = addMonths(day, 12);
  const { year, month } = ymdFromDay(day);
  const monthStart = dayFromYmd(year, month, 1);
  for (let i = 1; i < rec.dates.length; i++) {
    if (rec.dates[i] > end) break;
    if (rec.dates[i] >= monthStart && rec.values[i] === 1 && rec.values[i - 1] === 0) return true;
  }
  return false;
}

/** The event set × horizon rows (complete or not) of one kind. */
const pick = (rows: readonly EventRow[], h: number, event?: string) => rows.filter((r) => r.horizonMonths === h && (event === undefined || r.event === event));

/** Claims 1 and 3 on one market: drafts of the rows and chart data. */
export function cutClaims(
  m: Market,
  ctx: EventClaimContext,
): { drafts: ClaimDraft[]; charts: { claim1: ClaimCharts; claim3: ClaimCharts }; influence: InfluenceRow[] } {
  const input: EventInput = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
  const from = isoDay(m.dates[0]),
    to = isoDay(m.dates[m.dates.length - 1]);
  const base = { universe: ctx.universe, from, to };
  const forward = new Map<number, Float64Array>();
  const opts = { draws: ctx.draws, seed: ctx.seed, forward };
  const ev = cutEvents(m, ctx.from);
  const drafts: ClaimDraft[] = [];
  const firstRows = eventStudy(
    input,
    ev.first.map((date) => ({ event: 'first-cut', date })),
    [1, 3, 6, 12, 24],
  );
  const first12 = eventInference(pick(firstRows, 12), input, { ...opts, keepPlacebo: true });
  drafts.push(eventDraft(first12, { claim: 1, part: '1', headline: true, label: 'first cut → 12 m', ...base }, 'first cuts'));
  for (const h of [1, 3, 6, 24])
    drafts.push(
      eventDraft(
        eventInference(pick(firstRows, h), input, opts),
        { claim: 1, part: `1-${h}m`, headline: false, label: `first cut → ${h} m`, ...base },
        'first cuts',
      ),
    );
  const twelve = pick(firstRows, 12).filter((r) => Number.isFinite(r.exitDate));
  const cycles = twelve.map((r) => ({ date: isoDay(r.eventDate), spread: r.spread, recession: recessionBeganWithin(ctx.recession, r.entryDate) }));
  if (ctx.recession) {
    for (const [tag, flag] of [
      ['recession', true],
      ['no-recession', false],
    ] as const) {
      const sub = twelve.filter((r) => recessionBeganWithin(ctx.recession, r.entryDate) === flag).map((r) => ({ ...r, event: `first-cut-${tag}` }));
      if (!sub.length) continue;
      const inf = eventInference(sub, input, opts);
      drafts.push(
        eventDraft(
          inf,
          {
            claim: 1,
            part: `1-${tag}`,
            headline: false,
            label: `first cut → 12 m, ${flag ? 'a recession began within 12 m' : 'no recession began within 12 m'}`,
            ...base,
          },
          `first cuts ${flag ? 'followed' : 'not followed'} by the start of a recession within 12 months`,
          'recessions are known only ex post: not a tradable split',
        ),
      );
    }
  }
  const entries = pick(firstRows, 1).map((r) => lastBarOnOrBefore(m.dates, r.entryDate));
  const path = eventPath({ dates: m.dates, small: input.small, large: input.large }, entries, {
    from: -3,
    to: 24,
    draws: ctx.draws,
    seed: deriveSeed(ctx.seed, 'path'),
  });
  const claim1Placebo = placeboChart('1', first12);
  const claim1: ClaimCharts = { universe: ctx.universe, path, cycles, placebo: claim1Placebo ? [claim1Placebo] : [] };

  const allRows = eventStudy(
    input,
    ev.all.map((date) => ({ event: 'all-cuts', date })),
    [12],
  );
  const all = eventInference(allRows, input, { ...opts, keepPlacebo: true });
  drafts.push(eventDraft(all, { claim: 3, part: '3-all', headline: true, label: 'any cut → 12 m', ...base }, 'cuts'));
  const perCycle = eventInference(allRows, input, { ...opts, weighting: 'group' });
  drafts.push(eventDraft(perCycle, { claim: 3, part: '3-all-cycle', headline: false, label: 'any cut → 12 m, each group once', ...base }, 'cuts'));
  const later = eventInference(
    eventStudy(
      input,
      ev.later.map((date) => ({ event: 'later-cuts', date })),
      [12],
    ),
    input,
    { ...opts, keepPlacebo: true },
  );
  drafts.push(
    eventDraft(
      later,
      { claim: 3, part: '3-later', headline: true, label: 'later cut after a pause → 12 m', ...base },
      `later cuts after a pause of ${PAUSE_DAYS}+ days`,
    ),
  );
  const claim3: ClaimCharts = { universe: ctx.universe, placebo: [placeboChart('3-all', all), placeboChart('3-later', later)].filter((x) => x !== undefined) };
  const influence = [
    ...influenceRows(first12, { claim: 1, part: '1', universe: ctx.universe }),
    ...influenceRows(all, { claim: 3, part: '3-all', universe: ctx.universe }),
    ...influenceRows(later, { claim: 3, part: '3-later', universe: ctx.universe }),
  ];
  return { drafts, charts: { claim1, claim3 }, influence };
}

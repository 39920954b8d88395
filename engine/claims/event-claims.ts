import { eventPath } from '../analytics/event-path.js';
import { eventStudy, summarizeEvents, type EventInput, type EventSummary } from '../analytics/event-study.js';
import { addMonths, dayFromYmd, isoDay, ymdFromDay } from '../dates.js';
import { deriveSeed } from '../random.js';
import { quantileSorted } from '../stats/quantile-sorted.js';
import type { Market } from '../types.js';
import type { ClaimCharts, ClaimRow } from './types.js';
import { verdictOf } from './verdict.js';

/** What the event claims need besides the market. */
export interface EventClaimContext {
  universe: string;
  draws: number;
  seed: number;
  /** NBER recession months (reference dates, 1 = recession), ex post. */
  recession?: { dates: Int32Array; values: Float64Array };
}

/** Days after a cycle's previous cut for a later cut to count as "after a pause". */
export const PAUSE_DAYS = 91;

/** A fraction as signed percent with one decimal ("+3.1 %"). */
export const pctText = (x: number) => (Number.isFinite(x) ? `${x >= 0 || Math.abs(x) < 0.0005 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %` : '–');

/** A claim row from an event summary (n, mean, bootstrap interval, placebo p). */
export function eventRow(s: EventSummary | undefined, base: Pick<ClaimRow, 'claim' | 'part' | 'headline' | 'label' | 'universe' | 'from' | 'to'>, what: string, note = ''): ClaimRow {
  const n = s?.n ?? 0;
  const verdict = verdictOf(s?.spreadCiLow ?? NaN, s?.spreadCiHigh ?? NaN, 1);
  const h = s?.horizonMonths ?? 12;
  const tooFew = !s || s.note !== '';
  const sentence = tooFew
    ? `${n} ${what}: ${s?.note || 'too few events to test'}${s ? ` (mean ${pctText(s.spreadMean)})` : ''}.`
    : `After ${n} ${what} small caps ${s.spreadMean >= 0 ? 'beat' : 'trailed'} large caps by ${pctText(Math.abs(s.spreadMean)).slice(1)} on average over ${h} months (95 % CI ${pctText(s.spreadCiLow)} to ${pctText(s.spreadCiHigh)}; ahead in ${s.hits} of ${n}); ${verdict === 'supported' ? 'history supports the claim' : verdict === 'contradicted' ? 'history contradicts the claim' : 'that cannot be told from noise'}${Number.isFinite(s.placeboP) ? `, and ${s.placeboP < 0.05 ? 'few' : 'many'} random dates do as well (placebo p ${s.placeboP.toFixed(2)})` : ''}.`;
  return {
    ...base,
    n,
    nUnit: 'events',
    estimate: s?.spreadMean ?? NaN,
    unit: `return points over ${h} months`,
    ciLow: s?.spreadCiLow ?? NaN,
    ciHigh: s?.spreadCiHigh ?? NaN,
    ciMethod: s && s.clusters < s.n ? `bootstrap over ${s.clusters} groups of overlapping events, percentile` : 'bootstrap over events, percentile',
    p: s?.placeboP ?? NaN,
    pMethod: s && Number.isFinite(s.placeboP)
      ? s.clusters < s.n
        ? `placebo: the ${s.clusters} groups of overlapping events moved as blocks to random dates (at least ${s.placeboEligible.toLocaleString('en-US')} eligible each), two-sided`
        : `placebo: ${n} random entry dates among ${s.placeboEligible.toLocaleString('en-US')} eligible, two-sided`
      : 'none',
    direction: 1,
    verdict,
    sentence,
    note: [tooFew ? s?.note || 'too few events to test' : '', note].filter(Boolean).join('; '),
  };
}

/** 101 quantiles of an event summary's placebo distribution (the draws behind its p), for display. */
export function placeboChart(part: string, s: EventSummary | undefined): { part: string; observed: number; quantiles: number[] } | undefined {
  if (!s?.placeboDistribution) return undefined;
  const sorted = s.placeboDistribution.slice().sort();
  return { part, observed: s.spreadMean, quantiles: Array.from({ length: 101 }, (_, i) => quantileSorted(sorted, i / 100)) };
}

/** Entry events of a market: first cuts, every cut, later cuts after a pause. */
export function cutEvents(m: Market): { first: number[]; all: number[]; later: number[] } {
  const first = m.fed.cycles.filter((c) => c.direction === 'easing').map((c) => c.start);
  const all: number[] = [];
  for (let t = 0; t < m.dates.length; t++) if (m.fed.move[t] === 1) all.push(m.dates[t]);
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

/** Whether an NBER recession month falls within 12 months from `day` (ex post). */
function recessionWithin(rec: EventClaimContext['recession'], day: number): boolean {
  if (!rec) return false;
  const end = addMonths(day, 12);
  const { year, month } = ymdFromDay(day);
  const monthStart = dayFromYmd(year, month, 1);
  for (let i = 0; i < rec.dates.length; i++) if (rec.dates[i] >= monthStart && rec.dates[i] <= end && rec.values[i] === 1) return true;
  return false;
}

/** Claims 1 and 3 on one market: rows and chart data. */
export function cutClaims(m: Market, ctx: EventClaimContext): { rows: ClaimRow[]; charts: { claim1: ClaimCharts; claim3: ClaimCharts } } {
  const input: EventInput = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
  const from = isoDay(m.dates[0]), to = isoDay(m.dates[m.dates.length - 1]);
  const base = { universe: ctx.universe, from, to };
  const opts = { input, draws: ctx.draws, seed: ctx.seed, keepPlacebo: true };
  const ev = cutEvents(m);
  const rows: ClaimRow[] = [];
  const firstRows = eventStudy(input, ev.first.map((date) => ({ event: 'first-cut', date })), [1, 3, 6, 12, 24]);
  const firstSum = summarizeEvents(firstRows, opts);
  for (const h of [12, 1, 3, 6, 24]) {
    rows.push(eventRow(firstSum.find((s) => s.horizonMonths === h), { claim: 1, part: h === 12 ? '1' : `1-${h}m`, headline: h === 12, label: `first cut → ${h} m`, ...base }, 'first cuts'));
  }
  const twelve = firstRows.filter((r) => r.horizonMonths === 12 && Number.isFinite(r.exitDate));
  const cycles = twelve.map((r) => ({ date: isoDay(r.eventDate), spread: r.spread, recession: recessionWithin(ctx.recession, r.entryDate) }));
  if (ctx.recession) {
    for (const [tag, flag] of [['recession', true], ['no-recession', false]] as const) {
      const sub = firstRows.filter((r) => r.horizonMonths === 12 && recessionWithin(ctx.recession, r.entryDate) === flag).map((r) => ({ ...r, event: `first-cut-${tag}` }));
      const [s] = summarizeEvents(sub, opts);
      rows.push(eventRow(s, { claim: 1, part: `1-${tag}`, headline: false, label: `first cut → 12 m, ${flag ? 'recession followed' : 'no recession'}`, ...base }, `first cuts ${flag ? 'followed' : 'not followed'} by a recession within 12 months`, 'recessions are known only ex post: not a tradable split'));
    }
  }
  const entries = firstRows.filter((r) => r.horizonMonths === 1).map((r) => m.dates.indexOf(r.entryDate));
  const path = eventPath({ dates: m.dates, small: input.small, large: input.large }, entries, { from: -3, to: 24, draws: ctx.draws, seed: deriveSeed(ctx.seed, 'path') });

  const claim1Placebo = placeboChart('1', firstSum.find((s) => s.horizonMonths === 12));
  const claim1: ClaimCharts = { universe: ctx.universe, path, cycles, placebo: claim1Placebo ? [claim1Placebo] : [] };

  const [allSum] = summarizeEvents(eventStudy(input, ev.all.map((date) => ({ event: 'all-cuts', date })), [12]), opts);
  rows.push(eventRow(allSum, { claim: 3, part: '3-all', headline: true, label: 'any cut → 12 m', ...base }, 'cuts'));
  const [laterSum] = summarizeEvents(eventStudy(input, ev.later.map((date) => ({ event: 'later-cuts', date })), [12]), opts);
  rows.push(eventRow(laterSum, { claim: 3, part: '3-later', headline: true, label: 'later cut after a pause → 12 m', ...base }, `later cuts after a pause of ${PAUSE_DAYS}+ days`));
  const claim3: ClaimCharts = { universe: ctx.universe, placebo: [placeboChart('3-all', allSum), placeboChart('3-later', laterSum)].filter((x) => x !== undefined) };
  return { rows, charts: { claim1, claim3 } };
}

import { eventStudy, type EventInput } from '../../measure/analytics/event-study.js';
import { isoDay } from '../../core/dates.js';
import type { Market, Series } from '../../core/types.js';
import type { ClaimDraft } from './draft.js';
import { eventDraft, placeboChart } from './event-claims.js';
import { eventInference } from './event-inference.js';
import type { IsmEvents } from './ism-events.js';
import type { ClaimCharts } from '../../formats/claims-folder.js';

/**
 * Claim 4's events on one market: the release that completes six PMI readings below 50, and
 * the first release back at or above 50 after such a spell, each followed for 12 months and
 * tested as claim 1 (the excess over random dates). Each row says how many of its events rest
 * on first releases and how many on revised values (`firstReleaseFrom`: the first reference
 * date of the first releases).
 */
export function ismEventClaims(
  m: Market,
  ism: Series,
  events: IsmEvents,
  ctx: { universe: string; draws: number; seed: number; firstReleaseFrom?: number },
): { drafts: ClaimDraft[]; placebo: NonNullable<ClaimCharts['placebo']> } {
  const input: EventInput = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
  const base = { universe: ctx.universe, from: isoDay(m.dates[0]), to: isoDay(m.dates[m.dates.length - 1]) };
  const forward = new Map<number, Float64Array>();
  const drafts: ClaimDraft[] = [];
  const placebo: NonNullable<ClaimCharts['placebo']> = [];
  for (const [part, name, days, at, label, what] of [
    ['4-below6', 'pmi-below-6', events.below, events.belowAt, 'PMI below 50 for 6 months → 12 m', 'PMI readings completing six months below 50'],
    [
      '4-recovery',
      'pmi-back-above-50',
      events.recovery,
      events.recoveryAt,
      'PMI back above 50 → 12 m',
      'PMI readings back at or above 50 after six or more below',
    ],
  ] as const) {
    const rows = eventStudy(
      input,
      days.map((date) => ({ event: name, date })),
      [12],
    );
    const inf = eventInference(rows, input, { draws: ctx.draws, seed: ctx.seed, forward, keepPlacebo: true });
    // which readings the tested events rest on (those inside the sample with a complete 12-month window)
    const used = new Set(inf.rows.map((r) => r.eventDate));
    let firstRelease = 0,
      revised = 0;
    days.forEach((d, i) => {
      if (!used.has(d)) return;
      if (ctx.firstReleaseFrom !== undefined && ism.dates[at[i]] >= ctx.firstReleaseFrom) firstRelease++;
      else revised++;
    });
    const vintage =
      ctx.firstReleaseFrom === undefined
        ? 'ISM PMI as known at each release'
        : `${firstRelease} of ${firstRelease + revised} events on first releases (from ${isoDay(ctx.firstReleaseFrom).slice(0, 7)}), ${revised} on revised values`;
    drafts.push(eventDraft(inf, { claim: 4, part, headline: true, label, ...base }, what, vintage));
    const chart = placeboChart(part, inf);
    if (chart) placebo.push(chart);
  }
  return { drafts, placebo };
}

import { parseIsoDay } from '../../core/dates.js';
import { deriveSeed } from '../../core/random.js';
import type { Catalog, Market } from '../../core/types.js';
import { buildMarket } from '../../market/build-market.js';
import { eventStudy, type EventInput } from '../../measure/analytics/event-study.js';
import type { ClaimsReport } from '../../formats/claims-folder.js';
import { shiftWindow } from './calendar-shift.js';
import type { ClaimDraft } from './draft.js';
import { cutEvents } from './event-claims.js';
import { pooledDraft, pooledTest, type PanelSample } from './panel.js';
import { POOLED, type ClaimUniverse } from './universes.js';

/** The pooled tests' horizon, months (the headline of claims 1 and 3). */
const H = 12;

/** Each sample's first cuts and every cut at the pooled horizon. */
export interface PanelSamples {
  first: PanelSample[];
  all: PanelSample[];
}

/** Adds one market's first cuts and every cut (dated from `from`) with their 12-month spreads and placebo window. */
export function addPanelSamples(panel: PanelSamples, m: Market, u: Pick<ClaimUniverse, 'id' | 'region'>, from?: number): void {
  const ev = cutEvents(m, from);
  const input: EventInput = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
  const window = shiftWindow(input, H);
  for (const kind of ['first', 'all'] as const) {
    const rows = eventStudy(
      input,
      ev[kind].map((date) => ({ event: kind, date })),
      [H],
    ).filter((r) => Number.isFinite(r.exitDate));
    panel[kind].push({ id: u.id, region: u.region ?? 'us', window, entries: rows.map((r) => r.entryDate), spreads: rows.map((r) => r.spread) });
  }
}

const PARTS = [
  { claim: 1, part: '1', kind: 'first', label: 'first cut → 12 m', what: 'first cuts' },
  { claim: 3, part: '3-all', kind: 'all', label: 'any cut → 12 m', what: 'cuts' },
] as const;

/**
 * Claims 1 and 3 pooled over regions (see pooledTest): outside the US — the declared pooled
 * family, Holm-adjusted within it — and with the US primary sample (a detail); plus, as a
 * detail, the first cuts outside the US counted also after 365 days without a move (the
 * definition of a first cut that counts a long pause as a turn; see detectCycles' resumeDays).
 * Nothing when the samples span fewer than two regions.
 */
export function pooledClaims(
  catalog: Catalog,
  samples: readonly ClaimUniverse[],
  panel: PanelSamples,
  options: { draws: number; seed: number },
): { drafts: ClaimDraft[]; universes: ClaimsReport['universes'] } {
  const drafts: ClaimDraft[] = [];
  const universes: ClaimsReport['universes'] = [];
  const add = (id: string, scope: string, pool: PanelSample[], pp: (typeof PARTS)[number], headline: boolean, label: string = pp.label) => {
    if (new Set(pool.map((x) => x.region)).size < 2) return;
    const r = pooledTest(pool, H, { draws: options.draws, seed: deriveSeed(options.seed, `${id}/${pp.part}`) });
    const d = pooledDraft(r, { claim: pp.claim, part: pp.part, label, universe: id, what: pp.what, scope, horizon: H });
    d.row.headline = headline;
    drafts.push(d);
    if (!universes.some((x) => x.id === id))
      universes.push({
        id,
        label: `pooled ${scope}: ${pool.map((x) => x.id).join(', ')}`,
        frequency: 'monthly',
        from: d.row.from,
        to: d.row.to,
        warnings: [],
        primaryFor: [],
      });
  };
  for (const pp of PARTS) {
    if (!samples.some((u) => u.claims.includes(pp.claim) && u.region)) continue;
    add(
      POOLED.exUs,
      'outside the US',
      panel[pp.kind].filter((x) => x.region !== 'us'),
      pp,
      true,
    );
    if (panel[pp.kind].some((x) => x.region === 'us')) add(POOLED.all, 'with the US', panel[pp.kind], pp, false);
  }
  // the same first cuts outside the US with a long pause counted as a turn
  const regional = samples.filter((u) => u.region && u.claims.includes(1));
  if (regional.length) {
    const resumed: PanelSamples = { first: [], all: [] };
    for (const u of regional)
      addPanelSamples(resumed, buildMarket(catalog, { universe: u.universe, fed: { resumeDays: 365 } }), u, u.from ? parseIsoDay(u.from) : undefined);
    add(
      POOLED.resumed,
      'outside the US, a first cut also after 365 days without a move',
      resumed.first,
      PARTS[0],
      false,
      'first cut → 12 m, also after a 365-day pause',
    );
  }
  return { drafts, universes };
}

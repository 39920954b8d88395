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
import { pooledRegimeTest, type RegimeSample } from './pooled-regimes.js';
import { Phase } from '../../core/types.js';
import { intervalWords, pText, ptsText } from './format.js';
import { verdictWords } from './verdict.js';

/** The pooled tests' horizon, months (the headline of claims 1 and 3). */
const H = 12;

/** Each sample's first cuts and every cut at the pooled horizon, and its monthly spreads with the phase known before each. */
export interface PanelSamples {
  first: PanelSample[];
  all: PanelSample[];
  regimes?: RegimeSample[];
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
  // the regimes' inputs as regimeClaims builds them: the spread from bar t to t + 1 and the phase known at bar t
  if (u.region && m.frequency === 'monthly') {
    const T = m.dates.length;
    const d = Float64Array.from({ length: T - 1 }, (_, t) => m.returns[m.small][t + 1] - m.returns[m.large][t + 1]);
    (panel.regimes ??= []).push({ id: u.id, region: u.region, d, label: m.fed.phase.slice(0, T - 1), from: m.dates[0], to: m.dates[T - 1] });
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
  // claim 2: the phases, pooled over the regions outside the US (monthly samples sharing a calendar)
  const regimes = panel.regimes ?? [];
  if (samples.some((u) => u.region && u.claims.includes(2)) && new Set(regimes.map((x) => x.region)).size >= 2) {
    for (const [part, target, label, direction, what] of [
      ['2-easing', Phase.Easing, 'easing: small ahead', 1, 'eases'],
      ['2-tightening', Phase.Tightening, 'tightening: small behind', -1, 'tightens'],
    ] as const) {
      const d = regimeDraft(pooledRegimeTest(regimes, target, 12), { part, label, direction, what });
      drafts.push(d);
    }
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

/** A claims row from a pooled regime test (claim 2), outside the US. */
function regimeDraft(r: ReturnType<typeof pooledRegimeTest>, b: { part: string; label: string; direction: 1 | -1; what: string }): ClaimDraft {
  const tested = Number.isFinite(r.p);
  const row: ClaimDraft['row'] = {
    claim: 2,
    part: b.part,
    headline: true,
    label: b.label,
    universe: POOLED.exUs,
    from: r.from,
    to: r.to,
    role: 'pooled',
    null: `in no region does small − large do differently while its central bank ${b.what} than on its own average: the mean over the phase's months of the spread minus its region's all-months mean is 0`,
    n: r.n,
    nUnit: 'months',
    groups: r.episodes,
    groupUnit: 'episodes in calendar time (runs of months in which any of the banks is in the phase)',
    estimate: r.excess,
    unit: 'per year, above the all-bars mean (annualized)',
    ciLow: r.ciLow,
    ciHigh: r.ciHigh,
    ciMethod: tested
      ? 'joint rotation interval: excess ± the 95th percentile of |shifted − centre| over every common shift of the phases'
      : 'none (too few episodes)',
    p: r.p,
    pMethod: tested
      ? `joint rotation placebo: every sample's phase labels shifted against its returns by the same number of months (each wrapping in its own sample), all ${r.shifts.toLocaleString('en-US')} shifts; exact, two-sided`
      : 'none',
    mde: r.mde,
    direction: b.direction,
    note: tested
      ? `${r.samples} samples in ${r.regions} regions (outside the US); samples of one region share one small − large series`
      : 'too few episodes to test',
  };
  const say: ClaimDraft['say'] = (verdict, pVerdict, adjusted) => {
    const lead = `Pooled outside the US, while a central bank ${b.what} (${r.n.toLocaleString('en-US')} bank-months of ${r.samples} banks in ${r.regions} regions, ${r.episodes} episodes in calendar time)`;
    if (!tested) return `${lead}: too few episodes to test.`;
    const tail = verdict === 'not shown' ? `not shown — uninformative below ${ptsText(r.mde, false)} a year` : verdictWords(verdict);
    return `${lead} small − large ran ${ptsText(r.excess)} a year against each region's average ${intervalWords(r.ciLow, r.ciHigh)}, joint rotation p ${pText(r.p)}${adjusted ? ` (Holm ${pText(pVerdict)})` : ''}; ${tail}.`;
  };
  return { row, say };
}

import { eventStudy, summarizeEvents, type EventInput } from '../analytics/event-study.js';
import { findEntry } from '../data/catalog.js';
import { loadSeries } from '../data/load-series.js';
import { isoDay } from '../dates.js';
import { UserError } from '../errors.js';
import { buildMarket } from '../market/build-market.js';
import { publicationDays } from '../market/publication.js';
import { packageVersion } from '../paths.js';
import { deriveSeed } from '../random.js';
import { DEFAULT_DRAWS } from '../stats/bootstrap-mean.js';
import type { Catalog, Series } from '../types.js';
import { CLAIMS } from './claim-texts.js';
import { cutClaims, eventRow, placeboChart } from './event-claims.js';
import { ismEvents } from './ism-events.js';
import { regimeClaims } from './regime-claims.js';
import type { ClaimCharts, ClaimRow, ClaimsReport } from './types.js';
import { CLAIM_UNIVERSES, type ClaimUniverse } from './universes.js';
import { valuationClaim } from './valuation-claim.js';

/** Options of {@link runClaims}. */
export interface ClaimsOptions {
  /** Claim sample ids (default: all of CLAIM_UNIVERSES). */
  universes?: readonly string[];
  seed?: number;
  draws?: number;
}

const has = (catalog: Catalog, id: string) => catalog.series.some((s) => s.id === id);

/** The order of parts in tables: headline parts first within each claim. */
const PART_ORDER = ['1', '1-1m', '1-3m', '1-6m', '1-24m', '1-recession', '1-no-recession', '2-easing', '2-tightening', '2-contrast', '3-all', '3-later', '4-below6', '4-recovery', '4-state', '4-below', '4-above', '5-slope', '5-implied'];

/**
 * Tests the article's claims on every sample that can answer each (see CLAIM_UNIVERSES):
 * one row per claim part × sample with n, estimate, 95 % interval, p-value (each with how it
 * was computed) and the verdict by the stated rule, plus the charts' data. Deterministic:
 * the same catalog, seed and draws give the same report byte for byte.
 */
export function runClaims(catalog: Catalog, options: ClaimsOptions = {}): ClaimsReport {
  const seed = options.seed ?? 1;
  const draws = options.draws ?? DEFAULT_DRAWS;
  if (!Number.isInteger(draws) || draws < 100) throw new UserError(`--draws must be a whole number ≥ 100 (got ${options.draws})`);
  if (!Number.isInteger(seed)) throw new UserError(`--seed must be a whole number (got ${options.seed})`);
  const wanted = options.universes?.length ? options.universes : CLAIM_UNIVERSES.map((u) => u.id);
  const samples: ClaimUniverse[] = wanted.map((id) => {
    const u = CLAIM_UNIVERSES.find((x) => x.id === id);
    if (!u) throw new UserError(`--universe ${id}: not a claims sample (one of ${CLAIM_UNIVERSES.map((x) => x.id).join(', ')})`);
    return u;
  });
  const raw = (id: string): Series | undefined => (has(catalog, id) ? loadSeries(findEntry(catalog, id), catalog.dir) : undefined);
  const recession = raw('recession');
  const ism = raw('ism_pmi');
  const ismKnown = ism ? publicationDays(ism.dates, ism.meta.publication, ism.published) : undefined;
  const ismEv = ism && ismKnown ? ismEvents(ism.values, ismKnown) : { below: [], recovery: [] };
  const bm = raw('bm_spread');
  const rows: ClaimRow[] = [];
  const charts: Record<number, ClaimCharts[]> = { 1: [], 2: [], 3: [], 4: [], 5: [] };
  const skipped: ClaimsReport['skipped'] = [];
  const universes: ClaimsReport['universes'] = [];
  for (const u of samples) {
    const extra = ['ism_pmi', 'bm_spread'].filter((id) => has(catalog, id));
    const m = buildMarket(catalog, { universe: u.universe, from: u.from, series: extra });
    universes.push({ id: u.id, label: u.label, frequency: m.frequency, from: isoDay(m.dates[0]), to: isoDay(m.dates[m.dates.length - 1]), warnings: m.warnings });
    const s = deriveSeed(seed, u.id);
    const wants = (c: number) => u.claims.includes(c);
    if (wants(1) || wants(3)) {
      const cut = cutClaims(m, { universe: u.id, draws, seed: s, recession: recession ? { dates: recession.dates, values: recession.values } : undefined });
      rows.push(...cut.rows.filter((r) => wants(r.claim)));
      if (wants(1)) charts[1].push(cut.charts.claim1);
      if (wants(3)) charts[3].push(cut.charts.claim3);
    }
    if (wants(2) || wants(4)) {
      const reg = regimeClaims(m, { universe: u.id, draws, seed: s, ism: m.series.ism_pmi });
      rows.push(...reg.rows.filter((r) => wants(r.claim)));
      if (wants(2)) charts[2].push({ universe: u.id, groups: reg.phases });
      if (wants(4)) charts[4].push({ universe: u.id, groups: reg.states });
    }
    if (wants(4)) {
      if (!ism) skipped.push({ claim: 4, universe: u.id, reason: 'no ism_pmi series in the catalog' });
      const input: EventInput = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
      const from = isoDay(m.dates[0]), to = isoDay(m.dates[m.dates.length - 1]);
      const placebo: NonNullable<ClaimCharts['placebo']> = [];
      for (const [part, name, days, label, what] of [
        ['4-below6', 'pmi-below-6', ismEv.below, 'PMI below 50 for 6 months → 12 m', 'PMI readings completing six months below 50'],
        ['4-recovery', 'pmi-back-above-50', ismEv.recovery, 'PMI back above 50 → 12 m', 'PMI readings back at or above 50 after six or more below'],
      ] as const) {
        const [sum] = summarizeEvents(eventStudy(input, days.map((date) => ({ event: name, date })), [12]), { input, draws, seed: s, keepPlacebo: true });
        rows.push(eventRow(sum, { claim: 4, part, headline: true, label, universe: u.id, from, to }, what, 'ISM PMI as first released from 2006-12 (revised before)'));
        const chart = placeboChart(part, sum);
        if (chart) placebo.push(chart);
      }
      const c4 = charts[4].find((c) => c.universe === u.id);
      if (c4) c4.placebo = placebo;
    }
    if (wants(5)) {
      if (!bm) {
        skipped.push({ claim: 5, universe: u.id, reason: 'no bm_spread series in the catalog' });
      } else {
        const v = valuationClaim(m, { universe: u.id, latest: { value: bm.values[bm.values.length - 1], date: bm.dates[bm.dates.length - 1] }, history: bm.values });
        if ('skip' in v) skipped.push({ claim: 5, universe: u.id, reason: v.skip });
        else {
          rows.push(...v.rows);
          charts[5].push(v.chart);
        }
      }
    }
  }
  const uOrder = (id: string) => samples.findIndex((x) => x.id === id);
  rows.sort((a, b) => a.claim - b.claim || PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part) || uOrder(a.universe) - uOrder(b.universe));
  return { version: packageVersion(), seed, draws, universes, claims: CLAIMS.slice(), rows, charts, skipped };
}

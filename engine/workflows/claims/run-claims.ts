import { specificationCurves } from './multiverse.js';
import { publishedRows } from './published.js';
import { findEntry } from '../../market/data/catalog.js';
import { loadSeries } from '../../market/data/load-series.js';
import { isoDay, parseIsoDay } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { buildMarket } from '../../market/build-market.js';
import { publicationDays } from '../../market/publication.js';
import { packageVersion } from '../../core/paths.js';
import { deriveSeed } from '../../core/random.js';
import { DEFAULT_DRAWS } from '../../measure/stats/bootstrap-mean.js';
import type { Catalog, Series } from '../../core/types.js';
import { claimAnswers } from './answers.js';
import { CLAIMS } from './claim-texts.js';
import type { ClaimDraft } from './draft.js';
import { cutClaims, cutEvents } from './event-claims.js';
import { familySummary, finalizeRows } from './family.js';
import { ismEventClaims } from './ism-claims.js';
import { ismEvents } from './ism-events.js';
import { monthlySpreads, sampleOverlap } from './overlap.js';
import { regimeClaims } from './regime-claims.js';
import type { ClaimCharts, ClaimsReport } from '../../formats/claims-folder.js';
import { CLAIM_UNIVERSES, PRIMARY_SAMPLE, type ClaimUniverse } from './universes.js';
import { addPanelSamples, pooledClaims, type PanelSamples } from './pooled-claims.js';
import { valuationClaim } from './valuation-claim.js';

/** The most draws a statistic may take (10,000 is the default; a million takes minutes). */
export const MAX_DRAWS = 1_000_000;

/** Options of {@link runClaims}. */
export interface ClaimsOptions {
  /** Claim sample ids (default: all of CLAIM_UNIVERSES). */
  universes?: readonly string[];
  seed?: number;
  draws?: number;
  /** Also compute the specification curve of claim 1 (see specificationCurve). */
  multiverse?: boolean;
}

const has = (catalog: Catalog, id: string) => catalog.series.some((s) => s.id === id);

/** Why a series a claim needs is absent: left out of this installation (with how to add it), or not in the catalog. */
function lacking(catalog: Catalog, id: string): string {
  const why = catalog.unavailable?.series[id];
  return why ? `series ${id} is not available: ${why}` : `no ${id} series in the catalog`;
}

/** The order of parts in tables: headline parts first within each claim. */
const PART_ORDER = [
  '1',
  '1-1m',
  '1-3m',
  '1-6m',
  '1-24m',
  '1-recession',
  '1-no-recession',
  '2-easing',
  '2-tightening',
  '2-contrast',
  '2-easing-hold91',
  '2-tightening-hold91',
  '2-easing-hold365',
  '2-tightening-hold365',
  '3-all',
  '3-later',
  '3-all-cycle',
  '4-below6',
  '4-recovery',
  '4-state',
  '4-below',
  '4-above',
  '5-slope',
  '5-implied',
  '5-article',
  '5-oos',
];

/**
 * Tests the article's claims on every sample that can answer each (see CLAIM_UNIVERSES):
 * one row per claim part × sample with the null it tests, n and the independent groups behind
 * it, estimate, 95 % interval, raw p and — for the primary family (the headline parts on each
 * claim's primary sample, PRIMARY_SAMPLE) — Holm and Benjamini–Hochberg adjusted p, the
 * minimum detectable effect, and the verdict by the stated rule (see verdictOf); plus one
 * plain sentence per claim, each robustness sample's overlap with the primary one, and the
 * charts' data. Deterministic: the same catalog, seed and draws give the same report byte
 * for byte.
 */
export function runClaims(catalog: Catalog, options: ClaimsOptions = {}): ClaimsReport {
  const seed = options.seed ?? 1;
  const draws = options.draws ?? DEFAULT_DRAWS;
  if (!Number.isInteger(draws) || draws < 100 || draws > MAX_DRAWS)
    throw new UserError(`‹draws› must be a whole number from 100 to ${MAX_DRAWS.toLocaleString('en-US')} (got ${options.draws})`, { value: options.draws });
  // the generators take 32-bit seeds: a larger or negative one would silently equal another
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new UserError(`‹seed› must be a whole number from 0 to 4294967295 (got ${options.seed})`, { value: options.seed });
  const skipped: ClaimsReport['skipped'] = [];
  const influence: ClaimsReport['influence'] = [];
  // no sample named: every sample whose data this installation has; the others are listed with why
  const unavailable: ClaimsReport['unavailable'] = [];
  const wanted = options.universes?.length
    ? [...new Set(options.universes)]
    : CLAIM_UNIVERSES.filter((u) => {
        const why = catalog.unavailable?.universes[u.universe] ?? (catalog.universes.some((x) => x.id === u.universe) ? undefined : 'not in this catalog');
        if (why) unavailable.push({ universe: u.id, reason: why });
        return !why;
      }).map((u) => u.id);
  // a primary sample that cannot run leaves its claims' answers 'not tested', with the reason
  for (const g of unavailable) {
    for (const [c, id] of Object.entries(PRIMARY_SAMPLE))
      if (id === g.universe) skipped.push({ claim: Number(c), universe: id, reason: `sample not available: ${g.reason}` });
  }
  const samples: ClaimUniverse[] = wanted.map((id) => {
    const u = CLAIM_UNIVERSES.find((x) => x.id === id);
    if (!u) throw new UserError(`‹universe› ${id}: not a claims sample (one of ${CLAIM_UNIVERSES.map((x) => x.id).join(', ')})`);
    return u;
  });
  const raw = (id: string): Series | undefined => (has(catalog, id) ? loadSeries(findEntry(catalog, id), catalog.dir) : undefined);
  const recession = raw('recession');
  const ism = raw('ism_pmi');
  const ismKnown = ism ? publicationDays(ism.dates, ism.meta.publication, ism.published) : undefined;
  const ismEv = ism && ismKnown ? ismEvents(ism.values, ismKnown) : { below: [], recovery: [], belowAt: [], recoveryAt: [] };
  const firstRelease = has(catalog, 'ism_pmi') ? findEntry(catalog, 'ism_pmi').firstReleaseFrom : undefined;
  const bm = raw('bm_spread');
  const drafts: ClaimDraft[] = [];
  const charts: Record<number, ClaimCharts[]> = { 1: [], 2: [], 3: [], 4: [], 5: [] };
  const universes: ClaimsReport['universes'] = [];
  const footprint = new Map<string, { spreads: Map<number, number>; firstCuts: number[] }>();
  const panel: PanelSamples = { first: [], all: [] };
  for (const u of samples) {
    const extra = ['ism_pmi', 'bm_spread'].filter((id) => has(catalog, id));
    const m = buildMarket(catalog, { universe: u.universe, from: u.from, series: extra });
    const fromDay = u.from !== undefined ? parseIsoDay(u.from) : undefined;
    const primaryFor = Object.entries(PRIMARY_SAMPLE)
      .filter(([, id]) => id === u.id)
      .map(([c]) => Number(c));
    universes.push({
      id: u.id,
      label: u.label,
      frequency: m.frequency,
      from: isoDay(m.dates[0]),
      to: isoDay(m.dates[m.dates.length - 1]),
      warnings: m.warnings,
      primaryFor,
      ...(u.region ? { region: u.region } : {}),
    });
    footprint.set(u.id, { spreads: monthlySpreads(m), firstCuts: u.claims.some((c) => c <= 4) ? cutEvents(m, fromDay).first : [] });
    const s = deriveSeed(seed, u.id);
    const wants = (c: number) => u.claims.includes(c);
    if (wants(1) || wants(3)) {
      const cut = cutClaims(m, {
        universe: u.id,
        draws,
        seed: s,
        from: fromDay,
        // NBER dates are the US's
        recession: recession && !u.region ? { dates: recession.dates, values: recession.values } : undefined,
      });
      if (u.region || u.id === PRIMARY_SAMPLE[1]) addPanelSamples(panel, m, u, fromDay);
      drafts.push(...cut.drafts.filter((d) => wants(d.row.claim)));
      influence.push(...cut.influence.filter((r) => wants(r.claim)));
      if (wants(1)) charts[1].push(cut.charts.claim1);
      if (wants(3)) charts[3].push(cut.charts.claim3);
    }
    if (wants(2) || wants(4)) {
      const reg = regimeClaims(m, { universe: u.id, draws, seed: s, ism: m.series.ism_pmi });
      drafts.push(...reg.drafts.filter((d) => wants(d.row.claim)));
      if (wants(2)) charts[2].push({ universe: u.id, groups: reg.phases });
      if (wants(4)) charts[4].push({ universe: u.id, groups: reg.states });
    }
    if (wants(4)) {
      if (!ism) skipped.push({ claim: 4, universe: u.id, reason: lacking(catalog, 'ism_pmi') });
      else {
        const ev = ismEventClaims(m, ism, ismEv, { universe: u.id, draws, seed: s, firstReleaseFrom: firstRelease ? parseIsoDay(firstRelease) : undefined });
        drafts.push(...ev.drafts);
        const c4 = charts[4].find((c) => c.universe === u.id);
        if (c4) c4.placebo = ev.placebo;
      }
    }
    if (wants(5)) {
      if (!bm) {
        skipped.push({ claim: 5, universe: u.id, reason: lacking(catalog, 'bm_spread') });
      } else {
        const v = valuationClaim(m, {
          universe: u.id,
          latest: { value: bm.values[bm.values.length - 1], date: bm.dates[bm.dates.length - 1] },
          history: bm.values,
          draws,
          seed: s,
        });
        if ('skip' in v) skipped.push({ claim: 5, universe: u.id, reason: v.skip });
        else {
          drafts.push(...v.drafts);
          charts[5].push(v.chart);
        }
      }
    }
  }
  const pooled = pooledClaims(catalog, samples, panel, { draws, seed });
  drafts.push(...pooled.drafts);
  universes.push(...pooled.universes);
  // each robustness sample against the primary sample of the first claim it answers
  for (const entry of universes) {
    const u = samples.find((x) => x.id === entry.id);
    if (!u) continue;
    const target = PRIMARY_SAMPLE[u.claims[0]];
    const primary = footprint.get(target);
    if (target !== u.id && primary) entry.overlap = sampleOverlap(footprint.get(u.id)!, { id: target, ...primary });
  }
  const uOrder = (id: string) =>
    samples.some((x) => x.id === id) ? samples.findIndex((x) => x.id === id) : samples.length + universes.findIndex((x) => x.id === id);
  drafts.sort(
    (a, b) => a.row.claim - b.row.claim || PART_ORDER.indexOf(a.row.part) - PART_ORDER.indexOf(b.row.part) || uOrder(a.row.universe) - uOrder(b.row.universe),
  );
  const rows = finalizeRows(drafts);
  const robustness = universes.filter((x) => x.primaryFor.length === 0 && samples.some((u) => u.id === x.id && !u.region)).length;
  const regional = samples.filter((u) => u.region);
  return {
    version: packageVersion(),
    seed,
    draws,
    universes,
    claims: CLAIMS.slice(),
    rows,
    charts,
    skipped,
    unavailable,
    influence,
    ...(options.multiverse ? { multiverse: specificationCurves(catalog, { draws, seed }) } : {}),
    published: footprint.has('ff-1954') ? publishedRows(catalog, footprint.get('ff-1954')!.firstCuts, rows, influence) : [],
    answers: claimAnswers(rows, skipped),
    pooled: rows
      .filter((r) => r.role === 'pooled' && r.headline)
      .map((r) => ({ claim: r.claim, part: r.part, verdict: r.verdict, sentence: `${r.claim}. ${r.sentence}` })),
    family: familySummary(rows, robustness, { samples: regional.length, regions: new Set(regional.map((u) => u.region)).size }),
  };
}

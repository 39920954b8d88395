/**
 * The claims folder's format: what `ratecycle claims` computes (ClaimsReport and its rows) and
 * how it is written — claims.csv (one row per claim part × sample) and claims.json (all of it,
 * chart data included); claims.html is rendered from the same report by reports/claims.
 */
import { toCsv } from '../core/io/csv-writer.js';
import type { EventPath } from '../measure/analytics/event-path.js';

/**
 * How a claim part fared by the stated rule (see {@link verdictOf}): *supported* or
 * *contradicted* when the test of the claim's null rejects at 5 % in the claimed direction or
 * the other way; *not shown* when it does not; *not tested* when the sample has fewer than 5
 * independent groups (events, episodes or decades) to test with.
 */
export type Verdict = 'supported' | 'contradicted' | 'not shown' | 'not tested';

/** Whether a row answers its claim part on the declared primary sample or is a robustness check. */
/** `pooled`: a pooled test over several regions (its own declared family, Holm-adjusted within it). */
export type Role = 'primary' | 'robustness' | 'pooled';

/** Small − large on its own, against 0: context for a timing claim, not its verdict. */
export interface AheadStat {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  p: number;
  /** How the interval and p were computed. */
  method: string;
  /** Events (or bars) with small ahead, and groups whose mean has small ahead, with the exact sign test on groups. */
  hits?: number;
  groupsAhead?: number;
  signP?: number;
}

/** One tested statement on one sample: the numbers behind a verdict. */
export interface ClaimRow {
  /** Claim number 1–5 and the part's id (e.g. `1`, `1-3m`, `2-easing`, `5-slope`). */
  claim: number;
  part: string;
  /** A headline part: one of the primary family's hypotheses (the others are details). */
  headline: boolean;
  /** Short label of the part (e.g. "first cut → 12 m"). */
  label: string;
  /** Claim sample id (e.g. `russell`, `ff-1954`). */
  universe: string;
  /** First and last date of the sample (ISO). */
  from: string;
  to: string;
  /** The declared primary sample of the claim, or a robustness sample. */
  role: Role;
  /** The null hypothesis the verdict tests, in words. */
  null: string;
  /** Observations and what is counted (events, bars, month ends). */
  n: number;
  nUnit: string;
  /** Independent groups behind them (the effective n) and what they are. */
  groups: number;
  groupUnit: string;
  /** The tested quantity (e.g. the excess over random dates) and its unit. */
  estimate: number;
  unit: string;
  ciLow: number;
  ciHigh: number;
  /** How the interval was computed. */
  ciMethod: string;
  /** Raw p of the verdict's test, and how it was computed. */
  p: number;
  pMethod: string;
  /** Holm and Benjamini–Hochberg adjusted p over the primary family (NaN for robustness rows and details). */
  pHolm: number;
  pBH: number;
  /** The p the verdict used: Holm's for the primary family, the raw p otherwise. */
  pVerdict: number;
  /** Smallest true effect the test finds with 80 % power at 5 % two-sided, in the estimate's unit. */
  mde: number;
  /** Claimed sign of the estimate (+1: small caps ahead / positive slope). */
  direction: 1 | -1;
  verdict: Verdict;
  /** One plain sentence. */
  sentence: string;
  /** "" or a caveat (known only ex post, vintages, …). */
  note: string;
  /** The unconditional baseline the estimate is measured against (the placebo centre, the all-bars mean), when there is one. */
  baseline?: number;
  /** For timing claims: small − large on its own against 0 (question (a), context only). */
  ahead?: AheadStat;
}

/** Chart data of a claim section for one sample. */
export interface ClaimCharts {
  universe: string;
  /** Claim 1: average path around first cuts with bootstrap and placebo bands. */
  path?: EventPath;
  /** Claim 1: the 12-month spread after each first cut. */
  cycles?: { date: string; spread: number; recession: boolean }[];
  /** Claim 1 and 3: where the observed mean falls in the placebo distribution (sorted sample of it). */
  placebo?: { part: string; observed: number; quantiles: number[] }[];
  /** Claims 2 and 4: annualized spread per group (phase or ISM state) and the contrast, with intervals. */
  groups?: { label: string; n: number; episodes: number; estimate: number; ciLow: number; ciHigh: number; p: number }[];
  /** Claim 5: bm_spread against the next 10 years' annualized spread, and the fit. */
  scatter?: {
    x: number[];
    y: number[];
    alpha: number;
    beta: number;
    current: number;
    currentDate: string;
    percentile: number;
    r2: number;
    r2Oos: number;
    nOos: number;
  };
}

/** One row of influence.csv: a timing claim's mean over all events, their median, without one group of events, or in one era. */
export interface InfluenceRow {
  claim: number;
  part: string;
  universe: string;
  kind: 'all' | 'median' | 'without' | 'before' | 'from';
  label: string;
  /** Events behind the estimate, and their independent groups. */
  n: number;
  groups: number;
  /** Mean (or median) small − large over the horizon, and its difference from the mean over all events. */
  estimate: number;
  change: number;
}

/** The columns of influence.csv, in order. */
export const INFLUENCE_CSV_COLUMNS = ['claim', 'part', 'universe', 'kind', 'label', 'n', 'groups', 'estimate', 'change'] as const;

/** influence.csv: one row per InfluenceRow. */
export function influenceCsv(report: Pick<ClaimsReport, 'influence'>): string {
  return toCsv(
    INFLUENCE_CSV_COLUMNS,
    (report.influence ?? []).map((r) => INFLUENCE_CSV_COLUMNS.map((c) => r[c])),
  );
}

/** A published figure on the article's question beside ratecycle's number on the closest definition, and why they differ. */
export interface PublishedRow {
  source: string;
  published: string;
  ratecycle: string;
  /** Events (or episodes) behind ratecycle's number. */
  n: number;
  why: string;
}

/** One specification of the curve: its choices, events, the mean small − large after them, the excess over random dates, its interval and p. */
export interface SpecRow {
  rank: number;
  /** The events (`first`: first cuts, claim 1; `all`: every cut, `later`: later cuts after a pause, claim 3). */
  event: string;
  index: string;
  rule: string;
  sample: string;
  entry: string;
  horizon: number;
  n: number;
  groups: number;
  mean: number;
  center: number;
  excess: number;
  ciLow: number;
  ciHigh: number;
  p: number;
  note: string;
}

/** The specification curve of a claim (`claims --multiverse`): every specification, the choices, and the joint test. */
export interface Multiverse {
  claim: number;
  specs: SpecRow[];
  choices: Partial<Record<'event', { id: string; label: string }[]>> &
    Record<'index' | 'rule' | 'sample' | 'entry' | 'horizon', { id: string; label: string }[]>;
  joint: {
    specs: number;
    /** Median excess over the specifications and the share with a positive excess, each with its p under the joint shift null. */
    medianExcess: number;
    shareMedianP: number;
    sharePositive: number;
    sharePositiveP: number;
    draws: number;
    /** Specifications significant at 5 % with each sign (each on its own, not adjusted). */
    significantPositive: number;
    significantNegative: number;
    period: string;
  };
}

/** The columns of multiverse.csv, in order (after the claim). */
export const MULTIVERSE_CSV_COLUMNS = [
  'rank',
  'event',
  'index',
  'rule',
  'sample',
  'entry',
  'horizon',
  'n',
  'groups',
  'mean',
  'center',
  'excess',
  'ciLow',
  'ciHigh',
  'p',
  'note',
] as const;

/** multiverse.csv: one row per specification of each claim's curve, sorted by excess within the claim. */
export function multiverseCsv(curves: readonly Multiverse[]): string {
  return toCsv(
    ['claim', ...MULTIVERSE_CSV_COLUMNS.map((c) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`))],
    curves.flatMap((m) => m.specs.map((r) => [m.claim, ...MULTIVERSE_CSV_COLUMNS.map((c) => r[c])])),
  );
}

/** How a robustness sample overlaps the primary sample of the claims it answers. */
export interface SampleOverlap {
  /** The primary sample compared with. */
  with: string;
  /** Calendar months both cover, and the correlation of their monthly small − large spreads there. */
  months: number;
  correlation: number;
  /** This sample's first cuts, and how many of them are also the primary's (within 31 days). */
  firstCuts: number;
  sharedFirstCuts: number;
}

/** Everything `ratecycle claims` computed. */
export interface ClaimsReport {
  version: string;
  seed: number;
  draws: number;
  universes: {
    id: string;
    label: string;
    frequency: 'daily' | 'monthly';
    from: string;
    to: string;
    warnings: string[];
    primaryFor: number[];
    /** Outside the US: the region of its small − large series. */
    region?: string;
    overlap?: SampleOverlap;
  }[];
  claims: { claim: number; text: string; how: string }[];
  rows: ClaimRow[];
  charts: Record<number, ClaimCharts[]>;
  /** Parts that a sample cannot answer, and why. */
  skipped: { claim: number; universe: string; reason: string }[];
  /** The specification curves of claims 1 and 3, when asked for (`claims --multiverse`). */
  multiverse?: Multiverse[];
  /** Published figures beside ratecycle's on the closest definition (needs the ff-1954 sample). */
  published: PublishedRow[];
  /** How much the timing claims' means rest on single cycles and on one era (influence.csv). */
  influence: InfluenceRow[];
  /** Samples not tested because this installation lacks their data (none named: every other sample ran). */
  unavailable: { universe: string; reason: string }[];
  /** One plain sentence per claim, on its primary sample (verdict, null, effective n, interval, MDE). */
  answers: { claim: number; universe: string; verdict: Verdict; text: string; parts: string[]; sentence: string }[];
  /** The pooled regional answers (claims 1 and 3 outside the US, Holm within their family): one sentence each. */
  pooled: { claim: number; part: string; verdict: Verdict; sentence: string }[];
  /** The primary family: its size, what was adjusted, and the count of independent evidence. */
  family: { size: number; method: string; supported: number; contradicted: number; notShown: number; notTested: number; summary: string };
}

/** The files of a claims folder. */
export const CLAIMS_FILES = { csv: 'claims.csv', json: 'claims.json', html: 'claims.html', influence: 'influence.csv', multiverse: 'multiverse.csv' } as const;

/** The columns of claims.csv, in order. */
export const CLAIMS_CSV_COLUMNS = [
  'claim',
  'part',
  'headline',
  'label',
  'universe',
  'from',
  'to',
  'role',
  'null',
  'n',
  'n_unit',
  'groups',
  'group_unit',
  'estimate',
  'unit',
  'baseline',
  'ci_low',
  'ci_high',
  'ci_method',
  'p',
  'p_method',
  'p_holm',
  'p_bh',
  'p_verdict',
  'mde',
  'direction',
  'verdict',
  'ahead_mean',
  'ahead_ci_low',
  'ahead_ci_high',
  'ahead_p',
  'ahead_method',
  'ahead_hits',
  'ahead_groups',
  'ahead_sign_p',
  'sentence',
  'note',
] as const;

/** A note for an interval with an infinite end (written as an empty cell, like NaN). */
function unbounded(low: number, high: number): string {
  const ends = [low === -Infinity ? 'below' : '', high === Infinity ? 'above' : ''].filter(Boolean);
  return ends.length ? `; the interval is unbounded ${ends.join(' and ')}` : '';
}

/** claims.csv: one row per claim part × sample, every number behind the verdicts. */
export function claimsCsv(report: ClaimsReport): string {
  return toCsv(
    [...CLAIMS_CSV_COLUMNS],
    report.rows.map((r) => [
      r.claim,
      r.part,
      r.headline,
      r.label,
      r.universe,
      r.from,
      r.to,
      r.role,
      r.null,
      r.n,
      r.nUnit,
      r.groups,
      r.groupUnit,
      r.estimate,
      r.unit,
      r.baseline ?? NaN,
      r.ciLow,
      r.ciHigh,
      r.ciMethod + unbounded(r.ciLow, r.ciHigh),
      r.p,
      r.pMethod,
      r.pHolm,
      r.pBH,
      r.pVerdict,
      r.mde,
      r.direction,
      r.verdict,
      r.ahead?.estimate ?? NaN,
      r.ahead?.ciLow ?? NaN,
      r.ahead?.ciHigh ?? NaN,
      r.ahead?.p ?? NaN,
      (r.ahead?.method ?? '') + unbounded(r.ahead?.ciLow ?? NaN, r.ahead?.ciHigh ?? NaN),
      r.ahead?.hits ?? NaN,
      r.ahead?.groupsAhead ?? NaN,
      r.ahead?.signP ?? NaN,
      r.sentence,
      r.note,
    ]),
  );
}

/** claims.json: the whole report, NaN as null, ±Infinity as "Infinity"/"-Infinity", numbers at full precision. */
export function claimsJson(report: ClaimsReport): string {
  return (
    JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? 'Infinity' : '-Infinity') : v), 2) +
    '\n'
  );
}

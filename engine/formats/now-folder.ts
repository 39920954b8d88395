/**
 * The now folder's format: what `ratecycle now` computes (NowReport) and how it is written —
 * now.csv (every number of the answer, tidy), now-analogues.csv (the analogue months and what
 * followed them), now-track.csv (the analogue forecaster's out-of-sample record) and now.json
 * (all of it); now.html is rendered from the same report by reports/now.
 */
import { toCsv, type Cell } from '../core/io/csv-writer.js';
import type { Verdict } from './claims-folder.js';

export type { Verdict };

/** One input of the state, point in time, with where it comes from and how old it is. */
export interface NowInput {
  /** Input id (`fed_phase`, `cycle_months`, `policy_rate`, `ism`, `bm_spread`, …). */
  id: string;
  label: string;
  /** The value (NaN for a phase or when unknown) and how it reads ("easing", "3.75 %"). */
  value: number;
  text: string;
  unit: string;
  /** Date the value describes, and the day it became known (ISO; '' when not applicable). */
  date: string;
  known: string;
  /** Calendar days from `known` to the as-of date. */
  ageDays: number;
  /** Older than its series' staleness limit (`limitDays`) at the as-of date. */
  stale: boolean;
  limitDays: number;
  /** Share of the analogue distance (0: shown, not used). */
  weight: number;
  note: string;
}

/** One analogue month: when, which cycle, how near, its state and what followed. */
export interface NowAnalogue {
  rank: number;
  date: string;
  /** The Fed cycle it belongs to (id, direction, first move). */
  cycle: number;
  cycleStart: string;
  distance: number;
  /** Its inputs in the distance's order (raw, capped), by feature id. */
  state: Record<string, number>;
  /** Small − large over the next 3, 6, 12 and 24 months (NaN when not yet known at the as-of date). */
  spreads: Record<string, number>;
}

/** Summary of a distribution of h-month spreads. */
export interface SpreadDistribution {
  n: number;
  mean: number;
  median: number;
  q10: number;
  q25: number;
  q75: number;
  q90: number;
  /** Share above 0 (small caps ahead). */
  ahead: number;
}

/** The conditional outlook at one horizon. */
export interface NowOutlook {
  horizon: number;
  /** Candidates (months of the same cycle direction with a complete outcome) and analogues taken (k). */
  candidates: number;
  k: number;
  /** Most analogues one cycle may give (NaN: no limit, fewer than 5 cycles have candidates), and the distinct cycles among the k nearest candidates without it. */
  perCycle: number;
  nearestCycles: number;
  /** Distinct Fed cycles among the analogues, and their effective number ((Σ n_c)² / Σ n_c²). */
  cycles: number;
  effectiveCycles: number;
  /** The analogues' spreads, with the cycle (block) bootstrap 95 % interval of their mean. */
  analogues: SpreadDistribution;
  ciLow: number;
  ciHigh: number;
  ciMethod: string;
  /** Every month with a complete outcome (the unconditional distribution). */
  unconditional: SpreadDistribution;
  /** The analogues' mean minus the mean over every month, the rotation placebo interval and p, the MDE. */
  excess: number;
  excessLow: number;
  excessHigh: number;
  placeboP: number;
  placeboEligible: number;
  mde: number;
  null: string;
  verdict: Verdict;
  note: string;
  /** The analogue months (row dates) behind this horizon. */
  dates: string[];
}

/** The analogue forecaster's own out-of-sample record at one horizon. */
export interface NowTrack {
  horizon: number;
  /** Forecasts scored (outcome known at the as-of date), their first and last origins. */
  n: number;
  from: string;
  to: string;
  /** Out-of-sample R² against the historical mean, its one-sided p and the 95th percentile of its distribution with no predictability. */
  r2: number;
  p: number;
  null95: number;
  /** Root mean squared errors of the analogue forecast and of the historical mean. */
  rmse: number;
  rmseMean: number;
  draws: number;
  blockLength: number;
  /** Forecasts at each origin (the headline horizon only; others keep the summary). */
  series: { date: string; forecast: number; benchmark: number; realized: number; k: number }[];
}

/** One of the article's statements on its date, beside what the data said then. */
export interface ArticleStatement {
  claim: string;
  data: string;
  /** Whether the data agree ('yes', 'no', or 'n/a' when the data cannot say). */
  agrees: 'yes' | 'no' | 'n/a';
}

/** The article's call, out of sample: one observation, not a test. */
export interface NowArticle {
  date: string;
  cut: string;
  statements: ArticleStatement[];
  /** What the analogues said on the article's date at the headline horizon (ratecycle's replay with the data known then). */
  thenOutlook?: { horizon: number; mean: number; ciLow: number; ciHigh: number; excess: number; placeboP: number; cycles: number; verdict: Verdict };
  /** Entry bar after the cut, exit after `months` whole months (the last bar on or before), and small − large between them. */
  entry: string;
  exit: string;
  months: number;
  small: number;
  large: number;
  spread: number;
  /** The same window after every earlier first cut with a complete window: the spreads, and where today's falls (share at or below). */
  history: { date: string; spread: number }[];
  percentile: number;
  note: string;
}

/** Everything `ratecycle now` computed. */
export interface NowReport {
  version: string;
  seed: number;
  draws: number;
  universe: { id: string; description: string; frequency: 'daily' | 'monthly' };
  /** The as-of date, the last month end on or before it, and the first month end of the history. */
  asOf: string;
  lastMonthEnd: string;
  historyFrom: string;
  /** The latest Fed cycle at the as-of date. */
  cycle: { id: number; direction: 'easing' | 'tightening'; start: string; phase: 'easing' | 'tightening' | 'hold' };
  state: NowInput[];
  /** One sentence per stale input, and the inputs this catalog lacks. */
  stale: string[];
  lacking: { id: string; why: string }[];
  /** How the analogues are chosen: inputs and weights, k, and why. */
  method: {
    features: { id: string; label: string; weight: number; cap: number; why: string; scale: number }[];
    direction: string;
    k: string;
    horizons: number[];
    headline: number;
  };
  analogues: NowAnalogue[];
  outlook: NowOutlook[];
  track: NowTrack[];
  article?: NowArticle;
  /** The one-sentence outlook, the track record in a sentence, and the terminal's state lines. */
  sentence: string;
  trackSentence: string;
  warnings: string[];
}

/** The files of a now folder. */
export const NOW_FILES = { csv: 'now.csv', analogues: 'now-analogues.csv', track: 'now-track.csv', json: 'now.json', html: 'now.html' } as const;

/** The columns of now.csv, in order: one row per number (tidy). */
export const NOW_CSV_COLUMNS = [
  'section',
  'item',
  'horizon_months',
  'value',
  'unit',
  'ci_low',
  'ci_high',
  'date',
  'known',
  'age_days',
  'stale',
  'note',
] as const;

/** now.csv: the state (one row per input), the outlook and track record (one row per number and horizon) and the article's call. */
export function nowCsv(r: NowReport): string {
  const rows: Cell[][] = [];
  for (const s of r.state)
    rows.push(['state', s.id, '', s.value, s.unit, NaN, NaN, s.date, s.known, s.ageDays, s.stale, [s.text, s.note].filter(Boolean).join('; ')]);
  for (const o of r.outlook) {
    const h = o.horizon;
    const add = (item: string, value: number, unit: string, low = NaN, high = NaN, note = '') =>
      rows.push(['outlook', item, h, value, unit, low, high, '', '', NaN, '', note]);
    add('candidates', o.candidates, 'months');
    add('k', o.k, 'months');
    add('per_cycle', o.perCycle, 'months', NaN, NaN, 'most analogues one cycle may give');
    add('nearest_cycles', o.nearestCycles, 'cycles', NaN, NaN, 'distinct cycles among the k nearest months without the per-cycle limit');
    add('cycles', o.cycles, 'cycles');
    add('effective_cycles', o.effectiveCycles, 'cycles');
    add('analogue_mean', o.analogues.mean, 'fraction', o.ciLow, o.ciHigh, o.ciMethod);
    add('analogue_median', o.analogues.median, 'fraction');
    add('analogue_q10', o.analogues.q10, 'fraction');
    add('analogue_q90', o.analogues.q90, 'fraction');
    add('analogue_ahead', o.analogues.ahead, 'share');
    add('unconditional_mean', o.unconditional.mean, 'fraction', NaN, NaN, `${o.unconditional.n} months`);
    add('unconditional_median', o.unconditional.median, 'fraction');
    add('unconditional_q10', o.unconditional.q10, 'fraction');
    add('unconditional_q90', o.unconditional.q90, 'fraction');
    add('excess', o.excess, 'fraction', o.excessLow, o.excessHigh, o.null);
    add('placebo_p', o.placeboP, 'p', NaN, NaN, `rotation over ${o.placeboEligible} months`);
    add('mde', o.mde, 'fraction');
    rows.push(['outlook', 'verdict', h, NaN, '', NaN, NaN, '', '', NaN, '', [o.verdict, o.note].filter(Boolean).join('; ')]);
  }
  for (const t of r.track) {
    const add = (item: string, value: number, unit: string, note = '') => rows.push(['track', item, t.horizon, value, unit, NaN, NaN, '', '', NaN, '', note]);
    add('r2_oos', t.r2, 'R²', `${t.n} forecasts ${t.from} to ${t.to}`);
    add('p_null', t.p, 'p', `${t.draws} samples with no predictability (stationary bootstrap, mean block ${t.blockLength.toFixed(1)} months)`);
    add('null_95', t.null95, 'R²');
    add('rmse_analogues', t.rmse, 'fraction');
    add('rmse_mean', t.rmseMean, 'fraction');
  }
  const a = r.article;
  if (a) {
    for (const s of a.statements) rows.push(['article', s.claim, '', NaN, '', NaN, NaN, a.date, '', NaN, '', `${s.agrees}: ${s.data}`]);
    rows.push(['article', 'spread_since_cut', a.months, a.spread, 'fraction', NaN, NaN, a.exit, '', NaN, '', `from ${a.entry}; ${a.note}`]);
    rows.push(['article', 'percentile_among_first_cuts', a.months, a.percentile, 'share', NaN, NaN, '', '', NaN, '', `${a.history.length} earlier first cuts`]);
  }
  return toCsv([...NOW_CSV_COLUMNS], rows);
}

/** The columns of now-analogues.csv before the state and spread columns. */
export const ANALOGUE_CSV_COLUMNS = ['rank', 'date', 'cycle', 'cycle_start', 'distance'] as const;

/** now-analogues.csv: one row per analogue of the headline horizon, its state and the spreads that followed. */
export function analoguesCsv(r: NowReport): string {
  const features = r.method.features.map((f) => f.id);
  const horizons = r.method.horizons;
  return toCsv(
    [...ANALOGUE_CSV_COLUMNS, ...features, ...horizons.map((h) => `spread_${h}m`)],
    r.analogues.map((a) => [a.rank, a.date, a.cycle, a.cycleStart, a.distance, ...features.map((f) => a.state[f]), ...horizons.map((h) => a.spreads[h])]),
  );
}

/** now-track.csv: the headline forecaster at every origin: forecast, historical mean, outcome, analogues used. */
export function trackCsv(r: NowReport): string {
  const t = r.track.find((x) => x.horizon === r.method.headline);
  return toCsv(
    ['date', 'horizon_months', 'forecast', 'historical_mean', 'realized', 'k'],
    (t?.series ?? []).map((s) => [s.date, t!.horizon, s.forecast, s.benchmark, s.realized, s.k]),
  );
}

/** now.json: the whole report, NaN as null, numbers at full precision. */
export function nowJson(r: NowReport): string {
  return (
    JSON.stringify(r, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? 'Infinity' : '-Infinity') : v), 2) + '\n'
  );
}

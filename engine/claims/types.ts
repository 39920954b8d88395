import type { EventPath } from '../analytics/event-path.js';

/** How a claim fared by the stated rule (see {@link verdictOf}). */
export type Verdict = 'supported' | 'contradicted' | 'not shown';

/** One tested statement on one universe: the numbers behind a verdict. */
export interface ClaimRow {
  /** Claim number 1–5 and the part's id (e.g. `1`, `1-3m`, `2-easing`, `5-slope`). */
  claim: number;
  part: string;
  /** Shown in the verdict table (the others are details in the claim's section). */
  headline: boolean;
  /** Short label of the part (e.g. "first cut → 12 m"). */
  label: string;
  /** Claim variant id (e.g. `russell`, `ff-1954`) and its description. */
  universe: string;
  /** First and last date of the sample (ISO). */
  from: string;
  to: string;
  /** Sample size and what is counted (events, bars, months). */
  n: number;
  nUnit: string;
  /** Point estimate and its unit, e.g. "return points over 12 months", "per year". */
  estimate: number;
  unit: string;
  ciLow: number;
  ciHigh: number;
  /** How the interval was computed. */
  ciMethod: string;
  p: number;
  /** How the p-value was computed. */
  pMethod: string;
  /** Claimed sign of the estimate (+1: small caps ahead / positive slope). */
  direction: 1 | -1;
  verdict: Verdict;
  /** One plain sentence. */
  sentence: string;
  /** "" or a caveat (too few events, known only ex post, …). */
  note: string;
}

/** Chart data of a claim section for one universe. */
export interface ClaimCharts {
  universe: string;
  /** Claim 1: average path around first cuts with bootstrap and placebo bands. */
  path?: EventPath;
  /** Claim 1: the 12-month spread after each first cut. */
  cycles?: { date: string; spread: number; recession: boolean }[];
  /** Claim 1 and 3: where the observed mean falls in the placebo distribution (sorted sample of it). */
  placebo?: { part: string; observed: number; quantiles: number[] }[];
  /** Claims 2 and 4: annualized spread per group (phase or ISM state) and the contrast, with intervals. */
  groups?: { label: string; n: number; estimate: number; ciLow: number; ciHigh: number; t: number }[];
  /** Claim 5: bm_spread against the next 10 years' annualized spread, and the fit. */
  scatter?: { x: number[]; y: number[]; alpha: number; beta: number; current: number; currentDate: string; percentile: number; r2: number; r2Oos: number; nOos: number };
}

/** Everything `ratecycle claims` computed. */
export interface ClaimsReport {
  version: string;
  seed: number;
  draws: number;
  universes: { id: string; label: string; frequency: 'daily' | 'monthly'; from: string; to: string; warnings: string[] }[];
  claims: { claim: number; text: string; how: string }[];
  rows: ClaimRow[];
  charts: Record<number, ClaimCharts[]>;
  /** Parts that a universe cannot answer, and why. */
  skipped: { claim: number; universe: string; reason: string }[];
}

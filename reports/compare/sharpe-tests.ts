import type { Cell } from '../../engine/core/io/csv-writer.js';
import { holm } from '../../engine/measure/stats/holm.js';
import { sharpeDifference, type SharpeDifference } from '../../engine/measure/stats/sharpe-difference.js';
import { bestIndex } from './ranking.js';

/** Level at which the leader's Sharpe ratio must differ from every other run's to be marked best. */
export const SHARPE_TEST_ALPHA = 0.05;

/** The null and the rule of the compare's Sharpe ratio tests, in words (page, terminal, CSV readers). */
export const SHARPE_TEST_RULE =
  "H0: the leader (highest Sharpe ratio) and the other run have the same true Sharpe ratio over cash. Two-sided Ledoit & Wolf (2008) HAC test of the difference on the paired per-bar excess returns of the bars both runs hold (Parzen kernel, Andrews' automatic bandwidth, prewhitened). The leader is tested against every other run and the p-values are Holm-adjusted over those comparisons; it is marked best only when every adjusted p < 0.05, and the p shown beside it is the largest adjusted p (the comparison that decides).";

/** One comparison of the leader with another run. */
export interface SharpePair {
  /** Index of the other run. */
  other: number;
  test: SharpeDifference;
  /** Holm-adjusted p over the leader's comparisons. */
  pHolm: number;
}

/** The leader's Sharpe ratio against every other run's (see {@link SHARPE_TEST_RULE}). */
export interface SharpeTests {
  /** Index of the run with the highest Sharpe ratio (NaN when there is none or nothing was tested). */
  leader: number;
  pairs: SharpePair[];
  /** The largest Holm-adjusted p of the leader's comparisons, and the run it compares with (NaN when untested). */
  p: number;
  decisive: number;
  /** Whether every adjusted p is below {@link SHARPE_TEST_ALPHA}: the leader is distinguishably best. */
  significant: boolean;
  /** Why no test was run (runs not comparable, series missing), or null. */
  reason: string | null;
}

/** Per-bar excess returns over cash of a run, each with the date of the bar it was earned on. */
export interface ExcessSeries {
  dates: Int32Array;
  excess: Float64Array;
}

/** No test: the reason, every number NaN. */
export function untested(reason: string): SharpeTests {
  return { leader: NaN, pairs: [], p: NaN, decisive: NaN, significant: false, reason };
}

/** The two series on the dates both hold (dates ascending in each). */
function paired(a: ExcessSeries, b: ExcessSeries): [Float64Array, Float64Array] {
  const x: number[] = [],
    y: number[] = [];
  let i = 0,
    j = 0;
  while (i < a.dates.length && j < b.dates.length) {
    if (a.dates[i] < b.dates[j]) i++;
    else if (a.dates[i] > b.dates[j]) j++;
    else {
      x.push(a.excess[i++]);
      y.push(b.excess[j++]);
    }
  }
  return [Float64Array.from(x), Float64Array.from(y)];
}

/**
 * Tests whether the run with the highest Sharpe ratio (`sharpes`, as the metrics table shows them)
 * has a higher true Sharpe ratio than every other run: a Ledoit & Wolf (2008) HAC test of each
 * difference on the paired excess returns (annualized with `periodsPerYear`), Holm-adjusted over
 * the leader's comparisons. Why every other run and not only the runner-up: "best" claims a lead
 * over each of them, and the runner-up by point estimate is not always the hardest to separate
 * (a noisier or less correlated third run can be).
 */
export function sharpeTests(series: readonly ExcessSeries[], sharpes: readonly (number | null)[], periodsPerYear: number): SharpeTests {
  const leader = bestIndex([...sharpes], 1);
  if (Number.isNaN(leader)) return untested('no run has a Sharpe ratio');
  const others = series.map((_, i) => i).filter((i) => i !== leader);
  const tests = others.map((j) => {
    const [a, b] = paired(series[leader], series[j]);
    return sharpeDifference(a, b, { periodsPerYear });
  });
  const adjusted = holm(tests.map((t) => t.p));
  const pairs = others.map((other, k) => ({ other, test: tests[k], pHolm: adjusted[k] }));
  if (pairs.some((p) => !Number.isFinite(p.pHolm))) return { ...untested('a pair of runs has too few bars or a constant return series'), leader, pairs };
  // the comparison that decides: the largest adjusted p (ties, e.g. several at 1: the largest raw p)
  const decisive = pairs.reduce((m, p) => (p.pHolm > m.pHolm || (p.pHolm === m.pHolm && p.test.p > m.test.p) ? p : m), pairs[0]);
  return { leader, pairs, p: decisive.pHolm, decisive: decisive.other, significant: decisive.pHolm < SHARPE_TEST_ALPHA, reason: null };
}

/** compare-sharpe-tests.csv: one row per comparison of the leader (`run_a`) with another run (`run_b`). */
export function sharpeTestsCsv(t: SharpeTests, tags: readonly string[]): { header: string[]; rows: Cell[][] } {
  const header = [
    'run_a',
    'run_b',
    'sharpe_a',
    'sharpe_b',
    'difference',
    'se',
    'ci_low',
    'ci_high',
    'z',
    'p',
    'p_holm',
    'distinguishable',
    'bars',
    'kernel',
    'bandwidth',
    'prewhitened',
  ];
  const rows: Cell[][] = t.pairs.map((p) => [
    tags[t.leader],
    tags[p.other],
    p.test.sharpeA,
    p.test.sharpeB,
    p.test.difference,
    p.test.se,
    p.test.ciLow,
    p.test.ciHigh,
    p.test.z,
    p.test.p,
    p.pHolm,
    Number.isFinite(p.pHolm) ? p.pHolm < SHARPE_TEST_ALPHA : '',
    p.test.n,
    p.test.kernel,
    p.test.bandwidth,
    p.test.prewhitened,
  ]);
  return { header, rows };
}

/**
 * A p-value for reading: three decimals, "< 0.001" below that.
 *
 * @example formatP(0.04321) // "0.043"
 */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/**
 * The verdict beside the leader's Sharpe ratio, in words: "best, p = 0.012" or "not
 * distinguishable from R3, p = 0.41" (Holm-adjusted), or why it was not tested.
 */
export function sharpeVerdict(t: SharpeTests, tags: readonly string[]): string {
  if (t.reason !== null || Number.isNaN(t.leader)) return `not tested: ${t.reason ?? 'no leader'}`;
  const p = formatP(t.p);
  const eq = p.startsWith('<') ? p : `= ${p}`;
  return t.significant ? `best, p ${eq}` : `not distinguishable from ${tags[t.decisive]}, p ${eq}`;
}

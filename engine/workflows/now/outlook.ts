import { isoDay } from '../../core/dates.js';
import type { NowOutlook } from '../../formats/now-folder.js';
import { normalQuantile } from '../../measure/metrics/normal.js';
import { bootstrapMean } from '../../measure/stats/bootstrap-mean.js';
import { effectiveNumber } from '../../measure/stats/effective-number.js';
import { percentileInterval } from '../../measure/stats/percentile-interval.js';
import { placeboExcess } from '../../measure/stats/placebo-interval.js';
import { rotationTest } from '../../measure/stats/rotation-test.js';
import { pctText } from '../claims/format.js';
import { verdictOf } from '../claims/verdict.js';
import { MIN_CYCLES } from './analogue-count.js';
import { spreadDistribution } from './spread-distribution.js';

/** What {@link outlookAt} needs besides the outcomes and the analogues. */
export interface OutlookContext {
  horizon: number;
  /** Candidates the analogues were chosen from, and the distinct cycles among the k nearest of them without the per-cycle limit. */
  candidates: number;
  perCycle: number;
  nearestCycles: number;
  /** Fed cycle id of every row, and every row's date. */
  cycle: Int32Array;
  days: Int32Array;
  draws: number;
  seed: number;
}

/**
 * The conditional outlook at one horizon: the distribution of the h-month small − large spread
 * after the analogue months, its mean with a cycle bootstrap 95 % interval (whole cycles drawn
 * with replacement: analogues of one cycle share their outcome windows and are one block), beside
 * the distribution over every month with a complete outcome; and whether conditioning on the
 * state adds anything: the analogues' mean minus the mean over every month, tested by the rotation
 * placebo (the analogues' dates, spacing kept, shifted to every start — the same procedure from
 * other dates; exact), with the interval that inverts it and the minimum detectable excess (the
 * test's 95 % critical value plus z₀.₈ of its standard deviation). Verdict by the claims' rule;
 * not tested with fewer than 5 distinct cycles. `y` holds each row's h-month outcome (NaN when not
 * complete at the as-of date) and `analogues` the rows chosen.
 */
export function outlookAt(y: Float64Array, analogues: Int32Array, ctx: OutlookContext): NowOutlook {
  const h = ctx.horizon;
  const values = Float64Array.from(analogues, (i) => y[i]);
  const ids = new Map<number, number>();
  const dense = Int32Array.from(analogues, (i) => {
    const c = ctx.cycle[i];
    if (!ids.has(c)) ids.set(c, ids.size);
    return ids.get(c)!;
  });
  const counts = new Float64Array(ids.size);
  for (const g of dense) counts[g]++;
  const G = ids.size;
  const boot = percentileInterval(bootstrapMean(values, { draws: ctx.draws, seed: ctx.seed, clusters: dense }));
  // the rotation runs over every row with a complete outcome: rows 0 … E − 1
  let E = 0;
  while (E < y.length && Number.isFinite(y[E])) E++;
  const eligible = y.subarray(0, E);
  const dist = spreadDistribution(values);
  const unconditional = spreadDistribution(eligible);
  const rot = rotationTest(eligible, analogues);
  const ex = placeboExcess(dist.mean, rot.distribution);
  const tested = G >= MIN_CYCLES && analogues.length >= MIN_CYCLES;
  return {
    horizon: h,
    candidates: ctx.candidates,
    perCycle: Number.isFinite(ctx.perCycle) ? ctx.perCycle : NaN,
    nearestCycles: ctx.nearestCycles,
    k: analogues.length,
    cycles: G,
    effectiveCycles: effectiveNumber(counts),
    analogues: dist,
    ciLow: boot.low,
    ciHigh: boot.high,
    ciMethod: `percentile interval of ${ctx.draws.toLocaleString('en-US')} cycle bootstrap draws (the ${G} cycles drawn with replacement, each with all its analogues)`,
    unconditional,
    excess: ex.excess,
    excessLow: ex.low,
    excessHigh: ex.high,
    placeboP: tested ? rot.p : NaN,
    placeboEligible: E,
    mde: tested ? ex.high - ex.excess + normalQuantile(0.8) * ex.se : NaN,
    null: `months in a state like this one are no better for small caps than any month: the analogues' mean small − large over the next ${h} months equals its mean over every month (${pctText(unconditional.mean)})`,
    verdict: tested ? verdictOf(rot.p, ex.excess, 1) : 'not tested',
    note: tested ? '' : `too few independent cycles to test (${G} distinct cycle${G === 1 ? '' : 's'} among ${analogues.length} analogues)`,
    dates: Array.from(analogues, (i) => isoDay(ctx.days[i])),
  };
}

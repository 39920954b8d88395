import { deriveSeed } from '../../core/random.js';
import { bootstrapMean, DEFAULT_DRAWS } from '../stats/bootstrap-mean.js';
import { percentileInterval } from '../stats/percentile-interval.js';
import { placeboTest } from '../stats/placebo-test.js';
import { barMonthsAfter, barsMonthsAfter } from './event-study.js';

/** Average path of the cumulative small − large spread around events, with its bands. */
export interface EventPath {
  /** Calendar months relative to the entry (e.g. −3 … 24). */
  offsets: number[];
  /** Events with a value at each offset. */
  n: number[];
  /** Mean cumulative spread at each offset (0 at the entry). */
  mean: number[];
  /** Pointwise bootstrap 95 % interval of the mean (events resampled with replacement). */
  bootLow: number[];
  bootHigh: number[];
  /** Pointwise 2.5–97.5 % range of the mean over the same number of random eligible entry dates. */
  placeboLow: number[];
  placeboHigh: number[];
  /** Per event: entry date and its path (NaN outside the data). */
  events: { entryDate: number; values: number[] }[];
}

/**
 * Cumulative small − large spread from each entry bar e to the bar m calendar months away
 * (the event study's rule, for negative m too): S[j]/S[e] − L[j]/L[e]. The average over
 * events, a pointwise iid bootstrap band and a pointwise placebo band (n random entry
 * bars among every bar with a value at that offset) — the placebo band is what "any n
 * dates" gives, the yardstick for "first cuts are special" (MacKinlay 1997, §4; bootstrap:
 * Efron & Tibshirani 1993).
 */
export function eventPath(
  input: { dates: Int32Array; small: Float64Array; large: Float64Array },
  entries: readonly number[],
  options: { from?: number; to?: number; draws?: number; seed?: number } = {},
): EventPath {
  const from = options.from ?? -3,
    to = options.to ?? 24;
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? 1;
  const { dates, small, large } = input;
  const T = dates.length;
  const offsets: number[] = [];
  for (let m = from; m <= to; m++) offsets.push(m);
  const at = (e: number, m: number) => {
    if (m === 0) return 0;
    const j = barMonthsAfter(dates, e, m);
    return j >= 0 && j !== e ? small[j] / small[e] - large[j] / large[e] : NaN;
  };
  const events = entries.map((e) => ({ entryDate: dates[e], values: offsets.map((m) => at(e, m)) }));
  const out: EventPath = { offsets, n: [], mean: [], bootLow: [], bootHigh: [], placeboLow: [], placeboHigh: [], events };
  const all = new Float64Array(T);
  offsets.forEach((m, k) => {
    const v = events.map((e) => e.values[k]).filter(Number.isFinite);
    const n = v.length;
    out.n.push(n);
    const x = Float64Array.from(v);
    const mu = n ? v.reduce((a, b) => a + b, 0) / n : NaN;
    out.mean.push(mu);
    if (m === 0 || n < 2) {
      out.bootLow.push(m === 0 ? 0 : NaN);
      out.bootHigh.push(m === 0 ? 0 : NaN);
      out.placeboLow.push(m === 0 ? 0 : NaN);
      out.placeboHigh.push(m === 0 ? 0 : NaN);
      return;
    }
    const boot = percentileInterval(bootstrapMean(x, { draws, seed: deriveSeed(seed, `path-boot/${m}`) }));
    out.bootLow.push(boot.low);
    out.bootHigh.push(boot.high);
    let N = 0;
    const to = barsMonthsAfter(dates, m);
    for (let i = 0; i < T; i++) {
      const j = to[i];
      if (j >= 0 && j !== i) all[N++] = small[j] / small[i] - large[j] / large[i];
    }
    const pl = placeboTest(all.subarray(0, N), n, mu, { draws, seed: deriveSeed(seed, `path-placebo/${m}`) });
    const band = percentileInterval(pl.distribution);
    out.placeboLow.push(band.low);
    out.placeboHigh.push(band.high);
  });
  return out;
}

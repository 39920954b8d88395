import { isoDay } from '../../core/dates.js';
import { shiftVerdict } from './shift-verdict.js';
import { MIN_EPISODES } from './regime-claims.js';

/** One sample's per-bar spreads (small − large from bar t to t + 1) and the phase known at bar t, on a calendar shared with the others from its first bar. */
export interface RegimeSample {
  id: string;
  region: string;
  d: Float64Array;
  label: Int8Array;
  /** First and last bar's dates (days). */
  from: number;
  to: number;
}

/** The pooled test of one regime across samples. */
export interface PooledRegime {
  /** Bars in the regime (summed over samples), its episodes in calendar time (runs of months in which any sample is in it), and the samples and regions pooled. */
  n: number;
  episodes: number;
  samples: number;
  regions: number;
  /** Annualized mean over the regime's bars of (spread − its sample's all-bars mean), interval, joint rotation p, MDE. */
  excess: number;
  ciLow: number;
  ciHigh: number;
  p: number;
  shifts: number;
  mde: number;
  /** The samples' first and last dates (ISO). */
  from: string;
  to: string;
}

/** Runs of `target` in a label series. */
function runsOf(label: Int8Array, target: number): number {
  let k = 0;
  for (let t = 0; t < label.length; t++) if (label[t] === target && (t === 0 || label[t - 1] !== target)) k++;
  return k;
}

/**
 * The pooled test of claim 2 over regions: the annualized mean, over every bar of the regime in
 * every sample, of the spread minus its own sample's all-bars mean (each region against its own
 * average). Null: the phase says nothing about small − large in any region. Its distribution
 * shifts every sample's phase labels against its returns by one common number of bars, each
 * wrapping inside its own sample, for every shift of the longest one: the phases keep their runs
 * and, since the samples share a calendar, phases that coincide across regions stay together (a
 * rotation or toroidal-shift test; Harms et al. 2001, J. Ecology 89). p is exact over the shifts;
 * the interval inverts the test (placeboExcess). Fewer than 5 episodes of the regime in all: no test.
 */
export function pooledRegimeTest(samples: readonly RegimeSample[], target: number, periodsPerYear: number): PooledRegime {
  const centered = samples.map((s) => {
    let m = 0;
    for (const v of s.d) m += v / s.d.length;
    return Float64Array.from(s.d, (v) => v - m);
  });
  let n = 0;
  for (const s of samples) for (const v of s.label) if (v === target) n++;
  // episodes in calendar time: runs of months in which any sample is in the regime (the samples share their first month)
  const union = new Int8Array(Math.max(0, ...samples.map((s) => s.label.length)));
  for (const s of samples) s.label.forEach((v, t) => v === target && (union[t] = 1));
  const episodes = runsOf(union, 1);
  const base = {
    n,
    episodes,
    samples: samples.length,
    regions: new Set(samples.map((s) => s.region)).size,
    from: samples.length ? isoDay(Math.min(...samples.map((s) => s.from))) : '',
    to: samples.length ? isoDay(Math.max(...samples.map((s) => s.to))) : '',
  };
  if (n === 0 || episodes < MIN_EPISODES) return { ...base, excess: NaN, ciLow: NaN, ciHigh: NaN, p: NaN, shifts: 0, mde: NaN };
  const span = Math.max(...samples.map((s) => s.d.length));
  const distribution = new Float64Array(span);
  for (let delta = 0; delta < span; delta++) {
    let sum = 0,
      count = 0;
    samples.forEach((s, k) => {
      const T = s.d.length,
        x = centered[k];
      for (let t = 0; t < T; t++) {
        if (s.label[(t + delta) % T] === target) {
          sum += x[t];
          count++;
        }
      }
    });
    distribution[delta] = (sum / count) * periodsPerYear;
  }
  return { ...base, ...shiftVerdict(distribution) };
}

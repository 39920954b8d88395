import { optimalBlockLength } from './block-length.js';
import { DEFAULT_DRAWS } from './bootstrap-mean.js';
import { neweyWestMean } from './newey-west-mean.js';
import { percentileInterval } from './percentile-interval.js';
import { stationaryBootstrapMeans } from './stationary-bootstrap.js';

/** Inference on the mean of a return series, scaled (e.g. annualized). */
export interface MeanInference {
  n: number;
  /** Mean × scale. */
  estimate: number;
  /** Newey–West t of the mean. */
  t: number;
  lag: number;
  /** Stationary block-bootstrap 95 % interval of mean × scale. */
  ciLow: number;
  ciHigh: number;
  blockLength: number;
}

/**
 * The mean of a (return or return-difference) series with a Newey–West t (Newey & West
 * 1987; default lag) and a stationary block-bootstrap percentile interval (Politis & Romano
 * 1994; block length by Politis & White 2004), both on the scale `scale` (e.g. bars per year
 * for an annualized arithmetic mean). NaN values are dropped.
 *
 * @example meanInference(excessReturns, 252, { draws: 2000, seed: 1 }) // { estimate, t, ciLow, ciHigh, … }
 */
export function meanInference(x: ArrayLike<number>, scale: number, options: { draws?: number; seed?: number } = {}): MeanInference {
  const v: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) v.push(x[i]);
  const xs = Float64Array.from(v);
  const nw = neweyWestMean(xs);
  if (xs.length < 3) return { n: xs.length, estimate: nw.mean * scale, t: NaN, lag: nw.lag, ciLow: NaN, ciHigh: NaN, blockLength: NaN };
  const blockLength = optimalBlockLength(xs);
  const draws = stationaryBootstrapMeans(xs, new Int32Array(xs.length), 1, { blockLength, draws: options.draws ?? DEFAULT_DRAWS, seed: options.seed });
  for (let i = 0; i < draws.length; i++) draws[i] *= scale;
  const ci = percentileInterval(draws);
  return { n: xs.length, estimate: nw.mean * scale, t: nw.t, lag: nw.lag, ciLow: ci.low, ciHigh: ci.high, blockLength };
}

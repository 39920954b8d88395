import { mulberry32 } from '../../core/random.js';
import { optimalBlockLength } from './block-length.js';
import { fittedWithInterval } from './prediction-interval.js';
import { predictiveRegression, type PredictiveRegression } from './predictive-regression.js';
import { stationaryIndices } from './stationary-indices.js';

/** Inputs of {@link predictiveNull}: two return legs and a predictor on one calendar of periods. */
export interface PredictiveNullInput {
  /** Return of each leg over period t (from the end of t − 1 to the end of t); index 0 is unused. */
  small: Float64Array;
  large: Float64Array;
  /** Predictor known at the end of period t (NaN where unknown). */
  x: Float64Array;
  /** Horizon in periods (e.g. 120 months) and periods per year (12), for the annualized outcome. */
  horizon: number;
  periodsPerYear: number;
  /** Training pairs before the first out-of-sample forecast. */
  minTrain: number;
}

/** The observed predictive regression and its distribution under no predictability. */
export interface PredictiveNull {
  observed: PredictiveRegression;
  /** The outcome y_t of each period (annualized small − large over the next h periods; NaN past the data). */
  y: Float64Array;
  /** Per simulated sample: Newey–West t of the slope, the slope, the out-of-sample R², and α + β x0. */
  tStar: Float64Array;
  betaStar: Float64Array;
  r2OosStar: Float64Array;
  fittedStar: Float64Array;
  /**
   * Per simulated sample: (α + β x0 − μ) / se(α + β x0), the t of the fitted value at x0 against the
   * simulated world's true mean outcome μ (the mean of every sample's mean outcome; under no
   * predictability the conditional mean at any x0 is μ), se from the Newey–West covariance.
   */
  fitTStar: Float64Array;
  /** Two-sided p of the Newey–West t from its simulated distribution, (1 + #{|t*| ≥ |t|}) / (B + 1). */
  pT: number;
  /** One-sided p of the out-of-sample R², (1 + #{R²* ≥ R²}) / (B + 1) (NaN without forecasts). */
  pOos: number;
  /** Share of simulated samples where the normal test |t| ≥ 1.96 rejects: the nominal 5 % test's real size. */
  sizeOfNormalTest: number;
  /** Mean block length of the return resampling. */
  blockLength: number;
}

/** Annualized small − large outcome over the next h periods from each period's end (NaN past the data). */
export function horizonOutcome(
  small: Float64Array,
  large: Float64Array,
  h: number,
  periodsPerYear: number,
  out = new Float64Array(small.length),
): Float64Array {
  const T = small.length;
  const a = periodsPerYear / h;
  let cs = 0,
    cl = 0;
  // cumulative log growth up to the end of t: logs[t]
  const ls = new Float64Array(T),
    ll = new Float64Array(T);
  for (let t = 1; t < T; t++) {
    cs += Math.log1p(small[t]);
    cl += Math.log1p(large[t]);
    ls[t] = cs;
    ll[t] = cl;
  }
  for (let t = 0; t < T; t++) out[t] = t + h < T ? Math.exp((ls[t + h] - ls[t]) * a) - Math.exp((ll[t + h] - ll[t]) * a) : NaN;
  return out;
}

/**
 * The distribution of a long-horizon predictive regression when returns are unpredictable:
 * the predictor keeps its real path (its persistence and every overlap of the windows), the
 * period returns of both legs are resampled together as pairs with the stationary bootstrap
 * (block length by Politis & White 2004 on the spread), and the outcome, the Newey–West
 * regression (lag = horizon) and the out-of-sample R² are recomputed on each sample. The
 * observed t and out-of-sample R² are then referred to these distributions rather than to the
 * normal, which overstates significance when a persistent predictor meets overlapping
 * windows (Nelson & Kim 1993, "Predictable stock returns: the role of small sample bias",
 * J. Finance 48; Ang & Bekaert 2007, Review of Financial Studies 20). `x0` is the predictor
 * value at which fitted values are recorded, with their t against the simulated world's mean
 * outcome (for intervals of the conditional mean at x0 calibrated the same way).
 *
 * @example predictiveNull(input, { draws: 2000, seed: 1, x0: latestBmSpread }) // { pT, pOos, sizeOfNormalTest, … }
 */
export function predictiveNull(input: PredictiveNullInput, options: { draws: number; seed: number; x0: number; blockLength?: number }): PredictiveNull {
  const { small, large, x, horizon: h, periodsPerYear, minTrain } = input;
  const T = small.length;
  const y = horizonOutcome(small, large, h, periodsPerYear);
  const observed = predictiveRegression(y, x, { horizon: h, minTrain });
  const B = options.draws;
  const spread = new Float64Array(T - 1);
  for (let t = 1; t < T; t++) spread[t - 1] = small[t] - large[t];
  const blockLength = options.blockLength ?? optimalBlockLength(spread);
  const tStar = new Float64Array(B),
    betaStar = new Float64Array(B),
    r2OosStar = new Float64Array(B),
    fittedStar = new Float64Array(B);
  const fitSe = new Float64Array(B),
    meanY = new Float64Array(B);
  const rnd = mulberry32(options.seed);
  const idx = new Int32Array(T - 1);
  const s = new Float64Array(T),
    l = new Float64Array(T),
    ys = new Float64Array(T);
  for (let b = 0; b < B; b++) {
    stationaryIndices(T - 1, blockLength, rnd, idx);
    for (let t = 1; t < T; t++) {
      s[t] = small[idx[t - 1] + 1];
      l[t] = large[idx[t - 1] + 1];
    }
    horizonOutcome(s, l, h, periodsPerYear, ys);
    const fit = predictiveRegression(ys, x, { horizon: h, minTrain });
    tStar[b] = fit.tBeta;
    betaStar[b] = fit.beta;
    r2OosStar[b] = fit.r2Oos;
    const at = fittedWithInterval(fit, options.x0);
    fittedStar[b] = at.value;
    fitSe[b] = at.se;
    let sum = 0,
      count = 0;
    for (let t = 0; t < T; t++) {
      if (Number.isFinite(ys[t]) && Number.isFinite(x[t])) {
        sum += ys[t];
        count++;
      }
    }
    meanY[b] = sum / count;
  }
  let mu = 0;
  for (let b = 0; b < B; b++) mu += meanY[b] / B;
  const fitTStar = Float64Array.from(fittedStar, (f, b) => (f - mu) / fitSe[b]);
  let beyondT = 0,
    beyondOos = 0,
    normal = 0;
  const tObs = Math.abs(observed.tBeta) * (1 - 1e-12);
  for (let b = 0; b < B; b++) {
    if (Math.abs(tStar[b]) >= tObs) beyondT++;
    if (r2OosStar[b] >= observed.r2Oos) beyondOos++;
    if (Math.abs(tStar[b]) >= 1.959963984540054) normal++;
  }
  return {
    observed,
    y,
    tStar,
    betaStar,
    r2OosStar,
    fittedStar,
    fitTStar,
    pT: Number.isFinite(observed.tBeta) ? (beyondT + 1) / (B + 1) : NaN,
    pOos: Number.isFinite(observed.r2Oos) ? (beyondOos + 1) / (B + 1) : NaN,
    sizeOfNormalTest: normal / B,
    blockLength,
  };
}

import { mulberry32 } from '../../core/random.js';
import { cumulativeSpread } from '../analytics/cumulative-spread.js';
import { analogueScore, type AnalogueScore, type AnalogueSets } from './analogue-score.js';
import { optimalBlockLength } from './block-length.js';
import { stationaryIndices } from './stationary-indices.js';

/** The analogue forecaster's observed score at one horizon and its distribution when nothing is predictable. */
export interface AnalogueNull {
  observed: AnalogueScore;
  /** Out-of-sample R² of each simulated sample. */
  r2Star: Float64Array;
  /** One-sided p: (1 + #{R²* ≥ R²}) / (B + 1) (NaN when the R² is not defined). */
  p: number;
  /** Mean block length of the return resampling. */
  blockLength: number;
}

/**
 * The out-of-sample R² of an analogue forecaster (see analogueScore) referred to its
 * distribution when returns are unpredictable: the analogue sets keep their real choice (they
 * depend on the state path, which is kept), the per-period returns of both legs are resampled
 * together as pairs with the stationary bootstrap (Politis & Romano 1994; mean block length by
 * Politis & White 2004 on the spread unless given), and the outcomes, forecasts, historical
 * means and R² are recomputed on each sample — the same design as the predictive regression's
 * null (Nelson & Kim 1993; Ang & Bekaert 2007). One entry of `sets` per horizon: every horizon
 * is scored on the same resampled histories. Seeded and deterministic. Returns must be finite
 * (period 0 is not used).
 *
 * @example analogueNull(small, large, [sets3, sets12], { draws: 2000, seed: 7 }) // [{ observed: { r2, … }, r2Star, p, blockLength }, …]
 */
export function analogueNull(
  small: Float64Array,
  large: Float64Array,
  sets: readonly AnalogueSets[],
  options: { draws: number; seed: number; blockLength?: number },
): AnalogueNull[] {
  const T = small.length;
  const B = options.draws;
  const observed = sets.map((s) => analogueScore(cumulativeSpread(small, large, s.horizon), s)); // also refuses a look-ahead
  const spread = new Float64Array(Math.max(0, T - 1));
  for (let t = 1; t < T; t++) spread[t - 1] = small[t] - large[t];
  const blockLength = options.blockLength ?? optimalBlockLength(spread);
  const r2Star = sets.map(() => new Float64Array(B).fill(NaN));
  if (T >= 2 && sets.some((s) => s.origins.length > 0)) {
    const rnd = mulberry32(options.seed);
    const idx = new Int32Array(T - 1);
    // growth of 1 to the end of each period of the resampled history; windows are ratios of it
    const ps = new Float64Array(T).fill(1),
      pl = new Float64Array(T).fill(1),
      y = new Float64Array(T),
      before = new Float64Array(T + 1); // before[i]: sum of y over periods 0 … i − 1
    for (let b = 0; b < B; b++) {
      stationaryIndices(T - 1, blockLength, rnd, idx);
      for (let t = 1; t < T; t++) {
        ps[t] = ps[t - 1] * (1 + small[idx[t - 1] + 1]);
        pl[t] = pl[t - 1] * (1 + large[idx[t - 1] + 1]);
      }
      for (let s = 0; s < sets.length; s++) r2Star[s][b] = scoreDraw(ps, pl, sets[s], y, before);
    }
  }
  return sets.map((_, s) => {
    const o = observed[s];
    let beyond = 0;
    for (let b = 0; b < B; b++) if (r2Star[s][b] >= o.r2) beyond++;
    return { observed: o, r2Star: r2Star[s], p: Number.isFinite(o.r2) ? (beyond + 1) / (B + 1) : NaN, blockLength };
  });
}

/** The out-of-sample R² of one horizon's forecaster on one resampled history (the fast path of analogueScore: every outcome is finite). */
function scoreDraw(ps: Float64Array, pl: Float64Array, sets: AnalogueSets, y: Float64Array, before: Float64Array): number {
  const T = ps.length;
  const h = sets.horizon;
  const { origins, offsets, members } = sets;
  const complete = T - h; // periods 0 … T − h − 1 have a complete outcome
  for (let t = 0; t < complete; t++) {
    y[t] = ps[t + h] / ps[t] - pl[t + h] / pl[t];
    before[t + 1] = before[t] + y[t];
  }
  let sse = 0,
    ssb = 0;
  for (let k = 0; k < origins.length; k++) {
    const o = origins[k];
    if (o >= complete) break; // origins ascend: no later one is scored
    const c = offsets[k + 1] - offsets[k];
    const m = o - h + 1; // outcomes complete at the origin: periods 0 … o − h
    if (c === 0 || m <= 0) continue;
    let s = 0;
    for (let a = offsets[k]; a < offsets[k + 1]; a++) s += y[members[a]];
    sse += (y[o] - s / c) ** 2;
    ssb += (y[o] - before[m] / m) ** 2;
  }
  return ssb > 0 ? 1 - sse / ssb : NaN;
}

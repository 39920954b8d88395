import { outOfSampleR2 } from './out-of-sample-r2.js';

/** Forecast origins and, for each, the periods whose outcomes its forecast averages (compressed rows). */
export interface AnalogueSets {
  /** Outcome horizon in periods: a forecast made at origin o may use outcomes of periods i with i + h ≤ o. */
  horizon: number;
  /** Forecast origins (periods), ascending. */
  origins: Int32Array;
  /** The analogues of origin k are members[offsets[k] … offsets[k + 1] − 1]; offsets has origins.length + 1 entries. */
  offsets: Int32Array;
  members: Int32Array;
}

/** An expanding-window forecaster scored against the historical mean. */
export interface AnalogueScore {
  /** Per origin: the forecast (mean outcome of its analogues), the historical mean known then, and the outcome (NaN when not yet known). */
  forecast: Float64Array;
  benchmark: Float64Array;
  realized: Float64Array;
  /** Out-of-sample R² against the historical mean, origins scored, and both sums of squared errors. */
  r2: number;
  n: number;
  sseForecast: number;
  sseBenchmark: number;
}

/**
 * Scores a forecaster that predicts each origin's outcome by the mean outcome of a set of
 * earlier periods (its analogues) against the historical mean known at the origin — the mean
 * of every outcome complete by then (periods i with i + h ≤ o) — by the out-of-sample R²
 * (Campbell & Thompson 2008; the expanding window of Welch & Goyal 2008, Review of Financial
 * Studies 21). Outcomes are `y` (e.g. cumulativeSpread); an analogue whose outcome is not
 * complete at the origin is a look-ahead, and is refused.
 *
 * @example analogueScore(Float64Array.of(1, 2, 3, 4, NaN), { horizon: 1, origins: Int32Array.of(2, 3), offsets: Int32Array.of(0, 1, 2), members: Int32Array.of(0, 1) })
 * // forecasts [1, 2], benchmarks [1.5, 2], outcomes [3, 4]: R² = 1 − (4 + 4) / (2.25 + 4)
 */
export function analogueScore(y: ArrayLike<number>, sets: AnalogueSets): AnalogueScore {
  const { horizon: h, origins, offsets, members } = sets;
  const n = origins.length;
  const forecast = new Float64Array(n),
    benchmark = new Float64Array(n),
    realized = new Float64Array(n);
  let sum = 0,
    count = 0,
    next = 0; // outcomes of periods < next are in the running mean
  for (let k = 0; k < n; k++) {
    const o = origins[k];
    while (next + h <= o) {
      if (Number.isFinite(y[next])) {
        sum += y[next];
        count++;
      }
      next++;
    }
    benchmark[k] = count > 0 ? sum / count : NaN;
    let s = 0,
      c = 0;
    for (let a = offsets[k]; a < offsets[k + 1]; a++) {
      const i = members[a];
      if (i + h > o) throw new Error(`analogue ${i} of origin ${o} ends after it (horizon ${h}): its outcome was not known`);
      if (Number.isFinite(y[i])) {
        s += y[i];
        c++;
      }
    }
    forecast[k] = c > 0 ? s / c : NaN;
    realized[k] = o < y.length ? y[o] : NaN;
  }
  const fit = outOfSampleR2(realized, forecast, benchmark);
  return { forecast, benchmark, realized, r2: fit.r2, n: fit.n, sseForecast: fit.sseForecast, sseBenchmark: fit.sseBenchmark };
}

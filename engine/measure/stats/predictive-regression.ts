import { neweyWestOls, type HacRegression } from './newey-west-ols.js';

/** Options of {@link predictiveRegression}. */
export interface PredictiveOptions {
  /** Forecast horizon in observations (the outcome at t spans t … t + h). */
  horizon: number;
  /** Newey–West lag (default: the horizon). */
  lag?: number;
  /** Complete training pairs needed before the first out-of-sample forecast (default 120). */
  minTrain?: number;
}

/** Result of {@link predictiveRegression}. */
export interface PredictiveRegression extends HacRegression {
  /** Out-of-sample R² of the expanding-window forecast against the historical mean. */
  r2Oos: number;
  /** Number of out-of-sample forecasts scored. */
  nOos: number;
  horizon: number;
}

/**
 * Predictive regression y_t = α + β x_t + ε, where y_t is the outcome over the next h
 * observations: coefficients with Newey–West errors at lag h, in-sample R², and the
 * out-of-sample R²_OS = 1 − Σ(y_t − ŷ_t)² / Σ(y_t − ȳ_t)² of an expanding-window
 * forecast, where ŷ_t and the historical mean ȳ_t use only pairs s whose outcome is
 * complete by t (s + h ≤ t) (Campbell & Thompson 2008; Welch & Goyal 2008).
 *
 * @example predictiveRegression(tenYearSpread, bmSpread, { horizon: 120 }) // { beta, tBeta, r2, r2Oos, … }
 */
export function predictiveRegression(y: ArrayLike<number>, x: ArrayLike<number>, options: PredictiveOptions): PredictiveRegression {
  const h = options.horizon;
  const fit = neweyWestOls(y, x, options.lag ?? h);
  const minTrain = options.minTrain ?? 120;
  const T = Math.min(x.length, y.length);
  let n = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0,
    sse = 0,
    ssm = 0,
    nOos = 0;
  let next = 0; // next pair to add to the training set
  for (let t = 0; t < T; t++) {
    while (next + h <= t) {
      if (Number.isFinite(x[next]) && Number.isFinite(y[next])) {
        n++;
        sx += x[next];
        sy += y[next];
        sxx += x[next] * x[next];
        sxy += x[next] * y[next];
      }
      next++;
    }
    if (n < minTrain || !Number.isFinite(x[t]) || !Number.isFinite(y[t])) continue;
    const det = n * sxx - sx * sx;
    if (!(det > 0)) continue;
    const b = (n * sxy - sx * sy) / det;
    const a = (sy - b * sx) / n;
    sse += (y[t] - a - b * x[t]) ** 2;
    ssm += (y[t] - sy / n) ** 2;
    nOos++;
  }
  return { ...fit, r2Oos: nOos > 0 && ssm > 0 ? 1 - sse / ssm : NaN, nOos, horizon: h };
}

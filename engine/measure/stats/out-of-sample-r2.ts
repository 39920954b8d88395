/**
 * Out-of-sample R² of a forecast against a benchmark forecast (usually the historical mean
 * known at each origin): 1 − Σ (y_t − f_t)² / Σ (y_t − b_t)² over the origins where outcome,
 * forecast and benchmark are all finite; above 0 when the forecast's squared errors are smaller
 * (Campbell & Thompson 2008, "Predicting excess stock returns out of sample", Review of Financial
 * Studies 21). Returns the R², the origins scored and both sums of squared errors.
 *
 * @example outOfSampleR2([1, 2, 3], [1, 2, 2], [2, 2, 2]) // { r2: 1 − 1/2 = 0.5, n: 3, sseForecast: 1, sseBenchmark: 2 }
 */
export function outOfSampleR2(
  y: ArrayLike<number>,
  forecast: ArrayLike<number>,
  benchmark: ArrayLike<number>,
): { r2: number; n: number; sseForecast: number; sseBenchmark: number } {
  let sse = 0,
    ssb = 0,
    n = 0;
  const T = Math.min(y.length, forecast.length, benchmark.length);
  for (let t = 0; t < T; t++) {
    const a = y[t],
      f = forecast[t],
      b = benchmark[t];
    if (!Number.isFinite(a) || !Number.isFinite(f) || !Number.isFinite(b)) continue;
    sse += (a - f) ** 2;
    ssb += (a - b) ** 2;
    n++;
  }
  return { r2: n > 0 && ssb > 0 ? 1 - sse / ssb : NaN, n, sseForecast: sse, sseBenchmark: ssb };
}

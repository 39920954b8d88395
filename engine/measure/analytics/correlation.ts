/**
 * Pearson correlation of two series over the positions where both are finite (pairwise
 * deletion): Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²) (Pearson 1896). NaN with fewer than two
 * pairs or a constant series.
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.9933
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0,
    sx = 0,
    sy = 0;
  const len = Math.min(x.length, y.length);
  for (let i = 0; i < len; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    n++;
    sx += x[i];
    sy += y[i];
  }
  if (n < 2) return NaN;
  const mx = sx / n,
    my = sy / n;
  let cxy = 0,
    cxx = 0,
    cyy = 0;
  for (let i = 0; i < len; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    const dx = x[i] - mx,
      dy = y[i] - my;
    cxy += dx * dy;
    cxx += dx * dx;
    cyy += dy * dy;
  }
  return cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : NaN;
}

/**
 * Correlation matrix of several series (row-major k×k, 1 on the diagonal for a series that varies).
 * @example correlationMatrix([a, b, c])[1] // corr(a, b)
 */
export function correlationMatrix(series: readonly ArrayLike<number>[]): Float64Array {
  const k = series.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const r = i === j ? (Number.isFinite(pearson(series[i], series[i])) ? 1 : NaN) : pearson(series[i], series[j]);
      out[i * k + j] = r;
      out[j * k + i] = r;
    }
  }
  return out;
}

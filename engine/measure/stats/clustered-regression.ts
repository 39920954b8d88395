/**
 * A linear regression y = X β + e summarized cluster by cluster: for each cluster g,
 * X_g'X_g (k × k, row-major) and X_g'y_g (k). The first regressor is the constant. This is
 * all the cluster-robust and wild cluster bootstrap inference of a linear model needs
 * (Roodman, Nielsen, MacKinnon & Webb 2019, "Fast and wild", Stata Journal 19, §3).
 */
export interface ClusteredRegression {
  /** Regressors, the constant included. */
  k: number;
  /** Clusters. */
  G: number;
  /** X_g'X_g of each cluster, G · k · k values. */
  xtx: Float64Array;
  /** X_g'y_g of each cluster, G · k values. */
  xty: Float64Array;
  /** Observations used. */
  n: number;
}

/**
 * Builds a {@link ClusteredRegression} from observations: `y`, the regressors besides the
 * constant (`columns`, each as long as y) and a cluster label per observation (any numbers;
 * clusters are numbered in order of first appearance). Observations with a NaN value or
 * a negative or NaN label are left out.
 *
 * @example clusteredRegression(spreads, [], groupIds) // a cluster-robust mean
 * @example clusteredRegression(barSpread, [isEasing], episodeIds) // a difference of two means
 */
export function clusteredRegression(y: ArrayLike<number>, columns: readonly ArrayLike<number>[], cluster: ArrayLike<number>): ClusteredRegression {
  const k = columns.length + 1;
  const index = new Map<number, number>();
  const xtx: number[] = [];
  const xty: number[] = [];
  const x = new Float64Array(k);
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    const c = cluster[i];
    if (!(c >= 0) || !Number.isFinite(y[i])) continue;
    x[0] = 1;
    let ok = true;
    for (let j = 1; j < k; j++) {
      x[j] = columns[j - 1][i];
      if (!Number.isFinite(x[j])) ok = false;
    }
    if (!ok) continue;
    let g = index.get(c);
    if (g === undefined) {
      g = index.size;
      index.set(c, g);
      for (let a = 0; a < k * k; a++) xtx.push(0);
      for (let a = 0; a < k; a++) xty.push(0);
    }
    for (let a = 0; a < k; a++) {
      xty[g * k + a] += x[a] * y[i];
      for (let b = 0; b < k; b++) xtx[g * k * k + a * k + b] += x[a] * x[b];
    }
    n++;
  }
  return { k, G: index.size, xtx: Float64Array.from(xtx), xty: Float64Array.from(xty), n };
}

/**
 * The regression of a cluster mean: one observation per cluster total, X_g'X_g = n_g and
 * X_g'y_g = Σ y over the cluster. With every n_g = 1 it is the mean of G independent values.
 *
 * @example clusterMean(Float64Array.of(3, 1), Float64Array.of(2, 1)) // mean (3 + 1) / 3
 */
export function clusterMean(sums: ArrayLike<number>, counts: ArrayLike<number>): ClusteredRegression {
  const G = Math.min(sums.length, counts.length);
  let n = 0;
  for (let g = 0; g < G; g++) n += counts[g];
  return { k: 1, G, xtx: Float64Array.from({ length: G }, (_, g) => counts[g]), xty: Float64Array.from({ length: G }, (_, g) => sums[g]), n };
}

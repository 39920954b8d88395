/** The nearest analogues of a target state and their distances. */
export interface Analogues {
  /** Candidate rows, nearest first (ties: the earlier row first); at most k. */
  rows: Int32Array;
  distances: Float64Array;
}

/**
 * The k rows of a history whose state is nearest to a target state: the weighted distance
 * d = √(Σ_j w_j ((x_ij − x_j*) / s_j)² / Σ_j w_j) over the features j known both in row i and in
 * the target, with s_j each feature's standard deviation (standardized inputs: the means cancel
 * in the differences), so a row that lacks a feature is compared on the others and the distance
 * stays on one scale (the analogue method, Lorenz 1969, "Atmospheric predictability as revealed
 * by naturally occurring analogues", J. Atmospheric Sciences 26; averaging over the variables
 * both rows have, Gower 1971, Biometrics 27). A row with no feature in common with the target,
 * or a feature with no positive scale, is left out. With `limit`, at most `perGroup` rows of one
 * group (e.g. one Fed cycle, whose months are one episode) are taken: the next nearest row of
 * another group takes the place of the others. Deterministic: equal distances keep row order.
 *
 * @example nearestAnalogues([Float64Array.of(0, 1, 3)], [1], [1], [2.6], [0, 1, 2], 2) // rows [2, 1], distances [0.4, 1.6]
 */
export function nearestAnalogues(
  columns: readonly ArrayLike<number>[],
  weights: ArrayLike<number>,
  scales: ArrayLike<number>,
  target: ArrayLike<number>,
  candidates: ArrayLike<number>,
  k: number,
  limit?: { group: ArrayLike<number>; perGroup: number },
): Analogues {
  const F = columns.length;
  const use: number[] = [];
  for (let j = 0; j < F; j++) if (weights[j] > 0 && scales[j] > 0 && Number.isFinite(target[j])) use.push(j);
  const n = candidates.length;
  const dist = new Float64Array(n).fill(NaN);
  for (let c = 0; c < n; c++) {
    const i = candidates[c];
    let sum = 0,
      wsum = 0;
    for (let u = 0; u < use.length; u++) {
      const j = use[u];
      const x = columns[j][i];
      if (!(x === x)) continue; // NaN: a feature this row lacks
      const d = (x - target[j]) / scales[j];
      sum += weights[j] * d * d;
      wsum += weights[j];
    }
    if (wsum > 0) dist[c] = Math.sqrt(sum / wsum);
  }
  const want = Math.max(0, Math.floor(k));
  // only the nearest few are needed: order the candidates within a cut-off distance (the native
  // numeric sort finds it), and all of them when the per-group limit skips too many
  const sorted = Float64Array.from(dist).sort(); // NaN last
  const pick = (cutoff: number) => {
    const order: number[] = [];
    for (let c = 0; c < n; c++) if (dist[c] <= cutoff) order.push(c);
    order.sort((a, b) => dist[a] - dist[b] || candidates[a] - candidates[b]);
    const rows: number[] = [],
      distances: number[] = [];
    const taken = new Map<number, number>();
    for (let r = 0; r < order.length && rows.length < want; r++) {
      const i = candidates[order[r]];
      if (limit) {
        const g = limit.group[i];
        const t = taken.get(g) ?? 0;
        if (t >= limit.perGroup) continue;
        taken.set(g, t + 1);
      }
      rows.push(i);
      distances.push(dist[order[r]]);
    }
    return { rows, distances, complete: rows.length >= want };
  };
  const first = Math.min(n, 4 * want) - 1;
  const cutoff = first >= 0 && Number.isFinite(sorted[first]) ? sorted[first] : Infinity;
  let near = pick(cutoff);
  if (!near.complete && cutoff !== Infinity) near = pick(Infinity);
  const { rows, distances } = near;
  return { rows: Int32Array.from(rows), distances: Float64Array.from(distances) };
}

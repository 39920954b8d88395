/** One jackknife replicate: the estimate with one group's members left out. */
export interface LeftOut {
  /** The group left out (its id in `groupOf`). */
  group: number;
  /** Members left out, and the members the estimate uses. */
  dropped: number;
  n: number;
  /** Mean of the remaining values (NaN when none remain). */
  mean: number;
}

/**
 * Leave-one-group-out means, the jackknife's replicates over groups (Quenouille 1956; Tukey
 * 1958): for each group, the mean of `values` with every member of that group removed, each
 * remaining value counted once. NaN values are ignored. Groups are reported in order of first
 * appearance.
 *
 * @example leaveOneGroupOut([1, 2, 9], [0, 0, 1]) // [{ group: 0, dropped: 2, n: 1, mean: 9 }, { group: 1, dropped: 1, n: 2, mean: 1.5 }]
 */
export function leaveOneGroupOut(values: ArrayLike<number>, groupOf: ArrayLike<number>): LeftOut[] {
  let sum = 0;
  let count = 0;
  const sums = new Map<number, { sum: number; n: number }>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    sum += v;
    count++;
    const g = sums.get(groupOf[i]) ?? { sum: 0, n: 0 };
    g.sum += v;
    g.n++;
    sums.set(groupOf[i], g);
  }
  return [...sums].map(([group, g]) => {
    const n = count - g.n;
    return { group, dropped: g.n, n, mean: n > 0 ? (sum - g.sum) / n : NaN };
  });
}

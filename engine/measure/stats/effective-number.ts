/**
 * The effective number of independent groups behind observations spread unevenly over them,
 * when the observations count equally and those of one group move together:
 * (Σ n_g)² / Σ n_g² — G when every group holds as many, 1 when one group holds them all
 * (Kish's effective sample size of unequal weights, Kish 1965, Survey Sampling, applied to the
 * groups' shares of a mean). Groups with no observations are ignored; NaN when there are none.
 *
 * @example effectiveNumber([12, 6, 6]) // 24² / (144 + 36 + 36) = 2.67
 */
export function effectiveNumber(counts: ArrayLike<number>): number {
  let sum = 0,
    squares = 0;
  for (let g = 0; g < counts.length; g++) {
    const n = counts[g];
    if (!(n > 0)) continue;
    sum += n;
    squares += n * n;
  }
  return squares > 0 ? (sum * sum) / squares : NaN;
}

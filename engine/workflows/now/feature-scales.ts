/**
 * Expanding standard deviations of feature columns: the returned function gives, for a last
 * row `upto`, each column's sample standard deviation over rows 0 … upto (finite values only;
 * NaN with fewer than two), from running sums, so a walk through the history costs one pass.
 * Standardizing with these uses only the history known at the row.
 *
 * @example expandingScales([Float64Array.of(1, 3, 5)])(1) // [√2]
 */
export function expandingScales(columns: readonly ArrayLike<number>[]): (upto: number) => Float64Array {
  const F = columns.length;
  const R = F ? columns[0].length : 0;
  const n = new Float64Array((R + 1) * F),
    s = new Float64Array((R + 1) * F),
    q = new Float64Array((R + 1) * F);
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < F; j++) {
      const x = columns[j][r];
      const a = r * F + j,
        b = a + F;
      const ok = Number.isFinite(x);
      n[b] = n[a] + (ok ? 1 : 0);
      s[b] = s[a] + (ok ? x : 0);
      q[b] = q[a] + (ok ? x * x : 0);
    }
  }
  return (upto: number) => {
    const b = (Math.min(upto, R - 1) + 1) * F;
    return Float64Array.from({ length: F }, (_, j) => {
      const k = n[b + j];
      if (k < 2) return NaN;
      const mean = s[b + j] / k;
      return Math.sqrt(Math.max(0, (q[b + j] - k * mean * mean) / (k - 1)));
    });
  };
}

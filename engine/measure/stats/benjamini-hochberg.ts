/**
 * Benjamini–Hochberg adjusted p-values, which control the false discovery rate: with the m
 * p-values sorted p_(1) ≤ … ≤ p_(m), p̃_(i) = min_{l ≥ i} min(1, m p_(l) / l) (Benjamini &
 * Hochberg 1995, J. Royal Statistical Society B 57). NaN entries are not part of the family
 * and stay NaN; the order of the input is kept.
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const idx = p
    .map((_, i) => i)
    .filter((i) => Number.isFinite(p[i]))
    .sort((a, b) => p[a] - p[b] || a - b);
  const m = idx.length;
  const out = p.map(() => NaN);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const i = idx[rank];
    running = Math.min(running, Math.min(1, (m * p[i]) / (rank + 1)));
    out[i] = running;
  }
  return out;
}

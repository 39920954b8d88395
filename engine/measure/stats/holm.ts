/**
 * Holm's step-down adjusted p-values, which control the family-wise error rate: with the m
 * p-values sorted p_(1) ≤ … ≤ p_(m), p̃_(i) = max_{l ≤ i} min(1, (m − l + 1) p_(l)) (Holm 1979,
 * "A simple sequentially rejective multiple test procedure", Scand. J. Statistics 6). NaN
 * entries are not part of the family and stay NaN; the order of the input is kept.
 *
 * @example holm([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holm(p: readonly number[]): number[] {
  const idx = p
    .map((_, i) => i)
    .filter((i) => Number.isFinite(p[i]))
    .sort((a, b) => p[a] - p[b] || a - b);
  const m = idx.length;
  const out = p.map(() => NaN);
  let running = 0;
  idx.forEach((i, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p[i]));
    out[i] = running;
  });
  return out;
}

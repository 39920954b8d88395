/**
 * Σ_t u_t² + 2 Σ_{j=1..L} (1 − j/(L+1)) Σ_{t≥j} u_t u_{t−j}: the Bartlett-weighted sum of
 * autocovariance products behind a Newey–West variance (Newey & West 1987, eq. 2), before any
 * division by the sample size.
 *
 * @example bartlettSum(Float64Array.of(1, -1, 1), 1) // 3 + 2 · ½ · (−2) = 1
 */
export function bartlettSum(u: Float64Array, L: number): number {
  const T = u.length;
  let S = 0;
  for (let t = 0; t < T; t++) S += u[t] * u[t];
  for (let j = 1; j <= L; j++) {
    let g = 0;
    for (let t = j; t < T; t++) g += u[t] * u[t - j];
    S += 2 * (1 - j / (L + 1)) * g;
  }
  return S;
}

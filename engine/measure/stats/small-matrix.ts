/** Small dense matrices (k × k, row-major Float64Array) for the statistics' few linear-algebra steps. */

/**
 * Inverse of a small square matrix by Gauss–Jordan elimination with partial pivoting; every
 * entry NaN when the matrix is singular.
 *
 * @example invert(Float64Array.of(2, 0, 0, 4), 2) // [0.5, 0, 0, 0.25]
 */
export function invert(a: Float64Array, k: number): Float64Array {
  const m = Float64Array.from(a);
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) inv[i * k + i] = 1;
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r * k + c]) > Math.abs(m[piv * k + c])) piv = r;
    const d = m[piv * k + c];
    if (!(Math.abs(d) > 1e-300)) return inv.fill(NaN);
    if (piv !== c) {
      for (let j = 0; j < k; j++) {
        [m[c * k + j], m[piv * k + j]] = [m[piv * k + j], m[c * k + j]];
        [inv[c * k + j], inv[piv * k + j]] = [inv[piv * k + j], inv[c * k + j]];
      }
    }
    for (let j = 0; j < k; j++) {
      m[c * k + j] /= d;
      inv[c * k + j] /= d;
    }
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r * k + c];
      if (f === 0) continue;
      for (let j = 0; j < k; j++) {
        m[r * k + j] -= f * m[c * k + j];
        inv[r * k + j] -= f * inv[c * k + j];
      }
    }
  }
  return inv;
}

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (Golub &
 * Van Loan 2013, Matrix Computations, §8.5): `values[i]` with its unit eigenvector in column i of
 * `vectors` (row-major k × k), in no particular order.
 *
 * @example symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values // [1, 3] (some order)
 */
export function symmetricEigen(a: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  let scale = 0;
  for (let i = 0; i < k * k; i++) scale += m[i] * m[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += m[p * k + q] * m[p * k + q];
    if (!(off > 1e-30 * scale)) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q];
        if (apq === 0) continue;
        // the rotation that zeroes m[p][q]: tan θ = t, the smaller root of t² + 2τ t − 1 = 0
        const tau = (m[q * k + q] - m[p * k + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const x = m[r * k + p],
            y = m[r * k + q];
          m[r * k + p] = c * x - s * y;
          m[r * k + q] = s * x + c * y;
        }
        for (let r = 0; r < k; r++) {
          const x = m[p * k + r],
            y = m[q * k + r];
          m[p * k + r] = c * x - s * y;
          m[q * k + r] = s * x + c * y;
        }
        for (let r = 0; r < k; r++) {
          const x = v[r * k + p],
            y = v[r * k + q];
          v[r * k + p] = c * x - s * y;
          v[r * k + q] = s * x + c * y;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: k }, (_, i) => m[i * k + i]), vectors: v };
}

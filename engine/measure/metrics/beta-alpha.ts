import { mean } from './moments.js';

/**
 * Beta and Jensen's alpha (Jensen 1968) of per-bar excess returns x against benchmark excess
 * returns b: beta = cov(x, b) / var(b); alphaAnnual = (mean(x) − beta·mean(b)) × periodsPerYear,
 * an annualized fraction. NaN when the benchmark does not vary.
 */
export function betaAlpha(x: ArrayLike<number>, b: ArrayLike<number>, periodsPerYear: number): { beta: number; alphaAnnual: number } {
  const mx = mean(x);
  const mb = mean(b);
  let cov = 0;
  let vb = 0;
  for (let i = 0; i < x.length; i++) {
    cov += (x[i] - mx) * (b[i] - mb);
    vb += (b[i] - mb) * (b[i] - mb);
  }
  const beta = vb > 0 ? cov / vb : NaN;
  return { beta, alphaAnnual: (mx - beta * mb) * periodsPerYear };
}

import { twoSidedTP } from './student-t.js';

/** One regression on non-overlapping observations. */
export interface NonOverlappingFit {
  /** First observation used (0 … h − 1): every h-th one from there. */
  offset: number;
  n: number;
  beta: number;
  /** Classical OLS t of the slope and its two-sided p on n − 2 degrees of freedom. */
  t: number;
  p: number;
}

/**
 * OLS of y on (1, x) using only every h-th observation, once for each of the h possible
 * starting points: with outcomes that span h periods, these regressions have no overlap, so
 * their classical t is honest about how few independent observations there are (e.g.
 * Boudoukh, Richardson & Whitelaw 2008, "The myth of long-horizon predictability", Review of
 * Financial Studies 21). Pairs with a NaN are skipped; offsets with fewer than 3 pairs give NaN.
 *
 * @example nonOverlappingRegressions(tenYearSpread, bmSpread, 120) // 120 fits of about 9 points each
 */
export function nonOverlappingRegressions(y: ArrayLike<number>, x: ArrayLike<number>, h: number): NonOverlappingFit[] {
  const T = Math.min(y.length, x.length);
  const out: NonOverlappingFit[] = [];
  for (let o = 0; o < h; o++) {
    let n = 0,
      sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0,
      syy = 0;
    for (let t = o; t < T; t += h) {
      if (!Number.isFinite(x[t]) || !Number.isFinite(y[t])) continue;
      n++;
      sx += x[t];
      sy += y[t];
      sxx += x[t] * x[t];
      sxy += x[t] * y[t];
      syy += y[t] * y[t];
    }
    const dxx = sxx - (sx * sx) / n,
      dxy = sxy - (sx * sy) / n,
      dyy = syy - (sy * sy) / n;
    if (n < 3 || !(dxx > 0)) {
      out.push({ offset: o, n, beta: NaN, t: NaN, p: NaN });
      continue;
    }
    const beta = dxy / dxx;
    const ssr = Math.max(0, dyy - beta * dxy);
    const se = Math.sqrt(ssr / (n - 2) / dxx);
    const t = beta / se;
    out.push({ offset: o, n, beta, t, p: n > 2 ? twoSidedTP(t, n - 2) : NaN });
  }
  return out;
}

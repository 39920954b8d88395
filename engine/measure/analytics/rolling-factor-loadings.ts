import { monthIndex } from '../../core/dates.js';
import { invert } from '../stats/small-matrix.js';
import type { FactorColumn } from './factor-fit.js';

/** Factor loadings over trailing windows of calendar months (see {@link rollingFactorLoadings}). */
export interface RollingLoadings {
  /** Window length in months. */
  months: number;
  /** Each window's last bar (days since 1970-01-01), one per window. */
  dates: Int32Array;
  /** Alpha × 12 (annualized, per calendar month), the loading on each factor (in `names` order) and R². */
  alpha: Float64Array;
  names: string[];
  loadings: Float64Array[];
  r2: Float64Array;
}

/**
 * Rolling factor loadings on monthly returns (the 60- or 36-month windows of Fama & French 1993
 * and Carhart 1997 style attribution; OLS point estimates from each window's cross-products):
 * the run's returns and cash and each factor are compounded by calendar month over the bars of
 * that month (a monthly run has one bar a month; a daily run's partial first and last months are
 * kept, as in returns-monthly.csv), the monthly excess return Π(1 + r) − Π(1 + cash) is regressed
 * on the monthly factors over each window of `months` consecutive calendar months, and a window is
 * fitted only when every bar of every month in it has a return, cash and all factors (bar 0 has
 * none and is skipped).
 *
 * @example rollingFactorLoadings(dates, strategyReturns, cash, [{ name: 'smb', values: smbPerBar }], 36)
 */
export function rollingFactorLoadings(
  dates: Int32Array,
  returns: ArrayLike<number>,
  cash: ArrayLike<number>,
  factors: readonly FactorColumn[],
  months = 36,
): RollingLoadings {
  const F = factors.length;
  // calendar months: key, last bar, growth of the return, cash and each factor (W columns), complete or not
  const W = F + 2;
  const src: ArrayLike<number>[] = [returns, cash, ...factors.map((f) => f.values)];
  const keys: number[] = [];
  const last: number[] = [];
  const growth = new Float64Array(W * dates.length).fill(1);
  const complete: boolean[] = [];
  for (let t = 1; t < dates.length; t++) {
    const k = monthIndex(dates[t]);
    if (keys[keys.length - 1] !== k) {
      keys.push(k);
      last.push(dates[t]);
      complete.push(true);
    }
    const m = keys.length - 1;
    last[m] = dates[t];
    for (let i = 0; i < W; i++) {
      const v = src[i][t];
      if (!Number.isFinite(v)) complete[m] = false;
      growth[m * W + i] *= 1 + v;
    }
  }
  const M = keys.length;
  const excess = new Float64Array(M);
  const monthly = factors.map(() => new Float64Array(M));
  for (let m = 0; m < M; m++) {
    excess[m] = growth[m * W] - growth[m * W + 1];
    for (let f = 0; f < F; f++) monthly[f][m] = growth[m * W + f + 2] - 1;
  }
  const outDates: number[] = [],
    alpha: number[] = [],
    r2: number[] = [];
  const loadings: number[][] = factors.map(() => []);
  // OLS per window from its cross-products: [1, f]'[1, f] β = [1, f]'y (the windows are short, so
  // no Newey–West: point estimates only); SSR = y'y − β'X'y, SST = y'y − n ȳ²
  const k = F + 1;
  const z = new Float64Array(k);
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  for (let m = months - 1; m < M; m++) {
    const a = m - months + 1;
    if (keys[m] - keys[a] !== months - 1) continue;
    let ok = true;
    for (let i = a; i <= m && ok; i++) ok = complete[i];
    if (!ok) continue;
    xtx.fill(0);
    xty.fill(0);
    let yy = 0,
      sy = 0;
    for (let i = a; i <= m; i++) {
      z[0] = 1;
      for (let f = 0; f < F; f++) z[f + 1] = monthly[f][i];
      const y = excess[i];
      yy += y * y;
      sy += y;
      for (let p = 0; p < k; p++) {
        xty[p] += z[p] * y;
        for (let q = 0; q < k; q++) xtx[p * k + q] += z[p] * z[q];
      }
    }
    const inv = invert(xtx, k);
    const beta = new Float64Array(k);
    let fitted = 0;
    for (let p = 0; p < k; p++) {
      for (let q = 0; q < k; q++) beta[p] += inv[p * k + q] * xty[q];
      fitted += beta[p] * xty[p];
    }
    const sst = yy - (sy * sy) / months;
    outDates.push(last[m]);
    alpha.push(beta[0] * 12);
    r2.push(sst > 0 ? 1 - (yy - fitted) / sst : NaN);
    for (let f = 0; f < F; f++) loadings[f].push(beta[f + 1]);
  }
  return {
    months,
    dates: Int32Array.from(outDates),
    alpha: Float64Array.from(alpha),
    names: factors.map((f) => f.name),
    loadings: loadings.map((l) => Float64Array.from(l)),
    r2: Float64Array.from(r2),
  };
}

import { neweyWestMultiple } from '../stats/newey-west-multiple.js';

/** Two-sided 95 % standard normal quantile: the intervals of a factor fit are estimate ± this × se. */
export const Z95 = 1.959963984540054;

/** One coefficient of a factor regression: `alpha` (annualized) or a factor loading. */
export interface FactorTerm {
  term: string;
  estimate: number;
  /** Newey–West standard error, t = estimate / se, two-sided normal p and the 95 % interval estimate ± 1.96 se. */
  se: number;
  t: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}

/** One factor regression of one series over some of a run's bars. */
export interface FactorFit {
  /** `all`, `easing`, `tightening`, `hold`, `easing-tightening` (differences) or `timed`. */
  scope: string;
  /** `strategy` or an asset of the universe. */
  series: string;
  /** Bars used, Newey–West lag, R² and adjusted R². */
  n: number;
  lag: number;
  r2: number;
  r2Adj: number;
  /** First and last bar used (days since 1970-01-01; NaN when none). */
  from: number;
  to: number;
  terms: FactorTerm[];
}

/** A regressor of {@link fitFactors}: its name and per-bar values. */
export interface FactorColumn {
  name: string;
  values: ArrayLike<number>;
}

/** Fewer bars than this: no fit (the terms are NaN, n is still reported). */
export const MIN_FACTOR_BARS = 24;

/**
 * Time-series factor regression of excess returns, y_t = α + Σ_f β_f f_t + e_t, over the bars
 * where `use` is true (and y and every column are finite), in time order, with Newey–West
 * standard errors at the default lag (Newey & West 1987; the spanning regression of Fama &
 * French 2015 and, with Mom, Carhart 1997, J. Finance 52(1)). The intercept is reported as
 * `alpha`, multiplied by `scale` (bars per year: an annualized arithmetic alpha, and its se and
 * interval likewise); loadings are per unit of factor return. NaN terms below
 * {@link MIN_FACTOR_BARS} bars.
 *
 * @example fitFactors('all', 'strategy', excess, [{ name: 'mkt_rf', values: mkt }, { name: 'smb', values: smb }], dates, 12)
 */
export function fitFactors(
  scope: string,
  series: string,
  y: ArrayLike<number>,
  columns: readonly FactorColumn[],
  dates: Int32Array,
  scale: number,
  use?: ArrayLike<number | boolean>,
): FactorFit {
  const T = y.length;
  const yy = new Float64Array(T);
  let n = 0,
    from = NaN,
    to = NaN;
  for (let t = 0; t < T; t++) {
    yy[t] = use === undefined || use[t] ? y[t] : NaN;
    let ok = Number.isFinite(yy[t]);
    for (let c = 0; c < columns.length && ok; c++) ok = Number.isFinite(columns[c].values[t]);
    if (!ok) continue;
    n++;
    if (Number.isNaN(from)) from = dates[t];
    to = dates[t];
  }
  const fit =
    n >= MIN_FACTOR_BARS
      ? neweyWestMultiple(
          yy,
          columns.map((c) => c.values),
        )
      : undefined;
  const names = ['alpha', ...columns.map((c) => c.name)];
  const terms = names.map((term, j): FactorTerm => {
    const s = j === 0 ? scale : 1;
    const estimate = (fit?.coef[j] ?? NaN) * s,
      se = (fit?.se[j] ?? NaN) * s;
    return { term, estimate, se, t: fit?.t[j] ?? NaN, p: fit?.p[j] ?? NaN, ciLow: estimate - Z95 * se, ciHigh: estimate + Z95 * se };
  });
  return { scope, series, n, lag: fit?.lag ?? NaN, r2: fit?.r2 ?? NaN, r2Adj: fit?.r2Adj ?? NaN, from, to, terms };
}

import { fitFactors, type FactorColumn, type FactorFit } from './factor-fit.js';

/**
 * Whether the loadings differ between two regimes: the interaction regression
 * y_t = α + Σ β_f f_t + δ D_t + Σ γ_f D_t f_t + e_t over the bars of regime A (D = 1) and regime
 * B (D = 0) only, with Newey–West standard errors (Newey & West 1987). γ_f is the loading in A
 * minus the loading in B and δ the difference of the alphas (annualized by `scale`); their point
 * estimates equal the differences of the two separate regressions, while the test uses the
 * residuals of both regimes in one HAC covariance (the Chow 1960 test, Econometrica 28(3), made
 * robust). Returned as a fit of scope `scope` whose terms are those differences, named like the
 * loadings (`alpha`, `smb`, …).
 *
 * @example factorPhaseDifference('strategy', excess, factors, dates, 12, isEasing, isTightening) // terms: alpha, mkt_rf, smb, … (easing − tightening)
 */
export function factorPhaseDifference(
  series: string,
  y: ArrayLike<number>,
  factors: readonly FactorColumn[],
  dates: Int32Array,
  scale: number,
  inA: ArrayLike<number | boolean>,
  inB: ArrayLike<number | boolean>,
  scope = 'easing-tightening',
): FactorFit {
  const T = y.length;
  const d = new Float64Array(T);
  const use = new Uint8Array(T);
  for (let t = 0; t < T; t++) {
    d[t] = inA[t] ? 1 : 0;
    use[t] = inA[t] || inB[t] ? 1 : 0;
  }
  const times = (x: ArrayLike<number>) => {
    const out = new Float64Array(T);
    for (let t = 0; t < T; t++) out[t] = d[t] * x[t];
    return out;
  };
  const columns: FactorColumn[] = [
    ...factors,
    { name: 'difference', values: d },
    ...factors.map((f) => ({ name: `difference:${f.name}`, values: times(f.values) })),
  ];
  const fit = fitFactors(scope, series, y, columns, dates, scale, use);
  // the difference of the intercepts is a return per bar: annualize it like alpha
  const terms = fit.terms
    .filter((x) => x.term.startsWith('difference'))
    .map((x) => {
      if (x.term !== 'difference') return { ...x, term: x.term.slice('difference:'.length) };
      return { ...x, term: 'alpha', estimate: x.estimate * scale, se: x.se * scale, ciLow: x.ciLow * scale, ciHigh: x.ciHigh * scale };
    });
  return { ...fit, terms };
}

import { barMonthsAfter } from '../analytics/event-study.js';
import { isoDay, ymdFromDay } from '../dates.js';
import { fittedWithInterval } from '../stats/prediction-interval.js';
import { predictiveRegression } from '../stats/predictive-regression.js';
import type { Market } from '../types.js';
import { pctText } from './event-claims.js';
import { twoSidedNormalP } from './normal-p.js';
import type { ClaimCharts, ClaimRow } from './types.js';
import { verdictOf } from './verdict.js';

/** Horizon of the valuation claim, months. */
export const VALUATION_MONTHS = 120;
/** Complete 10-year outcomes a sample needs for the valuation claim (20 years of month ends). */
export const MIN_VALUATION_MONTHS = 240;
/** The article's figure for small caps: about 8 % a year over the next decade. */
export const ARTICLE_SMALL = 0.08;
/** The article's figure for large caps: under 1 % a year over the next decade. */
export const ARTICLE_LARGE = 0.01;

/** Index of the last bar of each calendar month. */
function monthEndBars(dates: Int32Array): number[] {
  const out: number[] = [];
  for (let t = 0; t < dates.length; t++) {
    const a = ymdFromDay(dates[t]);
    const next = t + 1 < dates.length ? ymdFromDay(dates[t + 1]) : undefined;
    if (!next || next.month !== a.month || next.year !== a.year) out.push(t);
  }
  return out;
}

/**
 * Claim 5 on one market: at each month end, x = bm_spread as known then and y = the next 10
 * years' annualized small minus annualized large return, (S_{t+10y}/S_t)^(1/10) −
 * (L_{t+10y}/L_t)^(1/10); predictive regression with Newey–West errors at lag 120 and the
 * out-of-sample R²; the implied spread at the latest reading. `latest` is the last value
 * of the raw series and its date (it may be newer than the market's last known value).
 * Returns undefined when fewer than 240 month ends have a complete outcome.
 */
export function valuationClaim(m: Market, ctx: { universe: string; latest: { value: number; date: number }; history: Float64Array }): { rows: ClaimRow[]; chart: ClaimCharts } | { skip: string } {
  const bm = m.series.bm_spread;
  if (!bm) return { skip: 'no bm_spread series in the catalog' };
  const bars = monthEndBars(m.dates);
  const small = m.prices[m.small], large = m.prices[m.large];
  const x = new Float64Array(bars.length).fill(NaN);
  const y = new Float64Array(bars.length).fill(NaN);
  bars.forEach((t, k) => {
    x[k] = bm[t];
    const j = barMonthsAfter(m.dates, t, VALUATION_MONTHS);
    if (j > t) y[k] = Math.pow(small[j] / small[t], 0.1) - Math.pow(large[j] / large[t], 0.1);
  });
  let complete = 0, first = -1, last = -1;
  for (let k = 0; k < bars.length; k++) {
    if (Number.isFinite(x[k]) && Number.isFinite(y[k])) {
      complete++;
      if (first < 0) first = k;
      last = k;
    }
  }
  if (complete < MIN_VALUATION_MONTHS) return { skip: `only ${complete} month ends with bm_spread and a complete 10-year outcome (needs ${MIN_VALUATION_MONTHS})` };
  const fit = predictiveRegression(y, x, { horizon: VALUATION_MONTHS, minTrain: MIN_VALUATION_MONTHS });
  const current = ctx.latest.value;
  const implied = fittedWithInterval(fit, current);
  let below = 0;
  for (const v of ctx.history) if (v <= current) below++;
  const percentile = below / ctx.history.length;
  const from = isoDay(m.dates[bars[first]]), to = isoDay(m.dates[bars[last]]);
  const z = 1.959963984540054;
  const slopeLow = fit.beta - z * fit.seBeta, slopeHigh = fit.beta + z * fit.seBeta;
  const slopeVerdict = verdictOf(slopeLow, slopeHigh, 1);
  const impliedVerdict = verdictOf(implied.low, implied.high, 1);
  const oosText = fit.nOos > 0 ? `out-of-sample R² ${fit.r2Oos.toFixed(2)} over ${fit.nOos} expanding-window forecasts` : `no out-of-sample forecast (the sample is shorter than ${MIN_VALUATION_MONTHS} training months plus the 10-year horizon)`;
  const base = { claim: 5, universe: ctx.universe, from, to, n: fit.n, nUnit: 'month ends', direction: 1 as const, note: `overlapping windows: ${Math.floor(fit.n / VALUATION_MONTHS)} non-overlapping 10-year periods; in-sample R² ${fit.r2.toFixed(2)}; ${oosText}` };
  const word = (v: string) => (v === 'supported' ? 'history supports the claim' : v === 'contradicted' ? 'history contradicts the claim' : 'that cannot be told from noise');
  const rows: ClaimRow[] = [
    {
      ...base, part: '5-slope', headline: true, label: 'cheapness predicts 10-y spread',
      estimate: fit.beta, unit: 'annualized 10-year spread per unit of bm_spread', ciLow: slopeLow, ciHigh: slopeHigh,
      ciMethod: 'slope ± 1.96 Newey–West se (lag 120)', p: twoSidedNormalP(fit.tBeta), pMethod: `Newey–West t ${fit.tBeta.toFixed(2)} (lag ${fit.lag}), normal, two-sided`,
      verdict: slopeVerdict,
      sentence: `Each extra unit of bm_spread went with ${pctText(fit.beta)} a year more for small caps over the next 10 years (95 % CI ${pctText(slopeLow)} to ${pctText(slopeHigh)}; in-sample R² ${fit.r2.toFixed(2)}, ${oosText}); ${word(slopeVerdict)}${fit.r2Oos <= 0 ? ', but the forecast does no better than the historical mean out of sample' : ''}.`,
    },
    {
      ...base, part: '5-implied', headline: true, label: 'implied 10-y spread now',
      estimate: implied.value, unit: 'annualized small − large over the next 10 years', ciLow: implied.low, ciHigh: implied.high,
      ciMethod: 'fitted value ± 1.96 Newey–West se', p: twoSidedNormalP(implied.value / implied.se), pMethod: 'fitted value / se, normal, two-sided',
      verdict: impliedVerdict,
      sentence: `At the latest reading (${current.toFixed(2)} in ${isoDay(ctx.latest.date).slice(0, 7)}, percentile ${(percentile * 100).toFixed(0)} of history) the fit implies ${pctText(implied.value)} a year for small over large caps for the next decade (95 % CI ${pctText(implied.low)} to ${pctText(implied.high)}), against the article's ${(ARTICLE_SMALL * 100).toFixed(0)} % vs under ${(ARTICLE_LARGE * 100).toFixed(0)} % (≈ ${pctText(ARTICLE_SMALL - ARTICLE_LARGE)}); ${word(impliedVerdict)}.`,
    },
  ];
  const xs: number[] = [], ys: number[] = [];
  for (let k = 0; k < bars.length; k++) {
    if (Number.isFinite(x[k]) && Number.isFinite(y[k])) {
      xs.push(Number(x[k].toPrecision(5)));
      ys.push(Number(y[k].toPrecision(5)));
    }
  }
  return { rows, chart: { universe: ctx.universe, scatter: { x: xs, y: ys, alpha: fit.alpha, beta: fit.beta, current, currentDate: isoDay(ctx.latest.date), percentile, r2: fit.r2, r2Oos: fit.r2Oos, nOos: fit.nOos } } };
}

import { isoDay, monthIndex } from '../../core/dates.js';
import { normalQuantile } from '../../measure/metrics/normal.js';
import { deriveSeed } from '../../core/random.js';
import { criticalValue, simulatedP } from '../../measure/stats/critical-value.js';
import { hodrick1b } from '../../measure/stats/hodrick-1b.js';
import { nonOverlappingRegressions } from '../../measure/stats/non-overlapping-regressions.js';
import { fittedWithInterval } from '../../measure/stats/prediction-interval.js';
import { horizonOutcome, predictiveNull } from '../../measure/stats/predictive-null.js';
import { predictiveRegression } from '../../measure/stats/predictive-regression.js';
import { twoSidedNormalP } from './normal-p.js';
import type { Market } from '../../core/types.js';
import type { ClaimDraft } from './draft.js';
import { intervalWords, pctText, plainText, pText, ptsText } from './format.js';
import type { ClaimCharts } from '../../formats/claims-folder.js';
import { verdictWords } from './verdict.js';

/** Horizon of the valuation claim, months. */
export const VALUATION_MONTHS = 120;
/** Complete 10-year outcomes a sample needs for the valuation claim (20 years of month ends). */
export const MIN_VALUATION_MONTHS = 240;
/** Non-overlapping 10-year periods a sample needs for a test (as 5 independent groups of events). */
export const MIN_DECADES = 5;
/** The article's figure for small caps: about 8 % a year over the next decade. */
export const ARTICLE_SMALL = 0.08;
/** The article's figure for large caps: under 1 % a year over the next decade. */
export const ARTICLE_LARGE = 0.01;

/** Index of the last bar of each calendar month. */
export function monthEndBars(dates: Int32Array): number[] {
  const out: number[] = [];
  for (let t = 0; t < dates.length; t++) if (t + 1 === dates.length || monthIndex(dates[t + 1]) !== monthIndex(dates[t])) out.push(t);
  return out;
}

/** What {@link valuationClaim} needs besides the market. */
export interface ValuationContext {
  universe: string;
  /** The last value of the raw bm_spread series and its date (it may be newer than the market's last known value). */
  latest: { value: number; date: number };
  /** Every value of the raw series (for the latest reading's percentile). */
  history: Float64Array;
  /** Simulated samples under no predictability, and the seed. */
  draws: number;
  seed: number;
}

/**
 * Claim 5 on one market: at each month end, x = bm_spread as known then and y = the next 10
 * years' annualized small minus annualized large return; the predictive regression with
 * Newey–West errors at lag 120, its t and out-of-sample R² referred to their distributions
 * under no predictability (see predictiveNull), cross-checked with Hodrick's 1B t and the
 * regressions on non-overlapping decades; the conditional mean at the latest reading with its
 * interval calibrated the same way, a prediction interval for the coming decade, and the
 * article's ≈ 7 points a year as a point null. Fewer than 5 non-overlapping decades: no test.
 */
export function valuationClaim(m: Market, ctx: ValuationContext): { drafts: ClaimDraft[]; chart: ClaimCharts } | { skip: string } {
  const bm = m.series.bm_spread;
  if (!bm) return { skip: 'no bm_spread series in the catalog' };
  const h = VALUATION_MONTHS;
  const bars = monthEndBars(m.dates);
  const K = bars.length;
  const S = m.prices[m.small],
    L = m.prices[m.large];
  const small = new Float64Array(K),
    large = new Float64Array(K),
    x = new Float64Array(K);
  bars.forEach((t, k) => {
    x[k] = bm[t];
    if (k > 0) {
      small[k] = S[t] / S[bars[k - 1]] - 1;
      large[k] = L[t] / L[bars[k - 1]] - 1;
    }
  });
  // a month missing from the calendar would shift the 10-year windows: none may be
  for (let k = 1; k < K; k++)
    if (monthIndex(m.dates[bars[k]]) !== monthIndex(m.dates[bars[k - 1]]) + 1) return { skip: `the calendar skips a month before ${isoDay(m.dates[bars[k]])}` };
  const y = horizonOutcome(small, large, h, 12);
  let complete = 0,
    first = -1,
    last = -1;
  for (let k = 0; k < K; k++) {
    if (Number.isFinite(x[k]) && Number.isFinite(y[k])) {
      complete++;
      if (first < 0) first = k;
      last = k;
    }
  }
  if (complete < MIN_VALUATION_MONTHS)
    return { skip: `only ${complete} month ends with bm_spread and a complete 10-year outcome (needs ${MIN_VALUATION_MONTHS})` };
  const decades = Math.floor((last - first) / h) + 1;
  const tested = decades >= MIN_DECADES;
  const x0 = ctx.latest.value;
  let below = 0;
  for (const v of ctx.history) if (v <= x0) below++;
  const percentile = below / ctx.history.length;
  const from = isoDay(m.dates[bars[first]]),
    to = isoDay(m.dates[bars[last]]);
  const base = {
    claim: 5,
    universe: ctx.universe,
    from,
    to,
    role: 'robustness' as const,
    n: complete,
    nUnit: 'month ends',
    groups: decades,
    groupUnit: 'non-overlapping 10-year periods',
  };

  const fit = predictiveRegression(y, x, { horizon: h, minTrain: MIN_VALUATION_MONTHS });
  const at = fittedWithInterval(fit, x0);
  let ssr = 0;
  for (let k = 0; k < K; k++) if (Number.isFinite(x[k]) && Number.isFinite(y[k])) ssr += (y[k] - fit.alpha - fit.beta * x[k]) ** 2;
  const residualSd = Math.sqrt(ssr / (complete - 2));
  const logSpread = Float64Array.from(small, (s, k) => (k > 0 ? Math.log1p(s) - Math.log1p(large[k]) : NaN));
  const hodrick = hodrick1b(logSpread, x, h);
  const decadeFits = nonOverlappingRegressions(y, x, h).filter((f) => Number.isFinite(f.t));
  const mid = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1];
  const cross = `cross-checks: Hodrick 1B t ${hodrick.t.toFixed(2)} (normal p ${pText(twoSidedNormalP(hodrick.t))}); non-overlapping decades (${mid(decadeFits.map((f) => f.n))} points per start month): slope > 0 from ${decadeFits.filter((f) => f.beta > 0).length} of ${decadeFits.length} start months, median t ${mid(decadeFits.map((f) => f.t)).toFixed(2)}, median p ${pText(mid(decadeFits.map((f) => f.p)))}`;
  const drafts: ClaimDraft[] = [];
  const chart: ClaimCharts = { universe: ctx.universe, scatter: scatterOf(x, y, fit, x0, ctx.latest.date, percentile) };

  if (!tested) {
    const why = `only ${decades} non-overlapping 10-year periods (a test needs ${MIN_DECADES})`;
    const note = `${why}; normal-theory Newey–West t ${fit.tBeta.toFixed(2)} would overstate significance; ${cross}`;
    const untested = (part: string, label: string, estimate: number, unit: string, words: string): ClaimDraft => ({
      row: {
        ...base,
        part,
        headline: true,
        label,
        null:
          part === '5-slope'
            ? 'bm_spread does not predict the next 10 years’ small − large return (slope 0)'
            : 'the expected small − large return over the coming decade is 0',
        estimate,
        unit,
        ciLow: NaN,
        ciHigh: NaN,
        ciMethod: 'none',
        p: NaN,
        pMethod: 'none',
        mde: NaN,
        direction: 1,
        note,
      },
      say: () => `${words}, but with ${why} this is not tested.`,
    });
    drafts.push(
      untested(
        '5-slope',
        'cheapness predicts 10-y spread',
        fit.beta,
        'annualized 10-year spread per unit of bm_spread',
        `The overlapping-window slope is ${fit.beta.toFixed(3)} per unit of bm_spread`,
      ),
      untested(
        '5-implied',
        'implied 10-y spread now',
        at.value,
        'annualized small − large over the next 10 years',
        `At the latest reading (${x0.toFixed(2)}) the fit implies ${pctText(at.value)} a year`,
      ),
    );
    return { drafts, chart };
  }

  const draws = Math.max(100, Math.round(ctx.draws / 5));
  const sim = predictiveNull(
    { small, large, x, horizon: h, periodsPerYear: 12, minTrain: MIN_VALUATION_MONTHS },
    { draws, seed: deriveSeed(ctx.seed, 'valuation-null'), x0 },
  );
  const kSlope = criticalValue(sim.tStar),
    kFit = criticalValue(sim.fitTStar);
  const z80 = normalQuantile(0.8);
  const simText = `under no predictability (bm_spread's real path kept, monthly small and large returns resampled together, stationary bootstrap with mean block ${sim.blockLength.toFixed(1)} months, ${draws.toLocaleString('en-US')} samples)`;
  const sorted = Float64Array.from(sim.r2OosStar).filter(Number.isFinite).sort();
  const oos95 = sorted.length ? sorted[Math.floor(0.95 * (sorted.length - 1))] : NaN;
  const oosText = `out-of-sample R² ${fit.r2Oos.toFixed(2)} over ${fit.nOos} expanding-window forecasts (p ${pText(sim.pOos)} against its distribution with no predictability, whose 95th percentile is ${oos95.toFixed(2)})`;
  const sizeText = `the normal test at 1.96 would reject ${(sim.sizeOfNormalTest * 100).toFixed(0)} % of the time when nothing is predictable`;

  const slopeLow = fit.beta - kSlope * fit.seBeta,
    slopeHigh = fit.beta + kSlope * fit.seBeta;
  const slopeMde = (kSlope + z80) * fit.seBeta;
  drafts.push({
    row: {
      ...base,
      part: '5-slope',
      headline: true,
      label: 'cheapness predicts 10-y spread',
      null: 'bm_spread does not predict the next 10 years’ small − large return (slope 0)',
      estimate: fit.beta,
      unit: 'annualized 10-year spread per unit of bm_spread',
      ciLow: slopeLow,
      ciHigh: slopeHigh,
      ciMethod: `slope ± ${kSlope.toFixed(2)} Newey–West se (lag ${fit.lag}): the 95th percentile of |t| ${simText}, in place of 1.96`,
      p: sim.pT,
      pMethod: `Newey–West t ${fit.tBeta.toFixed(2)} referred to its distribution ${simText}; ${sizeText}`,
      mde: slopeMde,
      direction: 1,
      note: `in-sample R² ${fit.r2.toFixed(2)}; ${oosText}; ${cross}`,
    },
    say: (verdict, pVerdict, adjusted) =>
      `Across ${complete} month ends (${decades} non-overlapping decades), each extra unit of bm_spread went with ${ptsText(fit.beta)} a year more for small caps over the next 10 years (slope ${plainText(fit.beta)}, 95 % CI ${plainText(slopeLow)} to ${plainText(slopeHigh)}); the Newey–West t of ${fit.tBeta.toFixed(2)} has p ${pText(sim.pT)}${adjusted ? ` (Holm ${pText(pVerdict)})` : ''} against its distribution when nothing is predictable (${sizeText}); ${oosText}; ${verdict === 'not shown' ? `not shown — uninformative below ${slopeMde.toFixed(3)} per unit` : verdictWords(verdict)}.`,
  });

  const fitLow = at.value - kFit * at.se,
    fitHigh = at.value + kFit * at.se;
  const pFit = simulatedP(at.value / at.se, sim.fitTStar);
  const half = Math.hypot(kFit * at.se, normalQuantile(0.975) * residualSd);
  const predLow = at.value - half,
    predHigh = at.value + half;
  const article = ARTICLE_SMALL - ARTICLE_LARGE;
  const pArticle = simulatedP((at.value - article) / at.se, sim.fitTStar);
  const reading = `At the latest reading (${x0.toFixed(2)} in ${isoDay(ctx.latest.date).slice(0, 7)}, percentile ${(percentile * 100).toFixed(0)} of history)`;
  drafts.push({
    row: {
      ...base,
      part: '5-implied',
      headline: true,
      label: 'implied 10-y spread now',
      null: 'the expected small − large return over the coming decade, given today’s bm_spread, is 0',
      estimate: at.value,
      unit: 'annualized small − large over the next 10 years (conditional mean)',
      ciLow: fitLow,
      ciHigh: fitHigh,
      ciMethod: `fitted value ± ${kFit.toFixed(2)} Newey–West se, the 95th percentile of its |t| ${simText}; interval of the conditional mean, not of one decade`,
      p: pFit,
      pMethod: `t of the fitted value (${(at.value / at.se).toFixed(2)}) against its simulated distribution`,
      mde: (kFit + z80) * at.se,
      direction: 1,
      note: `95 % prediction interval for the coming decade itself: ${pctText(predLow)} to ${pctText(predHigh)} a year (residual sd ${pctText(residualSd).slice(1)} of a decade's outcome)`,
    },
    say: (verdict, pVerdict, adjusted) =>
      `${reading} the fit implies ${pctText(at.value)} a year for small over large caps over the next decade ${intervalWords(fitLow, fitHigh)}, p ${pText(pFit)}${adjusted ? ` (Holm ${pText(pVerdict)})` : ''}; ${verdictWords(verdict)}. One decade's outcome is far less certain: 95 % prediction interval ${pctText(predLow)} to ${pctText(predHigh)} a year.`,
  });
  const inside = article >= fitLow && article <= fitHigh;
  drafts.push({
    row: {
      ...base,
      part: '5-article',
      headline: false,
      label: 'the article’s ≈ 7 points a year',
      null: `the expected small − large return over the coming decade is the article’s ${pctText(article)} a year (8 % − 1 %)`,
      estimate: at.value - article,
      unit: 'implied spread minus the article’s, per year',
      ciLow: fitLow - article,
      ciHigh: fitHigh - article,
      ciMethod: 'the conditional mean’s interval, shifted by the article’s figure',
      p: pArticle,
      pMethod: 't of the fitted value minus 7 points against its simulated distribution',
      mde: (kFit + z80) * at.se,
      direction: at.value - article >= 0 ? -1 : 1,
      note: 'a point null: a rejection contradicts the article’s number; no rejection means history cannot tell it from the values inside the interval',
    },
    say: () =>
      inside
        ? `The article’s ≈ ${pctText(article).slice(1)} a year lies inside the 95 % interval of the conditional mean (${pctText(fitLow)} to ${pctText(fitHigh)}; p ${pText(pArticle)}): history does not contradict it — nor anything else in that range.`
        : `The article’s ≈ ${pctText(article).slice(1)} a year lies outside the 95 % interval of the conditional mean (${pctText(fitLow)} to ${pctText(fitHigh)}; p ${pText(pArticle)}): history contradicts that number.`,
  });
  drafts.push({
    row: {
      ...base,
      part: '5-oos',
      headline: false,
      label: 'out-of-sample R² against no predictability',
      null: 'bm_spread forecasts the next decade no better out of sample than the historical mean',
      n: fit.nOos,
      nUnit: 'forecasts',
      estimate: fit.r2Oos,
      unit: 'out-of-sample R² (expanding window)',
      ciLow: NaN,
      ciHigh: NaN,
      ciMethod: 'none',
      p: sim.pOos,
      pMethod: `one-sided: share of samples ${simText} with an out-of-sample R² at least as high`,
      mde: oos95,
      direction: 1,
      note: 'the MDE column shows the 95th percentile of the R² with no predictability',
    },
    say: (verdict) => `Out of sample, ${oosText}; ${verdictWords(verdict)}.`,
  });
  return { drafts, chart };
}

/** The scatter chart's data: each month end's predictor and outcome (5 significant digits) and the fit. */
function scatterOf(
  x: Float64Array,
  y: Float64Array,
  fit: ReturnType<typeof predictiveRegression>,
  current: number,
  date: number,
  percentile: number,
): NonNullable<ClaimCharts['scatter']> {
  const xs: number[] = [],
    ys: number[] = [];
  for (let k = 0; k < x.length; k++) {
    if (Number.isFinite(x[k]) && Number.isFinite(y[k])) {
      xs.push(Number(x[k].toPrecision(5)));
      ys.push(Number(y[k].toPrecision(5)));
    }
  }
  return { x: xs, y: ys, alpha: fit.alpha, beta: fit.beta, current, currentDate: isoDay(date), percentile, r2: fit.r2, r2Oos: fit.r2Oos, nOos: fit.nOos };
}

import { Phase } from '../../core/types.js';
import { fitFactors, type FactorColumn, type FactorFit } from './factor-fit.js';
import { matchFactorToBars } from './factor-match.js';
import { factorPhaseDifference } from './factor-phase-difference.js';
import { rollingFactorLoadings, type RollingLoadings } from './rolling-factor-loadings.js';

/** What a factor attribution reads: a run's bars, returns, cash and Fed phase, and the factor series. */
export interface FactorAttributionInput {
  /** Bar dates (days since 1970-01-01), the run's frequency and bars per year (to annualize alpha). */
  dates: Int32Array;
  frequency: 'daily' | 'monthly';
  periodsPerYear: number;
  /** Fed phase known at each close (the return of bar t is earned in the phase of bar t − 1). */
  phase: Int8Array;
  /** Cash return per bar: returns are regressed in excess of it. */
  cash: ArrayLike<number>;
  /** The series to attribute, the strategy first (it alone gets the phase split and the timed model). */
  series: { name: string; returns: ArrayLike<number> }[];
  /** Factor return series (fractions per period), each on its own dates, matched to the bars by matchFactorToBars. */
  factors: { name: string; dates: Int32Array; values: ArrayLike<number> }[];
  /** Rolling window in calendar months (default 36). */
  window?: number;
  /** The factor whose loading the timed model lets change while the Fed eases (default `smb`). */
  timed?: string;
}

/** A run's factor attribution (see {@link factorAttribution}). */
export interface FactorAttribution {
  names: string[];
  /** Bars with a return (all but the first) and those with every factor matched. */
  bars: number;
  matched: number;
  /** The days every factor series covers (latest first date, earliest last date). */
  coverage: { from: number; to: number };
  fits: FactorFit[];
  /** Rolling loadings of the strategy. */
  rolling: RollingLoadings;
}

/**
 * Regresses a run's returns in excess of cash on factor returns (Fama & French 2015 five factors
 * plus momentum, Carhart 1997) with Newey–West errors (Newey & West 1987), over the bars where
 * every factor matches the run's calendar (daily factors by day, monthly ones by calendar month;
 * see matchFactorToBars). For each series, the whole period (`all`). For the strategy also:
 * each Fed phase separately (`easing`, `tightening`, `hold`, by the phase known at the previous
 * close), the easing − tightening differences from one interaction regression
 * (`easing-tightening`), and the timed model (`timed`): the same regression plus the `timed`
 * factor × an easing indicator (`<factor>_easing`, the extra loading while the Fed eases) — if
 * its alpha is zero, factor exposure with that loading switched on in easing explains the
 * strategy's mean excess return. Alpha is annualized by the run's bars per year. Also the
 * strategy's rolling loadings on calendar months.
 *
 * @example factorAttribution({ dates, frequency: 'monthly', periodsPerYear: 12, phase, cash, series: [{ name: 'strategy', returns }], factors })
 */
export function factorAttribution(input: FactorAttributionInput): FactorAttribution {
  const { dates, frequency, periodsPerYear: ppy, phase, cash } = input;
  const T = dates.length;
  const columns: FactorColumn[] = input.factors.map((f) => ({ name: f.name, values: matchFactorToBars(dates, frequency, f.dates, f.values) }));
  const excess = (r: ArrayLike<number>) => {
    const y = new Float64Array(T).fill(NaN);
    for (let t = 1; t < T; t++) y[t] = r[t] - cash[t];
    return y;
  };
  let matched = 0;
  for (let t = 1; t < T; t++) if (columns.every((c) => Number.isFinite(c.values[t]))) matched++;
  const inPhase = (p: number) => {
    const mask = new Uint8Array(T);
    for (let t = 1; t < T; t++) mask[t] = phase[t - 1] === p ? 1 : 0;
    return mask;
  };
  const easing = inPhase(Phase.Easing),
    tightening = inPhase(Phase.Tightening),
    hold = inPhase(Phase.Hold);
  const fits: FactorFit[] = [];
  input.series.forEach((s, i) => {
    const y = excess(s.returns);
    fits.push(fitFactors('all', s.name, y, columns, dates, ppy));
    if (i > 0) return;
    fits.push(fitFactors('easing', s.name, y, columns, dates, ppy, easing));
    fits.push(fitFactors('tightening', s.name, y, columns, dates, ppy, tightening));
    fits.push(fitFactors('hold', s.name, y, columns, dates, ppy, hold));
    fits.push(factorPhaseDifference(s.name, y, columns, dates, ppy, easing, tightening));
    const timed = columns.find((c) => c.name === (input.timed ?? 'smb'));
    if (timed) {
      const values = new Float64Array(T);
      for (let t = 0; t < T; t++) values[t] = timed.values[t] * easing[t];
      const extra = { name: `${timed.name}_easing`, values };
      fits.push(fitFactors('timed', s.name, y, [...columns, extra], dates, ppy));
    }
  });
  const first = input.series[0];
  const rolling = rollingFactorLoadings(dates, first ? first.returns : new Float64Array(T).fill(NaN), cash, columns, input.window ?? 36);
  const from = Math.max(...input.factors.map((f) => f.dates[0] ?? NaN));
  const to = Math.min(...input.factors.map((f) => f.dates[f.dates.length - 1] ?? NaN));
  return { names: columns.map((c) => c.name), bars: Math.max(0, T - 1), matched, coverage: { from, to }, fits, rolling };
}

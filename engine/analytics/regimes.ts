import { Phase, type FedCycle } from '../types.js';

/** One row of the regime table. Returns are fractions; `*Ann` annualized over calendar days. */
export interface RegimeRow {
  scope: 'phase' | 'cycle';
  /** `easing`, `tightening`, `hold`, or the cycle label (e.g. `easing 2019-07-31`). */
  label: string;
  cycleId: number;
  direction: 'easing' | 'tightening' | 'hold';
  /** First and last bar dates covered (days since epoch; NaN when no bar). */
  start: number;
  end: number;
  /** Calendar days and bars held in the regime. */
  days: number;
  bars: number;
  strategy: number;
  small: number;
  large: number;
  /** Small relative to large: (1 + small) / (1 + large) − 1. */
  relative: number;
  strategyAnn: number;
  smallAnn: number;
  largeAnn: number;
}

/** Inputs of {@link regimeTable}: per-bar returns (index 0 ignored) and the Fed annotation. */
export interface RegimeInput {
  dates: Int32Array;
  strategy: Float64Array;
  small: Float64Array;
  large: Float64Array;
  phase: Int8Array;
  cycles: readonly FedCycle[];
}

/** Annualizes a compounded return earned over `days` calendar days. */
export function annualize(ret: number, days: number): number {
  return days > 0 ? Math.pow(1 + ret, 365.25 / days) - 1 : NaN;
}

function row(scope: RegimeRow['scope'], label: string, cycleId: number, direction: RegimeRow['direction'], input: RegimeInput, member: (t: number) => boolean): RegimeRow {
  const { dates } = input;
  let s = 1, a = 1, b = 1, days = 0, bars = 0, start = NaN, end = NaN;
  for (let t = 1; t < dates.length; t++) {
    if (!member(t)) continue;
    s *= 1 + input.strategy[t];
    a *= 1 + input.small[t];
    b *= 1 + input.large[t];
    days += dates[t] - dates[t - 1];
    bars++;
    if (Number.isNaN(start)) start = dates[t - 1];
    end = dates[t];
  }
  const strategy = s - 1, small = a - 1, large = b - 1;
  return {
    scope, label, cycleId, direction, start, end, days, bars, strategy, small, large,
    relative: bars ? (1 + small) / (1 + large) - 1 : NaN,
    strategyAnn: annualize(strategy, days),
    smallAnn: annualize(small, days),
    largeAnn: annualize(large, days),
  };
}

/**
 * Regime table. Phase rows chain every bar whose return was earned while the phase known
 * at the previous close was easing, tightening or hold (the point-in-time phase a strategy
 * could act on). Cycle rows cover each cycle from its first move to the next cycle's first
 * move (ex-post dates), for cycles that overlap the data.
 */
export function regimeTable(input: RegimeInput): RegimeRow[] {
  const rows: RegimeRow[] = [];
  const phases: [RegimeRow['direction'], number][] = [['easing', Phase.Easing], ['tightening', Phase.Tightening], ['hold', Phase.Hold]];
  for (const [name, value] of phases) rows.push(row('phase', name, 0, name, input, (t) => input.phase[t - 1] === value));
  const { dates, cycles } = input;
  for (let c = 0; c < cycles.length; c++) {
    const from = cycles[c].start;
    const to = c + 1 < cycles.length ? cycles[c + 1].start : Infinity;
    if (to <= dates[0] || from >= dates[dates.length - 1]) continue;
    const label = `${cycles[c].direction} ${new Date(from * 864e5).toISOString().slice(0, 10)}`;
    rows.push(row('cycle', label, cycles[c].id, cycles[c].direction, input, (t) => dates[t - 1] >= from && dates[t - 1] < to));
  }
  return rows;
}

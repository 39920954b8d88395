import { Phase, type FedCycle } from '../../core/types.js';
import { periodsPerYear } from '../../core/periods-per-year.js';
import { deriveSeed } from '../../core/random.js';
import { DEFAULT_DRAWS } from '../stats/bootstrap-mean.js';
import { optimalBlockLength } from '../stats/block-length.js';
import { neweyWestContrast } from '../stats/newey-west-contrast.js';
import { neweyWestGroupMean } from '../stats/newey-west-group-mean.js';
import { percentileInterval } from '../stats/percentile-interval.js';
import { stationaryBootstrapMeans } from '../stats/stationary-bootstrap.js';

/**
 * One row of the regime table. Returns are fractions; `*Ann` annualized over calendar days,
 * only for periods of at least a year (NaN otherwise: read the period return).
 */
export interface RegimeRow {
  /** `phase` rows, `cycle` rows, and the `contrast` row easing − tightening (spread fields only). */
  scope: 'phase' | 'cycle' | 'contrast';
  /** `easing`, `tightening`, `hold`, the cycle label (e.g. `easing 2019-07-31`), or `easing − tightening`. */
  label: string;
  cycleId: number;
  /** The phase of a phase or cycle row; empty for the contrast row, which pools easing and tightening. */
  direction: 'easing' | 'tightening' | 'hold' | '';
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
  /** Bonds over the same bars, and annualized, when the input has bonds. */
  bonds?: number;
  bondsAnn?: number;
  /**
   * Annualized small − large spread: mean per-bar (small − large) return × bars per year
   * (NaN for periods under a year, except phase and contrast rows, which pool many spells).
   */
  spreadAnn: number;
  /** Newey–West t of the mean spread (phase, contrast and cycle rows). */
  spreadT: number;
  /** Stationary block-bootstrap 95 % interval of `spreadAnn` (phase and contrast rows). */
  spreadCiLow: number;
  spreadCiHigh: number;
}

/** Options of {@link regimeTable}'s inference. */
export interface RegimeOptions {
  /** Block-bootstrap draws (default 10,000). */
  draws?: number;
  /** Master seed (default 1). */
  seed?: number;
}

/** Inputs of {@link regimeTable}: per-bar returns (index 0 ignored) and the Fed annotation. */
export interface RegimeInput {
  dates: Int32Array;
  strategy: Float64Array;
  small: Float64Array;
  large: Float64Array;
  /** Per-bar bond returns, for universes with bonds (adds `bonds` and `bondsAnn` to each row). */
  bonds?: Float64Array;
  phase: Int8Array;
  cycles: readonly FedCycle[];
  /** Bars per year for the annualized spread (default: measured from `dates`). */
  periodsPerYear?: number;
}

/** The first index i with dates[i] ≥ day (dates ascending), dates.length if none. */
function firstAtOrAfter(dates: Int32Array, day: number): number {
  let lo = 0,
    hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Annualizes a compounded return earned over `days` calendar days. */
export function annualize(ret: number, days: number): number {
  return days > 0 ? Math.pow(1 + ret, 365.25 / days) - 1 : NaN;
}

/** A row over the bars t in [from, to) (default: all) for which `member(t)` holds. */
function row(
  scope: RegimeRow['scope'],
  label: string,
  cycleId: number,
  direction: RegimeRow['direction'],
  input: RegimeInput,
  member: (t: number) => boolean,
  from = 1,
  to = input.dates.length,
): RegimeRow {
  const { dates } = input;
  let s = 1,
    a = 1,
    b = 1,
    c = 1,
    days = 0,
    bars = 0,
    start = NaN,
    end = NaN;
  for (let t = from; t < to; t++) {
    if (!member(t)) continue;
    s *= 1 + input.strategy[t];
    a *= 1 + input.small[t];
    b *= 1 + input.large[t];
    if (input.bonds) c *= 1 + input.bonds[t];
    days += dates[t] - dates[t - 1];
    bars++;
    if (Number.isNaN(start)) start = dates[t - 1];
    end = dates[t];
  }
  const strategy = s - 1,
    small = a - 1,
    large = b - 1;
  const yearOrMore = days >= 365;
  return {
    scope,
    label,
    cycleId,
    direction,
    start,
    end,
    days,
    bars,
    strategy,
    small,
    large,
    relative: bars ? (1 + small) / (1 + large) - 1 : NaN,
    strategyAnn: yearOrMore ? annualize(strategy, days) : NaN,
    smallAnn: yearOrMore ? annualize(small, days) : NaN,
    largeAnn: yearOrMore ? annualize(large, days) : NaN,
    ...(input.bonds ? { bonds: c - 1, bondsAnn: yearOrMore ? annualize(c - 1, days) : NaN } : {}),
    spreadAnn: NaN,
    spreadT: NaN,
    spreadCiLow: NaN,
    spreadCiHigh: NaN,
  };
}

/**
 * Regime table. Phase rows chain every bar whose return was earned while the phase known
 * at the previous close was easing, tightening or hold (the point-in-time phase a strategy
 * could act on). Cycle rows cover each cycle from its first move to the next cycle's first
 * move (ex-post dates), for cycles that overlap the data. The contrast row is easing minus
 * tightening. Inference on the per-bar spread d_t = small_t − large_t: a Newey–West t for
 * each phase's mean (and each cycle's, and the contrast), and a stationary block bootstrap
 * (Politis & Romano 1994; block length by Politis & White 2004) of the whole series with its
 * phase labels, which gives every phase's interval and the contrast's from the same draws.
 */
export function regimeTable(input: RegimeInput, options: RegimeOptions = {}): RegimeRow[] {
  const rows: RegimeRow[] = [];
  const phases: [RegimeRow['direction'], number][] = [
    ['easing', Phase.Easing],
    ['tightening', Phase.Tightening],
    ['hold', Phase.Hold],
  ];
  for (const [name, value] of phases) rows.push(row('phase', name, 0, name, input, (t) => input.phase[t - 1] === value));
  const { dates, cycles } = input;
  const cycleMembers: Uint8Array[] = [];
  for (let c = 0; c < cycles.length; c++) {
    const from = cycles[c].start;
    const to = c + 1 < cycles.length ? cycles[c + 1].start : Infinity;
    if (to <= dates[0] || from >= dates[dates.length - 1]) continue;
    const label = `${cycles[c].direction} ${new Date(from * 864e5).toISOString().slice(0, 10)}`;
    // the cycle's bars t have dates[t − 1] in [from, to): one contiguous range, found by bisection
    const lo = firstAtOrAfter(dates, from),
      hi = firstAtOrAfter(dates, to);
    rows.push(row('cycle', label, cycles[c].id, cycles[c].direction, input, () => true, lo + 1, Math.min(hi + 1, dates.length)));
    cycleMembers.push(new Uint8Array(dates.length - 1).fill(1, lo, hi));
  }
  const contrast = row('contrast', 'easing − tightening', 0, '', input, () => false);
  // it pools the easing and the tightening bars: it runs from the first of them to the last
  const starts = [rows[0].start, rows[1].start].filter(Number.isFinite);
  const ends = [rows[0].end, rows[1].end].filter(Number.isFinite);
  Object.assign(contrast, {
    start: starts.length ? Math.min(...starts) : NaN,
    end: ends.length ? Math.max(...ends) : NaN,
    days: rows[0].days + rows[1].days,
    bars: rows[0].bars + rows[1].bars,
    strategy: NaN,
    small: NaN,
    large: NaN,
    relative: NaN,
    ...(input.bonds ? { bonds: NaN, bondsAnn: NaN } : {}),
  });
  rows.push(contrast);
  addSpreadInference(input, rows, cycleMembers, options);
  return rows;
}

/** Fills the spread fields: Newey–West t per row, block-bootstrap intervals for phases and the contrast. */
function addSpreadInference(input: RegimeInput, rows: RegimeRow[], cycleMembers: Uint8Array[], options: RegimeOptions): void {
  const T = input.dates.length;
  if (T < 3) return;
  const ppy = input.periodsPerYear ?? periodsPerYear(input.dates);
  const n = T - 1;
  const d = new Float64Array(n);
  const group = new Int32Array(n);
  const code = (p: number) => (p === Phase.Easing ? 0 : p === Phase.Tightening ? 1 : 2);
  for (let t = 1; t < T; t++) {
    d[t - 1] = input.small[t] - input.large[t];
    group[t - 1] = code(input.phase[t - 1]);
  }
  const is = (g: number) => Uint8Array.from(group, (x) => (x === g ? 1 : 0));
  const members = [is(0), is(1), is(2)];
  const blockLength = optimalBlockLength(d);
  const draws = stationaryBootstrapMeans(d, group, 3, { blockLength, draws: options.draws ?? DEFAULT_DRAWS, seed: deriveSeed(options.seed ?? 1, 'regimes') });
  const B = draws.length / 3;
  const column = (f: (b: number) => number) => Float64Array.from({ length: B }, (_, b) => f(b) * ppy);
  for (let g = 0; g < 3; g++) {
    const r = rows[g];
    const nw = neweyWestGroupMean(d, members[g]);
    r.spreadAnn = nw.mean * ppy;
    r.spreadT = nw.t;
    const ci = percentileInterval(column((b) => draws[b * 3 + g]));
    r.spreadCiLow = ci.low;
    r.spreadCiHigh = ci.high;
  }
  const contrast = rows[rows.length - 1];
  const nw = neweyWestContrast(d, members[0], members[1]);
  contrast.spreadAnn = nw.mean * ppy;
  contrast.spreadT = nw.t;
  const ci = percentileInterval(column((b) => draws[b * 3] - draws[b * 3 + 1]));
  contrast.spreadCiLow = ci.low;
  contrast.spreadCiHigh = ci.high;
  rows
    .filter((r) => r.scope === 'cycle')
    .forEach((r, k) => {
      const nwc = neweyWestGroupMean(d, cycleMembers[k]);
      r.spreadT = nwc.t;
      if (r.days >= 365) r.spreadAnn = nwc.mean * ppy;
    });
}

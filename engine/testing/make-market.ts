import { isoDay, parseIsoDay, weekday } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { detectCycles, type RateMove } from '../market/fed/detect-cycles.js';
import { fedFrame } from '../market/fed/fed-frame.js';
import { periodsPerYear } from '../core/periods-per-year.js';
import type { FomcDecision, Market } from '../core/types.js';

/** Input of {@link makeMarket}: plain arrays of equal length, one value per bar. */
export interface FakeMarketInput {
  /** Bar dates, `YYYY-MM-DD`, ascending (see {@link weekdays} and {@link monthEnds}). */
  dates: string[];
  /** Prices of the small-cap asset `s` and the large-cap asset `l` (any positive index level). */
  small: number[];
  large: number[];
  /** Cash return earned over each bar, fraction (default 0). */
  cash?: number[];
  /** Extra series by id, already as known at each bar's close (NaN = unknown). */
  series?: Record<string, number[]>;
  /** Policy decisions: [decision date, new rate in percent]; the first previous rate is `startRate`. */
  decisions?: [string, number][];
  /** Policy rate before the first decision, percent per year (default 5). */
  startRate?: number;
  /** Calendar frequency (default `daily`). */
  frequency?: 'daily' | 'monthly';
}

/**
 * Builds a small point-in-time market from plain arrays, for tests of a strategy's weights:
 * assets `s` (role small) and `l` (role large), returns from the prices, the Fed frame
 * (phases, cycles, first cuts) from the decisions. The inputs are not changed.
 *
 * @example
 * const market = makeMarket({ dates: monthEnds('2019-01', 12), small: [...], large: [...], startRate: 2.5, decisions: [['2019-07-31', 2.25]], frequency: 'monthly' });
 */
export function makeMarket(input: FakeMarketInput): Market {
  const dates = Int32Array.from(
    input.dates.map((d) => {
      const day = parseIsoDay(d);
      if (Number.isNaN(day)) throw new UserError(`makeMarket: "${d}" is not a date (YYYY-MM-DD)`);
      return day;
    }),
  );
  const T = dates.length;
  for (let t = 1; t < T; t++)
    if (dates[t] <= dates[t - 1]) throw new UserError(`makeMarket: dates must be ascending (${input.dates[t]} after ${input.dates[t - 1]})`);
  const lengths: [string, number][] = [
    ['small', input.small.length],
    ['large', input.large.length],
    ['cash', input.cash?.length ?? T],
    ...Object.entries(input.series ?? {}).map(([k, v]) => [`series ${k}`, v.length] as [string, number]),
  ];
  for (const [name, n] of lengths) if (n !== T) throw new UserError(`makeMarket: ${name} has ${n} values for ${T} dates`);
  const prices = { s: Float64Array.from(input.small), l: Float64Array.from(input.large) };
  const returns: Record<string, Float64Array> = {};
  for (const [k, p] of Object.entries(prices)) {
    const r = new Float64Array(T);
    for (let t = 1; t < T; t++) r[t] = p[t] / p[t - 1] - 1;
    returns[k] = r;
  }
  let rate = input.startRate ?? 5;
  const moves: RateMove[] = [];
  const fomc: FomcDecision[] = [];
  for (const [date, to] of input.decisions ?? []) {
    const day = parseIsoDay(date);
    if (Number.isNaN(day)) throw new UserError(`makeMarket: decision date "${date}" is not a date (YYYY-MM-DD)`);
    moves.push({ date: day, previous: rate, rate: to });
    fomc.push({ date: day, previous: rate, target: to, changeBp: Math.round((to - rate) * 1e4) / 100, type: 'meeting', effective: day });
    rate = to;
  }
  const policy = new Float64Array(T);
  let m = -1;
  let current = input.startRate ?? 5;
  for (let t = 0; t < T; t++) {
    while (m + 1 < moves.length && moves[m + 1].date <= dates[t]) current = moves[++m].rate;
    policy[t] = current;
  }
  const series: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(input.series ?? {})) series[k] = Float64Array.from(v);
  return {
    universe: 'test',
    frequency: input.frequency ?? 'daily',
    periodsPerYear: periodsPerYear(dates),
    dates,
    assets: ['s', 'l'],
    small: 's',
    large: 'l',
    prices,
    returns,
    cash: Float64Array.from(input.cash ?? new Array(T).fill(0)),
    series,
    fed: fedFrame(dates, policy, moves, detectCycles(moves)),
    fomc,
    dataHashes: {},
    warnings: [],
  };
}

/**
 * ISO dates of `n` consecutive weekdays (Monday to Friday) starting at `start` (included when a weekday).
 *
 * @example weekdays('2020-01-03', 3) // ['2020-01-03', '2020-01-06', '2020-01-07']
 */
export function weekdays(start: string, n: number): string[] {
  const out: string[] = [];
  let day = parseIsoDay(start);
  if (Number.isNaN(day)) throw new UserError(`weekdays: "${start}" is not a date (YYYY-MM-DD)`);
  while (out.length < n) {
    const w = weekday(day);
    if (w !== 0 && w !== 6) out.push(isoDay(day));
    day++;
  }
  return out;
}

/**
 * ISO month-end dates of `n` months starting with the month of `start` (`YYYY-MM`).
 *
 * @example monthEnds('2019-11', 3) // ['2019-11-30', '2019-12-31', '2020-01-31']
 */
export function monthEnds(start: string, n: number): string[] {
  const [y, m] = start.split('-').map(Number);
  return Array.from({ length: n }, (_, k) => new Date(Date.UTC(y, m - 1 + k + 1, 0)).toISOString().slice(0, 10));
}

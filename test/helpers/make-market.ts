import { parseIsoDay } from '../../engine/dates.js';
import { detectCycles, type RateMove } from '../../engine/fed/detect-cycles.js';
import { fedFrame } from '../../engine/fed/fed-frame.js';
import { periodsPerYear } from '../../engine/market/periods-per-year.js';
import type { FomcDecision, Market } from '../../engine/types.js';

/** Hand-made market for tests: two assets `s` (small) and `l` (large) with given prices. */
export interface FakeMarketInput {
  dates: string[];
  small: number[];
  large: number[];
  cash?: number[];
  series?: Record<string, number[]>;
  /** Policy decisions: [date, new rate]; the first previous rate is `startRate`. */
  decisions?: [string, number][];
  startRate?: number;
  frequency?: 'daily' | 'monthly';
}

/** Builds a Market from plain arrays (prices → returns; Fed frame from the decisions). */
export function makeMarket(input: FakeMarketInput): Market {
  const dates = Int32Array.from(input.dates.map(parseIsoDay));
  const T = dates.length;
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

/** ISO dates of consecutive weekdays starting at `start`. */
export function weekdays(start: string, n: number): string[] {
  const out: string[] = [];
  let day = parseIsoDay(start);
  while (out.length < n) {
    const w = (((day + 4) % 7) + 7) % 7;
    if (w !== 0 && w !== 6) out.push(new Date(day * 86_400_000).toISOString().slice(0, 10));
    day++;
  }
  return out;
}

/** ISO month-end dates for n months starting with the month of `start` (YYYY-MM). */
export function monthEnds(start: string, n: number): string[] {
  const [y, m] = start.split('-').map(Number);
  return Array.from({ length: n }, (_, k) => new Date(Date.UTC(y, m - 1 + k + 1, 0)).toISOString().slice(0, 10));
}

import { isoDay } from '../engine/dates.js';
import { mulberry32 } from '../engine/random.js';
import { sliceMarket } from '../engine/market/slice-market.js';
import type { Market } from '../engine/types.js';
import type { Strategy } from './define.js';
import { evaluateStrategy } from './evaluate.js';

/** Result of a look-ahead audit. */
export interface AuditResult {
  ok: boolean;
  /** Number of truncation points checked and their bar indexes. */
  cuts: number[];
  /** First decision that changed when the future was removed (the earliest over all cuts). */
  firstOffence?: { date: string; asset: string; full: number; truncated: number; cut: string };
}

/** Options of {@link auditStrategy}. */
export interface AuditOptions {
  /** Random cut points on top of every year end (default 20). */
  randomCuts?: number;
  /** Seed of the random cut points (default 1). */
  seed?: number;
}

/** Bar indexes to cut at: the last bar of every year plus `n` random bars (sorted, unique). */
export function auditCuts(dates: Int32Array, n: number, seed: number): number[] {
  const cuts = new Set<number>();
  for (let t = 0; t + 1 < dates.length; t++) {
    if (new Date(dates[t] * 864e5).getUTCFullYear() !== new Date(dates[t + 1] * 864e5).getUTCFullYear()) cuts.add(t + 1);
  }
  const rnd = mulberry32(seed);
  for (let k = 0; k < n; k++) cuts.add(2 + Math.floor(rnd() * (dates.length - 2)));
  return [...cuts].filter((c) => c >= 2 && c < dates.length).sort((a, b) => a - b);
}

/**
 * Look-ahead audit: re-runs the strategy on history truncated at many cut points and
 * checks that every weight decided before each cut is identical (NaN equal to NaN) to
 * the full-history run. A strategy that reads bars after t to decide at t is caught, and
 * the earliest offending decision is named.
 */
export function auditStrategy(strategy: Strategy, market: Market, params: Record<string, unknown>, options: AuditOptions = {}): AuditResult {
  const full = evaluateStrategy(strategy, market, params);
  const A = market.assets.length;
  const cuts = auditCuts(market.dates, options.randomCuts ?? 20, options.seed ?? 1);
  let first: AuditResult['firstOffence'];
  let firstBar = Infinity;
  for (const cut of cuts) {
    const part = evaluateStrategy(strategy, sliceMarket(market, cut), params);
    for (let i = 0; i < cut * A && Math.floor(i / A) < firstBar; i++) {
      const a = full[i];
      const b = part[i];
      if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
      const bar = Math.floor(i / A);
      firstBar = bar;
      first = { date: isoDay(market.dates[bar]), asset: market.assets[i % A], full: a, truncated: b, cut: isoDay(market.dates[cut - 1]) };
      break;
    }
  }
  return { ok: first === undefined, cuts, firstOffence: first };
}

import type { Catalog, FomcDecision, PolicyMove, Series } from '../../core/types.js';
import { findEntry } from '../data/catalog.js';
import { loadFomc } from '../data/load-fomc.js';
import { publicationDays } from '../publication.js';
import { monthlyMoves } from './monthly-moves.js';
import { stepMoves } from './step-moves.js';

/** Which series make the Fed's moves (defaults: fed_target, fed_funds, fomc; a 0.5-point monthly step for the funds rate). */
export interface PolicySeries {
  policy?: string;
  funds?: string;
  decisions?: string;
  fundsStep?: number;
  /**
   * Another central bank: the id of its policy-rate step series (a universe's `policy`). Its
   * moves are the series' changes at the days they became known (see stepMoves); no funds-rate
   * rule and no decision table are used.
   */
  bank?: string;
}

/** Every policy move of a catalog and where each part came from. */
export interface PolicyMoves {
  /** Moves in date order: the funds-rate rule before the target series starts, then the FOMC decisions. */
  moves: PolicyMove[];
  decisions: FomcDecision[];
  /** First date of the target series (Infinity without one). */
  targetStart: number;
  /** The decision table's file and hash, when the catalog has one. */
  fomc?: { file: string; hash: string };
}

/**
 * The Fed's policy moves of a catalog, whatever a universe's calendar: before the target series
 * starts, months whose average effective funds rate moved `fundsStep` points or more from the
 * last move's level (dated when the average is known); then the FOMC decisions at their close.
 * The one home of that rule: the market frame's Fed annotation and `now` (which needs moves past
 * a monthly universe's last month end) both use it. `load` reads a series (callers may cache).
 */
export function policyMoves(catalog: Catalog, load: (id: string) => Series, opts: PolicySeries = {}): PolicyMoves {
  if (opts.bank !== undefined) {
    const rate = load(opts.bank);
    const known = publicationDays(rate.dates, rate.meta.publication, rate.published);
    return { moves: stepMoves(known, rate.values), decisions: [], targetStart: rate.dates[0] };
  }
  const has = (id: string) => catalog.series.some((s) => s.id === id);
  const policyId = opts.policy ?? 'fed_target';
  const fundsId = opts.funds ?? 'fed_funds';
  const decisionsId = opts.decisions ?? 'fomc';
  const moves: PolicyMove[] = [];
  const targetStart = has(policyId) ? load(policyId).dates[0] : Infinity;
  if (has(fundsId)) {
    const funds = load(fundsId);
    if (funds.dates[0] < targetStart) moves.push(...monthlyMoves(funds.dates, funds.values, targetStart, opts.fundsStep ?? 0.5));
  }
  let decisions: FomcDecision[] = [];
  let fomc: PolicyMoves['fomc'];
  if (has(decisionsId)) {
    const entry = findEntry(catalog, decisionsId);
    const loaded = loadFomc(entry, catalog.dir);
    decisions = loaded.decisions;
    fomc = { file: entry.file, hash: loaded.hash };
    for (const d of decisions) moves.push({ date: d.date, previous: d.previous, rate: d.target });
  }
  moves.sort((a, b) => a.date - b.date);
  return { moves, decisions, targetStart, ...(fomc ? { fomc } : {}) };
}

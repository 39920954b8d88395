import type { Catalog, PolicyMove } from '../../core/types.js';
import { findEntry } from '../../market/data/catalog.js';
import { loadFomc } from '../../market/data/load-fomc.js';
import { loadSeries } from '../../market/data/load-series.js';
import { monthlyMoves } from '../../market/fed/monthly-moves.js';

/**
 * Every policy move in the catalog, whatever the universe's calendar, by the market frame's rule
 * (build-market's Fed annotation): before the target series starts, months whose average
 * effective funds rate moved 50 bp or more from the last move's level (dated when the average is
 * known); then the FOMC decisions at their close. The frame keeps only the moves up to its last
 * bar; `now` needs those up to its as-of date, which may come after a monthly universe's last
 * month end (a cut on 2025-09-17 is known on 2025-09-18, before September's returns are).
 * Also returns the first decision's date (Infinity without a decision table).
 */
export function policyMoves(catalog: Catalog): { moves: PolicyMove[]; decisionsFrom: number } {
  const has = (id: string) => catalog.series.some((s) => s.id === id);
  const moves: PolicyMove[] = [];
  const targetStart = has('fed_target') ? loadSeries(findEntry(catalog, 'fed_target'), catalog.dir).dates[0] : Infinity;
  if (has('fed_funds')) {
    const funds = loadSeries(findEntry(catalog, 'fed_funds'), catalog.dir);
    if (funds.dates[0] < targetStart) moves.push(...monthlyMoves(funds.dates, funds.values, targetStart, 0.5));
  }
  let decisionsFrom = Infinity;
  if (has('fomc')) {
    const { decisions } = loadFomc(findEntry(catalog, 'fomc'), catalog.dir);
    for (const d of decisions) moves.push({ date: d.date, previous: d.previous, rate: d.target });
    if (decisions.length) decisionsFrom = decisions[0].date;
  }
  return { moves: moves.sort((a, b) => a.date - b.date), decisionsFrom };
}

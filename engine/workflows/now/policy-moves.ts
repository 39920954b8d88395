import type { Catalog, PolicyMove } from '../../core/types.js';
import { findEntry } from '../../market/data/catalog.js';
import { loadSeries } from '../../market/data/load-series.js';
import { policyMoves as catalogMoves } from '../../market/fed/policy-moves.js';

/**
 * Every policy move in the catalog by the market frame's rule (see the market layer's
 * policyMoves): `now` needs the moves up to its as-of date, which may come after a monthly
 * universe's last month end (a cut on 2025-09-17 is known on 2025-09-18, before September's
 * returns are). Also returns the first decision's date (Infinity without a decision table).
 */
export function policyMoves(catalog: Catalog): { moves: PolicyMove[]; decisionsFrom: number } {
  const { moves, decisions } = catalogMoves(catalog, (id) => loadSeries(findEntry(catalog, id), catalog.dir));
  return { moves, decisionsFrom: decisions.length ? decisions[0].date : Infinity };
}

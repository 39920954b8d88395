import { UserError } from '../../core/errors.js';
import type { Catalog } from '../../core/types.js';

/** The universe a command uses when none is named, and why the preferred one was passed over. */
export interface DefaultUniverse {
  id: string;
  /** Set when the catalog's `defaultUniverse` is not available here: one line saying so and how to add it. */
  note?: string;
}

/**
 * The universe commands use when none is named: the catalog's `"defaultUniverse"` (a project
 * sets its own in its catalog.json; the shipped one says `russell`), else the first universe of
 * the catalog. When that one needs data this installation does not have (the npm package leaves
 * out index levels whose terms forbid redistribution), the first available universe is used
 * instead and `note` says which was passed over, why, and how to add its data.
 */
export function defaultUniverse(catalog: Catalog): DefaultUniverse {
  const wanted = catalog.defaultUniverse ?? catalog.universes[0]?.id;
  if (wanted !== undefined && catalog.universes.some((u) => u.id === wanted)) return { id: wanted };
  const first = catalog.universes[0];
  if (!first) throw new UserError(`the catalog in ${catalog.dir} has no universe that can be used here; add one (docs/data.md)`);
  const gone = catalog.unavailable?.universes ?? {};
  const why = wanted !== undefined ? gone[wanted] : undefined;
  if (!why) return { id: first.id };
  const others = Object.keys(gone).filter((id) => id !== wanted);
  const also = others.length ? `; also not available here: ${others.join(', ')}` : '';
  return { id: first.id, note: `the default universe "${wanted}" is not available (${why}); using "${first.id}"${also}` };
}
